import { useShallow } from "zustand/react/shallow";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { CommandButton } from "../../app/CommandButton";
import { type CommandId, commandTitle, findCommand, runCommand } from "../../app/commands";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";

const TOOLBAR_COMMANDS: CommandId[] = [
  "canvas.addPhase",
  "edit.undo",
  "edit.redo",
  "canvas.autoArrange",
  "canvas.zoomToFit",
  "canvas.actualSize",
  "roadmap.editStages",
  "notes.add",
  "view.notesPanel",
];

/** The canvas's commands, each from the command registry, with its shortcut in the tooltip. */
export function CanvasToolbar() {
  const store = useAppStoreApi();
  // Subscribed so the buttons' enabled state follows the history, the document and the selection.
  useAppState(
    useShallow((state) => [state.past.length, state.future.length, selectViewedRoadmap(state), state.selection]),
  );
  const snapToGrid = useAppState((state) => state.snapToGrid);
  const arranging = useAppState((state) => state.arranging);
  const colourByRsi = useAppState((state) => state.preferences.colourByRsi);
  // Offered where there is an RSI to colour by: survey answers, or a score typed by hand.
  const hasRsi = useAppState(
    (state) =>
      (state.document?.survey.waves.length ?? 0) > 0 ||
      (state.document?.phases.some((phase) => phase.relationshipStrength !== null) ?? false),
  );
  const state = store.getState();
  return (
    <div className="toolbar canvas-toolbar" role="toolbar" aria-label="Canvas">
      {TOOLBAR_COMMANDS.map((id) => (
        <CommandButton key={id} id={id} className="button button-small" disabled={!findCommand(id).isEnabled(state)} />
      ))}
      <label className="toggle">
        <input type="checkbox" checked={snapToGrid} onChange={(event) => state.setSnapToGrid(event.target.checked)} />
        Snap
      </label>
      {hasRsi && (
        <label className="toggle" title={commandTitle(findCommand("view.colourByRsi"))}>
          <input
            type="checkbox"
            checked={colourByRsi}
            onChange={() => runCommand("view.colourByRsi", store.getState())}
          />
          {findCommand("view.colourByRsi").shortLabel}
        </label>
      )}
      {arranging && (
        <span className="arrange-status" role="status">
          Arranging phases…
        </span>
      )}
    </div>
  );
}
