import { describe, expect, it } from "vitest";
import {
  type Alignment,
  addPhase,
  alignPhases,
  communicationsOnPhases,
  connectPhases,
  DEFAULT_TRANSITION_RATE,
  deleteElements,
  distributePhases,
  monthlyOutflow,
  movePhases,
  overflowingPhases,
  type Point,
  replaceStages,
  transitionsDeletedWith,
  updatePhase,
  updateTransition,
} from "./edits";
import { describeIssue } from "./issues";
import { parseRoadmap } from "./parse";
import type { Phase, Roadmap, Transition } from "./schema";
import { createB2bSubscriptionRoadmap } from "./templates/b2bSubscriptionSoftware";
import { sampleRoadmap } from "./testing/sampleRoadmap";

const NOW = new Date("2026-11-23T10:00:00Z");

function template(): Roadmap {
  return createB2bSubscriptionRoadmap(NOW);
}

/** The lines the user would be shown on reopening the document; empty when it is valid. */
function problemsOf(roadmap: Roadmap): string[] {
  const result = parseRoadmap(JSON.parse(JSON.stringify(roadmap)));
  return result.ok ? [] : result.error.map(describeIssue);
}

function phaseOf(roadmap: Roadmap, id: string): Phase {
  const phase = roadmap.phases.find((p) => p.id === id);
  if (!phase) throw new Error(`no phase "${id}"`);
  return phase;
}

function transitionOf(roadmap: Roadmap, id: string): Transition {
  const transition = roadmap.transitions.find((t) => t.id === id);
  if (!transition) throw new Error(`no transition "${id}"`);
  return transition;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The sample roadmap plus phases at the given positions, with their new ids in the same order. */
function withPhasesAt(positions: Point[]): { roadmap: Roadmap; ids: string[] } {
  let roadmap = sampleRoadmap();
  const ids: string[] = [];
  for (const position of positions) {
    const added = addPhase(roadmap, { stageId: "develop", position });
    roadmap = added.roadmap;
    ids.push(added.phaseId);
  }
  return { roadmap, ids };
}

function positionsOf(roadmap: Roadmap, ids: readonly string[]): Point[] {
  return ids.map((id) => phaseOf(roadmap, id).position);
}

describe("addPhase", () => {
  it("adds an empty phase in the stage at the rounded position and returns its id", () => {
    const before = sampleRoadmap();
    const { roadmap, phaseId } = addPhase(before, { stageId: "develop", position: { x: 120.4, y: -39.6 } });
    expect(roadmap.phases).toHaveLength(3);
    expect(phaseOf(roadmap, phaseId)).toEqual({
      id: phaseId,
      name: "New phase",
      stageId: "develop",
      description: "",
      objectives: [],
      productsHeld: [],
      customerLifestage: "",
      kpis: [],
      initialCustomers: {},
      arrivalsPerMonth: {},
      churnRate: 0,
      relationshipStrength: null,
      position: { x: 120, y: -40 },
    });
    expect(problemsOf(roadmap)).toEqual([]);
  });

  it("uses the name given, a fresh id each time, and leaves the original document as it was", () => {
    const before = sampleRoadmap();
    const first = addPhase(before, { stageId: "retain", position: { x: 0, y: 0 }, name: "Renewal due" });
    const second = addPhase(first.roadmap, { stageId: "retain", position: { x: 0, y: 0 } });
    expect(phaseOf(second.roadmap, first.phaseId).name).toBe("Renewal due");
    expect(first.phaseId).not.toBe(second.phaseId);
    expect(before).toEqual(sampleRoadmap());
    expect(second.roadmap.phases[0]).toBe(before.phases[0]);
  });
});

describe("updatePhase", () => {
  it("changes only the named phase; the others keep their object", () => {
    const before = sampleRoadmap();
    const after = updatePhase(before, "phase-active", { name: "Active customer", churnRate: 0.05 });
    expect(phaseOf(after, "phase-active")).toEqual({
      ...phaseOf(before, "phase-active"),
      name: "Active customer",
      churnRate: 0.05,
    });
    expect(phaseOf(after, "phase-new")).toBe(phaseOf(before, "phase-new"));
    expect(phaseOf(before, "phase-active").name).toBe("Active");
    expect(problemsOf(after)).toEqual([]);
  });
});

describe("movePhases", () => {
  it("moves the named phases to rounded positions; the others keep their object", () => {
    const before = template();
    const after = movePhases(
      before,
      new Map([
        ["phase-trial", { x: 10.6, y: 20.2 }],
        ["phase-lapsed", { x: -5, y: 400 }],
      ]),
    );
    expect(phaseOf(after, "phase-trial").position).toEqual({ x: 11, y: 20 });
    expect(phaseOf(after, "phase-lapsed").position).toEqual({ x: -5, y: 400 });
    for (const phase of before.phases.filter((p) => p.id !== "phase-trial" && p.id !== "phase-lapsed")) {
      expect(phaseOf(after, phase.id)).toBe(phase);
    }
    expect(after.transitions).toBe(before.transitions);
    expect(phaseOf(before, "phase-trial").position).toEqual({ x: 0, y: 0 });
  });

  it("returns the same document when nothing moved", () => {
    const before = template();
    expect(movePhases(before, new Map())).toBe(before);
    expect(movePhases(before, new Map([["phase-trial", { x: 0.3, y: -0.4 }]]))).toBe(before);
    expect(movePhases(before, new Map([["no-such-phase", { x: 50, y: 50 }]]))).toBe(before);
  });
});

describe("connectPhases", () => {
  it("draws a transition at the default rate and returns its id", () => {
    const before = sampleRoadmap();
    const { roadmap, transitionId } = unwrap(connectPhases(before, "phase-active", "phase-new"));
    expect(roadmap.transitions).toHaveLength(2);
    expect(transitionOf(roadmap, transitionId)).toEqual({
      id: transitionId,
      from: "phase-active",
      to: "phase-new",
      rate: DEFAULT_TRANSITION_RATE,
      rateBySegment: {},
      trigger: "",
      markedAsLoop: false,
    });
    expect(DEFAULT_TRANSITION_RATE).toBe(0.1);
    expect(problemsOf(roadmap)).toEqual([]);
  });

  it("takes a rate when given one", () => {
    const { roadmap, transitionId } = unwrap(connectPhases(sampleRoadmap(), "phase-active", "phase-new", 0.25));
    expect(transitionOf(roadmap, transitionId).rate).toBe(0.25);
  });

  it("refuses a transition from a phase to itself", () => {
    expect(connectPhases(sampleRoadmap(), "phase-active", "phase-active")).toEqual({
      ok: false,
      error: "A transition must lead to another phase: “Active” cannot lead to itself.",
    });
  });

  it("refuses a second transition in the same direction", () => {
    expect(connectPhases(sampleRoadmap(), "phase-new", "phase-active")).toEqual({
      ok: false,
      error: "There is already a transition from “New customer” to “Active”. Edit its rate instead.",
    });
  });

  it("allows the reverse direction of an existing transition", () => {
    const { roadmap } = unwrap(connectPhases(sampleRoadmap(), "phase-active", "phase-new"));
    expect(roadmap.transitions.map((t) => [t.from, t.to])).toEqual([
      ["phase-new", "phase-active"],
      ["phase-active", "phase-new"],
    ]);
  });

  it("refuses an end that is not a phase", () => {
    expect(connectPhases(sampleRoadmap(), "phase-new", "no-such-phase")).toEqual({
      ok: false,
      error: "Both ends of a transition must be phases.",
    });
  });
});

describe("updateTransition", () => {
  it("changes the rate, per-segment rates and trigger of one transition; the others keep their object", () => {
    const before = template();
    const after = updateTransition(before, "tr-lapses", {
      rate: 0.2,
      rateBySegment: { enterprise: 0.05 },
      trigger: "contract end",
    });
    expect(transitionOf(after, "tr-lapses")).toEqual({
      id: "tr-lapses",
      from: "phase-at-risk",
      to: "phase-lapsed",
      rate: 0.2,
      rateBySegment: { enterprise: 0.05 },
      trigger: "contract end",
      markedAsLoop: false,
    });
    for (const transition of before.transitions.filter((t) => t.id !== "tr-lapses")) {
      expect(transitionOf(after, transition.id)).toBe(transition);
    }
    expect(after.phases).toBe(before.phases);
    expect(problemsOf(after)).toEqual([]);
  });
});

describe("deleteElements", () => {
  it("takes the transitions into and out of a deleted phase with it, and by default its communications", () => {
    const before = template();
    const after = deleteElements(before, { phaseIds: ["phase-at-risk"], transitionIds: [] });
    expect(after.phases.map((p) => p.id)).not.toContain("phase-at-risk");
    expect(after.phases).toHaveLength(before.phases.length - 1);
    const gone = before.transitions.filter((t) => !after.transitions.includes(t)).map((t) => t.id);
    expect(gone).toEqual([
      "tr-onboarding-stalls",
      "tr-single-usage-drop",
      "tr-multi-champion-leaves",
      "tr-renewal-in-doubt",
      "tr-saved",
      "tr-lapses",
    ]);
    expect(after.communications.map((c) => c.id)).not.toContain("comm-save-call");
    expect(after.communications).toHaveLength(before.communications.length - 1);
    expect(problemsOf(after)).toEqual([]);
  });

  it("names beforehand exactly the transitions a deletion takes: the chosen ones and those of deleted phases", () => {
    const before = template();
    const selection = { phaseIds: ["phase-at-risk", "phase-lapsed"], transitionIds: ["tr-trial-converts"] };
    const named = transitionsDeletedWith(before, selection);
    const after = deleteElements(before, selection);
    expect(named).toEqual(before.transitions.filter((t) => !after.transitions.includes(t)));
    expect(named.map((t) => t.id)).toContain("tr-trial-converts");
    expect(named.map((t) => t.id)).toContain("tr-won-back");
    expect(transitionsDeletedWith(before, { phaseIds: [], transitionIds: [] })).toEqual([]);
  });

  it("deletes a transition on its own and keeps both phases", () => {
    const before = template();
    const after = deleteElements(before, { phaseIds: [], transitionIds: ["tr-won-back"] });
    expect(after.transitions.map((t) => t.id)).toEqual(
      before.transitions.filter((t) => t.id !== "tr-won-back").map((t) => t.id),
    );
    expect(after.phases).toEqual(before.phases);
    expect(after.communications).toEqual(before.communications);
  });

  it("moves the communications of deleted phases to the phase the user chose, unchanged otherwise", () => {
    const before = template();
    const orphans = communicationsOnPhases(before, ["phase-at-risk", "phase-lapsed"]);
    const after = deleteElements(
      before,
      { phaseIds: ["phase-at-risk", "phase-lapsed"], transitionIds: [] },
      { kind: "moveTo", phaseId: "phase-renewal-due" },
    );
    expect(after.communications).toHaveLength(before.communications.length);
    expect(communicationsOnPhases(after, ["phase-renewal-due"]).map((c) => c.id)).toEqual([
      "comm-renewal-reminders",
      "comm-save-call",
      "comm-win-back-offer",
      "comm-lapsed-cold-calls",
    ]);
    for (const moved of orphans) {
      expect(after.communications.find((c) => c.id === moved.id)).toEqual({ ...moved, phaseId: "phase-renewal-due" });
    }
    expect(problemsOf(after)).toEqual([]);
  });

  it("deletes the communications when the phase chosen to take them is deleted too", () => {
    const before = template();
    const after = deleteElements(
      before,
      { phaseIds: ["phase-at-risk", "phase-lapsed"], transitionIds: [] },
      { kind: "moveTo", phaseId: "phase-lapsed" },
    );
    expect(communicationsOnPhases(before, ["phase-at-risk", "phase-lapsed"])).toHaveLength(3);
    expect(after.communications).toHaveLength(before.communications.length - 3);
    expect(problemsOf(after)).toEqual([]);
  });

  it("returns the same document when nothing is selected", () => {
    const before = template();
    expect(
      deleteElements(before, { phaseIds: [], transitionIds: [] }, { kind: "moveTo", phaseId: "phase-trial" }),
    ).toBe(before);
  });
});

describe("communicationsOnPhases", () => {
  it("lists the communications of the phases in document order", () => {
    const roadmap = template();
    expect(communicationsOnPhases(roadmap, ["phase-lapsed", "phase-at-risk"]).map((c) => c.id)).toEqual([
      "comm-save-call",
      "comm-win-back-offer",
      "comm-lapsed-cold-calls",
    ]);
    expect(communicationsOnPhases(roadmap, [])).toEqual([]);
    expect(communicationsOnPhases(roadmap, ["phase-renewal-due"]).map((c) => c.id)).toEqual(["comm-renewal-reminders"]);
  });
});

describe("alignPhases", () => {
  /** Three phases of different sizes, spread out. */
  const boxes = [
    { at: { x: 0, y: 0 }, size: { width: 200, height: 100 } },
    { at: { x: 300, y: 50 }, size: { width: 100, height: 60 } },
    { at: { x: 120, y: 200 }, size: { width: 300, height: 80 } },
  ];

  function aligned(alignment: Alignment): Point[] {
    const { roadmap, ids } = withPhasesAt(boxes.map((b) => b.at));
    const sizes = new Map(ids.map((id, i) => [id, boxes[i]?.size ?? { width: 0, height: 0 }]));
    const sizeOf = (id: string) => sizes.get(id) ?? { width: 220, height: 104 };
    const after = alignPhases(roadmap, ids, alignment, sizeOf);
    expect(phaseOf(after, "phase-new")).toBe(phaseOf(roadmap, "phase-new"));
    expect(problemsOf(after)).toEqual([]);
    return positionsOf(after, ids);
  }

  it.each<[Alignment, Point[]]>([
    [
      "left",
      [
        { x: 0, y: 0 },
        { x: 0, y: 50 },
        { x: 0, y: 200 },
      ],
    ],
    // Right edges at 420, the rightmost of 200, 400 and 420.
    [
      "right",
      [
        { x: 220, y: 0 },
        { x: 320, y: 50 },
        { x: 120, y: 200 },
      ],
    ],
    // Centres at 240, the average of 100, 350 and 270.
    [
      "centerX",
      [
        { x: 140, y: 0 },
        { x: 190, y: 50 },
        { x: 90, y: 200 },
      ],
    ],
    [
      "top",
      [
        { x: 0, y: 0 },
        { x: 300, y: 0 },
        { x: 120, y: 0 },
      ],
    ],
    // Bottom edges at 280, the lowest of 100, 110 and 280.
    [
      "bottom",
      [
        { x: 0, y: 180 },
        { x: 300, y: 220 },
        { x: 120, y: 200 },
      ],
    ],
    // Middles at 123⅓, the average of 50, 80 and 240, rounded to whole pixels.
    [
      "middle",
      [
        { x: 0, y: 73 },
        { x: 300, y: 93 },
        { x: 120, y: 83 },
      ],
    ],
  ])("lines the phases up on %s, given their sizes", (alignment, expected) => {
    expect(aligned(alignment)).toEqual(expected);
  });

  it("leaves the document as it is for fewer than two phases, or when they are already aligned", () => {
    const { roadmap, ids } = withPhasesAt([
      { x: 0, y: 0 },
      { x: 0, y: 300 },
    ]);
    const sizeOf = () => ({ width: 220, height: 104 });
    expect(alignPhases(roadmap, ids.slice(0, 1), "left", sizeOf)).toBe(roadmap);
    expect(alignPhases(roadmap, ids, "left", sizeOf)).toBe(roadmap);
    expect(alignPhases(roadmap, ids, "centerX", sizeOf)).toBe(roadmap);
  });
});

describe("distributePhases", () => {
  it("leaves the outermost phases and spaces the ones between with equal gaps", () => {
    const { roadmap, ids } = withPhasesAt([
      { x: 600, y: 10 },
      { x: 0, y: 20 },
      { x: 150, y: 30 },
    ]);
    const widths = new Map([
      [ids[0], 100],
      [ids[1], 100],
      [ids[2], 200],
    ]);
    const sizeOf = (id: string) => ({ width: widths.get(id) ?? 0, height: 104 });
    const after = distributePhases(roadmap, ids, "horizontal", sizeOf);
    // From 0 to 700 there are 400 pixels of phases: two gaps of 150.
    expect(positionsOf(after, ids)).toEqual([
      { x: 600, y: 10 },
      { x: 0, y: 20 },
      { x: 250, y: 30 },
    ]);
    expect(phaseOf(after, ids[0] ?? "")).toBe(phaseOf(roadmap, ids[0] ?? ""));
    expect(phaseOf(after, "phase-new")).toBe(phaseOf(roadmap, "phase-new"));
  });

  it("spaces phases vertically by their heights", () => {
    const { roadmap, ids } = withPhasesAt([
      { x: 0, y: 0 },
      { x: 40, y: 90 },
      { x: 80, y: 130 },
      { x: 120, y: 600 },
    ]);
    const sizeOf = () => ({ width: 220, height: 100 });
    const after = distributePhases(roadmap, ids, "vertical", sizeOf);
    const tops = positionsOf(after, ids).map((p) => p.y);
    const gaps = tops.slice(1).map((top, i) => top - ((tops[i] ?? 0) + 100));
    expect(tops).toEqual([0, 200, 400, 600]);
    expect(gaps).toEqual([100, 100, 100]);
    expect(positionsOf(after, ids).map((p) => p.x)).toEqual([0, 40, 80, 120]);
  });

  it("leaves fewer than three phases where they are", () => {
    const { roadmap, ids } = withPhasesAt([
      { x: 0, y: 0 },
      { x: 500, y: 0 },
      { x: 900, y: 0 },
    ]);
    const sizeOf = () => ({ width: 220, height: 104 });
    expect(distributePhases(roadmap, ids.slice(0, 2), "horizontal", sizeOf)).toBe(roadmap);
    expect(distributePhases(roadmap, [], "vertical", sizeOf)).toBe(roadmap);
  });
});

describe("replaceStages", () => {
  it("renames and reorders stages, and moves phases of removed stages to the fallback", () => {
    const before = template();
    const [acquire, onboard, develop, retain] = before.stages;
    if (!acquire || !onboard || !develop || !retain) throw new Error("the template lost a stage");
    const stages = [{ ...onboard, name: "Getting started" }, acquire, develop, retain];
    const after = replaceStages(before, stages, "retain");
    expect(after.stages).toEqual(stages);
    expect(phaseOf(after, "phase-at-risk").stageId).toBe("retain");
    expect(phaseOf(after, "phase-lapsed").stageId).toBe("retain");
    for (const phase of before.phases.filter((p) => p.stageId !== "atRisk" && p.stageId !== "winBack")) {
      expect(phaseOf(after, phase.id)).toBe(phase);
    }
    expect(problemsOf(after)).toEqual([]);
  });
});

describe("monthlyOutflow and overflowingPhases", () => {
  /** The sample roadmap with a second segment and a second transition out of "New customer". */
  function twoWays(churnRate: number, rates: [number, number]): Roadmap {
    const base = sampleRoadmap();
    const smb = base.segments[0];
    if (!smb) throw new Error("the sample roadmap lost its segment");
    const roadmap = { ...base, segments: [...base.segments, { ...smb, id: "ent", name: "Enterprise" }] };
    const lapsed = addPhase(roadmap, { stageId: "winBack", position: { x: 600, y: 0 }, name: "Lapsed" });
    const connected = unwrap(connectPhases(lapsed.roadmap, "phase-new", lapsed.phaseId, rates[1]));
    return updateTransition(updatePhase(connected.roadmap, "phase-new", { churnRate }), "tr-settles", {
      rate: rates[0],
    });
  }

  it("adds churn and the outgoing rates, using a segment's own rate where it has one", () => {
    const roadmap = updateTransition(twoWays(0.02, [0.3, 0.1]), "tr-settles", { rateBySegment: { ent: 0.5 } });
    expect(monthlyOutflow(roadmap, "phase-new", "smb")).toBeCloseTo(0.42, 12);
    expect(monthlyOutflow(roadmap, "phase-new", "ent")).toBeCloseTo(0.62, 12);
    expect(monthlyOutflow(roadmap, "phase-active", "smb")).toBe(0.01);
    expect(monthlyOutflow(roadmap, "no-such-phase", "smb")).toBe(0);
  });

  it("flags nothing in the template", () => {
    expect(overflowingPhases(template())).toEqual(new Map());
  });

  it("does not flag exactly 100 %, even when the decimals add up to a hair over", () => {
    expect(overflowingPhases(twoWays(0.5, [0.3, 0.2]))).toEqual(new Map());
    const hair = twoWays(0.33, [0.56, 0.11]);
    expect(monthlyOutflow(hair, "phase-new", "smb")).toBeGreaterThan(1);
    expect(overflowingPhases(hair)).toEqual(new Map());
  });

  it("flags 100.5 %", () => {
    const flagged = overflowingPhases(twoWays(0.205, [0.5, 0.3]));
    expect([...flagged.keys()]).toEqual(["phase-new"]);
    expect(flagged.get("phase-new")?.segmentId).toBe("smb");
    expect(flagged.get("phase-new")?.outflow).toBeCloseTo(1.005, 12);
  });

  it("counts per-segment rates and names the segment that overflows most", () => {
    const one = updateTransition(twoWays(0.4, [0.3, 0.2]), "tr-settles", { rateBySegment: { ent: 0.45 } });
    expect(overflowingPhases(one)).toEqual(new Map([["phase-new", { segmentId: "ent", outflow: 1.05 }]]));
    const both = updateTransition(twoWays(0.4, [0.3, 0.2]), "tr-settles", { rateBySegment: { ent: 0.45, smb: 0.5 } });
    expect(overflowingPhases(both).get("phase-new")).toEqual({ segmentId: "smb", outflow: 1.1 });
    const lowered = updateTransition(twoWays(0.4, [0.5, 0.2]), "tr-settles", { rateBySegment: { smb: 0.3 } });
    expect(overflowingPhases(lowered).get("phase-new")?.segmentId).toBe("ent");
  });
});
