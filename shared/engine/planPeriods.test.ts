import { describe, expect, it } from "vitest";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { planCalendar } from "./calendar";
import { planRoadmap } from "./planEngine";
import { figurePeriods, reachAndCostIn, totalReachAndCost } from "./planPeriods";

/** The template plans 24 months from the month after this: January 2027 to December 2028. */
const NOW = new Date("2026-12-10T10:00:00Z");

const labelsAndMonths = (startMonth: string, horizon: number) =>
  figurePeriods(planCalendar(startMonth, horizon)).map(({ label, firstMonth, monthCount }) => [
    label,
    firstMonth,
    monthCount,
  ]);

describe("figurePeriods", () => {
  it("offers each calendar year of the plan, then the whole plan", () => {
    expect(labelsAndMonths("2027-01", 24)).toEqual([
      ["2027", 0, 12],
      ["2028", 12, 12],
      ["Whole plan (24 months)", 0, 24],
    ]);
  });

  it("says how many months a year holds when the plan covers only part of it", () => {
    expect(labelsAndMonths("2027-07", 24)).toEqual([
      ["2027 (6 months)", 0, 6],
      ["2028", 6, 12],
      ["2029 (6 months)", 18, 6],
      ["Whole plan (24 months)", 0, 24],
    ]);
    expect(labelsAndMonths("2027-12", 1)).toEqual([
      ["2027 (1 month)", 0, 1],
      ["Whole plan (1 month)", 0, 1],
    ]);
  });
});

describe("reachAndCostIn", () => {
  const roadmap = createB2bSubscriptionRoadmap(NOW);
  const plan = planRoadmap(roadmap);
  const [year1, year2, whole] = figurePeriods(plan.calendar);
  if (!year1 || !year2 || !whole) throw new Error("the template plans two calendar years");
  const schedule = (id: string) => {
    const found = plan.communications.find((s) => s.communicationId === id);
    if (!found) throw new Error(`no schedule for ${id}`);
    return found;
  };

  it("puts a one-off send's whole cost in the year it is sent, not half in each", () => {
    // The conference invitation goes out once, in month 8 (September 2027).
    const conference = schedule("comm-customer-conference");
    expect(conference.totalCost).toBeGreaterThan(0);
    expect(reachAndCostIn(conference, year1)).toEqual({ reach: conference.totalReach, cost: conference.totalCost });
    expect(reachAndCostIn(conference, year2)).toEqual({ reach: 0, cost: 0 });
  });

  it("splits every communication's totals between the years, and the whole plan is its totals", () => {
    for (const s of plan.communications) {
      const [a, b] = [reachAndCostIn(s, year1), reachAndCostIn(s, year2)];
      expect(a.cost + b.cost).toBeCloseTo(s.totalCost, 6);
      expect(a.reach + b.reach).toBeCloseTo(s.totalReach, 6);
      expect(reachAndCostIn(s, whole).cost).toBeCloseTo(s.totalCost, 6);
    }
  });

  it("adds up, over every communication, to the plan's budget for that year", () => {
    const total = totalReachAndCost(plan.communications.map((s) => reachAndCostIn(s, year2)));
    expect(total.cost).toBeCloseTo(plan.budget.overall.byYear.cost[1] as number, 6);
    expect(totalReachAndCost(plan.communications.map((s) => reachAndCostIn(s, whole)))).toEqual({
      reach: expect.closeTo(plan.budget.totalReach, 6),
      cost: expect.closeTo(plan.budget.totalCost, 6),
    });
    expect(totalReachAndCost([])).toEqual({ reach: 0, cost: 0 });
  });
});
