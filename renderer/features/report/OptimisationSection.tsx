import {
  type HeadlineRow,
  OPTIMISATION_COSTS_HIDDEN,
  type OptimisationRows,
  optimisationRows,
  reportedOptimisation,
} from "../../../shared/export/optimisationRows";
import { clipText } from "../../../shared/export/reportLayout";
import { FRONTIER_COLOUR, FrontierPlot, PLAN_COLOUR } from "../../ui/FrontierPlot";
import { formatCount, formatPercent } from "../../ui/format";
import { type MoneyFormat, moneyFormat } from "../../ui/money";
import type { SectionProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** Changes listed on the second page, with their reasons; the Compare tab lists them all. */
export const REPORT_OPTIMISATION_CHANGES = 18;
/** Constraints that bind, listed under the marginal values. */
export const REPORT_BINDING = 6;

const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: "long" });

/** Money with cents for small amounts (what one more € of budget brings), whole units otherwise. */
function moneyText(money: MoneyFormat) {
  return (value: number) => money(value, { precise: Math.abs(value) < 10 });
}

/**
 * How the optimiser made a scenario, on two pages: the settings it was given,
 * the scenario's figures against the plan it was made from, how the solver
 * ended, the efficient frontier with the plan and the chosen budget marked;
 * then each change with its reason, the marginal values and the constraints
 * that bind. About the shown scenario when the optimiser made it (an export
 * makes the shown scenario the base), else the newest optimised one. Printed
 * only for a roadmap with an optimised scenario.
 */
export function OptimisationSection({ roadmap, options, layout }: SectionProps) {
  const source = reportedOptimisation(roadmap);
  if (!source) return null;
  const money = moneyFormat(roadmap.currency, options.includeCosts);
  const rows = optimisationRows(roadmap, source, money ? moneyText(money) : null);
  const clip = (text: string) => clipText(text, layout.limits.nameChars);
  const changes = rows.changes.slice(0, REPORT_OPTIMISATION_CHANGES);
  return (
    <>
      <section className="report-page report-optimisation">
        <ReportSectionTitle>Optimisation</ReportSectionTitle>
        <p>
          The optimiser made “{clip(rows.scenarioName)}” from “{clip(rows.fromScenarioName)}” on{" "}
          {longDate.format(new Date(rows.createdAt))}: the best choice of communications, how often and how
          personalised, within the settings below. {rows.status}
        </p>
        <table className="report-table report-optimisation-settings" aria-label="Optimiser settings">
          <tbody>
            {rows.settings.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{clipText(row.value, layout.limits.textChars)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {money ? (
          <HeadlineTable rows={rows} fromName={clip(rows.fromScenarioName)} money={money} />
        ) : (
          <p className="muted">Costs are left out of this report, and with them the optimised scenario's figures.</p>
        )}
        <h3>Efficient frontier</h3>
        <Frontier rows={rows} money={money} name={clip(rows.scenarioName)} fromName={clip(rows.fromScenarioName)} />
      </section>
      <section className="report-page report-optimisation-detail">
        <ReportSectionTitle>What the optimiser changed, and why</ReportSectionTitle>
        {rows.changes.length === 0 ? (
          <p>It keeps “{clip(rows.fromScenarioName)}” as it was.</p>
        ) : (
          <table className="report-table report-optimisation-changes" aria-label="Changes">
            <thead>
              <tr>
                <th scope="col">Communication</th>
                <th scope="col">Change</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.communicationId}>
                  <th scope="row">{clip(change.name)}</th>
                  <td>{clip(change.what || change.kind)}</td>
                  <td>{change.reason ? clipText(change.reason, layout.limits.textChars) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {rows.changes.length > changes.length && (
          <p className="report-more">
            And {formatCount(rows.changes.length - changes.length)} more: the app's Compare tab lists them all.
          </p>
        )}
        {!rows.fromFound && (
          <p className="muted">
            “{clip(rows.fromScenarioName)}” has been deleted since: these are the changes the optimiser gave a reason
            for.
          </p>
        )}
        {rows.marginals.length > 0 && (
          <>
            <h3>What one more unit is worth</h3>
            <table className="report-table" aria-label="Marginal values">
              <thead>
                <tr>
                  <th scope="col">One more</th>
                  <th scope="col">Is worth</th>
                  <th scope="col">Measured by</th>
                </tr>
              </thead>
              <tbody>
                {rows.marginals.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{row.value}</td>
                    <td>{row.method}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {rows.binding.length > 0 && (
          <>
            <h3>Constraints that bind</h3>
            <ul className="report-alerts">
              {rows.binding.slice(0, REPORT_BINDING).map((sentence) => (
                <li key={sentence}>{clipText(sentence, layout.limits.textChars)}</li>
              ))}
            </ul>
            {rows.binding.length > REPORT_BINDING && (
              <p className="report-more">
                And {formatCount(rows.binding.length - REPORT_BINDING)} more: the app's Optimise tab lists them all.
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}

function HeadlineTable({ rows, fromName, money }: { rows: OptimisationRows; fromName: string; money: MoneyFormat }) {
  const figure = (row: HeadlineRow, value: number | null) =>
    value === null ? "—" : row.kind === "roi" ? formatPercent(value) : money(value);
  const difference = (row: HeadlineRow) => {
    if (row.difference === null) return "—";
    const sign = row.difference > 0 ? "+" : row.difference < 0 ? "−" : "±";
    const size = Math.abs(row.difference);
    return `${sign}${row.kind === "roi" ? `${formatPercent(size).replace("%", "")} points` : money(size)}`;
  };
  return (
    <table className="report-table is-numeric" aria-label="Optimised against the plan">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{fromName}</th>
          <th scope="col">Optimised</th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {rows.headline.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{figure(row, row.plan)}</td>
            <td>{figure(row, row.optimised)}</td>
            <td>{difference(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The frontier in money, or, with costs hidden, as shares of the plan's budget
 * and value (which say how much of the value a smaller budget keeps without
 * saying what anything costs); with neither, only that costs are hidden.
 */
function Frontier({
  rows,
  money,
  name,
  fromName,
}: {
  rows: OptimisationRows;
  money: MoneyFormat | null;
  name: string;
  fromName: string;
}) {
  const feasible = rows.frontier.filter((point) => point.feasible);
  if (feasible.length === 0) return <p className="muted">No budget of the frontier allows a plan.</p>;
  const relative = !money;
  if (relative && (rows.plan.cost <= 0 || rows.plan.value <= 0)) {
    return <p className="muted">The frontier is in money: {OPTIMISATION_COSTS_HIDDEN}.</p>;
  }
  const toX = (cost: number) => (relative ? cost / rows.plan.cost : cost);
  const toY = (value: number) => (relative ? value / rows.plan.value : value);
  const chosen = feasible.find((point) => point.chosen);
  const format = money ? money.short : formatPercent;
  const onFrontier =
    rows.plan.onFrontier === null
      ? `Where “${fromName}” stands against the frontier was not kept with this optimisation.`
      : rows.plan.onFrontier
        ? `“${fromName}” is on the frontier: no plan of its cost is worth more.`
        : `“${fromName}” is below the frontier: a plan of its cost could be worth more.`;
  return (
    <>
      <figure className="report-frontier-chart">
        <FrontierPlot
          title={`Efficient frontier: the best value at ${formatCount(feasible.length)} budgets, with “${fromName}” marked`}
          points={feasible.map((point) => ({ x: toX(point.cost), y: toY(point.value) }))}
          chosen={chosen ? { x: toX(chosen.cost), y: toY(chosen.value) } : null}
          plan={{ x: toX(rows.plan.cost), y: toY(rows.plan.value) }}
          planTitle={`“${fromName}”`}
          xLabel={relative ? `Cost, as a share of “${fromName}”'s cost` : "Cost"}
          yLabel={relative ? `Value, as a share of “${fromName}”'s` : "Expected value"}
          formatTick={format}
          formatValue={format}
        />
        <figcaption className="chart-legend">
          <span className="chart-legend-item">
            <span className="chart-swatch" style={{ background: FRONTIER_COLOUR }} /> Best value at each budget
          </span>
          {chosen && (
            <span className="chart-legend-item">
              <span className="chart-swatch frontier-ring" style={{ borderColor: FRONTIER_COLOUR }} /> The optimised
              scenario's budget
            </span>
          )}
          <span className="chart-legend-item">
            <span className="chart-swatch frontier-diamond" style={{ background: PLAN_COLOUR }} /> “{fromName}”
          </span>
        </figcaption>
      </figure>
      <p>
        {onFrontier}
        {relative && ` Costs are hidden: the frontier is drawn in shares of “${fromName}”'s cost and value.`}
      </p>
      {money && (
        <table className="report-table is-numeric report-optimisation-frontier" aria-label="Frontier">
          <thead>
            <tr>
              <th scope="col">Budget</th>
              {rows.frontier.map((point) => (
                <th scope="col" key={point.budget} className={point.chosen ? "is-chosen" : undefined}>
                  {money.short(point.budget)}
                  {point.chosen ? " ◆" : ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Value</th>
              {rows.frontier.map((point) => (
                <td key={point.budget}>{point.feasible ? money.short(point.value) : "none"}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Cost</th>
              {rows.frontier.map((point) => (
                <td key={point.budget}>{point.feasible ? money.short(point.cost) : "—"}</td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
      {money && (
        <p className="report-more">
          ◆ the budget “{name}” was made with. “{fromName}” costs {money.short(rows.plan.cost)} and is expected to bring{" "}
          {money.short(rows.plan.value)}.
        </p>
      )}
    </>
  );
}
