import { clipText, sumByPeriods } from "../../../shared/export/reportLayout";
import { namesById } from "../../../shared/model";
import { formatCount, formatPercent, plural } from "../../ui/format";
import { moneyFormat } from "../../ui/money";
import { collisionKey, describeCohort, describeOverCap } from "../plan/collisionText";
import type { SectionProps } from "./ExecutiveReport";
import { MoreRows } from "./MoreRows";
import { ReportSectionTitle } from "./ReportSectionTitle";

const ALERTS_LISTED = 3;

/** The one page an executive reads: what the plan costs and buys, and where it hurts customers. */
export function ReportSummary({ roadmap, plan, options, layout }: SectionProps) {
  const { budget, customers, pressure } = plan;
  const euros = moneyFormat(roadmap.currency, options.includeCosts);
  const money = euros && ((value: number) => euros(value, { precise: true }));
  const byStage = budget.byDimension.stage;
  const { periods } = layout;
  const stageCost = sumByPeriods(byStage.byMonth.cost, plan.calendar.months.length, periods);
  const totals = sumByPeriods(budget.overall.byMonth.cost, plan.calendar.months.length, periods);
  const clip = (text: string) => clipText(text, layout.limits.nameChars);
  const stages = namesById(roadmap.stages);
  const segments = namesById(roadmap.segments);
  const phases = namesById(roadmap.phases);
  const owners = namesById(roadmap.owners);
  const names = { segments, phases, channels: namesById(roadmap.channels) };
  const months = plan.calendar.months;

  return (
    <section className="report-page report-summary">
      <ReportSectionTitle>Summary</ReportSectionTitle>
      <div className="report-tiles">
        {money && <Tile label="Total budget" value={money(budget.totalCost)} />}
        {money && <Tile label="Expected value" value={money(budget.totalValue)} />}
        {money && <Tile label="Return on investment" value={budget.roi === null ? "—" : formatPercent(budget.roi)} />}
        <Tile
          label="Customers kept"
          value={formatCount(customers.atEnd)}
          note={`of ${formatCount(customers.atStart + customers.arrivals)} (${formatCount(customers.atStart)} at start, ${formatCount(customers.arrivals)} arriving)`}
        />
        <Tile
          label="Communications sent"
          value={formatCount(budget.sends)}
          note={`${formatCount(budget.totalReach)} contacts`}
        />
      </div>

      {/* Whole units in the table, so eight periods fit across a portrait page (see BudgetSection); the tiles are exact. */}
      {euros && (
        <>
          <h3>Budget by stage and period</h3>
          <table className="report-table is-numeric">
            <thead>
              <tr>
                <th scope="col">Stage</th>
                {periods.map((period) => (
                  <th key={period.label} scope="col">
                    {period.label}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {layout.budgetRows.stage.indices.map((k) => {
                const key = byStage.keys[k] as string;
                return (
                  <tr key={key}>
                    <th scope="row">{clip(stages.get(key) ?? key)}</th>
                    {periods.map((period, j) => (
                      <td key={period.label}>{euros(stageCost[k * periods.length + j] ?? 0)}</td>
                    ))}
                    <td>{euros(byStage.totalCost[k] ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                {periods.map((period, j) => (
                  <td key={period.label}>{euros(totals[j] ?? 0)}</td>
                ))}
                <td>{euros(budget.totalCost)}</td>
              </tr>
            </tfoot>
          </table>
          <MoreRows
            count={layout.budgetRows.stage.more}
            what="stages (in the total)"
            appendix={options.includeAppendix}
          />
        </>
      )}

      <h3>Customers by segment</h3>
      <table className="report-table is-numeric">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">At start</th>
            <th scope="col">Arriving</th>
            <th scope="col">Churned</th>
            <th scope="col">At end</th>
          </tr>
        </thead>
        <tbody>
          {layout.segments.indices.map((s) => {
            const segment = customers.bySegment[s];
            if (!segment) return null;
            return (
              <tr key={segment.segmentId}>
                <th scope="row">{clip(segments.get(segment.segmentId) ?? segment.segmentId)}</th>
                <td>{formatCount(segment.atStart)}</td>
                <td>{formatCount(segment.arrivals)}</td>
                <td>{formatCount(segment.churned)}</td>
                <td>{formatCount(segment.atEnd)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <MoreRows count={layout.segments.more} what="segments" appendix={options.includeAppendix} />

      <h3>Contact-pressure alerts</h3>
      {pressure.collisions.length === 0 ? (
        <p>No customer gets more than {plural(pressure.contactCap, "communication")} in any month.</p>
      ) : (
        <>
          <p>
            In {plural(pressure.collisions.length, "case")}, customers get more than{" "}
            {plural(pressure.contactCap, "communication")} in a month (the roadmap's contact cap) or more of one channel
            than its own limit.
            {pressure.collisions.length > ALERTS_LISTED ? ` The first ${ALERTS_LISTED}:` : ""}
          </p>
          <ul className="report-alerts">
            {pressure.collisions.slice(0, ALERTS_LISTED).map((collision) => (
              <li key={collisionKey(collision)}>
                {months[collision.month]?.label}: <strong>{describeCohort(collision, names, months)}</strong> get{" "}
                {describeOverCap(collision, names)}, from{" "}
                {collision.ownerIds.map((id) => owners.get(id) ?? id).join(", ")}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="report-tile">
      <span className="report-tile-label">{label}</span>
      <strong className="report-tile-value">{value}</strong>
      {note && <span className="report-tile-note">{note}</span>}
    </div>
  );
}
