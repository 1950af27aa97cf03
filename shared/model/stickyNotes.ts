import { canvasPoint, type Point } from "./edits";
import { createId } from "./ids";
import { LIMITS } from "./limits";
import type { NoteAnchor, NoteStatus, Roadmap, StickyNote } from "./schema";

/**
 * Sticky notes as edits: each takes a document and returns the next one,
 * sharing the notes it did not touch. A note's text and author are cut to
 * what the file format holds, so an edit never makes a document invalid.
 */

const TEXT_LIMIT = 5000;
const AUTHOR_LIMIT = 200;

/** Adds an open note; refused (the same document back, no id) when the roadmap holds as many as it may. */
export function addNote(
  roadmap: Roadmap,
  { anchor, text = "", author, now }: { anchor: NoteAnchor; text?: string; author: string; now: Date },
): { roadmap: Roadmap; noteId: string | null } {
  if (roadmap.stickyNotes.length >= LIMITS.stickyNotes) return { roadmap, noteId: null };
  const note: StickyNote = {
    id: createId(),
    text: text.slice(0, TEXT_LIMIT),
    author: author.trim().slice(0, AUTHOR_LIMIT),
    createdAt: now.toISOString(),
    status: "open",
    resolvedAt: null,
    anchor: anchor.kind === "canvas" ? { kind: "canvas", position: canvasPoint(anchor.position) } : anchor,
  };
  return { roadmap: { ...roadmap, stickyNotes: [...roadmap.stickyNotes, note] }, noteId: note.id };
}

export function setNoteText(roadmap: Roadmap, noteId: string, text: string): Roadmap {
  const cut = text.slice(0, TEXT_LIMIT);
  return changeNote(roadmap, noteId, (note) => (note.text === cut ? note : { ...note, text: cut }));
}

/** Resolves a note (stamping when) or reopens it (forgetting when it was resolved). */
export function setNoteStatus(roadmap: Roadmap, noteId: string, status: NoteStatus, now: Date): Roadmap {
  return changeNote(roadmap, noteId, (note) =>
    note.status === status ? note : { ...note, status, resolvedAt: status === "resolved" ? now.toISOString() : null },
  );
}

/** Moves a note that sits on the canvas; a note stuck to an element goes where the element goes. */
export function moveNote(roadmap: Roadmap, noteId: string, position: Point): Roadmap {
  const to = canvasPoint(position);
  return changeNote(roadmap, noteId, (note) =>
    note.anchor.kind !== "canvas" || (note.anchor.position.x === to.x && note.anchor.position.y === to.y)
      ? note
      : { ...note, anchor: { kind: "canvas", position: to } },
  );
}

export function deleteNote(roadmap: Roadmap, noteId: string): Roadmap {
  if (!roadmap.stickyNotes.some((note) => note.id === noteId)) return roadmap;
  return { ...roadmap, stickyNotes: roadmap.stickyNotes.filter((note) => note.id !== noteId) };
}

/** The notes stuck to one phase, transition or communication, in the order they were written. */
export function notesOn(roadmap: Roadmap, anchor: Exclude<NoteAnchor, { kind: "canvas" }>): StickyNote[] {
  return roadmap.stickyNotes.filter((note) => sameElement(note.anchor, anchor));
}

/** Open notes per element id (phase, transition or communication), for the badges that count them. */
export function openNoteCounts(roadmap: Roadmap): Map<string, number> {
  const counts = new Map<string, number>();
  for (const note of roadmap.stickyNotes) {
    const id = anchoredElementId(note.anchor);
    if (id !== null && note.status === "open") counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** What a note is about, in words: "Canvas", "Phase “Lapsed”", "Transition “Lead” → “Customer”"… */
export function describeNoteAnchor(roadmap: Roadmap, anchor: NoteAnchor): string {
  const phaseName = (id: string | undefined) => roadmap.phases.find((p) => p.id === id)?.name ?? "?";
  switch (anchor.kind) {
    case "canvas":
      return "Canvas";
    case "phase":
      return `Phase “${phaseName(anchor.phaseId)}”`;
    case "transition": {
      const t = roadmap.transitions.find((candidate) => candidate.id === anchor.transitionId);
      return `Transition “${phaseName(t?.from)}” → “${phaseName(t?.to)}”`;
    }
    case "communication": {
      const c = roadmap.communications.find((candidate) => candidate.id === anchor.communicationId);
      return `Communication “${c?.name ?? "?"}” in “${phaseName(c?.phaseId)}”`;
    }
  }
}

/** Open notes first, each group oldest first: the order the Notes panel and the report list them. */
export function notesInReadingOrder(notes: readonly StickyNote[]): StickyNote[] {
  return [...notes].sort(
    (a, b) =>
      Number(a.status === "resolved") - Number(b.status === "resolved") || a.createdAt.localeCompare(b.createdAt),
  );
}

/** The id of the phase, transition or communication a note is stuck to; null for a note on the canvas. */
export function anchoredElementId(anchor: NoteAnchor): string | null {
  switch (anchor.kind) {
    case "canvas":
      return null;
    case "phase":
      return anchor.phaseId;
    case "transition":
      return anchor.transitionId;
    case "communication":
      return anchor.communicationId;
  }
}

function sameElement(a: NoteAnchor, b: NoteAnchor): boolean {
  return a.kind === b.kind && anchoredElementId(a) !== null && anchoredElementId(a) === anchoredElementId(b);
}

function changeNote(roadmap: Roadmap, noteId: string, change: (note: StickyNote) => StickyNote): Roadmap {
  let changed = false;
  const stickyNotes = roadmap.stickyNotes.map((note) => {
    if (note.id !== noteId) return note;
    const next = change(note);
    changed ||= next !== note;
    return next;
  });
  return changed ? { ...roadmap, stickyNotes } : roadmap;
}
