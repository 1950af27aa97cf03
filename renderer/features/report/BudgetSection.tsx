import { BUDGET_DIMENSIONS, type BudgetDimension } from "../../../shared/engine";
import { formatMoney, formatMoneyShort, formatPercent } from "../../ui/format";
import { StackedBarChart } from "../../ui/StackedBarChart";
import { labelsFor } from "../plan/labels";
import type { ReportProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

const DIMENSION_TITLES: Record<BudgetDimension, string> = {
  phase: "Phase",
  stage: "Stage",
  channel: "Channel",
  owner: "Owner",
  segment: "Segment",
  purpose: "Purpose",
};

/** Every roll-up of the budget by year, a chart by quarter and stage, and the costliest communications. */
export function BudgetSection({ roadmap, plan }: ReportProps) {
  const { budget } = plan;
  const money = (value: number) => formatMoney(value, roadmap.currency, { precise: true });
  const byStage = budget.byDimension.stage;
  const stageLabel = labelsFor(roadmap, "stage");
  const quarters = byStage.byQuarter.periods;
  const names = new Map(roadmap.communications.map((c) => [c.id, c.name]));

  return (
    <section className="report-page report-budget">
      <ReportSectionTitle>Budget</ReportSectionTitle>
      <p>
        The plan costs <strong>{money(budget.totalCost)}</strong> over {roadmap.horizonMonths} months and is expected to
        bring <strong>{money(budget.totalValue)}</strong>
        {budget.roi === null ? "." : `, a return of ${formatPercent(budget.roi)}.`}
      </p>
      <StackedBarChart
        title="Cost by quarter and stage"
        categories={quarters.map((q) => q.label)}
        series={byStage.keys.map((key, k) => ({
          key,
          ...stageLabel(key, k),
          values: quarters.map((_, j) => byStage.byQuarter.cost[k * quarters.length + j] ?? 0),
        }))}
        formatValue={money}
        formatAxis={(value) => formatMoneyShort(value, roadmap.currency)}
        height={200}
      />
      {BUDGET_DIMENSIONS.map((dimension) => {
        const rollUp = budget.byDimension[dimension];
        const label = labelsFor(roadmap, dimension);
        const years = rollUp.byYear.periods;
        return (
          <div key={dimension}>
            <h3>By {DIMENSION_TITLES[dimension].toLowerCase()}</h3>
            <table className="report-table is-numeric">
              <thead>
                <tr>
                  <th scope="col">{DIMENSION_TITLES[dimension]}</th>
                  {years.map((year) => (
                    <th key={year.label} scope="col">
                      {year.label}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                  <th scope="col">Expected value</th>
                </tr>
              </thead>
              <tbody>
                {rollUp.keys.map((key, k) => (
                  <tr key={key}>
                    <th scope="row">{label(key, k).label}</th>
                    {years.map((year, j) => (
                      <td key={year.label}>{money(rollUp.byYear.cost[k * years.length + j] ?? 0)}</td>
                    ))}
                    <td>{money(rollUp.totalCost[k] ?? 0)}</td>
                    <td>{money(rollUp.totalValue[k] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  {years.map((year, j) => (
                    <td key={year.label}>{money(budget.overall.byYear.cost[j] ?? 0)}</td>
                  ))}
                  <td>{money(budget.totalCost)}</td>
                  <td>{money(budget.totalValue)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        );
      })}
      <div>
        <h3>Costliest communications</h3>
        <table className="report-table is-numeric">
          <thead>
            <tr>
              <th scope="col">Communication</th>
              <th scope="col">Sends</th>
              <th scope="col">Cost</th>
              <th scope="col">Expected value</th>
              <th scope="col">ROI</th>
            </tr>
          </thead>
          <tbody>
            {plan.costliestCommunications.map((schedule) => (
              <tr key={schedule.communicationId}>
                <th scope="row">{names.get(schedule.communicationId)}</th>
                <td>{schedule.sends}</td>
                <td>{money(schedule.totalCost)}</td>
                <td>{money(schedule.totalValue)}</td>
                <td>{schedule.roi === null ? "—" : formatPercent(schedule.roi)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
