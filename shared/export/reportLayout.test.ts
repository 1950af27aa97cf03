import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planCalendar, planRoadmap } from "../engine";
import type { Roadmap } from "../model";
import { generateRoadmap } from "../model/testing/generateRoadmap";
import {
  clipText,
  estimateReportPages,
  FULL_DETAIL,
  MAX_SUMMARY_PAGES,
  periodsFitting,
  pickTop,
  type ReportLayout,
  reportLayout,
  type Shown,
  SUMMARY_LIMITS,
  sumByPeriods,
} from "./reportLayout";
import { REPORT_SECTIONS } from "./reportOptions";

/** A generated roadmap with `extra` more channels, stages and owners than the defaults, each used. */
function roadmapOf(size: {
  phases: number;
  communications: number;
  segments: number;
  horizonMonths: number;
  extra: number;
  seed: number;
}): Roadmap {
  const base = generateRoadmap({ ...size, transitionsPerPhase: 1.5 });
  const channels = [
    ...base.channels,
    ...Array.from({ length: size.extra }, (_, i) => ({ ...base.channels[0], id: `ch-${i}`, name: `Channel ${i}` })),
  ] as Roadmap["channels"];
  const stages = [
    ...base.stages,
    ...Array.from({ length: size.extra }, (_, i) => ({ ...base.stages[0], id: `st-${i}`, name: `Stage ${i}` })),
  ] as Roadmap["stages"];
  return {
    ...base,
    horizonMonths: size.horizonMonths,
    channels,
    stages,
    phases: base.phases.map((phase, p) => ({ ...phase, stageId: stages[p % stages.length]?.id ?? phase.stageId })),
    communications: base.communications.map((communication, c) => ({
      ...communication,
      channelId: channels[c % channels.length]?.id ?? communication.channelId,
    })),
  };
}

/** `shown` lists `limit` of `total` items (all if fewer), each once, as indices below `range`. */
function expectCut(shown: Shown, total: number, limit: number, range = total) {
  expect(shown.indices.length).toBe(Math.min(total, limit));
  expect(shown.indices.length + shown.more).toBe(total);
  expect(new Set(shown.indices).size).toBe(shown.indices.length);
  for (const i of shown.indices) expect(i >= 0 && i < range).toBe(true);
}

function expectWithinLimits(roadmap: Roadmap, layout: ReportLayout) {
  const limits = layout.limits;
  const plan = planRoadmap(roadmap);
  expect(layout.periods.length).toBeLessThanOrEqual(limits.periodColumns);
  expect(layout.widePeriods.length).toBeLessThanOrEqual(limits.widePeriodColumns);
  for (const periods of [layout.periods, layout.widePeriods]) {
    // The columns cover the horizon, each month once, in order.
    let next = 0;
    for (const period of periods) {
      expect(period.firstMonth).toBe(next);
      next += period.monthCount;
    }
    expect(next).toBe(roadmap.horizonMonths);
  }
  expectCut(layout.phases, roadmap.phases.length, limits.phasesListed);
  expect(layout.phasePages.length).toBe(Math.min(roadmap.phases.length, limits.phasePages));
  for (const page of layout.phasePages) {
    const phaseId = roadmap.phases[page.phaseIndex]?.id;
    const own = roadmap.communications.filter((c) => c.phaseId === phaseId).length;
    expectCut(page.communications, own, limits.itemsPerPhase, roadmap.communications.length);
    for (const c of page.communications.indices) expect(roadmap.communications[c]?.phaseId).toBe(phaseId);
  }
  for (const [dimension, shown] of Object.entries(layout.budgetRows)) {
    expectCut(
      shown,
      plan.budget.byDimension[dimension as keyof typeof layout.budgetRows].keys.length,
      limits.tableRows,
    );
  }
  expectCut(layout.segments, roadmap.segments.length, limits.tableRows);
  expectCut(layout.pressureSegments, roadmap.segments.length, limits.tableRows);
  expectCut(layout.calendarChannels, plan.budget.byDimension.channel.keys.length, limits.tableRows);
  expectCut(layout.calendarStages, plan.budget.byDimension.stage.keys.length, limits.tableRows);
  expectCut(layout.collisions, plan.pressure.collisions.length, limits.collisions);
  expectCut(layout.transitions, roadmap.transitions.length, limits.tableRows);
  expectCut(layout.channels, roadmap.channels.length, limits.tableRows);
}

describe("what the report's pages show", () => {
  it("stays within its page limit for roadmaps of any size, and every list within its limit", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          phases: fc.integer({ min: 1, max: 300 }),
          communications: fc.integer({ min: 0, max: 1_200 }),
          segments: fc.integer({ min: 1, max: 40 }),
          horizonMonths: fc.integer({ min: 1, max: 600 }),
          extra: fc.integer({ min: 0, max: 30 }),
          seed: fc.integer({ min: 1, max: 1_000 }),
        }),
        fc.boolean(),
        async (size, includeCosts) => {
          const roadmap = roadmapOf(size);
          const layout = reportLayout(roadmap, planRoadmap(roadmap), { includeCosts }, SUMMARY_LIMITS);
          expectWithinLimits(roadmap, layout);
          expect(estimateReportPages(layout, REPORT_SECTIONS)).toBeLessThanOrEqual(MAX_SUMMARY_PAGES);
        },
      ),
      // Planning a thousand communications over fifty years takes seconds on a loaded machine.
      { seed: 20_261_206, numRuns: 12 },
    );
  }, 240_000);

  it("stays within its page limit even with every list full and cut, on a fifty-year plan", () => {
    const cut = (limit: number): Shown => ({ indices: Array.from({ length: limit }, (_, i) => i), more: 1 });
    const L = SUMMARY_LIMITS;
    const rows = cut(L.tableRows);
    const worst: ReportLayout = {
      limits: L,
      periods: periodsFitting(planCalendar("2027-01", 600), L.periodColumns),
      widePeriods: periodsFitting(planCalendar("2027-01", 600), L.widePeriodColumns),
      phases: cut(L.phasesListed),
      phasePages: Array.from({ length: L.phasePages }, (_, phaseIndex) => ({
        phaseIndex,
        communications: cut(L.itemsPerPhase),
      })),
      budgetRows: { phase: rows, stage: rows, channel: rows, owner: rows, segment: rows, purpose: rows },
      segments: rows,
      pressureSegments: rows,
      collisions: cut(L.collisions),
      calendarChannels: rows,
      calendarStages: rows,
      kpis: cut(2 * L.tableRows),
      transitions: rows,
      channels: rows,
    };
    expect(estimateReportPages(worst, REPORT_SECTIONS)).toBeLessThanOrEqual(MAX_SUMMARY_PAGES);
  });

  it("gives the costliest phases their pages, in the roadmap's order, and lists the costliest first", () => {
    const roadmap = roadmapOf({ phases: 80, communications: 600, segments: 6, horizonMonths: 36, extra: 0, seed: 3 });
    const plan = planRoadmap(roadmap);
    const layout = reportLayout(roadmap, plan, { includeCosts: true }, SUMMARY_LIMITS);
    const cost = (p: number) => plan.phases[p]?.totalCost ?? 0;
    const listed = layout.phases.indices.map(cost);
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
    const cheapestListed = Math.min(...listed);
    const hidden = roadmap.phases.map((_, p) => p).filter((p) => !layout.phases.indices.includes(p));
    for (const p of hidden) expect(cost(p)).toBeLessThanOrEqual(cheapestListed);
    const pages = layout.phasePages.map((page) => page.phaseIndex);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages).toEqual([...layout.phases.indices.slice(0, SUMMARY_LIMITS.phasePages)].sort((a, b) => a - b));
  });

  it("ranks by customers when the report leaves costs out", () => {
    const roadmap = roadmapOf({ phases: 40, communications: 100, segments: 3, horizonMonths: 24, extra: 0, seed: 5 });
    const plan = planRoadmap(roadmap);
    const layout = reportLayout(roadmap, plan, { includeCosts: false }, SUMMARY_LIMITS);
    const customers = layout.phases.indices.map((p) => plan.phases[p]?.averageCustomers ?? 0);
    expect(customers).toEqual([...customers].sort((a, b) => b - a));
  });

  it("shows everything in the appendix, which is why the appendix is an option", () => {
    const roadmap = roadmapOf({
      phases: 300,
      communications: 2_000,
      segments: 12,
      horizonMonths: 60,
      extra: 0,
      seed: 1,
    });
    const plan = planRoadmap(roadmap);
    const full = reportLayout(roadmap, plan, { includeCosts: true }, FULL_DETAIL);
    expect(full.phases.more).toBe(0);
    expect(full.phasePages).toHaveLength(300);
    expect(full.phasePages.reduce((sum, page) => sum + page.communications.indices.length, 0)).toBe(2_000);
    expect(full.widePeriods).toBe(plan.calendar.months);
    expect(estimateReportPages(full, REPORT_SECTIONS)).toBeGreaterThan(MAX_SUMMARY_PAGES);
  });
});

describe("the report's building blocks", () => {
  it("picks the highest scores, ties in list order, printed by score or in list order", () => {
    const scores = [3, 9, 3, 7, 9];
    expect(pickTop(5, 3, (i) => scores[i] ?? 0)).toEqual({ indices: [1, 4, 3], more: 2 });
    expect(pickTop(5, 3, (i) => scores[i] ?? 0, "list")).toEqual({ indices: [1, 3, 4], more: 2 });
    expect(pickTop(2, 3, () => 0)).toEqual({ indices: [0, 1], more: 0 });
    expect(pickTop(0, 3, () => 0)).toEqual({ indices: [], more: 0 });
  });

  it("cuts the horizon into the finest periods that fit, runs of years for a long plan", () => {
    const calendar = planCalendar("2027-01", 600);
    const spans = periodsFitting(calendar, 8);
    expect(spans).toHaveLength(8);
    expect(spans[0]).toEqual({ label: "2027–2033", firstMonth: 0, monthCount: 84 });
    expect(spans.at(-1)).toEqual({ label: "2076", firstMonth: 588, monthCount: 12 });
    expect(periodsFitting(calendar, 1000)).toBe(calendar.months);
    expect(periodsFitting(planCalendar("2027-01", 24), 8)).toEqual(planCalendar("2027-01", 24).quarters);
    expect(periodsFitting(planCalendar("2027-01", 60), 8)).toEqual(planCalendar("2027-01", 60).years);
  });

  it("sums a by-month table into periods, key by key", () => {
    const calendar = planCalendar("2027-11", 4);
    const byMonth = Float64Array.from([1, 2, 3, 4, 10, 20, 30, 40]);
    expect(Array.from(sumByPeriods(byMonth, 4, calendar.years))).toEqual([3, 7, 30, 70]);
  });

  it("cuts long text short with an ellipsis, and leaves short text alone", () => {
    expect(clipText("Onboarding", 60)).toBe("Onboarding");
    expect(clipText("a".repeat(100), 10)).toBe(`${"a".repeat(9)}…`);
    expect(clipText("x".repeat(100), Number.POSITIVE_INFINITY)).toHaveLength(100);
  });
});
