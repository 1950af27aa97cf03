import { type Period, worstContactPressure } from "../../../shared/engine";
import { clipText } from "../../../shared/export/reportLayout";
import { namesById } from "../../../shared/model";
import { collisionKey } from "../plan/collisionText";
import type { SectionProps } from "./ExecutiveReport";
import { MoreRows } from "./MoreRows";
import { ReportSectionTitle } from "./ReportSectionTitle";

const COLUMNS_PER_TABLE = 24;

/** The most communications reaching one customer of segment `s` in any month of `period`. */
function worstIn(pressure: SectionProps["plan"]["pressure"], s: number, period: Period): number {
  let worst = 0;
  for (let t = period.firstMonth; t < period.firstMonth + period.monthCount; t++) {
    worst = Math.max(worst, worstContactPressure(pressure, "segment", s, t));
  }
  return worst;
}

/**
 * Communications reaching one customer a month, per segment (in its most
 * contacted phase), with the months over the cap marked, and who collides.
 * A period longer than a month shows its worst month.
 */
export function PressureSection({ roadmap, plan, options, layout }: SectionProps) {
  const { pressure, calendar } = plan;
  const segments = namesById(roadmap.segments);
  const phases = namesById(roadmap.phases);
  const owners = namesById(roadmap.owners);
  const channels = namesById(roadmap.channels);
  const clip = (text: string) => clipText(text, layout.limits.nameChars);
  const blocks: Period[][] = [];
  for (let first = 0; first < layout.widePeriods.length; first += COLUMNS_PER_TABLE) {
    blocks.push(layout.widePeriods.slice(first, first + COLUMNS_PER_TABLE));
  }
  const byMonth = layout.widePeriods === calendar.months;

  return (
    <section className="report-page report-wide report-pressure">
      <ReportSectionTitle>Contact pressure</ReportSectionTitle>
      <p className="muted">
        Communications reaching one customer in a month, all owners together, for the customers of a segment who entered
        its most contacted phase in the same month{byMonth ? "" : "; each cell is the worst month of its period"}. Red
        cells are over the roadmap's cap of {pressure.contactCap} a month.
      </p>
      {blocks.map((months) => (
        <table key={months[0]?.label} className="report-heatmap">
          <thead>
            <tr>
              <th scope="col">Segment</th>
              {months.map((month) => (
                <th key={month.label} scope="col">
                  {byMonth ? month.label.slice(2) : month.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.pressureSegments.indices.map((s) => (
              <tr key={pressure.segmentIds[s]}>
                <th scope="row">{clip(segments.get(pressure.segmentIds[s] as string) ?? "")}</th>
                {months.map((month) => {
                  const count = worstIn(pressure, s, month);
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
      <MoreRows
        count={layout.pressureSegments.more}
        what="segments, less contacted"
        appendix={options.includeAppendix}
      />
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
              {layout.collisions.indices
                .map((i) => pressure.collisions[i])
                .map(
                  (collision) =>
                    collision && (
                      <tr key={collisionKey(collision)}>
                        <td>{calendar.months[collision.month]?.label}</td>
                        <td>{clip(segments.get(collision.segmentId) ?? "")}</td>
                        <td>{clip(phases.get(collision.phaseId) ?? "")}</td>
                        <td>
                          {collision.entryMonth === null
                            ? "before the plan"
                            : calendar.months[collision.entryMonth]?.label}
                        </td>
                        <td className="is-number">{collision.count}</td>
                        <td>
                          {collision.capOf === "roadmap"
                            ? `Roadmap, ${collision.cap}`
                            : `${channels.get(collision.capOf) ?? collision.capOf}, ${collision.cap}`}
                        </td>
                        <td>{clip(collision.ownerIds.map((id) => owners.get(id) ?? id).join(", "))}</td>
                      </tr>
                    ),
                )}
            </tbody>
          </table>
          {layout.collisions.more > 0 && (
            <p className="report-more">
              And {layout.collisions.more} more; the app's Pressure view lists them all
              {options.includeAppendix ? ", as does the appendix" : ""}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
