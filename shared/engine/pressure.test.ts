import { describe, expect, it } from "vitest";
import { defaultChannels } from "../model/defaults";
import type { Roadmap } from "../model/schema";
import { simulateCustomerFlow } from "./flow";
import { measureContactPressure, worstCohortOf, worstContactPressure, worstPressureBySegment } from "./pressure";
import { scheduleCommunications } from "./schedule";
import { blankPhase, communication, emptyRoadmap, onboarding, segment } from "./testing/randomRoadmaps";

function pressureOf(roadmap: Roadmap) {
  const flow = simulateCustomerFlow(roadmap);
  const schedules = scheduleCommunications(flow, roadmap);
  return measureContactPressure(flow, roadmap.communications, schedules, roadmap.contactCap, roadmap.channels);
}

/** The worst cohort of a cell, as the heatmap names it. */
function worstCohortIn(roadmap: Roadmap, segment: number, phase: number, t: number) {
  const flow = simulateCustomerFlow(roadmap);
  const schedules = scheduleCommunications(flow, roadmap);
  const pressure = measureContactPressure(flow, roadmap.communications, schedules, roadmap.contactCap);
  return worstCohortOf(pressure, roadmap.communications, schedules, segment, phase, t);
}

const drip = (step: number, ownerId = "owner-a") =>
  communication(`drip-${step}`, "onboarding", { ownerId, timing: { kind: "onEntry", offsetMonths: step } });

/** 300 small and 20 large customers in "active"; nobody enters after month 0 except through "new". */
function twoSegments(communications: Roadmap["communications"]): Roadmap {
  return {
    ...emptyRoadmap(),
    horizonMonths: 3,
    contactCap: 4,
    segments: [segment("small", 0), segment("large", 0)],
    phases: [{ ...blankPhase("active"), initialCustomers: { small: 300, large: 20 } }, blankPhase("quiet")],
    communications,
  };
}

const monthly = (id: string, ownerId: string, segmentIds: string[] = []) =>
  communication(id, "active", { ownerId, audience: { segmentIds, roleIds: [], share: 1 } });

describe("measureContactPressure", () => {
  it("counts every owner's communications reaching a segment in a phase, and flags more than the cap", () => {
    const roadmap = twoSegments([
      monthly("tips", "owner-a"),
      monthly("cross-sell", "owner-b"),
      monthly("newsletter", "owner-c"),
      monthly("banner", "owner-b"),
      monthly("account-review", "owner-a", ["large"]),
    ]);
    const pressure = pressureOf(roadmap);
    // [(s * P + p) * T + t]: small/active, small/quiet, large/active, large/quiet, three months each.
    expect([...pressure.counts]).toEqual([4, 4, 4, 0, 0, 0, 5, 5, 5, 0, 0, 0]);
    expect(pressure.maxCount).toBe(5);
    expect(pressure.collisions.map((c) => [c.segmentId, c.phaseId, c.entryMonth, c.month, c.count])).toEqual([
      ["large", "active", null, 0, 5],
      ["large", "active", null, 1, 5],
      ["large", "active", null, 2, 5],
    ]);
    expect(pressure.collisions.map((c) => [c.cap, c.capOf])).toEqual([
      [4, "roadmap"],
      [4, "roadmap"],
      [4, "roadmap"],
    ]);
    expect(pressure.collisions[0]?.communications).toEqual([
      { communicationId: "tips", ownerId: "owner-a" },
      { communicationId: "cross-sell", ownerId: "owner-b" },
      { communicationId: "newsletter", ownerId: "owner-c" },
      { communicationId: "banner", ownerId: "owner-b" },
      { communicationId: "account-review", ownerId: "owner-a" },
    ]);
    expect(pressure.collisions[0]?.ownerIds).toEqual(["owner-a", "owner-b", "owner-c"]);
  });

  it("counts an on-entry communication only in months when someone entered offsetMonths before", () => {
    const roadmap: Roadmap = {
      ...twoSegments([
        communication("welcome", "active", { timing: { kind: "onEntry", offsetMonths: 1 } }),
        communication("welcome-quiet", "quiet", { timing: { kind: "onEntry", offsetMonths: 0 } }),
      ]),
      transitions: [
        {
          id: "move",
          from: "active",
          to: "quiet",
          rate: 0.1,
          rateBySegment: { large: 0 },
          trigger: "",
          markedAsLoop: false,
        },
      ],
    };
    const counts = [...pressureOf(roadmap).counts];
    // Nobody enters "active" (no arrivals, no way in); small customers enter "quiet" every month, large ones never.
    expect(counts).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it("leaves out retired communications and audiences that reach no one", () => {
    const roadmap = twoSegments([
      communication("old", "active", { status: "retired" }),
      communication("nobody", "active", { audience: { segmentIds: [], roleIds: [], share: 0 } }),
      communication("one-off", "active", { timing: { kind: "oneOff", month: 1 } }),
    ]);
    expect([...pressureOf(roadmap).counts]).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(pressureOf(roadmap).collisions).toEqual([]);
  });
});

describe("contact pressure per cohort", () => {
  it("counts a five-step onboarding series as one email a month, not a collision", () => {
    const roadmap = onboarding([0, 1, 2, 3, 4].map((step) => drip(step)));
    const pressure = pressureOf(roadmap);
    // Every month some cohort gets its next step, and no cohort ever gets two.
    expect([...pressure.counts.subarray(0, 8)]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(pressure.collisions).toEqual([]);
  });

  it("adds the phase's recurring sends to the on-entry send a cohort gets that month, but not in the month it enters", () => {
    const roadmap = onboarding([
      drip(0),
      drip(2),
      communication("tips", "onboarding", { ownerId: "owner-b" }),
      communication("offer", "onboarding", { ownerId: "owner-c", timing: { kind: "oneOff", month: 3 } }),
    ]);
    const pressure = pressureOf(roadmap);
    // Month 0: entrants get drip-0; those there at the start get tips. Month 2 on: the cohort of t − 2 gets drip-2 + tips.
    expect([...pressure.counts.subarray(0, 5)]).toEqual([1, 1, 2, 3, 2]);
    expect(worstCohortIn(roadmap, 0, 0, 3)).toEqual({
      entryMonth: 1,
      count: 3,
      communications: [
        { communicationId: "drip-2", ownerId: "owner-a" },
        { communicationId: "tips", ownerId: "owner-b" },
        { communicationId: "offer", ownerId: "owner-c" },
      ],
      ownerIds: ["owner-a", "owner-b", "owner-c"],
    });
  });

  it("names the cohort that goes over the cap, with the month it entered", () => {
    const roadmap = {
      ...onboarding([
        drip(1),
        drip(1, "owner-b"),
        ...["a", "b", "c"].map((id) => communication(`monthly-${id}`, "onboarding")),
      ]),
      contactCap: 4,
    };
    const pressure = pressureOf(roadmap);
    expect(pressure.collisions.map((c) => [c.entryMonth, c.month, c.count])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((month) => [month - 1, month, 5]),
    );
    expect(pressure.collisions[0]?.ownerIds).toEqual(["owner-a", "owner-b"]);
    expect(worstPressureBySegment(pressure)).toEqual([{ segmentId: "segment-1", month: 1, contacts: 5 }]);
  });

  it("does not count an on-entry send for a cohort that has all left the phase", () => {
    const roadmap: Roadmap = {
      ...onboarding([drip(3), communication("tips", "onboarding")]),
      // Everyone moves on after one month: nobody of a cohort is left three months after entering.
      transitions: [
        {
          id: "settle",
          from: "onboarding",
          to: "active",
          rate: 1,
          rateBySegment: {},
          trigger: "",
          markedAsLoop: false,
        },
      ],
    };
    const pressure = pressureOf(roadmap);
    expect([...pressure.counts.subarray(0, 8)]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("flags more sends of one channel than its cap as a collision of that channel", () => {
    const roadmap: Roadmap = {
      ...onboarding(
        [
          communication("call-a", "onboarding", { channelId: "phone" }),
          communication("call-b", "onboarding", { channelId: "phone", ownerId: "owner-b" }),
          communication("mail", "onboarding"),
        ],
        2,
      ),
      channels: defaultChannels().map((channel) => (channel.id === "phone" ? { ...channel, contactCap: 1 } : channel)),
    };
    const pressure = pressureOf(roadmap);
    expect(pressure.collisions.map((c) => [c.month, c.count, c.cap, c.capOf, c.entryMonth])).toEqual([
      [0, 2, 1, "phone", null],
      [1, 2, 1, "phone", null],
    ]);
    expect(pressure.collisions[0]?.communications.map((c) => c.communicationId)).toEqual(["call-a", "call-b"]);
  });
});

describe("worstContactPressure", () => {
  it("gives a segment's most contacted phase, and a phase's most contacted segment", () => {
    const pressure = pressureOf(
      twoSegments([monthly("tips", "owner-a"), monthly("account-review", "owner-b", ["large"])]),
    );
    // Segments: small 0, large 1. Phases: active 0, quiet 1.
    expect(worstContactPressure(pressure, "segment", 0, 1)).toBe(1);
    expect(worstContactPressure(pressure, "segment", 1, 1)).toBe(2);
    expect(worstContactPressure(pressure, "phase", 0, 1)).toBe(2);
    expect(worstContactPressure(pressure, "phase", 1, 1)).toBe(0);
  });
});
