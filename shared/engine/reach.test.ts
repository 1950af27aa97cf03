import { describe, expect, it } from "vitest";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { planRoadmap } from "./planEngine";
import { summariseReach } from "./reach";

describe("summariseReach", () => {
  const roadmap = createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));
  const plan = planRoadmap(roadmap);
  const months = plan.calendar.months.length;
  const reach = summariseReach(roadmap, plan.communications, months);
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

  it("adds up to the plan's contacts and send occasions, however it is cut", () => {
    expect(reach.total.contacts).toBeCloseTo(plan.budget.totalReach, 6);
    expect(reach.total.sends).toBe(plan.budget.sends);
    for (const rows of [reach.byMonth, reach.byPhase, reach.byOwner]) {
      expect(sum(rows.map((row) => row.contacts))).toBeCloseTo(reach.total.contacts, 6);
      expect(sum(rows.map((row) => row.customersReached))).toBeCloseTo(reach.total.customersReached, 6);
      expect(sum(rows.map((row) => row.sends))).toBe(reach.total.sends);
    }
    expect(reach.byMonth).toHaveLength(months);
  });

  it("lists only phases and owners with communications, in the roadmap's order", () => {
    const phasesWith = roadmap.phases.filter((p) => roadmap.communications.some((c) => c.phaseId === p.id));
    expect(reach.byPhase.map((row) => row.key)).toEqual(phasesWith.map((p) => p.id));
    const ownersWith = roadmap.owners.filter((o) => roadmap.communications.some((c) => c.ownerId === o.id));
    expect(reach.byOwner.map((row) => row.key)).toEqual(ownersWith.map((o) => o.id));
  });

  it("charts each owner's contacts month by month, adding up to the owner's row", () => {
    reach.byOwner.forEach((row, o) => {
      const monthly = [...reach.ownerMonthContacts.subarray(o * months, (o + 1) * months)];
      expect(sum(monthly)).toBeCloseTo(row.contacts, 6);
    });
  });
});
