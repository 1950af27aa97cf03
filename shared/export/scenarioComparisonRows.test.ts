import { describe, expect, it } from "vitest";
import type { ScenarioComparison } from "../engine/scenarioComparison";
import type { Scenario } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import {
  comparedBreakdown,
  comparedSegments,
  comparedTotals,
  defaultComparedScenarios,
  hasScenariosToCompare,
  isAboutMoney,
} from "./scenarioComparisonRows";
import { fakeScenarioFigures } from "./testing/fakeScenarioFigures";
import { asIsAndToBeRoadmap } from "./testing/scenarioRoadmaps";

const comparison: ScenarioComparison = {
  scenarios: [
    fakeScenarioFigures("base", "To-be", {
      totals: { budget: 200_000, value: 500_000, roi: 1.5, customersKept: 900, collisions: 0 },
      byYear: [
        { id: "2027", label: "2027", cost: 120_000, value: 300_000 },
        { id: "2028", label: "2028", cost: 80_000, value: 200_000 },
      ],
      byOwner: [{ id: "marketing", label: "Marketing", cost: 200_000, value: 500_000 }],
      bySegment: [{ segmentId: "smb", name: "Small business", customersKept: 900, cost: 200_000, roi: 1.5 }],
    }),
    fakeScenarioFigures("as-is", "As-is", {
      totals: { budget: 150_000, value: 300_000, roi: 1, customersKept: 810, collisions: 4 },
      byYear: [
        { id: "2027", label: "2027", cost: 100_000, value: 200_000 },
        { id: "2028", label: "2028", cost: 50_000, value: 100_000 },
      ],
      byOwner: [
        { id: "sales", label: "Sales", cost: 100_000, value: 0 },
        { id: "marketing", label: "Marketing", cost: 50_000, value: 300_000 },
      ],
      bySegment: [{ segmentId: "smb", name: "Small business", customersKept: 810, cost: 150_000, roi: null }],
    }),
  ],
  differences: [{ from: "base", to: "as-is", changes: [] }],
};

describe("the rows of a scenario comparison", () => {
  it("gives each total of each scenario, and how it differs from the first by amount and share", () => {
    const totals = comparedTotals(comparison);
    const budget = totals.find((row) => row.key === "budget");
    expect(budget?.values).toEqual([200_000, 150_000]);
    expect(budget?.changes).toEqual([{ absolute: -50_000, relative: -0.25 }]);
    const kept = totals.find((row) => row.key === "customersKept");
    expect(kept?.changes[0]?.absolute).toBe(-90);
    expect(kept?.changes[0]?.relative).toBeCloseTo(-0.1, 10);
    // From none to some collisions: an amount, but no share of nothing.
    expect(totals.find((row) => row.key === "collisions")?.changes).toEqual([{ absolute: 4, relative: null }]);
  });

  it("lines breakdowns up by group, the first scenario's order first, 0 where a scenario has none", () => {
    const owners = comparedBreakdown(comparison, "byOwner");
    expect(owners.map((row) => row.label)).toEqual(["Marketing", "Sales"]);
    expect(owners[0]?.cost.values).toEqual([200_000, 50_000]);
    expect(owners[1]?.cost.values).toEqual([0, 100_000]);
    expect(comparedBreakdown(comparison, "byYear").map((row) => row.value.values)).toEqual([
      [300_000, 200_000],
      [200_000, 100_000],
    ]);
  });

  it("gives each segment's figures, an undefined ROI with no change, and tells money from the rest", () => {
    const [segment] = comparedSegments(comparison);
    expect(segment?.name).toBe("Small business");
    const roi = segment?.figures.find((figure) => figure.key === "roi");
    expect(roi?.values).toEqual([1.5, null]);
    expect(roi?.changes).toEqual([null]);
    expect(segment?.figures.filter((figure) => !isAboutMoney(figure)).map((figure) => figure.key)).toEqual([
      "customersKept",
      "collisions",
      "worstContactsPerMonth",
    ]);
  });

  it("compares the base plan with the first scenarios, at most three in all, once there is one", () => {
    expect(hasScenariosToCompare(createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z")))).toBe(false);
    const roadmap = asIsAndToBeRoadmap();
    expect(hasScenariosToCompare(roadmap)).toBe(true);
    expect(defaultComparedScenarios(roadmap)).toEqual(["base", "as-is", "lean"]);
    const four = {
      ...roadmap,
      scenarios: [...roadmap.scenarios, { ...(roadmap.scenarios[0] as Scenario), id: "x", name: "X" }],
    };
    expect(defaultComparedScenarios(four)).toEqual(["base", "as-is", "lean"]);
  });
});
