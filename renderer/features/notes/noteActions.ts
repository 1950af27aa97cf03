import type { NoteAnchor, Point } from "../../../shared/model";
import type { AppState } from "../../app/appStore";
import { canvasController } from "../canvas/canvasController";
import { EMPTY_SELECTION } from "../editor/editorSlice";

/** A sticky note's size on the canvas, for centring a new one on the middle of the view. */
export const NOTE_NODE_WIDTH = 200;
export const NOTE_NODE_HEIGHT = 140;

/**
 * "Add note" from the palette, the toolbar, N or a context menu: on the spot
 * the user pointed at, else on the one phase or transition selected, else
 * in the middle of the view.
 */
export function addNoteHere(state: AppState, at?: Point): void {
  if (!state.document) return;
  const { phaseIds, transitionIds } = state.selection;
  let anchor: NoteAnchor;
  if (at) anchor = { kind: "canvas", position: at };
  else if (phaseIds.length === 1 && transitionIds.length === 0 && phaseIds[0]) {
    anchor = { kind: "phase", phaseId: phaseIds[0] };
  } else if (transitionIds.length === 1 && phaseIds.length === 0 && transitionIds[0]) {
    anchor = { kind: "transition", transitionId: transitionIds[0] };
  } else {
    const centre = canvasController()?.viewportCenter() ?? { x: 0, y: 0 };
    anchor = { kind: "canvas", position: { x: centre.x - NOTE_NODE_WIDTH / 2, y: centre.y - NOTE_NODE_HEIGHT / 2 } };
  }
  if (anchor.kind !== "phase") state.showView("canvas");
  state.addNoteTo(anchor);
}

/**
 * Jumps to a note from the Notes panel: the canvas shows it, with what it is
 * stuck to selected and its notes open (a communication's in the inspector).
 */
export function revealNote(state: AppState, noteId: string): void {
  const note = state.document?.stickyNotes.find((n) => n.id === noteId);
  if (!note) return;
  const { anchor } = note;
  state.showView("canvas");
  if (note.status === "resolved") state.setShowResolvedNotes(true);
  switch (anchor.kind) {
    case "canvas":
      state.select(EMPTY_SELECTION);
      state.selectNote(note.id);
      state.setOpenNotesOf(null);
      break;
    case "phase":
      state.select({ phaseIds: [anchor.phaseId], transitionIds: [] });
      state.setOpenNotesOf(anchor.phaseId);
      break;
    case "transition":
      state.select({ phaseIds: [], transitionIds: [anchor.transitionId] });
      state.setOpenNotesOf(anchor.transitionId);
      break;
    case "communication":
      state.selectCommunication(anchor.communicationId);
      state.setOpenNotesOf(anchor.communicationId);
      break;
  }
  state.setNoteToReveal(note.id);
}
