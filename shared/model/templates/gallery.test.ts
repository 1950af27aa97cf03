import { describe, expect, it } from "vitest";
import { describeDiagnostic, planRoadmap } from "../../engine";
import { defaultStages } from "../defaults";
import { describeIssue, fromZodIssues } from "../issues";
import { RoadmapSchema } from "../schema";
import { findTemplate, ROADMAP_TEMPLATES } from "./index";

const NOW = new Date("2026-11-23T10:00:00Z");

describe("the template gallery", () => {
  it("offers at least six templates from different industries, each under its own id", () => {
    expect(ROADMAP_TEMPLATES.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ROADMAP_TEMPLATES.map((t) => t.industry)).size).toBe(ROADMAP_TEMPLATES.length);
    expect(new Set(ROADMAP_TEMPLATES.map((t) => t.id)).size).toBe(ROADMAP_TEMPLATES.length);
    for (const template of ROADMAP_TEMPLATES) expect(findTemplate(template.id)).toBe(template);
  });

  it("describes each template in one line", () => {
    for (const { name, description } of ROADMAP_TEMPLATES) {
      expect(description.length, name).toBeGreaterThan(60);
      expect(description.length, name).toBeLessThanOrEqual(180);
      expect(description, name).not.toContain("\n");
    }
  });
});

describe.each(ROADMAP_TEMPLATES.map((template) => [template.name, template] as const))(
  "the %s template",
  (_, template) => {
    const roadmap = () => template.create(NOW);

    it("is a valid roadmap as the schema reads it, with nothing left to default", () => {
      const document = roadmap();
      const parsed = RoadmapSchema.safeParse(document);
      expect(parsed.success ? [] : fromZodIssues(parsed.error.issues, document).map(describeIssue)).toEqual([]);
      expect(parsed.data).toEqual(document);
    });

    it("plans without a single diagnostic", () => {
      const document = roadmap();
      expect(planRoadmap(document).diagnostics.map((d) => describeDiagnostic(d, document))).toEqual([]);
    });

    it("conserves customers: those at the start plus arrivals, less churn, are those at the end", () => {
      const { customers } = planRoadmap(roadmap());
      expect(customers.atStart).toBeGreaterThan(0);
      expect(customers.arrivals).toBeGreaterThan(0);
      for (const counts of [customers, ...customers.bySegment]) {
        expect(counts.atStart + counts.arrivals - counts.churned).toBeCloseTo(counts.atEnd, 6);
      }
    });

    it("covers every lifecycle stage, laid out left to right in stage order", () => {
      const { phases, stages } = roadmap();
      expect(new Set(phases.map((p) => p.stageId))).toEqual(new Set(defaultStages().map((s) => s.id)));
      const order = new Map(stages.map((stage, i) => [stage.id, i]));
      for (const a of phases) {
        for (const b of phases) {
          if ((order.get(a.stageId) ?? 0) < (order.get(b.stageId) ?? 0)) {
            expect(a.position.x, `${a.name} left of ${b.name}`).toBeLessThan(b.position.x);
          }
        }
      }
      expect(new Set(phases.map((p) => `${p.position.x},${p.position.y}`)).size).toBe(phases.length);
    });

    it("has a win-back loop: customers who left can come back into the lifecycle", () => {
      const { phases, transitions } = roadmap();
      const winBack = phases.filter((p) => p.stageId === "winBack").map((p) => p.id);
      expect(winBack.length).toBeGreaterThan(0);
      expect(transitions.some((t) => winBack.includes(t.from) && !winBack.includes(t.to))).toBe(true);
      for (const t of transitions) expect(t.trigger, t.id).not.toBe("");
    });

    it("keeps every phase's outgoing rates plus churn under 100 % for every segment", () => {
      const { phases, transitions, segments } = roadmap();
      for (const phase of phases) {
        for (const segment of segments) {
          const leaving = transitions
            .filter((t) => t.from === phase.id)
            .reduce((sum, t) => sum + (t.rateBySegment[segment.id] ?? t.rate), phase.churnRate);
          expect(leaving, `${phase.name}, ${segment.name}`).toBeLessThan(1);
        }
      }
    });

    it("has value creators worth many times the value destroyers, and plans richer offers for them", () => {
      const { segments, communications } = roadmap();
      const creators = segments.find((s) => /value creators/i.test(s.name));
      const destroyers = segments.find((s) => /value destroyers|cost to serve/i.test(s.name));
      expect(creators && destroyers).toBeTruthy();
      if (!creators || !destroyers) return;
      expect(creators.annualValue).toBeGreaterThanOrEqual(10 * destroyers.annualValue);
      for (const segment of segments) expect(segment.strategy.whatItIs, segment.name).not.toBe("");
      const targeted = communications.filter(
        (c) =>
          c.status !== "retired" &&
          c.audience.segmentIds.includes(creators.id) &&
          !c.audience.segmentIds.includes(destroyers.id) &&
          c.valuePerResponse > destroyers.annualValue,
      );
      expect(targeted.length).toBeGreaterThan(0);
    });

    it("has competing product teams, marketing and a partner channel among its owners", () => {
      const { owners } = roadmap();
      expect(owners.filter((o) => o.kind === "productManagement").length).toBeGreaterThanOrEqual(2);
      expect(owners.some((o) => o.kind === "marketing")).toBe(true);
      expect(owners.filter((o) => o.kind === "partnerChannel").every((o) => o.partnerType !== null)).toBe(true);
      expect(owners.some((o) => o.kind === "partnerChannel")).toBe(true);
    });

    it("prices every channel at what one send or contact plausibly costs", () => {
      for (const channel of roadmap().channels) {
        expect(channel.fixedCost + channel.costPerContact, channel.name).toBeGreaterThan(0);
        expect(channel.costPerContact, channel.name).toBeLessThan(500);
      }
    });

    it("plans communications with every kind of timing and status, one-offs inside the horizon", () => {
      const { communications, horizonMonths } = roadmap();
      expect(communications.length).toBeGreaterThanOrEqual(12);
      expect(new Set(communications.map((c) => c.timing.kind))).toEqual(new Set(["onEntry", "recurring", "oneOff"]));
      expect(new Set(communications.map((c) => c.status))).toEqual(new Set(["existing", "proposed", "retired"]));
      for (const c of communications) {
        if (c.timing.kind === "oneOff") expect(c.timing.month, c.name).toBeLessThan(horizonMonths);
        expect(c.responseRate, c.name).toBeLessThan(1);
      }
    });

    it("costs something and is expected to bring more than it costs", () => {
      const { budget } = planRoadmap(roadmap());
      expect(budget.totalCost).toBeGreaterThan(0);
      expect(budget.totalValue).toBeGreaterThan(budget.totalCost);
    });
  },
);
