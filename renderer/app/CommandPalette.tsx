import { Command as Cmdk, defaultFilter } from "cmdk";
import { type KeyboardEvent, useEffect, useState } from "react";
import type { CommandGroup } from "../../shared/commands/commandList";
import { useAppStoreApi } from "./AppStoreContext";
import { COMMANDS, type CommandId, runCommand, shortcutText } from "./commands";

const GROUPS: readonly CommandGroup[] = ["File", "Edit", "Canvas", "View", "Help"];

/**
 * cmdk's fuzzy score, without its faintest matches: letters scattered through
 * a long name ("save" in "Delete … phase") are noise, while abbreviations
 * ("zm fit" for Zoom to fit) and word starts score well above this.
 */
function filter(value: string, search: string, keywords?: string[]): number {
  const score = defaultFilter(value, search, keywords);
  return score >= 0.1 ? score : 0;
}

/**
 * Every command that applies now, found by typing part of its name (fuzzy, by
 * cmdk's scorer) and run with Enter. Commands that do not apply are left out
 * rather than greyed: the palette is for doing, and a list half of disabled
 * rows makes the ones that work harder to find; the menus still show them all.
 */
export function CommandPalette() {
  const store = useAppStoreApi();
  // Taken before the palette's own field has the keyboard: "Undo" means the text field the user was in, if any,
  // and the palette's search box must not count as one.
  const [{ available, returnFocusTo }] = useState(() => ({
    available: COMMANDS.filter((c) => c.id !== "view.commandPalette" && c.isEnabled(store.getState())),
    returnFocusTo: document.activeElement instanceof HTMLElement ? document.activeElement : null,
  }));

  useEffect(() => () => returnFocusTo?.focus(), [returnFocusTo]);

  const close = () => store.getState().closeDialog();
  const run = (id: CommandId) => {
    // The command acts where the user was, not in the palette.
    returnFocusTo?.focus();
    close();
    runCommand(id, store.getState());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") close();
    // The search box is the palette's only stop for Tab; arrows move through the list.
    else if (event.key !== "Tab") return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      className="dialog-backdrop palette-backdrop"
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) close();
      }}
    >
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" onKeyDown={onKeyDown}>
        <Cmdk label="Commands" loop filter={filter}>
          <Cmdk.Input className="palette-input" placeholder="Type a command…" autoFocus />
          <Cmdk.List className="palette-list">
            <Cmdk.Empty className="palette-empty">No command matches.</Cmdk.Empty>
            {GROUPS.map((group) => {
              const commands = available.filter((c) => c.group === group);
              if (commands.length === 0) return null;
              return (
                <Cmdk.Group key={group} heading={group} className="palette-group">
                  {commands.map((command) => (
                    <Cmdk.Item
                      key={command.id}
                      value={command.label}
                      keywords={command.keywords ? [...command.keywords] : []}
                      onSelect={() => run(command.id)}
                      className="palette-item"
                    >
                      <span>
                        {command.label}
                        {command.isChecked && (
                          <span className="palette-state">{command.isChecked(store.getState()) ? "On" : "Off"}</span>
                        )}
                      </span>
                      {command.shortcuts && <kbd>{shortcutText(command)}</kbd>}
                    </Cmdk.Item>
                  ))}
                </Cmdk.Group>
              );
            })}
          </Cmdk.List>
        </Cmdk>
      </div>
    </div>
  );
}
