import { planRoadmap } from "../../engine/planEngine";
import { defaultOptimiserSettings } from "../../model/defaults";
import type { OptimiserSettings, Roadmap } from "../../model/schema";
import { generateRoadmap } from "../../model/testing/generateRoadmap";
import { richerOptions } from "./smallInstances";

/** The optimiser benchmark's budget: this share of what the plan costs (30 % below it). */
export const BENCHMARK_BUDGET_SHARE = 0.7;
/** Each owner may spend this share of what their communications cost in the plan. */
export const BENCHMARK_OWNER_BUDGET_SHARE = 0.8;

/**
 * The engine benchmark's roadmap (300 phases, 2,000 communications, 12
 * segments) over 24 months, as the optimiser benchmark asks: every
 * recurring send may go out at one other interval (two frequencies to choose
 * from), every communication at all three personalisation levels, each owner
 * may spend 80 % of their plan's cost, the budget is 30 % below the plan's,
 * and the roadmap's contact cap of 4 a month holds; the most value within
 * those budgets is sought. Fixed, so runs compare.
 */
export function optimiserBenchmarkRoadmap(): Roadmap {
  const roadmap: Roadmap = {
    ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 12, seed: 1 }),
    horizonMonths: 24,
  };
  const { budget } = planRoadmap(roadmap);
  const owners = budget.byDimension.owner;
  const settings: OptimiserSettings = {
    ...defaultOptimiserSettings(),
    // The most value within the budget: with the net objective the budget hardly binds on this roadmap.
    objective: "value",
    budget: Math.round(budget.totalCost * BENCHMARK_BUDGET_SHARE),
    ownerBudgets: owners.keys.map((ownerId, k) => ({
      ownerId,
      budget: Math.round((owners.totalCost[k] as number) * BENCHMARK_OWNER_BUDGET_SHARE),
    })),
    respectContactCaps: true,
    communications: richerOptions(roadmap, 1, 2),
    timeLimitSeconds: 10,
    gapTolerance: 0.005,
  };
  return { ...roadmap, optimiser: settings };
}
