import { describe, expect, it } from "vitest";
import type { Roadmap } from "../model/schema";
import { simulateCustomerFlow } from "./flow";
import { measureContactPressure, worstContactPressure } from "./pressure";
import { scheduleCommunications } from "./schedule";
import { blankPhase, communication, emptyRoadmap, segment } from "./testing/randomRoadmaps";

function pressureOf(roadmap: Roadmap) {
  const flow = simulateCustomerFlow(roadmap);
  const schedules = scheduleCommunications(flow, roadmap.communications);
  return measureContactPressure(flow, roadmap.communications, schedules, roadmap.contactCap);
}

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
    expect(pressure.collisions.map((c) => [c.segmentId, c.phaseId, c.month, c.count])).toEqual([
      ["large", "active", 0, 5],
      ["large", "active", 1, 5],
      ["large", "active", 2, 5],
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
      transitions: [{ id: "move", from: "active", to: "quiet", rate: 0.1, rateBySegment: { large: 0 }, trigger: "" }],
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
