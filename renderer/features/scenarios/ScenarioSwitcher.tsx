import { useEffect, useRef, useState } from "react";
import type { CommandId } from "../../../shared/commands/commandList";
import { BASE_SCENARIO_ID, scenarioChoices } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { findCommand, runCommand } from "../../app/commands";

const MENU_COMMANDS: readonly CommandId[] = [
  "scenario.new",
  "scenario.duplicate",
  "scenario.rename",
  "scenario.delete",
  "scenario.asIsFromExisting",
];

/**
 * Which scenario the editor shows and edits, always in sight above the views:
 * a plain button for the roadmap's own plan, a coloured badge for any other
 * scenario. Its menu switches scenario and holds the scenario commands.
 */
export function ScenarioSwitcher() {
  const store = useAppStoreApi();
  const document = useAppState((state) => state.document);
  const activeId = useAppState((state) => state.activeScenarioId);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>("[aria-checked=true]")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    window.addEventListener("pointerdown", onPointerDown);
    return () => window.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  if (!document) return null;
  const choices = scenarioChoices(document);
  const active = choices.find((choice) => choice.id === activeId) ?? choices[0];
  const inScenario = activeId !== BASE_SCENARIO_ID;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>("[role^=menuitem]:not(:disabled)") ?? [])];
    const index = entries.indexOf(window.document.activeElement as HTMLElement);
    event.stopPropagation();
    if (event.key === "Escape") close();
    else if (event.key === "ArrowDown") entries[(index + 1) % entries.length]?.focus();
    else if (event.key === "ArrowUp") entries[(index - 1 + entries.length) % entries.length]?.focus();
    else return;
    event.preventDefault();
  };

  return (
    <div className="scenario-switcher">
      <button
        ref={button}
        type="button"
        className={inScenario ? "scenario-button is-scenario" : "scenario-button"}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span className="scenario-button-label">Scenario:</span> {active?.name} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} className="context-menu scenario-menu" role="menu" aria-label="Scenarios" onKeyDown={onKeyDown}>
          {choices.map((choice) => (
            <button
              key={choice.id}
              type="button"
              role="menuitemradio"
              aria-checked={choice.id === activeId}
              className="context-menu-item"
              onClick={() => {
                store.getState().showScenario(choice.id);
                close();
              }}
            >
              <span>
                {choice.id === activeId ? "✓ " : ""}
                {choice.name}
              </span>
              {choice.id === BASE_SCENARIO_ID && <span className="muted">base plan</span>}
            </button>
          ))}
          <hr className="menu-separator" />
          {MENU_COMMANDS.map((id) => {
            const command = findCommand(id);
            return (
              <button
                key={id}
                type="button"
                role="menuitem"
                className="context-menu-item"
                disabled={!command.isEnabled(store.getState())}
                onClick={() => {
                  close();
                  runCommand(id, store.getState());
                }}
              >
                <span>{command.shortLabel ?? command.label}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
