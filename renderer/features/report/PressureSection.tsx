import { worstContactPressure } from "../../../shared/engine";
import { namesById } from "../../../shared/model";
import { collisionKey } from "../plan/collisionText";
import type { ReportProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

const MONTHS_PER_TABLE = 24;
const COLLISIONS_LISTED = 30;

/**
 * Communications reaching one customer a month, per segment (in its most
 * contacted phase), with the months over the cap marked, and who collides.
 */
export function PressureSection({ roadmap, plan }: ReportProps) {
  const { pressure, calendar } = plan;
  const segments = namesById(roadmap.segments);
  const phases = namesById(roadmap.phases);
  const owners = namesById(roadmap.owners);
  const channels = namesById(roadmap.channels);
  const blocks: { label: string; firstMonth: number }[][] = [];
  for (let first = 0; first < calendar.months.length; first += MONTHS_PER_TABLE) {
    blocks.push(calendar.months.slice(first, first + MONTHS_PER_TABLE));
  }

  return (
    <section className="report-page report-wide report-pressure">
      <ReportSectionTitle>Contact pressure</ReportSectionTitle>
      <p className="muted">
        Communications reaching one customer in a month, all owners together, for the customers of a segment who entered
        its most contacted phase in the same month. Red cells are over the roadmap's cap of {pressure.contactCap} a
        month.
      </p>
      {blocks.map((months) => (
        <table key={months[0]?.label} className="report-heatmap">
          <thead>
            <tr>
              <th scope="col">Segment</th>
              {months.map((month) => (
                <th key={month.label} scope="col">
                  {month.label.slice(2)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pressure.segmentIds.map((segmentId, s) => (
              <tr key={segmentId}>
                <th scope="row">{segments.get(segmentId)}</th>
                {months.map((month) => {
                  const count = worstContactPressure(pressure, "segment", s, month.firstMonth);
                  const heat = Math.min(1, count / Math.max(1, pressure.contactCap));
                  return (
                    <td
                      key={month.label}
                      className={count > pressure.contactCap ? "is-over" : undefined}
                      style={{ "--heat": heat } as React.CSSProperties}
                    >
                      {count || ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {pressure.collisions.length > 0 && (
        <>
          <h3>Collisions</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Segment</th>
                <th scope="col">Phase</th>
                <th scope="col">Entered</th>
                <th scope="col" className="is-number">
                  Sends
                </th>
                <th scope="col">Cap</th>
                <th scope="col">Owners</th>
              </tr>
            </thead>
            <tbody>
              {pressure.collisions.slice(0, COLLISIONS_LISTED).map((collision) => (
                <tr key={collisionKey(collision)}>
                  <td>{calendar.months[collision.month]?.label}</td>
                  <td>{segments.get(collision.segmentId)}</td>
                  <td>{phases.get(collision.phaseId)}</td>
                  <td>
                    {collision.entryMonth === null ? "before the plan" : calendar.months[collision.entryMonth]?.label}
                  </td>
                  <td className="is-number">{collision.count}</td>
                  <td>
                    {collision.capOf === "roadmap"
                      ? `Roadmap, ${collision.cap}`
                      : `${channels.get(collision.capOf) ?? collision.capOf}, ${collision.cap}`}
                  </td>
                  <td>{collision.ownerIds.map((id) => owners.get(id) ?? id).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pressure.collisions.length > COLLISIONS_LISTED && (
            <p className="muted">
              And {pressure.collisions.length - COLLISIONS_LISTED} more; the app's Pressure view lists them all.
            </p>
          )}
        </>
      )}
    </section>
  );
}
