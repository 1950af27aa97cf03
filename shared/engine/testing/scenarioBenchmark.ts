import { BASE_SCENARIO_ID, type Roadmap, type Scenario } from "../../model/schema";
import { generateRoadmap } from "../../model/testing/generateRoadmap";

/** The scenarios `npm run bench:scenarios` compares, in order: the proposed plan, today's and a leaner one. */
export const BENCHMARK_SCENARIO_IDS = [BASE_SCENARIO_ID, "as-is", "lean"] as const;

/**
 * The engine benchmark's roadmap (300 phases, 2,000 communications, 12
 * segments, 60 months) as a consultant's case: the base plan ("To-be"), an
 * "As-is" of the existing communications, and a "Lean" variant that drops
 * some communications, sends a few hundred less often or more cheaply, and
 * assumes a retention programme (lower churn, fewer customers moving on to
 * some phases). Fixed, so runs compare.
 */
export function scenarioBenchmarkRoadmap(): Roadmap {
  const base: Roadmap = {
    ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 12, seed: 1 }),
    horizonMonths: 60,
  };
  const { communications, transitions, phases } = base;
  const asIs: Scenario = {
    ...emptyScenario("as-is", "As-is"),
    excludedCommunicationIds: communications.filter((c) => c.status !== "existing").map((c) => c.id),
  };
  const lean: Scenario = {
    ...emptyScenario("lean", "Lean"),
    excludedCommunicationIds: communications.filter((_, i) => i % 10 === 0).map((c) => c.id),
    communications: Object.fromEntries(
      communications
        .filter((_, i) => i % 6 === 1)
        .map((c, i) => [
          c.id,
          i % 2 === 0
            ? { timing: { kind: "recurring" as const, everyMonths: 3 } }
            : { costPerContact: 0.05, responseRate: Math.min(1, c.responseRate * 1.2) },
        ]),
    ),
    transitions: Object.fromEntries(
      transitions.filter((_, i) => i % 5 === 0).map((t) => [t.id, { rate: Math.floor(t.rate * 8_000) / 10_000 }]),
    ),
    phases: Object.fromEntries(
      phases.filter((_, i) => i % 4 === 0).map((p) => [p.id, { churnRate: Math.floor(p.churnRate * 7_000) / 10_000 }]),
    ),
  };
  return { ...base, baseScenario: { ...base.baseScenario, name: "To-be" }, scenarios: [asIs, lean] };
}

function emptyScenario(id: string, name: string): Scenario {
  return {
    id,
    name,
    notes: "",
    excludedCommunicationIds: [],
    communications: {},
    transitions: {},
    phases: {},
    optimisation: null,
  };
}
