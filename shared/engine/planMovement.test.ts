import { describe, expect, it } from "vitest";
import { updateCommunication } from "../model/edits";
import type { Roadmap } from "../model/schema";
import { sampleRoadmap } from "../model/testing/sampleRoadmap";
import { planRoadmap } from "./planEngine";
import { planMovement } from "./planMovement";

/** The sample with a second welcome email in the same month and a cap of one contact a month: a collision. */
function crowded(): Roadmap {
  const roadmap = sampleRoadmap();
  const welcome = roadmap.communications[0];
  if (!welcome) throw new Error("the sample has a communication");
  return {
    ...roadmap,
    contactCap: 1,
    communications: [...roadmap.communications, { ...welcome, id: "comm-reminder", name: "Reminder" }],
  };
}

describe("planMovement", () => {
  it("says nothing moved between a plan and itself", () => {
    const plan = planRoadmap(sampleRoadmap());
    const movement = planMovement(plan, plan);
    for (const figure of [movement.budget, movement.value, movement.customersKept, movement.collisions]) {
      expect(figure.change).toBe(0);
      expect(figure.after).toBe(figure.before);
    }
    expect(movement.roi.change).toBe(0);
  });

  it("gives each headline figure of both plans and how far it moved", () => {
    const before = planRoadmap(sampleRoadmap());
    const after = planRoadmap(crowded());
    const movement = planMovement(before, after);
    expect(movement.budget).toEqual({
      before: before.budget.totalCost,
      after: after.budget.totalCost,
      change: after.budget.totalCost - before.budget.totalCost,
    });
    expect(movement.budget.change).toBeGreaterThan(0);
    expect(movement.value.change).toBeGreaterThan(0);
    expect(movement.collisions.before).toBe(0);
    expect(movement.collisions.after).toBe(after.pressure.collisions.length);
    expect(movement.collisions.after).toBeGreaterThan(0);
    expect(movement.customersKept).toEqual({ before: before.customers.atEnd, after: after.customers.atEnd, change: 0 });
  });

  it("moves the value and ROI, not the budget, when only a response rate changes", () => {
    const roadmap = sampleRoadmap();
    const movement = planMovement(
      planRoadmap(roadmap),
      planRoadmap(updateCommunication(roadmap, "comm-welcome", { responseRate: 0.2 })),
    );
    expect(movement.budget.change).toBe(0);
    expect(movement.value.after).toBeCloseTo(movement.value.before * 2, 6);
    expect(movement.roi.change).toBeGreaterThan(0);
  });

  it("has no ROI movement when one plan spends nothing", () => {
    const roadmap = sampleRoadmap();
    const movement = planMovement(planRoadmap(roadmap), planRoadmap({ ...roadmap, communications: [] }));
    expect(movement.roi.after).toBeNull();
    expect(movement.roi.change).toBeNull();
    expect(movement.budget.after).toBe(0);
    expect(movement.budget.change).toBe(-movement.budget.before);
  });
});
