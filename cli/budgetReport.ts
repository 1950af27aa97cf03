import {
  type BudgetDimension,
  describeDiagnostic,
  type PlanResult,
  returnOnInvestment,
  worstPressureBySegment,
} from "../shared/engine";
import { namesById, PURPOSE_LABELS, type Roadmap } from "../shared/model";

/** One row of a roll-up: what the key is, by id and by the name the app shows, and its figures. */
export interface BudgetLine {
  readonly id: string;
  readonly name: string;
  readonly cost: number;
  readonly value: number;
  readonly roi: number | null;
}

export interface YearLine {
  readonly year: string;
  /** Months of the horizon in that year; the first and last year may be partial. */
  readonly months: number;
  readonly cost: number;
  readonly value: number;
  readonly roi: number | null;
}

/**
 * What `roadmap budget` reports: the engine's figures unrounded, with names
 * beside ids so a script need not look them up. Built only from plain
 * numbers and strings, so it prints as JSON in a stable key order.
 */
export interface BudgetReport {
  readonly roadmap: {
    readonly name: string;
    readonly client: string;
    readonly currency: string;
    readonly startMonth: string;
    /** The horizon's last month, "YYYY-MM". */
    readonly endMonth: string;
    readonly horizonMonths: number;
  };
  readonly totals: {
    readonly cost: number;
    readonly value: number;
    readonly roi: number | null;
    readonly responses: number;
    readonly sends: number;
    readonly reach: number;
    readonly customersAtStart: number;
    readonly arrivals: number;
    readonly churned: number;
    readonly customersAtEnd: number;
  };
  readonly byDimension: Readonly<Record<BudgetDimension, readonly BudgetLine[]>>;
  readonly byYear: readonly YearLine[];
  /** Every communication, in document order: contacts, distinct customers reached, responses and money. */
  readonly communications: readonly CommunicationLine[];
  readonly pressure: PressureReport;
  readonly diagnostics: readonly { severity: "error" | "warning"; kind: string; message: string }[];
}

export interface CommunicationLine {
  readonly id: string;
  readonly name: string;
  /** Contacts: sends to customers, summed over the months. */
  readonly reach: number;
  /** Customers reached at least once (each stay in the phase counted once). */
  readonly customersReached: number;
  readonly responses: number;
  readonly cost: number;
  readonly value: number;
}

/** Contact pressure per cohort; months are of the horizon, from 0; lists hold ids. */
export interface PressureReport {
  readonly cap: number;
  readonly worstBySegment: readonly { segment: string; month: number; contacts: number }[];
  readonly collisions: readonly {
    segment: string;
    phase: string;
    /** Null for the customers in the phase at the plan's start. */
    entryMonth: number | null;
    month: number;
    contacts: number;
    cap: number;
    /** "roadmap", or the id of the channel whose cap it is over. */
    capOf: string;
    communications: readonly string[];
    owners: readonly string[];
  }[];
}

/** The order the report lists the roll-ups in: from the lifecycle down to who sends what, then why. */
const DIMENSION_ORDER: readonly BudgetDimension[] = ["stage", "phase", "channel", "owner", "segment", "purpose"];

const DIMENSION_TITLES: Record<BudgetDimension, string> = {
  stage: "Stage",
  phase: "Phase",
  channel: "Channel",
  owner: "Owner",
  segment: "Segment",
  purpose: "Purpose",
};

export function budgetReport(roadmap: Roadmap, plan: PlanResult): BudgetReport {
  const { budget, customers } = plan;
  const names: Record<BudgetDimension, ReadonlyMap<string, string>> = {
    stage: namesById(roadmap.stages),
    phase: namesById(roadmap.phases),
    channel: namesById(roadmap.channels),
    owner: namesById(roadmap.owners),
    segment: namesById(roadmap.segments),
    purpose: new Map(Object.entries(PURPOSE_LABELS)),
  };
  const rollUp = (dimension: BudgetDimension): BudgetLine[] => {
    const { keys, totalCost, totalValue } = budget.byDimension[dimension];
    return keys.map((id, k) => {
      const cost = totalCost[k] ?? 0;
      const value = totalValue[k] ?? 0;
      return { id, name: names[dimension].get(id) ?? id, cost, value, roi: returnOnInvestment(value, cost) };
    });
  };
  const years = budget.overall.byYear;
  return {
    roadmap: {
      name: roadmap.name,
      client: roadmap.client,
      currency: roadmap.currency,
      startMonth: roadmap.startMonth,
      endMonth: plan.calendar.months.at(-1)?.label ?? roadmap.startMonth,
      horizonMonths: roadmap.horizonMonths,
    },
    totals: {
      cost: budget.totalCost,
      value: budget.totalValue,
      roi: budget.roi,
      responses: budget.totalResponses,
      sends: budget.sends,
      reach: budget.totalReach,
      customersAtStart: customers.atStart,
      arrivals: customers.arrivals,
      churned: customers.churned,
      customersAtEnd: customers.atEnd,
    },
    byDimension: {
      stage: rollUp("stage"),
      phase: rollUp("phase"),
      channel: rollUp("channel"),
      owner: rollUp("owner"),
      segment: rollUp("segment"),
      purpose: rollUp("purpose"),
    },
    byYear: years.periods.map((period, j) => {
      const cost = years.cost[j] ?? 0;
      const value = years.value[j] ?? 0;
      return { year: period.label, months: period.monthCount, cost, value, roi: returnOnInvestment(value, cost) };
    }),
    communications: roadmap.communications.map((communication, c) => {
      const schedule = plan.communications[c];
      return {
        id: communication.id,
        name: communication.name,
        reach: schedule?.totalReach ?? 0,
        customersReached: schedule?.totalCustomersReached ?? 0,
        responses: schedule?.totalResponses ?? 0,
        cost: schedule?.totalCost ?? 0,
        value: schedule?.totalValue ?? 0,
      };
    }),
    pressure: {
      cap: plan.pressure.contactCap,
      worstBySegment: worstPressureBySegment(plan.pressure).map(({ segmentId, month, contacts }) => ({
        segment: segmentId,
        month,
        contacts,
      })),
      collisions: plan.pressure.collisions.map((collision) => ({
        segment: collision.segmentId,
        phase: collision.phaseId,
        entryMonth: collision.entryMonth,
        month: collision.month,
        contacts: collision.count,
        cap: collision.cap,
        capOf: collision.capOf,
        communications: collision.communications.map((c) => c.communicationId),
        owners: collision.ownerIds,
      })),
    },
    diagnostics: plan.diagnostics.map((diagnostic) => ({
      severity: diagnostic.severity,
      kind: diagnostic.kind,
      message: describeDiagnostic(diagnostic, roadmap),
    })),
  };
}

/**
 * The report as aligned tables for a terminal: money in the roadmap's
 * currency to the cent, as the exports carry it, so figures can be checked
 * against a workbook or a PDF; counts rounded.
 * `locale` undefined means the system's.
 */
export function formatBudgetReport(report: BudgetReport, locale?: string): string {
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: report.roadmap.currency,
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const roi = (value: number | null) => (value === null ? "—" : percent.format(value));
  const { roadmap, totals } = report;

  const title = roadmap.client ? `${roadmap.name} — ${roadmap.client}` : roadmap.name;
  const sections = [
    `${title}\n${roadmap.currency}, ${roadmap.horizonMonths} months from ${roadmap.startMonth} to ${roadmap.endMonth}`,
    alignTable(
      [
        ["Total cost", money.format(totals.cost)],
        ["Expected value", money.format(totals.value)],
        ["ROI", roi(totals.roi)],
        ["Send occasions", count.format(totals.sends)],
        ["Contacts", count.format(totals.reach)],
        ["Customers at start", count.format(totals.customersAtStart)],
        ["Customers at end", count.format(totals.customersAtEnd)],
      ],
      ["left", "right"],
    ),
    ...DIMENSION_ORDER.map((dimension) =>
      figuresTable(
        DIMENSION_TITLES[dimension],
        report.byDimension[dimension].map((line) => [
          line.name,
          money.format(line.cost),
          money.format(line.value),
          roi(line.roi),
        ]),
      ),
    ),
    figuresTable(
      "Year",
      report.byYear.map((line) => [
        line.months === 12 ? line.year : `${line.year} (${line.months} month${line.months === 1 ? "" : "s"})`,
        money.format(line.cost),
        money.format(line.value),
        roi(line.roi),
      ]),
    ),
  ];
  return `${sections.join("\n\n")}\n`;
}

function figuresTable(title: string, rows: string[][]): string {
  return alignTable([[title, "Cost", "Expected value", "ROI"], ...rows], ["left", "right", "right", "right"]);
}

/** Columns padded to their widest cell, two spaces apart; trailing spaces trimmed. */
export function alignTable(rows: readonly (readonly string[])[], align: readonly ("left" | "right")[]): string {
  const widths = align.map((_, c) => Math.max(0, ...rows.map((row) => (row[c] ?? "").length)));
  return rows
    .map((row) =>
      align
        .map((side, c) => {
          const cell = row[c] ?? "";
          const width = widths[c] ?? 0;
          return side === "left" ? cell.padEnd(width) : cell.padStart(width);
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
