import type { CommunicationSchedule, Period, PlanCalendar } from "../../../shared/engine";
import { clipText, sendsByMonth, sumByPeriods } from "../../../shared/export/reportLayout";
import { namesById } from "../../../shared/model";
import { labelsFor } from "../plan/labels";
import type { ReportProps, SectionProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** Columns per table: a year of months, or five years of quarters, fit a landscape page beside the names. */
const COLUMNS_PER_TABLE = { months: 12, quarters: 20 };
/** Longer plans are shown by quarter: by month they would print a year's table per communication per year. */
const MONTHLY_UP_TO_MONTHS = 24;

const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** "213", "3.2K": whole customers, shortened where a cell is too narrow for more. */
function formatReach(reach: number): string {
  return reach < 1000 ? whole.format(reach) : compact.format(reach);
}

/**
 * When each communication goes out: rows are the communications that send at
 * all, grouped by phase; a cell shows how many customers it reaches that
 * month, or that quarter for plans longer than two years.
 */
export function CalendarSection({ roadmap, plan }: ReportProps) {
  const phases = namesById(roadmap.phases);
  const owners = namesById(roadmap.owners);
  const sending = roadmap.communications
    .map((communication, c) => ({ communication, schedule: plan.communications[c] }))
    .filter(({ schedule }) => schedule !== undefined && schedule.sends > 0);
  const byPhase = roadmap.phases
    .map((phase) => ({ phase, rows: sending.filter(({ communication }) => communication.phaseId === phase.id) }))
    .filter(({ rows }) => rows.length > 0);
  const byMonth = plan.calendar.months.length <= MONTHLY_UP_TO_MONTHS;
  const periods = byMonth ? plan.calendar.months : plan.calendar.quarters;
  const perTable = byMonth ? COLUMNS_PER_TABLE.months : COLUMNS_PER_TABLE.quarters;
  const blocks: Period[][] = [];
  for (let first = 0; first < periods.length; first += perTable) blocks.push(periods.slice(first, first + perTable));

  return (
    <section className="report-page report-wide report-calendar">
      <ReportSectionTitle>Communication calendar</ReportSectionTitle>
      <p className="muted">
        Customers reached by each communication in the {byMonth ? "months" : "quarters"} it is sent.
      </p>
      {sending.length === 0 ? (
        <p>No communication is sent over the plan.</p>
      ) : (
        blocks.map((months) => (
          <table key={months[0]?.label} className="report-table report-calendar-table">
            <thead>
              <tr>
                <th scope="col">Communication</th>
                <th scope="col">Owner</th>
                {months.map((month) => (
                  <th key={month.label} scope="col" className="is-number">
                    {month.label}
                  </th>
                ))}
              </tr>
            </thead>
            {byPhase.map(({ phase, rows }) => (
              <tbody key={phase.id}>
                <tr className="report-group-row">
                  <th scope="rowgroup" colSpan={months.length + 2}>
                    {phases.get(phase.id)}
                  </th>
                </tr>
                {rows.map(({ communication, schedule }) => (
                  <tr key={communication.id}>
                    <td>{communication.name}</td>
                    <td>{owners.get(communication.ownerId) ?? "—"}</td>
                    {months.map((period) => {
                      const { sends, reach } = sentIn(schedule, period);
                      return (
                        <td key={period.label} className={sends > 0 ? "is-number is-sent" : "is-number"}>
                          {sends > 0 ? formatReach(reach) : ""}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        ))
      )}
    </section>
  );
}

function sentIn(schedule: CommunicationSchedule | undefined, period: Period): { sends: number; reach: number } {
  let sends = 0;
  let reach = 0;
  for (let t = period.firstMonth; t < period.firstMonth + period.monthCount; t++) {
    if (schedule?.fires[t] !== 1) continue;
    sends++;
    reach += schedule.reach[t] ?? 0;
  }
  return { sends, reach };
}

/**
 * The calendar at a glance: how many communications go out through each
 * channel, and in each stage, per period, shaded by how busy the period is.
 * The calendar of every communication is in the appendix and the workbook.
 */
export function CalendarSummary({ roadmap, plan, options, layout }: SectionProps) {
  const periods = layout.widePeriods;
  const months = plan.calendar.months.length;
  const tables = [
    { dimension: "channel" as const, title: "Channel", rows: layout.calendarChannels, other: "channels" },
    { dimension: "stage" as const, title: "Stage", rows: layout.calendarStages, other: "stages" },
  ];
  return (
    <section className="report-page report-wide report-calendar">
      <ReportSectionTitle>Communication calendar</ReportSectionTitle>
      <p className="muted">
        Communications sent in each {periodNoun(periods, plan.calendar)}, by channel and by stage: {plan.budget.sends}{" "}
        sends in all. The darker the cell, the busier the period.
      </p>
      {tables.map(({ dimension, title, rows, other }) => {
        const keys = plan.budget.byDimension[dimension].keys;
        const sends = sumByPeriods(sendsByMonth(roadmap, plan, dimension), months, periods);
        const label = labelsFor(roadmap, dimension);
        const cell = (k: number, j: number) => sends[k * periods.length + j] ?? 0;
        const hidden = keys.map((_, k) => k).filter((k) => !rows.indices.includes(k));
        const lines = [
          ...rows.indices.map((k) => ({ key: keys[k] as string, name: label(keys[k] as string, k).label, ks: [k] })),
          ...(rows.more > 0 ? [{ key: `other-${dimension}`, name: `${rows.more} other ${other}`, ks: hidden }] : []),
        ].map((line) => ({ ...line, values: periods.map((_, j) => line.ks.reduce((sum, k) => sum + cell(k, j), 0)) }));
        const busiest = Math.max(1, ...lines.flatMap((line) => line.values));
        return (
          <table key={dimension} className="report-heatmap report-calendar-heat">
            <thead>
              <tr>
                <th scope="col">{title}</th>
                {periods.map((period) => (
                  <th key={period.label} scope="col">
                    {period.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.key}>
                  <th scope="row">{clipText(line.name, layout.limits.nameChars)}</th>
                  {line.values.map((value, j) => (
                    <td
                      key={periods[j]?.label}
                      style={{ "--heat": value / busiest } as React.CSSProperties}
                      className={value / busiest > 0.6 ? "is-busy" : undefined}
                    >
                      {value || ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      <p className="report-more">
        The calendar of every communication is in the budget workbook's Reach sheet
        {options.includeAppendix ? " and in the appendix" : ""}.
      </p>
    </section>
  );
}

function periodNoun(periods: readonly Period[], calendar: PlanCalendar): string {
  if (periods === calendar.months) return "month";
  if (periods === calendar.quarters) return "quarter";
  if (periods === calendar.years) return "year";
  return "period";
}
