import type { Period } from "../../../shared/engine";
import { namesById } from "../../../shared/model";
import type { ReportProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** Months per table: a year fits a landscape page's width with the names beside it. */
const MONTHS_PER_TABLE = 12;

const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/**
 * When each communication goes out, a year per table: rows are the
 * communications that send at all, grouped by phase; a cell shows how many
 * customers it reaches that month.
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
  const blocks: Period[][] = [];
  for (let first = 0; first < plan.calendar.months.length; first += MONTHS_PER_TABLE) {
    blocks.push(plan.calendar.months.slice(first, first + MONTHS_PER_TABLE));
  }

  return (
    <section className="report-page report-wide report-calendar">
      <ReportSectionTitle>Communication calendar</ReportSectionTitle>
      <p className="muted">Customers reached by each communication in the months it is sent.</p>
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
                    {months.map((month) => {
                      const t = month.firstMonth;
                      const fires = schedule?.fires[t] === 1;
                      return (
                        <td key={month.label} className={fires ? "is-number is-sent" : "is-number"}>
                          {fires ? compact.format(schedule?.reach[t] ?? 0) : ""}
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
