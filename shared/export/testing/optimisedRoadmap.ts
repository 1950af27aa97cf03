import { planRoadmap } from "../../engine/planEngine";
import { resolveScenario } from "../../model/scenarios";
import {
  BASE_SCENARIO_ID,
  type FrontierPoint,
  type OptimisationRecord,
  type OptimiserSettings,
  type Roadmap,
} from "../../model/schema";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { testScenario } from "../../model/testing/scenario";

export const OPTIMISED_SCENARIO_ID = "optimised";
export const OPTIMISED_SCENARIO_NAME = "Optimised, budget €292K";

/** What the fixture's optimisation drops, and what it sends differently, with the reason it keeps for each. */
export const OPTIMISED_DROPPED = [
  "comm-customer-conference",
  "comm-analytics-upgrade-banner",
  "comm-reference-programme",
];
export const OPTIMISED_REASONS: Readonly<Record<string, string>> = {
  "comm-customer-conference": "dropped: €0.31 back per € spent, the lowest of the plan",
  "comm-analytics-upgrade-banner": "dropped: €0.44 back per € spent",
  "comm-reference-programme": "dropped: €0.52 back per € spent",
  "comm-reseller-seat-expansion":
    "every 6 months instead of every 3 months: Reseller partners's budget of €150,000 binds",
  "comm-customer-newsletter":
    "every 2 months instead of every month: hit the contact cap of 4 a month for Enterprise customers in Active single-product",
  "comm-win-back-offer": "one-to-one instead of by segment: €2.10 back per €",
};

/** The optimiser's settings the fixture's record keeps: a budget 30 % below the plan's, with every kind of rule. */
export function optimisedSettings(budget: number): OptimiserSettings {
  return {
    objective: "value",
    budget,
    yearBudgets: [{ year: 0, budget: 150_000 }],
    ownerBudgets: [{ ownerId: "owner-resellers", budget: 150_000 }],
    respectContactCaps: true,
    communications: {
      "comm-customer-newsletter": { everyMonths: [2, 3], personalisation: [], lock: "free" },
      "comm-reseller-seat-expansion": { everyMonths: [6], personalisation: [], lock: "free" },
      "comm-win-back-offer": {
        everyMonths: [],
        personalisation: [{ level: "oneToOne", fixedCost: null, costPerContact: 12, responseRate: 0.18 }],
        lock: "free",
      },
      "comm-renewal-reminders": { everyMonths: [], personalisation: [], lock: "in" },
      "comm-save-call": { everyMonths: [], personalisation: [], lock: "in" },
    },
    purposeCoverage: [{ id: "rule-retention", purposes: ["retention"], phaseIds: [] }],
    exclusiveGroups: [
      {
        id: "group-analytics",
        name: "Analytics offers",
        communicationIds: ["comm-analytics-early-offer", "comm-analytics-cross-sell"],
      },
    ],
    timeLimitSeconds: 10,
    gapTolerance: 0.005,
  };
}

/**
 * Ten budgets from the cheapest plan the locks allow to 30 % above the plan's
 * budget, with a value that rises ever more slowly: the shape a frontier has.
 */
function frontier(planCost: number, planValue: number): FrontierPoint[] {
  const least = planCost * 0.15;
  const most = planCost * 1.3;
  return Array.from({ length: 10 }, (_, i) => {
    const budget = least + ((most - least) * i) / 9;
    const share = 1 - (1 - budget / most) ** 2.2;
    const cost = budget * 0.98;
    const value = planValue * 1.12 * share;
    return { budget, cost, value, net: value - cost, feasible: true };
  });
}

/**
 * The B2B template with its base plan ("Plan") and an optimised scenario
 * made from it, with a record written by hand as the optimiser would write it
 * (settings, ten frontier points, marginal values, binding constraints and a
 * reason for every change), so report and Compare tests need no solver.
 * Cost and value are the plan engine's own figures of each scenario.
 */
export function optimisedRoadmap(now = new Date("2027-01-15T00:00:00Z")): Roadmap {
  const template = createB2bSubscriptionRoadmap(now);
  const withScenario: Roadmap = {
    ...template,
    scenarios: [
      testScenario({
        id: OPTIMISED_SCENARIO_ID,
        name: OPTIMISED_SCENARIO_NAME,
        excludedCommunicationIds: [...OPTIMISED_DROPPED],
        communications: {
          "comm-reseller-seat-expansion": { timing: { kind: "recurring", everyMonths: 6 } },
          "comm-customer-newsletter": { timing: { kind: "recurring", everyMonths: 2 } },
          "comm-win-back-offer": { personalisation: "oneToOne", costPerContact: 12, responseRate: 0.18 },
        },
      }),
    ],
  };
  const plan = planRoadmap(resolveScenario(withScenario, BASE_SCENARIO_ID)).budget;
  const optimised = planRoadmap(resolveScenario(withScenario, OPTIMISED_SCENARIO_ID)).budget;
  const budget = Math.round((plan.totalCost * 0.7) / 100) * 100;
  const record: OptimisationRecord = {
    createdAt: now.toISOString(),
    fromScenarioId: BASE_SCENARIO_ID,
    fromScenarioName: template.baseScenario.name,
    settings: optimisedSettings(budget),
    status: "timeLimit",
    gap: 0.0042,
    objective: optimised.totalValue,
    cost: optimised.totalCost,
    value: optimised.totalValue,
    planCost: plan.totalCost,
    planValue: plan.totalValue,
    frontier: frontier(plan.totalCost, plan.totalValue),
    // The frontier buys more than the plan at the plan's cost: the plan is below it.
    planOnFrontier: { net: plan.totalValue - plan.totalCost, onFrontier: false, shortfall: plan.totalValue * 0.08 },
    marginalBudget: { perUnit: 1.42, method: "slope" },
    marginalContact: { perUnit: 3200, method: "dual" },
    binding: [
      `the budget of €${budget.toLocaleString("en")}`,
      "Reseller partners's budget of €150,000",
      "the contact cap of 4 a month for Enterprise customers who entered Active single-product in Mar 2027, in May 2027",
    ],
    reasons: { ...OPTIMISED_REASONS },
  };
  return {
    ...withScenario,
    scenarios: withScenario.scenarios.map((scenario) => ({ ...scenario, optimisation: record })),
  };
}
