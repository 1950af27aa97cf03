import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import type { Roadmap } from "../model/schema";
import { shareUnchanged } from "../model/structuralSharing";
import { ROADMAP_TEMPLATES } from "../model/templates";
import { createPlanEngine, type PlanEngine, planRoadmap } from "./planEngine";
import { describePlanDifferences, planDifferences } from "./testing/planComparison";
import { applyEdit, type EditContext, pick, type RandomEdit, randomEdit } from "./testing/randomEdits";
import { randomRoadmaps } from "./testing/randomRoadmaps";

const FAST_CHECK = propertyRuns(150);

const NOW = new Date("2026-11-23T10:00:00Z");

/**
 * Any template (named by its id, so a counterexample stays readable), or a random roadmap: small
 * hand-built ones, and generated ones of up to a few dozen phases.
 */
const startingRoadmaps: fc.Arbitrary<string | Roadmap> = fc.oneof(
  fc.constantFrom(...ROADMAP_TEMPLATES.map((template) => template.id)),
  randomRoadmaps,
);

function startingRoadmap(start: string | Roadmap): Roadmap {
  if (typeof start !== "string") return start;
  const template = ROADMAP_TEMPLATES.find((t) => t.id === start);
  if (!template) throw new Error(`no template ${start}`);
  return template.create(NOW);
}

/** An edit, or going back to an earlier version (undo, or a version restored), which the engine must plan as afresh. */
type Step = { kind: "edit"; edit: RandomEdit } | { kind: "back"; steps: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: randomEdit.map((edit) => ({ kind: "edit" as const, edit })), weight: 5 },
  { arbitrary: fc.integer({ min: 1, max: 5 }).map((steps) => ({ kind: "back" as const, steps })), weight: 1 },
);

/** The engine in the app's worker: it gets copies of the documents and shares their unchanged parts again. */
function workerEngine(): (roadmap: Roadmap) => ReturnType<PlanEngine["run"]> {
  const engine = createPlanEngine();
  let previous: Roadmap | null = null;
  return (roadmap) => {
    previous = shareUnchanged(previous, structuredClone(roadmap));
    return engine.run(previous);
  };
}

/** Fails naming the figures where the incremental plans differ from a fresh plan of the roadmap. */
function expectSamePlans(plans: Record<string, unknown>, roadmap: Roadmap, after: string): void {
  const expected = planRoadmap(roadmap);
  for (const [what, actual] of Object.entries(plans)) {
    const differences = planDifferences(actual, expected);
    if (differences.length > 0) {
      expect.fail(`${what} ${after} differs from a fresh plan:\n${describePlanDifferences(differences)}`);
    }
  }
}

describe("the incremental plan engine", () => {
  it(
    "plans every version of an edited roadmap to the same bits as a fresh engine",
    () => {
      fc.assert(
        fc.property(startingRoadmaps, fc.array(step, { minLength: 1, maxLength: 25 }), (start, steps) => {
          const original = startingRoadmap(start);
          const context: EditContext = { clip: null };
          const versions = [original];
          const inProcess = createPlanEngine();
          const worker = workerEngine();
          let roadmap = original;
          inProcess.run(roadmap);
          worker(roadmap);
          for (const [n, s] of steps.entries()) {
            roadmap =
              s.kind === "edit"
                ? applyEdit(roadmap, s.edit, context)
                : (pick(versions, Math.max(0, versions.length - 1 - s.steps)) ?? original);
            versions.push(roadmap);
            expectSamePlans(
              { "the plan": inProcess.run(roadmap), "the worker's plan": worker(roadmap) },
              roadmap,
              `after step ${n + 1} (${s.kind === "edit" ? s.edit.kind : "back"})`,
            );
          }
        }),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it("reuses work in those sequences, so the property compares incremental plans and not fresh ones", () => {
    const engine = createPlanEngine();
    const b2b = ROADMAP_TEMPLATES[0]?.create(NOW);
    if (!b2b) throw new Error("no template");
    engine.run(b2b);
    const communication = b2b.communications[0];
    if (!communication) throw new Error("no communication");
    const edited = applyEdit(
      b2b,
      { kind: "communication", communication: 0, change: { field: "responseRate", value: 0.5 } },
      { clip: null },
    );
    engine.run(edited);
    expect(engine.stats).toMatchObject({
      runs: 2,
      flowSimulations: 1,
      communicationSchedules: b2b.communications.length + 1,
    });
  });
});
