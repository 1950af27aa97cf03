import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import {
  addPhase,
  connectPhases,
  deleteElements,
  movePhases,
  updateCommunication,
  updatePhase,
  updateTransition,
} from "./edits";
import { DIFF_COLLECTIONS, diffRoadmaps, ITEM_COLLECTIONS, type RoadmapDifference, sameJsonValue } from "./roadmapDiff";
import type { Roadmap, Scenario } from "./schema";
import { generateRoadmap } from "./testing/generateRoadmap";
import { sampleRoadmap } from "./testing/sampleRoadmap";

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const lean: Scenario = {
  id: "lean",
  name: "Lean",
  notes: "",
  excludedCommunicationIds: [],
  communications: {},
  transitions: {},
  phases: {},
  optimisation: null,
};

describe("diffRoadmaps", () => {
  it("finds nothing between a roadmap and itself, or a copy of it read back from a file", () => {
    const roadmap = generateRoadmap({ phases: 20, transitionsPerPhase: 1.5, communications: 60, segments: 3, seed: 7 });
    expect(diffRoadmaps(roadmap, roadmap)).toEqual([]);
    expect(diffRoadmaps(roadmap, clone(roadmap))).toEqual([]);
  });

  it("reports a changed response rate as one field of the communication, with old and new values", () => {
    const before = sampleRoadmap();
    const after = updateCommunication(before, "comm-welcome", { responseRate: 0.12 });
    expect(diffRoadmaps(before, after)).toEqual([
      {
        kind: "changed",
        collection: "communications",
        id: "comm-welcome",
        label: "Welcome email",
        field: "responseRate",
        before: 0.1,
        after: 0.12,
      },
    ]);
  });

  it("reports a timing of the same kind by its field, and a change of kind as one change of the whole timing", () => {
    const before = updateCommunication(sampleRoadmap(), "comm-welcome", {
      timing: { kind: "recurring", everyMonths: 3 },
    });
    const sameKind = updateCommunication(before, "comm-welcome", { timing: { kind: "recurring", everyMonths: 6 } });
    expect(diffRoadmaps(before, sameKind).map((d) => [d.field, d.before, d.after])).toEqual([
      ["timing.everyMonths", 3, 6],
    ]);
    const otherKind = updateCommunication(before, "comm-welcome", { timing: { kind: "oneOff", month: 4 } });
    expect(diffRoadmaps(before, otherKind).map((d) => [d.field, d.before, d.after])).toEqual([
      ["timing", { kind: "recurring", everyMonths: 3 }, { kind: "oneOff", month: 4 }],
    ]);
  });

  it("walks into records by key and reports lists of values as one change", () => {
    const before = sampleRoadmap();
    let after = updateTransition(before, "tr-settles", { rateBySegment: { smb: 0.4 } });
    after = updatePhase(after, "phase-new", {
      initialCustomers: { smb: 150 },
      objectives: ["Activate within 30 days"],
    });
    after = updateCommunication(after, "comm-welcome", {
      audience: { segmentIds: [], roleIds: ["role-admin"], share: 0.5 },
    });
    expect(diffRoadmaps(before, after).map((d) => [d.collection, d.label, d.field, d.before, d.after])).toEqual([
      ["phases", "New customer", "objectives", [], ["Activate within 30 days"]],
      ["phases", "New customer", "initialCustomers.smb", 100, 150],
      ["transitions", "New customer → Active", "rateBySegment.smb", undefined, 0.4],
      ["communications", "Welcome email", "audience.segmentIds", ["smb"], []],
      ["communications", "Welcome email", "audience.share", 1, 0.5],
    ]);
  });

  it("lists added items in the new roadmap's order and removed ones after them, named as the user knows them", () => {
    const before = sampleRoadmap();
    const added = addPhase(before, { stageId: "retain", position: { x: 600, y: 0 }, name: "Loyal" });
    const connected = connectPhases(added.roadmap, "phase-active", added.phaseId);
    if (!connected.ok) throw new Error(connected.error);
    const after = deleteElements(connected.value.roadmap, { phaseIds: ["phase-new"], transitionIds: [] });
    const differences = diffRoadmaps(before, after);
    expect(differences.map((d) => [d.kind, d.collection, d.label])).toEqual([
      ["added", "phases", "Loyal"],
      ["removed", "phases", "New customer"],
      ["added", "transitions", "Active → Loyal"],
      ["removed", "transitions", "New customer → Active"],
      ["removed", "communications", "Welcome email"],
    ]);
    expect(differences.every((d) => d.field === null && d.before === undefined && d.after === undefined)).toBe(true);
  });

  it("reports a phase moved on the canvas, unless layout is to be ignored", () => {
    const before = sampleRoadmap();
    const after = movePhases(before, new Map([["phase-active", { x: 320, y: 40 }]]));
    expect(diffRoadmaps(before, after).map((d) => [d.field, d.before, d.after])).toEqual([
      ["position.x", 300, 320],
      ["position.y", 0, 40],
    ]);
    expect(diffRoadmaps(before, after, { ignoreLayout: true })).toEqual([]);
  });

  it("compares the roadmap's own fields as settings, and never the time it was saved", () => {
    const before = sampleRoadmap();
    const after: Roadmap = {
      ...before,
      contactCap: 5,
      updatedAt: "2027-02-01T09:00:00.000Z",
      baseScenario: { ...before.baseScenario, name: "To-be" },
    };
    expect(diffRoadmaps(before, after)).toEqual([
      {
        kind: "changed",
        collection: "settings",
        id: null,
        label: "Contact cap",
        field: "contactCap",
        before: 4,
        after: 5,
      },
      {
        kind: "changed",
        collection: "settings",
        id: null,
        label: "Base scenario's name",
        field: "baseScenario.name",
        before: "Plan",
        after: "To-be",
      },
    ]);
  });

  it("reports what a scenario says differently field by field, even its first override of an item", () => {
    const before: Roadmap = { ...sampleRoadmap(), scenarios: [lean] };
    const after: Roadmap = {
      ...before,
      scenarios: [
        {
          ...lean,
          excludedCommunicationIds: ["comm-welcome"],
          communications: { "comm-welcome": { responseRate: 0.2, timing: { kind: "recurring", everyMonths: 2 } } },
          phases: { "phase-active": { churnRate: 0.005 } },
        },
      ],
    };
    expect(diffRoadmaps(before, after).map((d) => [d.collection, d.label, d.field, d.before, d.after])).toEqual([
      ["scenarios", "Lean", "excludedCommunicationIds", [], ["comm-welcome"]],
      ["scenarios", "Lean", "communications.comm-welcome.responseRate", undefined, 0.2],
      ["scenarios", "Lean", "communications.comm-welcome.timing", undefined, { kind: "recurring", everyMonths: 2 }],
      ["scenarios", "Lean", "phases.phase-active.churnRate", undefined, 0.005],
    ]);
  });

  it("summarises the survey and the sticky notes instead of listing every answer or note", () => {
    const before = sampleRoadmap();
    const note = (id: string, status: "open" | "resolved") => ({
      id,
      text: `Note ${id}`,
      author: "",
      createdAt: "2027-01-01T00:00:00.000Z",
      status,
      resolvedAt: null,
      anchor: { kind: "phase" as const, phaseId: "phase-new" },
    });
    const wave = (id: string, respondents: number) => ({
      id,
      name: id,
      date: "2027-01-15",
      importedAt: "2027-01-16T00:00:00.000Z",
      source: "survey.csv",
      scale: "1-5" as const,
      itemIds: [],
      respondents: Array.from({ length: respondents }, () => ({
        phaseId: "phase-new",
        segmentId: null,
        date: null,
        answers: [],
        recommend: 8,
        preferredChannelIds: [],
        preferredContactsPerMonth: null,
      })),
      excluded: 0,
    });
    const after: Roadmap = {
      ...before,
      stickyNotes: [note("a", "open"), note("b", "resolved"), note("c", "open")],
      survey: { ...before.survey, waves: [wave("w1", 40), wave("w2", 25)] },
    };
    expect(diffRoadmaps(before, after).map((d) => [d.field, d.before, d.after])).toEqual([
      ["survey.waves", { waves: 0, respondents: 0 }, { waves: 2, respondents: 65 }],
      ["stickyNotes", { notes: 0, open: 0 }, { notes: 3, open: 2 }],
    ]);
  });

  it("leaves out the optimiser's settings of a removed communication: its removal says it", () => {
    const roadmap = sampleRoadmap();
    const before: Roadmap = {
      ...roadmap,
      optimiser: {
        ...roadmap.optimiser,
        communications: { "comm-welcome": { everyMonths: [2], personalisation: [], lock: "in" } },
      },
    };
    const after: Roadmap = { ...roadmap, communications: [] };
    expect(diffRoadmaps(before, after).map((d) => [d.kind, d.collection, d.field])).toEqual([
      ["removed", "communications", null],
    ]);
  });

  it("finds the one change among 2,000 communications read back from a file (timed in roadmapDiff.bench.ts)", () => {
    const before = generateRoadmap({
      phases: 100,
      transitionsPerPhase: 1.5,
      communications: 2000,
      segments: 4,
      seed: 3,
    });
    const after = clone(before);
    after.communications[1999] = {
      ...after.communications[1999],
      responseRate: 0.5,
    } as Roadmap["communications"][number];
    const differences = diffRoadmaps(before, after);
    expect(differences.map((d) => [d.id, d.field])).toEqual([["comm-2000", "responseRate"]]);
  });
});

/** Random edits, each picking its targets by index modulo what the roadmap holds when it runs. */
type Edit =
  | { kind: "churn"; phase: number; value: number }
  | { kind: "rename"; phase: number; name: string }
  | { kind: "customers"; phase: number; segment: number; value: number }
  | { kind: "rate"; transition: number; value: number; segment: number | null }
  | { kind: "response"; communication: number; value: number }
  | { kind: "timing"; communication: number; every: number | null }
  | { kind: "audience"; communication: number; share: number; segment: number | null }
  | { kind: "move"; phase: number; x: number; y: number }
  | { kind: "add"; x: number }
  | { kind: "connect"; from: number; to: number }
  | { kind: "delete"; phase: number | null; transition: number | null };

const share = fc.double({ min: 0, max: 1, noNaN: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("churn" as const), phase: fc.nat(), value: share }),
  fc.record({ kind: fc.constant("rename" as const), phase: fc.nat(), name: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("customers" as const), phase: fc.nat(), segment: fc.nat(), value: fc.nat(5000) }),
  fc.record({ kind: fc.constant("rate" as const), transition: fc.nat(), value: share, segment: fc.option(fc.nat()) }),
  fc.record({ kind: fc.constant("response" as const), communication: fc.nat(), value: share }),
  fc.record({
    kind: fc.constant("timing" as const),
    communication: fc.nat(),
    every: fc.option(fc.integer({ min: 1, max: 12 })),
  }),
  fc.record({ kind: fc.constant("audience" as const), communication: fc.nat(), share, segment: fc.option(fc.nat()) }),
  fc.record({
    kind: fc.constant("move" as const),
    phase: fc.nat(),
    x: fc.integer({ min: -500, max: 500 }),
    y: fc.integer({ min: -500, max: 500 }),
  }),
  fc.record({ kind: fc.constant("add" as const), x: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({ kind: fc.constant("connect" as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), phase: fc.option(fc.nat()), transition: fc.option(fc.nat()) }),
);

function at<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function applyEdit(roadmap: Roadmap, e: Edit): Roadmap {
  const segmentId = (i: number) => at(roadmap.segments, i)?.id ?? "";
  switch (e.kind) {
    case "churn":
    case "rename":
    case "customers":
    case "move": {
      const phase = at(roadmap.phases, e.phase);
      if (!phase) return roadmap;
      if (e.kind === "churn") return updatePhase(roadmap, phase.id, { churnRate: e.value });
      if (e.kind === "rename") return updatePhase(roadmap, phase.id, { name: e.name });
      if (e.kind === "move") return movePhases(roadmap, new Map([[phase.id, { x: e.x, y: e.y }]]));
      return updatePhase(roadmap, phase.id, {
        initialCustomers: { ...phase.initialCustomers, [segmentId(e.segment)]: e.value },
      });
    }
    case "rate": {
      const transition = at(roadmap.transitions, e.transition);
      if (!transition) return roadmap;
      return e.segment === null
        ? updateTransition(roadmap, transition.id, { rate: e.value })
        : updateTransition(roadmap, transition.id, {
            rateBySegment: { ...transition.rateBySegment, [segmentId(e.segment)]: e.value },
          });
    }
    case "response":
    case "timing":
    case "audience": {
      const communication = at(roadmap.communications, e.communication);
      if (!communication) return roadmap;
      if (e.kind === "response") return updateCommunication(roadmap, communication.id, { responseRate: e.value });
      if (e.kind === "timing") {
        return updateCommunication(roadmap, communication.id, {
          timing: e.every === null ? { kind: "onEntry", offsetMonths: 1 } : { kind: "recurring", everyMonths: e.every },
        });
      }
      return updateCommunication(roadmap, communication.id, {
        audience: {
          ...communication.audience,
          share: e.share,
          segmentIds: e.segment === null ? [] : [segmentId(e.segment)],
        },
      });
    }
    case "add": {
      const stage = roadmap.stages[0];
      return stage ? addPhase(roadmap, { stageId: stage.id, position: { x: e.x, y: 0 } }).roadmap : roadmap;
    }
    case "connect": {
      const from = at(roadmap.phases, e.from);
      const to = at(roadmap.phases, e.to);
      if (!from || !to) return roadmap;
      const result = connectPhases(roadmap, from.id, to.id);
      return result.ok ? result.value.roadmap : roadmap;
    }
    case "delete":
      return deleteElements(roadmap, {
        phaseIds: e.phase === null ? [] : [at(roadmap.phases, e.phase)?.id ?? ""],
        transitionIds: e.transition === null ? [] : [at(roadmap.transitions, e.transition)?.id ?? ""],
      });
  }
}

function valueAt(item: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], item);
}

/** Writes a reported change into a copy of the old item: every change applied must give the new item. */
function applyChange(item: Record<string, unknown>, { field, after }: RoadmapDifference): void {
  const keys = (field ?? "").split(".");
  const last = keys.pop() ?? "";
  let target = item;
  for (const key of keys) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  if (after === undefined) delete target[last];
  else target[last] = clone(after);
}

describe("diffRoadmaps on random edits", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  const start = generateRoadmap({ phases: 8, transitionsPerPhase: 1.5, communications: 20, segments: 3, seed: 11 });

  it("reports exactly what changed: added and removed ids are the set differences, and the changes rebuild every item", () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const after = edits.reduce(applyEdit, start);
        // Read back as a file would be, so nothing is found by sharing alone.
        const differences = diffRoadmaps(start, clone(after));
        if (edits.length === 0) expect(differences).toEqual([]);
        for (const collection of ITEM_COLLECTIONS) {
          const from: { id: string }[] = start[collection];
          const to: { id: string }[] = after[collection];
          const oldIds = new Set(from.map((item) => item.id));
          const newIds = new Set(to.map((item) => item.id));
          const reported = differences.filter((d) => d.collection === collection);
          const ids = (kind: RoadmapDifference["kind"]) => reported.filter((d) => d.kind === kind).map((d) => d.id);
          expect(ids("added")).toEqual(to.filter((item) => !oldIds.has(item.id)).map((item) => item.id));
          expect(ids("removed")).toEqual(from.filter((item) => !newIds.has(item.id)).map((item) => item.id));
          for (const item of to) {
            const previous = from.find((candidate) => candidate.id === item.id);
            if (!previous) continue;
            const changes = reported.filter((d) => d.kind === "changed" && d.id === item.id);
            for (const change of changes) {
              expect(sameJsonValue(change.before, change.after)).toBe(false);
              expect(sameJsonValue(valueAt(previous, change.field ?? ""), change.before)).toBe(true);
              expect(sameJsonValue(valueAt(item, change.field ?? ""), change.after)).toBe(true);
            }
            const rebuilt = clone(previous) as unknown as Record<string, unknown>;
            for (const change of changes) applyChange(rebuilt, change);
            expect(sameJsonValue(rebuilt, item)).toBe(true);
          }
        }
        const order = differences.map((d) => DIFF_COLLECTIONS.indexOf(d.collection));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
      propertyRuns(150),
    );
  });
});
