import { describe, expect, it } from "vitest";
import { LIMITS } from "./limits";
import { RoadmapSchema, type StickyNote } from "./schema";
import {
  addNote,
  deleteNote,
  describeNoteAnchor,
  moveNote,
  notesInReadingOrder,
  notesOn,
  openNoteCounts,
  setNoteStatus,
  setNoteText,
} from "./stickyNotes";
import { sampleRoadmap } from "./testing/sampleRoadmap";

const MORNING = new Date("2026-12-06T09:00:00.000Z");
const NOON = new Date("2026-12-06T12:00:00.000Z");

function parts() {
  const roadmap = sampleRoadmap();
  const [phase] = roadmap.phases;
  const [transition] = roadmap.transitions;
  const [communication] = roadmap.communications;
  if (!phase || !transition || !communication) throw new Error("the sample has all of these");
  return { roadmap, phase, transition, communication };
}

function valid(roadmap: unknown) {
  const parsed = RoadmapSchema.safeParse(roadmap);
  return parsed.success ? true : parsed.error.issues;
}

describe("adding a sticky note", () => {
  it("puts an open note on the canvas at a whole point, stamped and signed, and keeps the document valid", () => {
    const { roadmap } = parts();
    const { roadmap: next, noteId } = addNote(roadmap, {
      anchor: { kind: "canvas", position: { x: 10.6, y: -3.2 } },
      text: "Who owns the welcome call?",
      author: "  Ana  ",
      now: MORNING,
    });
    const note = next.stickyNotes.find((n) => n.id === noteId);
    expect(note).toEqual({
      id: noteId,
      text: "Who owns the welcome call?",
      author: "Ana",
      createdAt: MORNING.toISOString(),
      status: "open",
      resolvedAt: null,
      anchor: { kind: "canvas", position: { x: 11, y: -3 } },
    });
    expect(valid(next)).toBe(true);
    expect(roadmap.stickyNotes).toHaveLength(0);
  });

  it("sticks notes to a phase, a transition and a communication, each found again by what it is on", () => {
    const { roadmap, phase, transition, communication } = parts();
    let next = roadmap;
    for (const anchor of [
      { kind: "phase", phaseId: phase.id },
      { kind: "phase", phaseId: phase.id },
      { kind: "transition", transitionId: transition.id },
      { kind: "communication", communicationId: communication.id },
    ] as const) {
      next = addNote(next, { anchor, author: "Ana", now: MORNING }).roadmap;
    }
    expect(valid(next)).toBe(true);
    expect(notesOn(next, { kind: "phase", phaseId: phase.id })).toHaveLength(2);
    expect(notesOn(next, { kind: "transition", transitionId: transition.id })).toHaveLength(1);
    expect(notesOn(next, { kind: "communication", communicationId: communication.id })).toHaveLength(1);
    expect(openNoteCounts(next)).toEqual(
      new Map([
        [phase.id, 2],
        [transition.id, 1],
        [communication.id, 1],
      ]),
    );
  });

  it("is refused once the roadmap holds as many notes as a file may", () => {
    const { roadmap } = parts();
    const one = addNote(roadmap, { anchor: { kind: "canvas", position: { x: 0, y: 0 } }, author: "", now: MORNING });
    const note = one.roadmap.stickyNotes[0] as StickyNote;
    const full = {
      ...roadmap,
      stickyNotes: Array.from({ length: LIMITS.stickyNotes }, (_, i) => ({ ...note, id: `n${i}` })),
    };
    const refused = addNote(full, { anchor: { kind: "canvas", position: { x: 0, y: 0 } }, author: "", now: MORNING });
    expect(refused.noteId).toBeNull();
    expect(refused.roadmap).toBe(full);
  });
});

describe("changing a sticky note", () => {
  const withNote = () => {
    const { roadmap, phase } = parts();
    const added = addNote(roadmap, { anchor: { kind: "phase", phaseId: phase.id }, author: "Ana", now: MORNING });
    return { roadmap: added.roadmap, id: added.noteId as string, phase };
  };

  it("edits the text, cut to what the file holds, and leaves the document alone when nothing changes", () => {
    const { roadmap, id } = withNote();
    const edited = setNoteText(roadmap, id, "x".repeat(6000));
    expect(edited.stickyNotes[0]?.text).toHaveLength(5000);
    expect(valid(edited)).toBe(true);
    expect(setNoteText(edited, id, "x".repeat(5000))).toBe(edited);
    expect(setNoteText(roadmap, "no-such-note", "text")).toBe(roadmap);
  });

  it("resolves with the time it was resolved, and reopening forgets that time", () => {
    const { roadmap, id } = withNote();
    const resolved = setNoteStatus(roadmap, id, "resolved", NOON);
    expect(resolved.stickyNotes[0]).toMatchObject({ status: "resolved", resolvedAt: NOON.toISOString() });
    expect(setNoteStatus(resolved, id, "resolved", MORNING)).toBe(resolved);
    const reopened = setNoteStatus(resolved, id, "open", NOON);
    expect(reopened.stickyNotes[0]).toMatchObject({ status: "open", resolvedAt: null });
    expect(openNoteCounts(resolved).size).toBe(0);
  });

  it("moves only a canvas note, and deletes a note without touching the others", () => {
    const { roadmap, id } = withNote();
    expect(moveNote(roadmap, id, { x: 50, y: 50 })).toBe(roadmap);
    const added = addNote(roadmap, { anchor: { kind: "canvas", position: { x: 0, y: 0 } }, author: "Bo", now: NOON });
    const moved = moveNote(added.roadmap, added.noteId as string, { x: 40.4, y: 80 });
    expect(moved.stickyNotes[1]?.anchor).toEqual({ kind: "canvas", position: { x: 40, y: 80 } });
    expect(moved.stickyNotes[0]).toBe(added.roadmap.stickyNotes[0]);
    const deleted = deleteNote(moved, id);
    expect(deleted.stickyNotes.map((n) => n.id)).toEqual([added.noteId]);
    expect(deleteNote(deleted, id)).toBe(deleted);
  });
});

describe("reading sticky notes", () => {
  it("names what each note is on", () => {
    const { roadmap, phase, transition, communication } = parts();
    const names = (id: string) => roadmap.phases.find((p) => p.id === id)?.name;
    expect(describeNoteAnchor(roadmap, { kind: "canvas", position: { x: 0, y: 0 } })).toBe("Canvas");
    expect(describeNoteAnchor(roadmap, { kind: "phase", phaseId: phase.id })).toBe(`Phase “${phase.name}”`);
    expect(describeNoteAnchor(roadmap, { kind: "transition", transitionId: transition.id })).toBe(
      `Transition “${names(transition.from)}” → “${names(transition.to)}”`,
    );
    expect(describeNoteAnchor(roadmap, { kind: "communication", communicationId: communication.id })).toBe(
      `Communication “${communication.name}” in “${names(communication.phaseId)}”`,
    );
  });

  it("lists open notes before resolved ones, oldest first", () => {
    const { roadmap } = parts();
    const at = (hour: number) => new Date(Date.UTC(2026, 11, 6, hour));
    let next = roadmap;
    const ids: string[] = [];
    for (const hour of [11, 9, 10]) {
      const added = addNote(next, { anchor: { kind: "canvas", position: { x: 0, y: 0 } }, author: "A", now: at(hour) });
      next = added.roadmap;
      ids.push(added.noteId as string);
    }
    next = setNoteStatus(next, ids[1] as string, "resolved", at(12));
    expect(notesInReadingOrder(next.stickyNotes).map((n) => n.id)).toEqual([ids[2], ids[0], ids[1]]);
  });
});
