import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { planRoadmap } from "../engine/planEngine";
import { communication, emptyRoadmap, randomRoadmaps } from "../engine/testing/randomRoadmaps";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { sampleRoadmap } from "../model/testing/sampleRoadmap";
import { listSendOccasions } from "./sendOccasions";

const FAST_CHECK = propertyRuns(100);

function expectClose(actual: number, expected: number, what: string): void {
  const tolerance = 1e-6 * Math.max(Math.abs(expected), 1);
  if (!(Math.abs(actual - expected) <= tolerance)) expect.fail(`${what}: ${actual} is not ${expected}`);
}

/** One phase of 100 customers of "segment-1", with `communications` on it. */
function roadmapWith(...communications: Roadmap["communications"]): Roadmap {
  const base = emptyRoadmap();
  return {
    ...base,
    horizonMonths: 3,
    segments: [{ ...(base.segments[0] as Roadmap["segments"][number]), name: "Small business" }],
    phases: [
      {
        id: "phase-active",
        name: "Active",
        stageId: "retain",
        description: "",
        objectives: [],
        productsHeld: [],
        customerLifestage: "",
        kpis: [],
        initialCustomers: { "segment-1": 100 },
        arrivalsPerMonth: {},
        churnRate: 0,
        relationshipStrength: null,
        position: { x: 0, y: 0 },
      },
    ],
    roles: [
      { id: "role-buyer", name: "Economic buyer" },
      { id: "role-user", name: "User" },
    ],
    communications,
  };
}

describe("listSendOccasions", () => {
  it("adds up to the plan's budget: every send once, its reach and its cost", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const plan = planRoadmap(roadmap);
        const occasions = listSendOccasions(roadmap, plan);
        expect(occasions).toHaveLength(plan.budget.sends);
        expectClose(
          occasions.reduce((sum, occasion) => sum + occasion.cost, 0),
          plan.budget.totalCost,
          "cost",
        );
        expectClose(
          occasions.reduce((sum, occasion) => sum + occasion.reach, 0),
          plan.budget.totalReach,
          "reach",
        );
      }),
      FAST_CHECK,
    );
  });

  it("lists occasions by month, then in the order of the communications", () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const order = new Map(roadmap.communications.map((c, i) => [c.id, i]));
        const occasions = listSendOccasions(roadmap, planRoadmap(roadmap));
        const keys = occasions.map(
          (o) => o.month * roadmap.communications.length + (order.get(o.communicationId) ?? 0),
        );
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
        expect(new Set(keys).size).toBe(keys.length);
      }),
      FAST_CHECK,
    );
  });

  it("splits into the owners' lists without losing or repeating an occasion", () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const plan = planRoadmap(roadmap);
        const all = listSendOccasions(roadmap, plan);
        const ownerIds = new Set(roadmap.communications.map((c) => c.ownerId));
        let count = 0;
        for (const ownerId of ownerIds) {
          const owners = listSendOccasions(roadmap, plan, { ownerId });
          expect(owners.every((occasion) => occasion.ownerId === ownerId)).toBe(true);
          expect(owners).toEqual(all.filter((occasion) => occasion.ownerId === ownerId));
          count += owners.length;
        }
        expect(count).toBe(all.length);
      }),
      FAST_CHECK,
    );
  });

  it("names everything as the app does", () => {
    const roadmap = sampleRoadmap();
    const occasions = listSendOccasions(roadmap, planRoadmap(roadmap));
    expect(occasions).toHaveLength(12);
    expect(occasions[2]).toEqual({
      communicationId: "comm-welcome",
      month: 2,
      monthLabel: "2027-03",
      date: "2027-03-01",
      phaseName: "New customer",
      stageName: "Onboard",
      communicationName: "Welcome email",
      purpose: "Welcome",
      channelName: "Email",
      ownerId: "owner-marketing",
      ownerName: "Marketing",
      audience: "Small business · Admin",
      reach: expect.any(Number),
      cost: expect.any(Number),
    });
  });

  it("describes the audience: all segments or which ones, the roles, and the share reached", () => {
    const roadmap = roadmapWith(
      communication("everyone", "phase-active"),
      communication("buyers", "phase-active", {
        audience: { segmentIds: ["segment-1"], roleIds: ["role-buyer", "role-user"], share: 0.6 },
      }),
      communication("a few", "phase-active", { audience: { segmentIds: [], roleIds: [], share: 0.125 } }),
    );
    const audiences = listSendOccasions(roadmap, planRoadmap(roadmap))
      .filter((occasion) => occasion.month === 0)
      .map((occasion) => occasion.audience);
    expect(audiences).toEqual([
      "All segments",
      "Small business · Economic buyer, User · 60 %",
      "All segments · 12.5 %",
    ]);
  });

  it("names objects that cannot be found by their ids rather than failing", () => {
    const roadmap = roadmapWith(
      communication("orphan", "phase-active", {
        channelId: "channel-gone",
        ownerId: "owner-gone",
        audience: { segmentIds: ["segment-1", "segment-gone"], roleIds: ["role-gone"], share: 1 },
      }),
    );
    roadmap.phases[0] = { ...(roadmap.phases[0] as Roadmap["phases"][number]), stageId: "stage-gone" };
    const [first] = listSendOccasions(roadmap, planRoadmap(roadmap));
    expect(first).toMatchObject({
      stageName: "stage-gone",
      channelName: "channel-gone",
      ownerName: "owner-gone",
      audience: "Small business, segment-gone · role-gone",
    });
  });

  it("leaves out retired communications and months with no one to reach", () => {
    const roadmap = createB2bSubscriptionRoadmap(new Date("2026-11-23T10:00:00Z"));
    const plan = planRoadmap(roadmap);
    const occasions = listSendOccasions(roadmap, plan);
    expect(occasions.some((occasion) => occasion.communicationId === "comm-lapsed-cold-calls")).toBe(false);
    expect(occasions.every((occasion) => occasion.reach > 0)).toBe(true);
    expect(occasions).toHaveLength(plan.budget.sends);
  });
});
