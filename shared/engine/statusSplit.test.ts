import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { planRoadmap } from "./planEngine";
import { splitByStatus } from "./statusSplit";
import { communication, onePhaseRoadmap, randomRoadmaps } from "./testing/randomRoadmaps";

describe("the plan split by status", () => {
  it("puts each communication's figures under its status, and retired ones cost nothing", () => {
    const roadmap = onePhaseRoadmap(
      "Active",
      communication("today", "phase-1", { fixedCost: 100, status: "existing" }),
      communication("idea", "phase-1", { fixedCost: 40, costPerContact: 1, status: "proposed" }),
      communication("gone", "phase-1", { fixedCost: 999, status: "retired" }),
    );
    const plan = planRoadmap(roadmap);
    const [existing, proposed, retired] = splitByStatus(roadmap, plan.communications);
    // 100 customers over 3 months: one send a month each.
    expect(existing).toEqual({ status: "existing", communications: 1, sends: 3, contacts: 300, cost: 300, value: 0 });
    expect(proposed).toMatchObject({ status: "proposed", communications: 1, sends: 3, cost: 3 * (40 + 100) });
    expect(retired).toEqual({ status: "retired", communications: 1, sends: 0, contacts: 0, cost: 0, value: 0 });
  });

  it("adds up to the plan's totals", () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const plan = planRoadmap(roadmap);
        const split = splitByStatus(roadmap, plan.communications);
        const sum = (key: "cost" | "sends" | "communications") => split.reduce((total, row) => total + row[key], 0);
        expect(sum("cost")).toBeCloseTo(plan.budget.totalCost, 6);
        expect(sum("sends")).toBe(plan.budget.sends);
        expect(sum("communications")).toBe(roadmap.communications.length);
      }),
      propertyRuns(60),
    );
  });
});
