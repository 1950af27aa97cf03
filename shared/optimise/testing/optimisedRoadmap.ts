import { compareScenarios } from "../../engine/scenarioComparison";
import { defaultOptimiserSettings } from "../../model/defaults";
import type { FrontierPoint, OptimisationRecord, Roadmap } from "../../model/schema";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { testScenario } from "../../model/testing/scenario";

export const OPTIMISED_SCENARIO_ID = "optimised";

/**
 * The B2B template with a scenario as the optimiser writes one, for the views
 * that show a result without running the solver: it drops the customer
 * conference, sends the newsletter every 3 months and the tips every 2, makes
 * the cross-sell campaign one-to-one and the welcome series mass. Its cost and
 * value are the plan engine's; the frontier is made up around them (ten
 * budgets from 40 % to 130 % of the plan's, the plan 5 % below it), with
 * reasons and binding constraints in the writer's words. `record` overrides
 * any of the record's fields.
 */
export function optimisedB2bRoadmap(
  record: Partial<OptimisationRecord> = {},
  now = new Date("2027-01-15T00:00:00Z"),
): Roadmap {
  const base = createB2bSubscriptionRoadmap(now);
  const planCost = compareScenarios(base, ["base"]).scenarios[0]?.totals.budget ?? 0;
  const budget = Math.round(planCost * 0.7);
  const scenario = testScenario({
    id: OPTIMISED_SCENARIO_ID,
    name: `Optimised, budget ${euros(budget, "compact")}`,
    excludedCommunicationIds: ["comm-customer-conference"],
    communications: {
      "comm-customer-newsletter": { timing: { kind: "recurring", everyMonths: 3 } },
      "comm-core-tips": { timing: { kind: "recurring", everyMonths: 2 } },
      "comm-analytics-cross-sell": { personalisation: "oneToOne" },
      "comm-trial-welcome-series": { personalisation: "mass" },
    },
  });
  const roadmap: Roadmap = { ...base, scenarios: [scenario] };
  const [plan, optimised] = compareScenarios(roadmap, ["base", OPTIMISED_SCENARIO_ID]).scenarios;
  const planValue = plan?.totals.value ?? 0;
  const full: OptimisationRecord = {
    createdAt: now.toISOString(),
    fromScenarioId: "base",
    fromScenarioName: base.baseScenario.name,
    settings: { ...defaultOptimiserSettings(), objective: "value", budget },
    status: "optimal",
    gap: 0.003,
    objective: optimised?.totals.value ?? 0,
    cost: optimised?.totals.budget ?? 0,
    value: optimised?.totals.value ?? 0,
    planCost,
    planValue,
    frontier: madeUpFrontier(planCost, planValue),
    marginalBudget: { perUnit: 0.42, method: "dual" },
    marginalContact: { perUnit: 3_100, method: "slope" },
    binding: [
      `the budget of ${euros(budget, "standard")}`,
      "the contact cap of 4 a month for Mid-market customers in Trial, in Mar 2027",
    ],
    reasons: {
      "comm-customer-conference": "dropped: €0.40 back per € spent, the lowest of the plan",
      "comm-customer-newsletter":
        "every 3 months instead of every month: hit the contact cap of 4 for Mid-market in Trial",
      "comm-core-tips": "every 2 months instead of every month: €0.90 back per € at every month",
      "comm-analytics-cross-sell": "one-to-one instead of by segment: €2.10 back per €",
      "comm-trial-welcome-series": "mass instead of by segment: the same responses for less",
    },
    ...record,
  };
  return { ...roadmap, scenarios: [{ ...scenario, optimisation: full }] };
}

function euros(amount: number, notation: "compact" | "standard"): string {
  return new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency: "EUR",
    notation,
    maximumFractionDigits: 1,
  }).format(amount);
}

/** Ten budgets from 40 % to 130 % of the plan's; the best value rises steeply, then flattens; the plan is 5 % below it. */
function madeUpFrontier(planCost: number, planValue: number): FrontierPoint[] {
  return Array.from({ length: 10 }, (_, i) => {
    const budget = Math.round(planCost * (0.4 + 0.1 * i));
    const value = Math.round((planValue * 1.05 * (1 - Math.exp(-3 * (0.4 + 0.1 * i)))) / (1 - Math.exp(-3)));
    return { budget, cost: Math.round(budget * 0.98), value, net: Math.round((value - budget) * 0.9), feasible: true };
  });
}
