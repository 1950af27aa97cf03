import type { ReactFlowInstance } from "@xyflow/react";
import { useEffect } from "react";
import type { NoteAnchor, Point, Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { PHASE_NODE_HEIGHT, PHASE_NODE_WIDTH } from "../canvas/canvasModel";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";
import { NOTE_NODE_HEIGHT, NOTE_NODE_WIDTH } from "./noteActions";

/** Below this zoom a note's text is too small to read, so a jump to a note zooms in at least this far. */
const READABLE_ZOOM = 0.8;

/** Brings the note the Notes panel jumped to into the middle of the canvas, once the canvas is drawn. */
export function useRevealNote(flow: Pick<ReactFlowInstance, "setCenter" | "getViewport">, ready: boolean): void {
  const store = useAppStoreApi();
  const noteId = useAppState((state) => state.noteToReveal);
  useEffect(() => {
    if (!noteId || !ready) return;
    const state = store.getState();
    state.setNoteToReveal(null);
    const roadmap = selectViewedRoadmap(state);
    const note = roadmap?.stickyNotes.find((n) => n.id === noteId);
    if (!roadmap || !note) return;
    const { x, y } = centreOf(roadmap, note.anchor);
    void flow.setCenter(x, y, { zoom: Math.max(flow.getViewport().zoom, READABLE_ZOOM), duration: 200 });
  }, [noteId, ready, flow, store]);
}

function centreOf(roadmap: Roadmap, anchor: NoteAnchor): Point {
  const phaseCentre = (id: string | undefined): Point => {
    const phase = roadmap.phases.find((p) => p.id === id);
    return phase
      ? { x: phase.position.x + PHASE_NODE_WIDTH / 2, y: phase.position.y + PHASE_NODE_HEIGHT / 2 }
      : { x: 0, y: 0 };
  };
  switch (anchor.kind) {
    case "canvas":
      return { x: anchor.position.x + NOTE_NODE_WIDTH / 2, y: anchor.position.y + NOTE_NODE_HEIGHT / 2 };
    case "phase":
      return phaseCentre(anchor.phaseId);
    case "transition": {
      const t = roadmap.transitions.find((candidate) => candidate.id === anchor.transitionId);
      const [from, to] = [phaseCentre(t?.from), phaseCentre(t?.to)];
      return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    }
    case "communication":
      return phaseCentre(roadmap.communications.find((c) => c.id === anchor.communicationId)?.phaseId);
  }
}
