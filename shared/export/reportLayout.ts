import { BUDGET_DIMENSIONS, type BudgetDimension } from "../engine/budget";
import type { Period, PlanCalendar } from "../engine/calendar";
import type { PlanResult } from "../engine/planEngine";
import { worstContactPressure } from "../engine/pressure";
import { COMMUNICATION_STATUSES, type Roadmap } from "../model/schema";
import { OPEN_QUESTIONS_PAGES } from "./openQuestions";

/** What the report reads of a plan: everything but the customer flow, which the renderer never receives. */
export type ReportPlan = Omit<PlanResult, "flow">;

/**
 * How much of each list the report prints. The executive report's own pages
 * use `SUMMARY_LIMITS`, so its length does not grow with the roadmap; the
 * appendix uses `FULL_DETAIL`, every row of every list.
 */
export interface ReportLimits {
  /** Rows of the "phases at a glance" table. */
  readonly phasesListed: number;
  /** Phases with a page of their own. */
  readonly phasePages: number;
  /** Communications, objectives, products and KPIs listed on a phase's page, each. */
  readonly itemsPerPhase: number;
  /** Rows of each budget breakdown, assumptions table, the KPI table and the heat tables. */
  readonly tableRows: number;
  /** Collisions listed under the contact-pressure heatmap. */
  readonly collisions: number;
  /** Period columns of the budget tables (on landscape pages) and of the summary's (on a portrait one). */
  readonly periodColumns: number;
  /** Period columns of the heat tables (calendar, contact pressure) and the budget chart, on landscape pages. */
  readonly widePeriodColumns: number;
  /** Characters of a name in a table cell, and of free text (descriptions, notes), before it is cut short. */
  readonly nameChars: number;
  readonly textChars: number;
  /**
   * Pages of diagram tiles after its key, when the roadmap is too large to print on one page at a
   * legible size; beyond that the report prints the key alone. The appendix does not print the diagram again.
   */
  readonly diagramPages: number;
}

/**
 * The most pages the report's own pages (no appendix) take, whatever the roadmap. Was 40; the diagram
 * printed at a legible size (its key and up to `diagramPages` tiles) and the budget tables on landscape
 * pages (where their period columns fit) add up to 8 in the worst case, the open questions 1, the survey's RSI 2,
 * the scenario comparison 2 and the optimisation 2.
 */
export const MAX_SUMMARY_PAGES = 55;

/** The survey's pages: the RSI grid and curve, then what the answers say about the plan. */
export const RSI_PAGES = 2;

/**
 * The scenario comparison's pages: the totals and the budget by year, then the segments and the main
 * differences, each cut to fit (`REPORT_SEGMENTS`, `REPORT_DIFFERENCES`).
 */
export const SCENARIO_PAGES = 2;

/**
 * The optimisation's pages: its settings, figures and frontier, then the changes with their reasons
 * and the marginal values, the changes cut to fit (`REPORT_OPTIMISATION_CHANGES`).
 */
export const OPTIMISATION_PAGES = 2;

/**
 * Sized so that the report stays within `MAX_SUMMARY_PAGES` whatever the roadmap: every
 * list is cut to fit (`estimateReportPages` adds up the worst case), and the
 * workbook and the appendix carry the rest.
 */
export const SUMMARY_LIMITS: ReportLimits = {
  phasesListed: 25,
  phasePages: 8,
  itemsPerPhase: 5,
  tableRows: 12,
  collisions: 15,
  periodColumns: 8,
  widePeriodColumns: 20,
  nameChars: 60,
  textChars: 500,
  diagramPages: 6,
};

/** Every row, every column, every character: the appendix. */
export const FULL_DETAIL: ReportLimits = {
  phasesListed: Number.POSITIVE_INFINITY,
  phasePages: Number.POSITIVE_INFINITY,
  itemsPerPhase: Number.POSITIVE_INFINITY,
  tableRows: Number.POSITIVE_INFINITY,
  collisions: Number.POSITIVE_INFINITY,
  periodColumns: Number.POSITIVE_INFINITY,
  widePeriodColumns: Number.POSITIVE_INFINITY,
  nameChars: Number.POSITIVE_INFINITY,
  textChars: Number.POSITIVE_INFINITY,
  diagramPages: SUMMARY_LIMITS.diagramPages,
};

/** Which items of a list print, as indices into it in the order they print, and how many do not. */
export interface Shown {
  readonly indices: readonly number[];
  readonly more: number;
}

/** A phase's page: the phase and which of its communications (indices into the roadmap's) it lists. */
export interface PhasePageLayout {
  readonly phaseIndex: number;
  readonly communications: Shown;
}

/** What goes on the report's pages, decided once from the roadmap, its plan and the limits. */
export interface ReportLayout {
  readonly limits: ReportLimits;
  /** Columns of the budget tables. */
  readonly periods: readonly Period[];
  /** Columns of the calendar and pressure heat tables and the budget chart. */
  readonly widePeriods: readonly Period[];
  /** Rows of the phases at a glance: the costliest phases (the most populous without costs), costliest first. */
  readonly phases: Shown;
  /** The phases with a page, in the roadmap's order. */
  readonly phasePages: readonly PhasePageLayout[];
  /** Rows of each budget breakdown, by the budget's keys, costliest first. */
  readonly budgetRows: Readonly<Record<BudgetDimension, Shown>>;
  /** Segments by customers over the plan, most first. */
  readonly segments: Shown;
  /** Segments of the pressure heatmap, the most contacted first. */
  readonly pressureSegments: Shown;
  readonly collisions: Shown;
  /** Rows of the calendar summary, by the channel and stage budgets' keys, the most sends first. */
  readonly calendarChannels: Shown;
  readonly calendarStages: Shown;
  /** KPI rows, as indices into `kpiRows(roadmap)`. */
  readonly kpis: Shown;
  readonly transitions: Shown;
  readonly channels: Shown;
}

/**
 * The first `limit` of `count` items: by descending score (ties in list order),
 * then printed in list order when `order` is "list".
 */
export function pickTop(
  count: number,
  limit: number,
  score: (index: number) => number,
  order: "score" | "list" = "score",
): Shown {
  const all = Array.from({ length: count }, (_, i) => i);
  const ranked = all.map((i) => ({ i, score: score(i) })).sort((a, b) => b.score - a.score || a.i - b.i);
  const picked = ranked.slice(0, Math.min(count, limit)).map(({ i }) => i);
  if (order === "list") picked.sort((a, b) => a - b);
  return { indices: picked, more: count - picked.length };
}

/**
 * The finest cut of the horizon with at most `maxColumns` periods: months,
 * quarters, years, or runs of whole years ("2027–2031") for a long plan.
 */
export function periodsFitting(calendar: PlanCalendar, maxColumns: number): readonly Period[] {
  for (const periods of [calendar.months, calendar.quarters, calendar.years]) {
    if (periods.length <= maxColumns) return periods;
  }
  const yearsPerColumn = Math.ceil(calendar.years.length / maxColumns);
  const spans: Period[] = [];
  for (let first = 0; first < calendar.years.length; first += yearsPerColumn) {
    const years = calendar.years.slice(first, first + yearsPerColumn);
    const start = years[0] as Period;
    const end = years[years.length - 1] as Period;
    spans.push({
      label: start === end ? start.label : `${start.label}–${end.label}`,
      firstMonth: start.firstMonth,
      monthCount: end.firstMonth + end.monthCount - start.firstMonth,
    });
  }
  return spans;
}

/** Sums a by-month table (`[k * T + t]`) into `periods`, at `[k * periods.length + j]`. */
export function sumByPeriods(byMonth: Float64Array, months: number, periods: readonly Period[]): Float64Array {
  const keys = months === 0 ? 0 : byMonth.length / months;
  const sums = new Float64Array(keys * periods.length);
  for (let k = 0; k < keys; k++) {
    periods.forEach((period, j) => {
      let sum = 0;
      for (let t = period.firstMonth; t < period.firstMonth + period.monthCount; t++)
        sum += byMonth[k * months + t] ?? 0;
      sums[k * periods.length + j] = sum;
    });
  }
  return sums;
}

/** Every phase's KPIs, one row each, in the roadmap's order. */
export function kpiRows(roadmap: Roadmap) {
  return roadmap.phases.flatMap((phase) => phase.kpis.map((kpi) => ({ phase, kpi })));
}

/** `text` cut to `max` characters, the cut marked with an ellipsis. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Sends of each key of the channel or stage budget in each month, at
 * `[k * T + t]`: how many communications of that channel (or of the phases of
 * that stage) go out.
 */
export function sendsByMonth(roadmap: Roadmap, plan: ReportPlan, dimension: "channel" | "stage"): Float64Array {
  const keys = plan.budget.byDimension[dimension].keys;
  const T = plan.calendar.months.length;
  const index = new Map(keys.map((key, k) => [key, k]));
  const stageOf = new Map(roadmap.phases.map((phase) => [phase.id, phase.stageId]));
  const sends = new Float64Array(keys.length * T);
  roadmap.communications.forEach((communication, c) => {
    const key = dimension === "channel" ? communication.channelId : stageOf.get(communication.phaseId);
    const k = key === undefined ? undefined : index.get(key);
    const fires = plan.communications[c]?.fires;
    if (k === undefined || !fires) return;
    for (let t = 0; t < T; t++) sends[k * T + t] = (sends[k * T + t] as number) + (fires[t] ?? 0);
  });
  return sends;
}

/** Sends over the whole plan per key of a `sendsByMonth` table. */
function totalsOf(byMonth: Float64Array, months: number): number[] {
  return Array.from(sumByPeriods(byMonth, months, [{ label: "", firstMonth: 0, monthCount: months }]));
}

/** The most sends reaching one customer of segment `s` in any month. */
function peakPressure(plan: ReportPlan, s: number): number {
  let peak = 0;
  for (let t = 0; t < plan.pressure.months; t++)
    peak = Math.max(peak, worstContactPressure(plan.pressure, "segment", s, t));
  return peak;
}

/**
 * Decides what the report's pages show of `roadmap` and its `plan` within
 * `limits`: the costliest phases, budget rows, channels and so on, so a
 * reader sees what matters most and is told how much more the workbook holds.
 * Ranks by cost when costs print, else by customers.
 */
export function reportLayout(
  roadmap: Roadmap,
  plan: ReportPlan,
  options: { includeCosts: boolean },
  limits: ReportLimits,
): ReportLayout {
  const phaseScore = (p: number) =>
    options.includeCosts ? (plan.phases[p]?.totalCost ?? 0) : (plan.phases[p]?.averageCustomers ?? 0);
  const communicationScore = (c: number) =>
    options.includeCosts ? (plan.communications[c]?.totalCost ?? 0) : (plan.communications[c]?.totalReach ?? 0);
  const phasePages = pickTop(roadmap.phases.length, limits.phasePages, phaseScore, "list").indices.map((phaseIndex) => {
    const phaseId = roadmap.phases[phaseIndex]?.id;
    const own = roadmap.communications.flatMap((communication, c) => (communication.phaseId === phaseId ? [c] : []));
    const picked = pickTop(own.length, limits.itemsPerPhase, (i) => communicationScore(own[i] as number), "list");
    return {
      phaseIndex,
      communications: { indices: picked.indices.map((i) => own[i] as number), more: picked.more },
    };
  });
  const budgetRows = Object.fromEntries(
    BUDGET_DIMENSIONS.map((dimension) => {
      const rollUp = plan.budget.byDimension[dimension];
      return [dimension, pickTop(rollUp.keys.length, limits.tableRows, (k) => rollUp.totalCost[k] ?? 0)];
    }),
  ) as Record<BudgetDimension, Shown>;
  const months = plan.calendar.months.length;
  const channelSends = totalsOf(sendsByMonth(roadmap, plan, "channel"), months);
  const stageSends = totalsOf(sendsByMonth(roadmap, plan, "stage"), months);
  const segments = plan.customers.bySegment;
  return {
    limits,
    periods: periodsFitting(plan.calendar, limits.periodColumns),
    widePeriods: periodsFitting(plan.calendar, limits.widePeriodColumns),
    phases: pickTop(roadmap.phases.length, limits.phasesListed, phaseScore),
    phasePages,
    budgetRows,
    segments: pickTop(
      segments.length,
      limits.tableRows,
      (s) => (segments[s]?.atStart ?? 0) + (segments[s]?.arrivals ?? 0),
    ),
    pressureSegments: pickTop(plan.pressure.segmentIds.length, limits.tableRows, (s) => peakPressure(plan, s), "list"),
    collisions: pickTop(plan.pressure.collisions.length, limits.collisions, () => 0),
    calendarChannels: pickTop(channelSends.length, limits.tableRows, (k) => channelSends[k] ?? 0),
    calendarStages: pickTop(stageSends.length, limits.tableRows, (k) => stageSends[k] ?? 0),
    kpis: pickTop(kpiRows(roadmap).length, limits.tableRows * 2, () => 0),
    transitions: pickTop(roadmap.transitions.length, limits.tableRows, () => 0),
    channels: pickTop(roadmap.channels.length, limits.tableRows, () => 0),
  };
}

/**
 * Lines of 9.5 pt type a page holds below its footer, portrait and landscape.
 * A table row counts two lines: its cells' names are cut to `nameChars`,
 * which wraps at most once in the columns the report gives them.
 */
const LINES_PER_PAGE = { portrait: 50, landscape: 32 };
/** Characters of free text in a line across a portrait page. */
const CHARS_PER_LINE = 100;

const pagesFor = (lines: number, perPage: number) => Math.max(1, Math.ceil(lines / perPage));

/**
 * An upper estimate of the printed pages, section by section: a table is its
 * title, header and "more" line plus two lines a row. With `SUMMARY_LIMITS`
 * it stays within `MAX_SUMMARY_PAGES` whatever the roadmap (the property test checks random
 * roadmaps of every size; the end-to-end test prints one and counts).
 */
export function estimateReportPages(layout: ReportLayout, sections: readonly string[]): number {
  const { limits } = layout;
  const table = (rows: number) => 2 * rows + 4;
  const rowsOf = (shown: Shown) => shown.indices.length + (shown.more > 0 ? 1 : 0);
  const text = Math.ceil(Math.min(limits.textChars, 50_000) / CHARS_PER_LINE);
  const { portrait, landscape } = LINES_PER_PAGE;
  const phasePage = (page: PhasePageLayout) =>
    pagesFor(
      // Stage and title, description, the lists side by side, the figures, the KPIs and the communications.
      4 + text + table(limits.itemsPerPhase) + 4 + table(limits.itemsPerPhase) + table(rowsOf(page.communications)),
      portrait,
    );
  const pages: Record<string, number> = {
    summary: pagesFor(10 + table(rowsOf(layout.budgetRows.stage)) + table(rowsOf(layout.segments)) + 12, portrait),
    // The key, then its tiles; or the diagram alone on one page.
    diagram: 1 + limits.diagramPages,
    phases:
      pagesFor(table(rowsOf(layout.phases)) + 3, portrait) +
      layout.phasePages.reduce((sum, page) => sum + phasePage(page), 0),
    budget: pagesFor(
      4 +
        table(COMMUNICATION_STATUSES.length) +
        16 +
        BUDGET_DIMENSIONS.reduce((sum, d) => sum + table(rowsOf(layout.budgetRows[d]) + 1), 0) +
        table(10),
      landscape,
    ),
    calendar: pagesFor(4 + table(rowsOf(layout.calendarChannels)) + table(rowsOf(layout.calendarStages)), landscape),
    pressure:
      Math.ceil(layout.widePeriods.length / 24) * pagesFor(4 + table(rowsOf(layout.pressureSegments)), landscape) +
      pagesFor(table(rowsOf(layout.collisions)), landscape),
    kpis: pagesFor(table(rowsOf(layout.kpis)), portrait),
    assumptions: pagesFor(
      8 +
        table(rowsOf(layout.segments)) +
        table(rowsOf(layout.phases)) +
        table(rowsOf(layout.transitions)) +
        table(rowsOf(layout.channels)) +
        16 +
        text,
      portrait,
    ),
    // The grid and the curve, then the places to act, the defectors and the preferences, each list cut to fit.
    rsi: RSI_PAGES,
    scenarios: SCENARIO_PAGES,
    optimisation: OPTIMISATION_PAGES,
    openQuestions: OPEN_QUESTIONS_PAGES,
  };
  return 1 + sections.reduce((sum, section) => sum + (pages[section] ?? 0), 0);
}
