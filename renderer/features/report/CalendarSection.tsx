import type { CommunicationSchedule, Period } from "../../../shared/engine";
import { namesById } from "../../../shared/model";
import type { ReportProps } from "./ExecutiveReport";
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
