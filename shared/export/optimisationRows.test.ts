import { describe, expect, it } from "vitest";
import { scenarioAsBase } from "../model/scenarioAsBase";
import { BASE_SCENARIO_ID, type OptimisationRecord, type Roadmap } from "../model/schema";
import { testScenario } from "../model/testing/scenario";
import { OPTIMISATION_COSTS_HIDDEN, optimisationRows, optimisationsOf, reportedOptimisation } from "./optimisationRows";
import {
  OPTIMISED_DROPPED,
  OPTIMISED_REASONS,
  OPTIMISED_SCENARIO_ID,
  OPTIMISED_SCENARIO_NAME,
  optimisedRoadmap,
} from "./testing/optimisedRoadmap";

const euro = (value: number) =>
  `€${value.toLocaleString("en", { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0 })}`;

function recordOf(roadmap: Roadmap): OptimisationRecord {
  const record = roadmap.scenarios[0]?.optimisation;
  if (!record) throw new Error("the fixture has an optimised scenario");
  return record;
}

function rowsOf(roadmap: Roadmap, money: ((value: number) => string) | null = euro) {
  const source = reportedOptimisation(roadmap);
  if (!source) throw new Error("the fixture has an optimised scenario");
  return optimisationRows(roadmap, source, money);
}

describe("reportedOptimisation", () => {
  it("is about the shown scenario's record, else the newest, and null without any", () => {
    const roadmap = optimisedRoadmap();
    const record = recordOf(roadmap);
    const newer = { ...record, createdAt: "2027-03-01T00:00:00.000Z" };
    const two: Roadmap = {
      ...roadmap,
      scenarios: [
        ...roadmap.scenarios,
        testScenario({ id: "second", name: "Second", optimisation: newer }),
        testScenario({ id: "plain", name: "Plain" }),
      ],
    };
    expect(reportedOptimisation(two, OPTIMISED_SCENARIO_ID)?.scenarioName).toBe(OPTIMISED_SCENARIO_NAME);
    expect(reportedOptimisation(two, "plain")?.scenarioName).toBe("Second");
    expect(reportedOptimisation(two)?.scenarioName).toBe("Second");
    expect(reportedOptimisation({ ...roadmap, scenarios: [] })).toBeNull();
    expect(optimisationsOf(two).map((source) => source.scenarioId)).toEqual([OPTIMISED_SCENARIO_ID, "second"]);
  });

  it("still finds the record, and what it was optimised from, once an export makes the optimised scenario the base", () => {
    const exported = scenarioAsBase(optimisedRoadmap(), OPTIMISED_SCENARIO_ID);
    const source = reportedOptimisation(exported);
    expect(source?.scenarioId).toBe(BASE_SCENARIO_ID);
    expect(source?.scenarioName).toBe(OPTIMISED_SCENARIO_NAME);
    const rows = rowsOf(exported);
    expect(rows.fromFound).toBe(true);
    expect(rows.fromScenarioName).toBe("Plan");
    const dropped = rows.changes.filter((change) => change.kind === "dropped").map((change) => change.communicationId);
    expect(dropped.sort()).toEqual([...OPTIMISED_DROPPED].sort());
  });
});

describe("optimisationRows", () => {
  it("writes the settings in words", () => {
    const settings = Object.fromEntries(rowsOf(optimisedRoadmap()).settings.map((row) => [row.label, row.value]));
    const budget = recordOf(optimisedRoadmap()).settings.budget ?? 0;
    expect(settings).toEqual({
      Objective: "the most expected value within the budget, discounted",
      Budget: `${euro(budget)} over the 24 months`,
      "Budget by year": "year 1: €150,000",
      "Budget by owner": "Reseller partners: €150,000",
      "Contact caps": "respected: 4 contacts a month per customer, and each channel's own cap",
      Locks: "2 locked in, 0 locked out",
      "Coverage rules": "Retention in every phase that has one",
      Alternatives: "Analytics offers (one of 2)",
      Solver: "stops after 10 seconds or within 0.5% of the best possible",
    });
  });

  it("sets the scenario's value, cost, net value and ROI against the plan's, with the differences", () => {
    const record = recordOf(optimisedRoadmap());
    const headline = rowsOf(optimisedRoadmap()).headline;
    expect(headline.map((row) => row.label)).toEqual(["Expected value", "Cost", "Net value", "ROI"]);
    const cost = headline[1];
    expect(cost?.plan).toBe(record.planCost);
    expect(cost?.optimised).toBe(record.cost);
    expect(cost?.difference).toBeCloseTo(record.cost - record.planCost, 6);
    expect(cost?.difference).toBeLessThan(0);
    expect(headline[3]?.optimised).toBeCloseTo((record.value - record.cost) / record.cost, 9);
  });

  it("says how the solver ended and how far from the best possible it may be", () => {
    const roadmap = optimisedRoadmap();
    const record = recordOf(roadmap);
    const withStatus = (status: OptimisationRecord["status"], gap: number) =>
      rowsOf({
        ...roadmap,
        scenarios: [{ ...roadmap.scenarios[0], optimisation: { ...record, status, gap } }] as never,
      }).status;
    expect(withStatus("timeLimit", 0.0042)).toBe(
      "Stopped at the time limit of 10 seconds: at most 0.42% below the best possible.",
    );
    expect(withStatus("optimal", 0)).toBe("Proven best.");
    expect(withStatus("stopped", 0.1)).toMatch(/^Stopped by the user.*at most 10% below/);
  });

  it("marks the frontier point at the scenario's budget, and says whether the plan is on the frontier", () => {
    const roadmap = optimisedRoadmap();
    const record = recordOf(roadmap);
    const rows = rowsOf(roadmap);
    expect(rows.frontier).toHaveLength(10);
    const chosen = rows.frontier.filter((point) => point.chosen);
    expect(chosen).toHaveLength(1);
    const budget = record.settings.budget ?? 0;
    for (const point of rows.frontier) {
      expect(Math.abs(point.budget - budget)).toBeGreaterThanOrEqual(Math.abs((chosen[0]?.budget ?? 0) - budget));
    }
    expect(rows.plan).toEqual({ cost: record.planCost, value: record.planValue, onFrontier: false });
    const onIt = rowsOf({
      ...roadmap,
      scenarios: [
        {
          ...roadmap.scenarios[0],
          optimisation: { ...record, planOnFrontier: { net: 0, onFrontier: true, shortfall: 0 } },
        },
      ] as never,
    });
    expect(onIt.plan.onFrontier).toBe(true);
  });

  it("gives each marginal value with the method that measured it", () => {
    expect(rowsOf(optimisedRoadmap()).marginals).toEqual([
      {
        label: "One more unit of budget",
        value: "€1.42 more expected value for each €1 more",
        method: "slope between solves",
      },
      { label: "One more allowed contact a month", value: "€3,200 more expected value", method: "LP dual" },
    ]);
  });

  it("lists what was dropped and what is sent differently, each with its reason", () => {
    const changes = rowsOf(optimisedRoadmap()).changes;
    expect(changes.map(({ communicationId, kind, what }) => [communicationId, kind, what])).toEqual([
      ["comm-analytics-upgrade-banner", "dropped", "left out"],
      ["comm-customer-conference", "dropped", "left out"],
      ["comm-reference-programme", "dropped", "left out"],
      ["comm-customer-newsletter", "changed", "every month → every 2 months"],
      ["comm-reseller-seat-expansion", "changed", "every 3 months → every 6 months"],
      ["comm-win-back-offer", "changed", "By segment → One-to-one"],
    ]);
    for (const change of changes) expect(change.reason).toBe(OPTIMISED_REASONS[change.communicationId]);
    expect(changes[0]?.name).toBe("Analytics upgrade banner");
  });

  it("lists the reasons alone when the scenario it was optimised from has been deleted", () => {
    const roadmap = optimisedRoadmap();
    const record = recordOf(roadmap);
    const orphan = {
      ...roadmap,
      scenarios: [
        { ...roadmap.scenarios[0], optimisation: { ...record, fromScenarioId: "gone", fromScenarioName: "Old" } },
      ],
    } as Roadmap;
    const rows = rowsOf(orphan);
    expect(rows.fromFound).toBe(false);
    expect(rows.fromScenarioName).toBe("Old");
    expect(rows.changes.map((change) => [change.communicationId, change.kind])).toEqual(
      Object.keys(OPTIMISED_REASONS).map((id) => [id, OPTIMISED_DROPPED.includes(id) ? "dropped" : "changed"]),
    );
  });

  it("hides every amount while costs are hidden, in settings, marginal values, binding constraints and reasons", () => {
    const rows = rowsOf(optimisedRoadmap(), null);
    const words = JSON.stringify([rows.settings, rows.marginals, rows.binding, rows.changes, rows.status]);
    expect(words).not.toMatch(/€|EUR/);
    expect(rows.settings.find((row) => row.label === "Budget")?.value).toBe(
      `${OPTIMISATION_COSTS_HIDDEN} over the 24 months`,
    );
    expect(rows.binding).toEqual([
      "the contact cap of 4 a month for Enterprise customers who entered Active single-product in Mar 2027, in May 2027",
    ]);
    const newsletter = rows.changes.find((change) => change.communicationId === "comm-customer-newsletter");
    expect(newsletter?.reason).toBe(OPTIMISED_REASONS["comm-customer-newsletter"]);
    const conference = rows.changes.find((change) => change.communicationId === "comm-customer-conference");
    expect(conference?.reason).toBe(OPTIMISATION_COSTS_HIDDEN);
  });
});
