import { BUDGET_DIMENSIONS, type BudgetDimension, splitByStatus } from "../../../shared/engine";
import { clipText, sumByPeriods } from "../../../shared/export/reportLayout";
import { STATUS_LABELS } from "../../../shared/model";
import { formatCount, formatPercent } from "../../ui/format";
import { moneyFormat } from "../../ui/money";
import { StackedBarChart } from "../../ui/StackedBarChart";
import { labelsFor } from "../plan/labels";
import type { SectionProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

const DIMENSION_TITLES: Record<BudgetDimension, string> = {
  phase: "Phase",
  stage: "Stage",
  channel: "Channel",
  owner: "Owner",
  segment: "Segment",
  purpose: "Purpose",
};

const DIMENSION_PLURALS: Record<BudgetDimension, string> = {
  phase: "phases",
  stage: "stages",
  channel: "channels",
  owner: "owners",
  segment: "segments",
  purpose: "purposes",
};

/**
 * The budget split into today's communications and the proposed ones; every
 * roll-up of the budget by period (years, or runs of years for a long plan),
 * the costliest rows first with the rest in one "other" row; a chart by
 * period and stage; and the costliest communications.
 */
export function BudgetSection({ roadmap, plan, options, layout }: SectionProps) {
  const euros = moneyFormat(roadmap.currency, options.includeCosts);
  // The budget prints only with costs (`printedSections`); this keeps it so if it is ever asked for without.
  if (!euros) return null;
  const money = (value: number) => euros(value, { precise: true });
  const { budget } = plan;
  /**
   * Whole units in the period columns: with cents, a large plan's tables ran wider than the page, and
   * Chromium then shrinks every page of the report to fit, the diagram's type below 7 pt with it.
   */
  const periodMoney = (value: number) => euros(value);
  const byStage = budget.byDimension.stage;
  const stageLabel = labelsFor(roadmap, "stage");
  const months = plan.calendar.months.length;
  const chartPeriods = layout.widePeriods.length > layout.periods.length ? layout.widePeriods : layout.periods;
  const chartCost = sumByPeriods(byStage.byMonth.cost, months, chartPeriods);
  const names = new Map(roadmap.communications.map((c) => [c.id, c.name]));
  const clip = (text: string) => clipText(text, layout.limits.nameChars);
  const periods = layout.periods;
  const totals = sumByPeriods(budget.overall.byMonth.cost, months, periods);

  return (
    <section className="report-page report-wide report-budget">
      <ReportSectionTitle>Budget</ReportSectionTitle>
      <p>
        The plan costs <strong>{money(budget.totalCost)}</strong> over {roadmap.horizonMonths} months and is expected to
        bring <strong>{money(budget.totalValue)}</strong>
        {budget.roi === null ? "." : `, a return of ${formatPercent(budget.roi)}.`}
      </p>
      <table className="report-table is-numeric" aria-label="Existing and proposed">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Communications</th>
            <th scope="col">Sends</th>
            <th scope="col">Cost</th>
            <th scope="col">Expected value</th>
          </tr>
        </thead>
        <tbody>
          {splitByStatus(roadmap, plan.communications).map((row) => (
            <tr key={row.status}>
              <th scope="row">{STATUS_LABELS[row.status]}</th>
              <td>{formatCount(row.communications)}</td>
              <td>{formatCount(row.sends)}</td>
              <td>{money(row.cost)}</td>
              <td>{money(row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <StackedBarChart
        title="Cost by period and stage"
        categories={chartPeriods.map((period) => period.label)}
        series={byStage.keys.map((key, k) => ({
          key,
          ...stageLabel(key, k),
          values: chartPeriods.map((_, j) => chartCost[k * chartPeriods.length + j] ?? 0),
        }))}
        formatValue={money}
        formatAxis={euros.short}
        height={200}
      />
      {BUDGET_DIMENSIONS.map((dimension) => {
        const rollUp = budget.byDimension[dimension];
        const label = labelsFor(roadmap, dimension);
        const cost = sumByPeriods(rollUp.byMonth.cost, months, periods);
        const rows = layout.budgetRows[dimension];
        const hidden = new Set(rollUp.keys.keys());
        for (const k of rows.indices) hidden.delete(k);
        const hiddenSum = (at: (k: number) => number) => [...hidden].reduce((sum, k) => sum + at(k), 0);
        return (
          <div key={dimension}>
            <h3>By {DIMENSION_TITLES[dimension].toLowerCase()}</h3>
            <table className="report-table is-numeric">
              <thead>
                <tr>
                  <th scope="col">{DIMENSION_TITLES[dimension]}</th>
                  {periods.map((period) => (
                    <th key={period.label} scope="col">
                      {period.label}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                  <th scope="col">Expected value</th>
                </tr>
              </thead>
              <tbody>
                {rows.indices.map((k) => (
                  <tr key={rollUp.keys[k]}>
                    <th scope="row">{clip(label(rollUp.keys[k] as string, k).label)}</th>
                    {periods.map((period, j) => (
                      <td key={period.label}>{periodMoney(cost[k * periods.length + j] ?? 0)}</td>
                    ))}
                    <td>{money(rollUp.totalCost[k] ?? 0)}</td>
                    <td>{money(rollUp.totalValue[k] ?? 0)}</td>
                  </tr>
                ))}
                {rows.more > 0 && (
                  <tr className="report-other-row">
                    <th scope="row">
                      {rows.more} other {DIMENSION_PLURALS[dimension]}
                    </th>
                    {periods.map((period, j) => (
                      <td key={period.label}>{periodMoney(hiddenSum((k) => cost[k * periods.length + j] ?? 0))}</td>
                    ))}
                    <td>{money(hiddenSum((k) => rollUp.totalCost[k] ?? 0))}</td>
                    <td>{money(hiddenSum((k) => rollUp.totalValue[k] ?? 0))}</td>
                  </tr>
                )}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  {periods.map((period, j) => (
                    <td key={period.label}>{periodMoney(totals[j] ?? 0)}</td>
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
                <th scope="row">{clip(names.get(schedule.communicationId) ?? "")}</th>
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
