import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns, TEST_TIMEOUT_MS } from "../../test/budget";
import { defaultStages } from "./defaults";
import {
  lifecycleOrder,
  moveInWalk,
  presentationWalk,
  WALK_COLUMN_TOLERANCE,
  type WalkInputs,
} from "./presentationWalk";
import type { Phase } from "./schema";
import { sampleRoadmap } from "./testing/sampleRoadmap";

const template = sampleRoadmap().phases[0] as Phase;

function phase(id: string, stageId: string, x: number, y: number): Phase {
  return { ...template, id, name: id, stageId, position: { x, y } };
}

function roadmap(phases: Phase[], walkOrder: string[] = []): WalkInputs {
  return { stages: defaultStages(), phases, presentation: { walkOrder } };
}

describe("lifecycle order", () => {
  it("walks the stages in the roadmap's stage order, whatever the document order", () => {
    const doc = roadmap([
      phase("lapsed", "winBack", 0, 0),
      phase("loyal", "retain", 0, 0),
      phase("prospect", "acquire", 900, 0),
      phase("welcome", "onboard", 500, 0),
    ]);
    expect(presentationWalk(doc)).toEqual(["prospect", "welcome", "loyal", "lapsed"]);
  });

  it("reads a stage column by column, left to right, and each column top to bottom", () => {
    const doc = roadmap([
      phase("right-top", "develop", 600, 0),
      phase("left-bottom", "develop", 0, 300),
      phase("left-top-nudged", "develop", 40, -10),
      phase("right-bottom", "develop", 590, 200),
    ]);
    expect(lifecycleOrder(doc)).toEqual(["left-top-nudged", "left-bottom", "right-top", "right-bottom"]);
  });

  it("puts phases of a stage the roadmap does not list after all the others", () => {
    const doc = roadmap([phase("stray", "gone", -100, 0), phase("first", "acquire", 0, 0)]);
    expect(lifecycleOrder(doc)).toEqual(["first", "stray"]);
  });
});

describe("presentation walk", () => {
  const phases = [
    phase("a", "acquire", 0, 0),
    phase("b", "onboard", 300, 0),
    phase("c", "develop", 600, 0),
    phase("d", "retain", 900, 0),
  ];

  it("is the lifecycle order when no order is stored", () => {
    expect(presentationWalk(roadmap(phases))).toEqual(["a", "b", "c", "d"]);
  });

  it("walks the stored order first, then the phases it leaves out in lifecycle order", () => {
    expect(presentationWalk(roadmap(phases, ["c", "a"]))).toEqual(["c", "a", "b", "d"]);
  });

  it("passes over ids of phases that are gone and repeats", () => {
    expect(presentationWalk(roadmap(phases, ["d", "gone", "d", "b"]))).toEqual(["d", "b", "a", "c"]);
  });

  it("moves a phase to a new place and stores the whole walk", () => {
    const doc = roadmap(phases, ["c"]);
    expect(moveInWalk(doc, "d", 0)).toEqual(["d", "c", "a", "b"]);
    expect(moveInWalk(doc, "c", 3)).toEqual(["a", "b", "d", "c"]);
    expect(moveInWalk(doc, "c", 99)).toEqual(["a", "b", "d", "c"]);
  });

  it("leaves the walk as it is when asked to move a phase that is not in it", () => {
    expect(moveInWalk(roadmap(phases), "gone", 0)).toEqual(["a", "b", "c", "d"]);
  });
});

const STAGE_IDS = [...defaultStages().map((stage) => stage.id), "unknown-stage"];

/** Phases with few distinct coordinates, so columns, ties and repeated spots come up often. */
const phasesArbitrary = fc
  .array(
    fc.record({
      stageId: fc.constantFrom(...STAGE_IDS),
      x: fc.integer({ min: -4, max: 12 }).map((n) => n * 55),
      y: fc.integer({ min: 0, max: 6 }).map((n) => n * 60),
    }),
    { maxLength: 40 },
  )
  .map((specs) => specs.map((spec, i) => phase(`p${i}`, spec.stageId, spec.x, spec.y)));

/** A stored order as a file may hold it: some phases, in any order, maybe with stale ids and repeats. */
const walkCase = phasesArbitrary.chain((list) =>
  fc
    .array(fc.oneof(fc.constantFrom(...list.map((p) => p.id), "gone-1", "gone-2"), fc.constant("p0")), {
      maxLength: 50,
    })
    .map((walkOrder) => roadmap(list, walkOrder)),
);

describe("presentation walk, for any roadmap", () => {
  it(
    "walks every phase exactly once, the stored order first, the rest in lifecycle order",
    () => {
      fc.assert(
        fc.property(walkCase, (doc) => {
          const walk = presentationWalk(doc);
          expect([...walk].sort()).toEqual(doc.phases.map((p) => p.id).sort());

          const ids = new Set(doc.phases.map((p) => p.id));
          const stored = [...new Set(doc.presentation.walkOrder.filter((id) => ids.has(id)))];
          expect(walk.slice(0, stored.length)).toEqual(stored);

          const lifecycle = lifecycleOrder(doc);
          const rest = walk.slice(stored.length);
          expect(rest).toEqual(lifecycle.filter((id) => !stored.includes(id)));
        }),
        propertyRuns(300),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "keeps lifecycle order by stage, and left before right within a stage",
    () => {
      fc.assert(
        fc.property(phasesArbitrary, (list) => {
          const doc = roadmap(list);
          const stageIndex = new Map(doc.stages.map((s, i) => [s.id, i]));
          const byId = new Map(list.map((p) => [p.id, p]));
          const walk = presentationWalk(doc).map((id) => byId.get(id) as Phase);
          walk.forEach((current, i) => {
            const next = walk[i + 1];
            if (!next) return;
            const rank = (p: Phase) => stageIndex.get(p.stageId) ?? doc.stages.length;
            expect(rank(current)).toBeLessThanOrEqual(rank(next));
            // A phase well to the right of another in its stage is never walked before it.
            if (rank(current) === rank(next)) {
              for (const later of walk.slice(i + 1).filter((p) => rank(p) === rank(current))) {
                expect(current.position.x - later.position.x).toBeLessThanOrEqual(WALK_COLUMN_TOLERANCE);
              }
            }
          });
        }),
        propertyRuns(300),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "moving a phase puts it where asked and keeps every other phase in its order",
    () => {
      fc.assert(
        fc.property(
          walkCase.filter((doc) => doc.phases.length > 0),
          fc.nat(),
          fc.integer({ min: -2, max: 45 }),
          (doc, pick, toIndex) => {
            const before = presentationWalk(doc);
            const moved = before[pick % before.length] as string;
            const after = moveInWalk(doc, moved, toIndex);
            expect(presentationWalk({ ...doc, presentation: { walkOrder: after } })).toEqual(after);
            expect(after.indexOf(moved)).toBe(Math.max(0, Math.min(before.length - 1, toIndex)));
            expect(after.filter((id) => id !== moved)).toEqual(before.filter((id) => id !== moved));
          },
        ),
        propertyRuns(300),
      );
    },
    TEST_TIMEOUT_MS,
  );
});
