import { describe, expect, it } from "vitest";
import { segmentCustomersAtStart } from "../customers";
import { defaultStages } from "../defaults";
import { describeIssue } from "../issues";
import { parseRoadmap } from "../parse";
import type { Roadmap } from "../schema";
import { createB2bSubscriptionRoadmap } from "./b2bSubscriptionSoftware";
import { findTemplate } from "./index";

const NOW = new Date("2026-11-23T10:00:00Z");

function template(): Roadmap {
  return createB2bSubscriptionRoadmap(NOW);
}

/** Phases reachable from `start` by following transitions. */
function reachableFrom(roadmap: Roadmap, start: string): Set<string> {
  const seen = new Set<string>();
  const queue = roadmap.transitions.filter((t) => t.from === start).map((t) => t.to);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...roadmap.transitions.filter((t) => t.from === next).map((t) => t.to));
  }
  return seen;
}

describe("the B2B subscription software template", () => {
  it("is offered under its id and passes validation", () => {
    expect(findTemplate("b2b-subscription-software")?.create).toBe(createB2bSubscriptionRoadmap);
    const result = parseRoadmap(template());
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([]);
  });

  it("is set up for a euro client, starting next month, over two years", () => {
    const roadmap = template();
    expect(roadmap.name).toBe("B2B subscription software — customer lifecycle");
    expect(roadmap.client).toBe("Example SaaS Ltd");
    expect(roadmap.currency).toBe("EUR");
    expect(roadmap.startMonth).toBe("2026-12");
    expect(createB2bSubscriptionRoadmap(new Date("2026-12-15T10:00:00Z")).startMonth).toBe("2027-01");
    expect(roadmap.horizonMonths).toBe(24);
    expect(roadmap.createdAt).toBe("2026-11-23T10:00:00.000Z");
  });

  it("gives every new roadmap its own id and its own objects", () => {
    const a = template();
    const b = template();
    expect(a.id).not.toBe(b.id);
    a.phases[0]?.objectives.push("Edited in roadmap a");
    a.communications[0]?.audience.roleIds.push("role-economic-buyer");
    expect(b).toEqual({ ...template(), id: b.id });
  });

  it("has 6 to 8 phases covering every default lifecycle stage", () => {
    const { phases } = template();
    expect(phases.length).toBeGreaterThanOrEqual(6);
    expect(phases.length).toBeLessThanOrEqual(8);
    expect(new Set(phases.map((phase) => phase.stageId))).toEqual(new Set(defaultStages().map((stage) => stage.id)));
  });

  it("fills in each phase the way a consultant would", () => {
    for (const phase of template().phases) {
      expect(phase.description.length, phase.name).toBeGreaterThan(60);
      expect(phase.objectives.length, phase.name).toBeGreaterThanOrEqual(1);
      expect(phase.objectives.length, phase.name).toBeLessThanOrEqual(3);
      expect(phase.customerLifestage, phase.name).not.toBe("");
      expect(phase.kpis.length, phase.name).toBeGreaterThanOrEqual(1);
      for (const kpi of phase.kpis) {
        expect(kpi.target, kpi.name).toEqual(expect.any(Number));
        expect(kpi.unit, kpi.name).not.toBe("");
        expect(kpi.timeframe, kpi.name).not.toBe("");
      }
      expect(Object.keys(phase.initialCustomers).sort(), phase.name).toEqual([
        "enterprise",
        "midMarket",
        "smallBusiness",
      ]);
    }
  });

  it("brings new customers in through the trial", () => {
    const trial = template().phases.find((phase) => phase.id === "phase-trial");
    expect(trial?.stageId).toBe("acquire");
    expect(Object.values(trial?.arrivalsPerMonth ?? {}).every((n) => n > 0)).toBe(true);
  });

  it("lays phases out left to right", () => {
    const xs = template().phases.map((phase) => phase.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(template().phases.map((phase) => `${phase.position.x},${phase.position.y}`)).size).toBe(
      template().phases.length,
    );
  });

  it("loops lapsed customers back into the lifecycle through win-back", () => {
    const roadmap = template();
    const lapsed = roadmap.phases.filter((phase) => phase.stageId === "winBack");
    expect(lapsed).toHaveLength(1);
    const [phase] = lapsed;
    expect(phase && reachableFrom(roadmap, phase.id).has(phase.id)).toBe(true);
  });

  it("keeps every phase's outgoing rates plus churn below 100 % for every segment", () => {
    const roadmap = template();
    for (const phase of roadmap.phases) {
      for (const segment of roadmap.segments) {
        const leaving = roadmap.transitions
          .filter((transition) => transition.from === phase.id)
          .reduce(
            (sum, transition) => sum + (transition.rateBySegment[segment.id] ?? transition.rate),
            phase.churnRate,
          );
        expect(leaving, `${phase.name}, ${segment.name}`).toBeLessThan(1);
      }
    }
  });

  it("has three segments, each with a full strategy", () => {
    const { segments } = template();
    expect(segments.map((segment) => segment.name)).toEqual([
      "Enterprise (value creators)",
      "Mid-market",
      "Small business (cost to serve)",
    ]);
    for (const segment of segments) {
      expect(segmentCustomersAtStart(template(), segment.id)).toBeGreaterThan(0);
      expect(segment.annualValue).toBeGreaterThan(0);
      for (const [part, text] of Object.entries(segment.strategy)) {
        expect(text, `${segment.name}: ${part}`).not.toBe("");
      }
    }
  });

  it("has two competing product teams, marketing and a reseller channel as owners", () => {
    const { owners } = template();
    expect(owners).toHaveLength(4);
    expect(owners.filter((owner) => owner.kind === "productManagement")).toHaveLength(2);
    expect(owners.filter((owner) => owner.kind === "partnerChannel").map((owner) => owner.partnerType)).toEqual([
      "reseller",
    ]);
  });

  it("has six channels and the three roles of a business customer", () => {
    const roadmap = template();
    expect(roadmap.channels).toHaveLength(6);
    expect(roadmap.roles.map((role) => role.name)).toEqual(["Economic buyer", "Admin", "End user"]);
  });

  it("plans 13 to 17 communications with every kind of timing and status", () => {
    const { communications, horizonMonths } = template();
    expect(communications.length).toBeGreaterThanOrEqual(13);
    expect(communications.length).toBeLessThanOrEqual(17);
    expect(new Set(communications.map((c) => c.timing.kind))).toEqual(new Set(["onEntry", "recurring", "oneOff"]));
    expect(new Set(communications.map((c) => c.status))).toEqual(new Set(["existing", "proposed", "retired"]));
    expect(communications.filter((c) => c.status === "retired")).toHaveLength(1);
    for (const c of communications) {
      if (c.timing.kind === "oneOff") expect(c.timing.month).toBeLessThan(horizonMonths);
    }
  });

  it("reaches small businesses in Active single-product more often than the contact cap allows", () => {
    const roadmap = template();
    const reaching = roadmap.communications.filter(
      (c) =>
        c.phaseId === "phase-active-single" &&
        c.status !== "retired" &&
        c.timing.kind === "recurring" &&
        c.timing.everyMonths <= 3 &&
        (c.audience.segmentIds.length === 0 || c.audience.segmentIds.includes("smallBusiness")),
    );
    expect(reaching.length).toBeGreaterThan(roadmap.contactCap);
    expect(new Set(reaching.map((c) => c.ownerId)).size).toBeGreaterThanOrEqual(3);
  });
});
