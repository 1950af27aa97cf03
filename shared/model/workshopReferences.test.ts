import { describe, expect, it } from "vitest";
import { deleteElements } from "./edits";
import { deleteCommunication, removeOwner } from "./organisation";
import { type Roadmap, RoadmapSchema, type StickyNote } from "./schema";
import { sampleRoadmap } from "./testing/sampleRoadmap";

function note(id: string, anchor: StickyNote["anchor"]): StickyNote {
  return {
    id,
    text: `Question ${id}`,
    author: "Ana",
    createdAt: "2026-12-06T10:00:00.000Z",
    status: "open",
    resolvedAt: null,
    anchor,
  };
}

/** The sample with a note on each kind of element and both phases in the walk. */
function annotated(): Roadmap {
  const roadmap = sampleRoadmap();
  const [first, second] = roadmap.phases;
  const transition = roadmap.transitions[0];
  const communication = roadmap.communications[0];
  if (!first || !second || !transition || !communication) throw new Error("the sample has all of these");
  return {
    ...roadmap,
    stickyNotes: [
      note("on-canvas", { kind: "canvas", position: { x: 5, y: 6 } }),
      note("on-phase", { kind: "phase", phaseId: first.id }),
      note("on-transition", { kind: "transition", transitionId: transition.id }),
      note("on-communication", { kind: "communication", communicationId: communication.id }),
    ],
    presentation: { walkOrder: [second.id, first.id] },
  };
}

describe("deleting what a sticky note is stuck to", () => {
  it("keeps every note, moving those of a deleted phase to where it stood, and drops the phase from the walk", () => {
    const roadmap = annotated();
    const [first, second] = roadmap.phases;
    if (!first || !second) throw new Error("two phases");
    const next = deleteElements(roadmap, { phaseIds: [first.id], transitionIds: [] });
    expect(RoadmapSchema.safeParse(next).success).toBe(true);
    expect(next.stickyNotes.map((n) => n.id)).toEqual(roadmap.stickyNotes.map((n) => n.id));
    expect(next.stickyNotes.find((n) => n.id === "on-phase")?.anchor).toEqual({
      kind: "canvas",
      position: first.position,
    });
    expect(next.stickyNotes.find((n) => n.id === "on-transition")?.anchor).toEqual({
      kind: "canvas",
      position: { x: (first.position.x + second.position.x) / 2, y: (first.position.y + second.position.y) / 2 },
    });
    // The sample's one communication lives on the first phase and goes with it.
    expect(next.stickyNotes.find((n) => n.id === "on-communication")?.anchor).toEqual({
      kind: "canvas",
      position: first.position,
    });
    expect(next.stickyNotes.find((n) => n.id === "on-canvas")).toEqual(roadmap.stickyNotes[0]);
    expect(next.presentation.walkOrder).toEqual([second.id]);
  });

  it("moves the note of a deleted communication to its phase's spot on the canvas", () => {
    const roadmap = annotated();
    const communication = roadmap.communications[0];
    const phase = roadmap.phases.find((p) => p.id === communication?.phaseId);
    if (!communication || !phase) throw new Error("the sample has a communication on a phase");
    const next = deleteCommunication(roadmap, communication.id);
    expect(RoadmapSchema.safeParse(next).success).toBe(true);
    expect(next.stickyNotes.find((n) => n.id === "on-communication")?.anchor).toEqual({
      kind: "canvas",
      position: phase.position,
    });
  });

  it("keeps notes valid when removing an owner takes their communications with them", () => {
    const roadmap = annotated();
    const ownerId = roadmap.communications[0]?.ownerId ?? "";
    const next = removeOwner(roadmap, ownerId, { kind: "remove" });
    expect(RoadmapSchema.safeParse(next).success).toBe(true);
    expect(next.stickyNotes).toHaveLength(4);
  });

  it("returns the very same roadmap when nothing it references went", () => {
    const roadmap = annotated();
    const next = deleteElements(roadmap, { phaseIds: [], transitionIds: [] });
    expect(next).toBe(roadmap);
  });
});
