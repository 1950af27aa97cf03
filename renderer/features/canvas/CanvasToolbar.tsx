import { useShallow } from "zustand/react/shallow";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { type CommandId, displayShortcut, findCommand } from "../../app/commands";

const TOOLBAR_COMMANDS: CommandId[] = [
  "canvas.addPhase",
  "edit.undo",
  "edit.redo",
  "canvas.autoArrange",
  "canvas.zoomToFit",
  "canvas.actualSize",
  "roadmap.editStages",
];

/** The canvas's commands, each from the command registry, with its shortcut in the tooltip. */
export function CanvasToolbar() {
  const store = useAppStoreApi();
  // Subscribed so the buttons' enabled state follows the history, the document and the selection.
  useAppState(useShallow((state) => [state.past.length, state.future.length, state.document, state.selection]));
  const snapToGrid = useAppState((state) => state.snapToGrid);
  const state = store.getState();
  return (
    <div className="toolbar canvas-toolbar" role="toolbar" aria-label="Canvas">
      {TOOLBAR_COMMANDS.map((id) => {
        const command = findCommand(id);
        if (!command) return null;
        const title = command.shortcut ? `${command.label} (${displayShortcut(command.shortcut)})` : command.label;
        return (
          <button
            key={id}
            type="button"
            className="button button-small"
            title={title}
            disabled={!command.isEnabled(state)}
            onClick={() => void command.perform(store.getState())}
          >
            {command.label}
          </button>
        );
      })}
      <label className="toggle">
        <input type="checkbox" checked={snapToGrid} onChange={(event) => state.setSnapToGrid(event.target.checked)} />
        Snap
      </label>
    </div>
  );
}
