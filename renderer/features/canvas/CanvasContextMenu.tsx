import { useEffect, useRef } from "react";
import type { Roadmap } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import type { AppState } from "../../app/appStore";
import { type CommandContext, type CommandId, findCommand, runCommand, shortcutText } from "../../app/commands";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";
import { canvasController } from "./canvasController";

export interface ContextMenuTarget {
  kind: "phase" | "transition" | "pane" | "note";
  id: string | null;
  x: number;
  y: number;
}

interface MenuItem {
  label: string;
  shortcut?: string;
  run: (state: AppState) => void;
}

/** A command of the registry as a menu item, perhaps named for where it acts ("Add phase here"). */
function commandItem(id: CommandId, options: { label?: string; context?: CommandContext } = {}): MenuItem {
  const command = findCommand(id);
  return {
    label: options.label ?? command.label,
    shortcut: shortcutText(command),
    run: (state) => runCommand(id, state, options.context),
  };
}

function itemsFor(target: ContextMenuTarget, state: AppState): MenuItem[] {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap) return [];
  if (target.kind === "phase" && target.id) {
    const phase = roadmap.phases.find((p) => p.id === target.id);
    return [
      commandItem("canvas.rename", { label: "Rename" }),
      commandItem("canvas.duplicate"),
      // One item per stage, so these stay here rather than in the registry, whose commands take no argument.
      ...roadmap.stages
        .filter((stage) => stage.id !== phase?.stageId)
        .map((stage) => ({
          label: `Move to stage “${stage.name}”`,
          run: (s: AppState) =>
            s.edit((r) => ({
              ...r,
              phases: r.phases.map((p) => (s.selection.phaseIds.includes(p.id) ? { ...p, stageId: stage.id } : p)),
            })),
        })),
      commandItem("notes.add"),
      commandItem("canvas.delete"),
    ];
  }
  if (target.kind === "transition") {
    return [commandItem("notes.add"), commandItem("canvas.delete", { label: "Delete transition" })];
  }
  if (target.kind === "note" && target.id) return noteItems(roadmap, target.id);
  const at = canvasController()?.screenToCanvas({ x: target.x, y: target.y });
  return [
    commandItem("canvas.addPhase", { label: "Add phase here", ...(at ? { context: { at } } : {}) }),
    commandItem("notes.add", { label: "Add note here", ...(at ? { context: { at } } : {}) }),
    commandItem("edit.selectAll"),
    commandItem("canvas.autoArrange"),
    commandItem("canvas.zoomToFit"),
  ];
}

function noteItems(roadmap: Roadmap, noteId: string): MenuItem[] {
  const note = roadmap.stickyNotes.find((n) => n.id === noteId);
  if (!note) return [];
  return [
    { label: "Edit note", run: (state) => state.setEditingNote(noteId) },
    note.status === "open"
      ? { label: "Resolve note", run: (state) => state.setNoteStatus(noteId, "resolved") }
      : { label: "Reopen note", run: (state) => state.setNoteStatus(noteId, "open") },
    { label: "Delete note", run: (state) => state.deleteNote(noteId) },
  ];
}

/** The right-click menu of a phase, a transition or the empty canvas. */
export function CanvasContextMenu({ target, onClose }: { target: ContextMenuTarget; onClose: () => void }) {
  const store = useAppStoreApi();
  const menu = useRef<HTMLDivElement>(null);
  const items = itemsFor(target, store.getState());

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const close = (event: Event) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", close, true);
    return () => window.removeEventListener("pointerdown", close, true);
  }, [onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    // Keys pressed in the menu are the menu's: Enter on an item must not also reach the canvas.
    event.stopPropagation();
    if (event.key === "Escape") onClose();
    else if (event.key === "ArrowDown") entries[(index + 1) % entries.length]?.focus();
    else if (event.key === "ArrowUp") entries[(index - 1 + entries.length) % entries.length]?.focus();
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label="Canvas actions"
      style={{ left: target.x, top: target.y }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className="context-menu-item"
          onClick={() => {
            onClose();
            item.run(store.getState());
          }}
        >
          <span>{item.label}</span>
          {item.shortcut && <kbd>{item.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
