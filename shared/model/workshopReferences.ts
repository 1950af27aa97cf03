import type { Point } from "./edits";
import type { NoteAnchor, Roadmap } from "./schema";

/**
 * After an edit that removed phases, transitions or communications: a sticky
 * note stuck to one of them stays on the canvas where that element was (a
 * workshop's open question is never dropped with what it was about), and the
 * presentation walk forgets the phases that are gone.
 */
export function settleWorkshopReferences(before: Roadmap, after: Roadmap): Roadmap {
  if (after.stickyNotes.length === 0 && after.presentation.walkOrder.length === 0) return after;
  const phases = new Set(after.phases.map((p) => p.id));
  const transitions = new Set(after.transitions.map((t) => t.id));
  const communications = new Set(after.communications.map((c) => c.id));
  const stillThere = (anchor: NoteAnchor) => {
    switch (anchor.kind) {
      case "canvas":
        return true;
      case "phase":
        return phases.has(anchor.phaseId);
      case "transition":
        return transitions.has(anchor.transitionId);
      case "communication":
        return communications.has(anchor.communicationId);
    }
  };
  const orphaned = after.stickyNotes.some((note) => !stillThere(note.anchor));
  const walkOrder = after.presentation.walkOrder.filter((id) => phases.has(id));
  const walkChanged = walkOrder.length !== after.presentation.walkOrder.length;
  if (!orphaned && !walkChanged) return after;
  return {
    ...after,
    stickyNotes: orphaned
      ? after.stickyNotes.map((note) =>
          stillThere(note.anchor)
            ? note
            : { ...note, anchor: { kind: "canvas", position: whereItWas(before, note.anchor) } },
        )
      : after.stickyNotes,
    presentation: walkChanged ? { ...after.presentation, walkOrder } : after.presentation,
  };
}

function whereItWas(roadmap: Roadmap, anchor: NoteAnchor): Point {
  const phaseAt = (id: string | undefined) => roadmap.phases.find((p) => p.id === id)?.position;
  switch (anchor.kind) {
    case "canvas":
      return anchor.position;
    case "phase":
      return phaseAt(anchor.phaseId) ?? { x: 0, y: 0 };
    case "transition": {
      const t = roadmap.transitions.find((candidate) => candidate.id === anchor.transitionId);
      const from = phaseAt(t?.from);
      const to = phaseAt(t?.to);
      if (!from || !to) return from ?? to ?? { x: 0, y: 0 };
      return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    }
    case "communication": {
      const phaseId = roadmap.communications.find((c) => c.id === anchor.communicationId)?.phaseId;
      return phaseAt(phaseId) ?? { x: 0, y: 0 };
    }
  }
}
