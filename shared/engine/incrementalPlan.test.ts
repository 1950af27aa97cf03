import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { resolveScenario } from "../model/scenarios";
import { BASE_SCENARIO_ID, type Roadmap } from "../model/schema";
import { shareUnchanged } from "../model/structuralSharing";
import { ROADMAP_TEMPLATES } from "../model/templates";
import { createPlanEngine, type PlanEngine, planRoadmap } from "./planEngine";
import { describePlanDifferences, planDifferences } from "./testing/planComparison";
import {
  applyEdit,
  applyEditInScenario,
  applyScenarioAction,
  type EditContext,
  pick,
  type RandomEdit,
  randomEdit,
  randomScenarioAction,
  type ScenarioAction,
} from "./testing/randomEdits";
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

/**
 * An edit of the roadmap the shown scenario plans (written back as the editor does), a scenario
 * action, or going back to an earlier version (undo, or a version restored).
 */
type Step =
  | { kind: "edit"; edit: RandomEdit }
  | { kind: "scenario"; action: ScenarioAction }
  | { kind: "back"; steps: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: randomEdit.map((edit) => ({ kind: "edit" as const, edit })), weight: 6 },
  { arbitrary: randomScenarioAction.map((action) => ({ kind: "scenario" as const, action })), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 5 }).map((steps) => ({ kind: "back" as const, steps })), weight: 1 },
);

/** The document, and the scenario shown: the engine plans the one as the other plans it. */
interface Version {
  document: Roadmap;
  viewing: string;
}

function next(version: Version, s: Step, context: EditContext, versions: readonly Version[]): Version {
  switch (s.kind) {
    case "edit":
      return { ...version, document: applyEditInScenario(version.document, version.viewing, s.edit, context) };
    case "scenario":
      return applyScenarioAction(version.document, version.viewing, s.action);
    case "back":
      return pick(versions, Math.max(0, versions.length - 1 - s.steps)) ?? version;
  }
}

/** The engine in the app's worker: it gets copies of the roadmaps and shares their unchanged parts again. */
function workerEngine(): (roadmap: Roadmap) => ReturnType<PlanEngine["run"]> {
  const engine = createPlanEngine();
  let previous: Roadmap | null = null;
  return (roadmap) => {
    previous = shareUnchanged(previous, structuredClone(roadmap));
    return engine.run(previous);
  };
}

/**
 * Fails naming the figures where the incremental plans differ from a fresh plan of the scenario,
 * resolved afresh from a copy of the document (so neither the plan nor the resolution is remembered).
 */
function expectSamePlans(plans: Record<string, unknown>, { document, viewing }: Version, after: string): void {
  const expected = planRoadmap(resolveScenario(structuredClone(document), viewing));
  for (const [what, actual] of Object.entries(plans)) {
    const differences = planDifferences(actual, expected);
    if (differences.length > 0) {
      expect.fail(`${what} ${after} differs from a fresh plan:\n${describePlanDifferences(differences)}`);
    }
  }
}

/** What the steps did over all runs, so the property is seen to exercise scenarios. */
const happened = new Set<string>();

function noteWhatHappened(s: Step, before: Version, after: Version): void {
  if (before.document === after.document && before.viewing === after.viewing) return;
  if (s.kind === "scenario") happened.add(s.action.kind);
  if (s.kind !== "edit" || before.viewing === BASE_SCENARIO_ID) return;
  happened.add("edit in a scenario");
  const overrides = (version: Version) =>
    JSON.stringify(
      version.document.scenarios.map(({ communications, transitions, phases }) => [
        communications,
        transitions,
        phases,
      ]),
    );
  if (overrides(before) !== overrides(after)) happened.add("a scenario's own value set");
}

const describeStep = (s: Step) => (s.kind === "edit" ? s.edit.kind : s.kind === "scenario" ? s.action.kind : "back");

describe("the incremental plan engine", () => {
  it(
    "plans every version of an edited roadmap, in any scenario, to the same bits as a fresh engine",
    () => {
      fc.assert(
        fc.property(startingRoadmaps, fc.array(step, { minLength: 1, maxLength: 25 }), (start, steps) => {
          const context: EditContext = { clip: null };
          let version: Version = { document: startingRoadmap(start), viewing: BASE_SCENARIO_ID };
          const versions = [version];
          const inProcess = createPlanEngine();
          const worker = workerEngine();
          inProcess.run(version.document);
          worker(version.document);
          for (const [n, s] of steps.entries()) {
            const before = version;
            version = next(version, s, context, versions);
            noteWhatHappened(s, before, version);
            versions.push(version);
            const viewed = resolveScenario(version.document, version.viewing);
            expectSamePlans(
              { "the plan": inProcess.run(viewed), "the worker's plan": worker(viewed) },
              version,
              `after step ${n + 1} (${describeStep(s)})`,
            );
          }
        }),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it("exercises every scenario action and edits inside scenarios in those sequences", () => {
    // Filled by the property above, which runs first.
    expect([...happened].sort()).toEqual(
      [
        "addScenario",
        "asIsFromExisting",
        "showScenario",
        "removeScenario",
        "applyToAll",
        "useBaseValue",
        "includeAgain",
        "edit in a scenario",
        "a scenario's own value set",
      ].sort(),
    );
  });

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
