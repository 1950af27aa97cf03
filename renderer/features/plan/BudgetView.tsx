import { useId, useMemo, useState } from "react";
import {
  type BudgetDimension,
  type BudgetTable,
  type ReachRow,
  splitByStatus,
  summariseReach,
} from "../../../shared/engine";
import type { Roadmap } from "../../../shared/model";
import { namesById, STATUS_LABELS } from "../../../shared/model";
import { formatCount, formatPercent, formatTypedPercent } from "../../ui/format";
import { type MoneyFormat, useMoneyFormat } from "../../ui/money";
import { StackedBarChart } from "../../ui/StackedBarChart";
import { labelsFor } from "./labels";
import { PlanGate } from "./PlanGate";
import type { PlanSummary } from "./planService";

const CHART_DIMENSIONS: { value: BudgetDimension; label: string }[] = [
  { value: "stage", label: "Stage" },
  { value: "channel", label: "Channel" },
  { value: "owner", label: "Owner" },
];

/**
 * What the plan costs and buys: totals, per period, per phase and month, the
 * costliest sends, lifetime value. While costs are hidden, whom the plan
 * reaches instead: contacts and customers reached by month, phase and owner.
 */
export function BudgetView({ roadmap }: { roadmap: Roadmap }) {
  const money = useMoneyFormat(roadmap.currency);
  return (
    <PlanGate>
      {(plan, stale) => (
        <div className={stale ? "plan-view is-stale" : "plan-view"} aria-busy={stale}>
          {money ? (
            <>
              <BudgetSummary plan={plan} money={money} />
              <StatusSplit roadmap={roadmap} plan={plan} money={money} />
              <CostChart roadmap={roadmap} plan={plan} money={money} />
              <PeriodTotals plan={plan} money={money} />
              <PhaseMonthTable roadmap={roadmap} plan={plan} money={money} />
              <CostliestCommunications roadmap={roadmap} plan={plan} money={money} />
              <LifetimeValue roadmap={roadmap} plan={plan} money={money} />
            </>
          ) : (
            <>
              <ReachView roadmap={roadmap} plan={plan} />
              <StatusSplit roadmap={roadmap} plan={plan} money={null} />
            </>
          )}
        </div>
      )}
    </PlanGate>
  );
}

interface PlanProps {
  roadmap: Roadmap;
  plan: PlanSummary;
}

interface MoneyProps extends PlanProps {
  money: MoneyFormat;
}

function BudgetSummary({ plan, money }: Omit<MoneyProps, "roadmap">) {
  const { budget, customers } = plan;
  return (
    <section className="plan-cards" aria-label="Plan summary">
      <Card label="Total budget" value={money(budget.totalCost)} rawValue={budget.totalCost} testId="budget-total" />
      <Card label="Expected value" value={money(budget.totalValue)} />
      <Card label="ROI" value={budget.roi === null ? "—" : formatPercent(budget.roi)} />
      <Card label="Customers at the end" value={formatCount(customers.atEnd)} />
      <Card label="Contacts" value={formatCount(budget.totalReach)} />
      <Card label="Send occasions" value={formatCount(budget.sends)} />
    </section>
  );
}

/**
 * Today's plan against the proposed one: what the existing, proposed and
 * retired communications send and cost. Without money, what they send only.
 */
export function StatusSplit({ roadmap, plan, money }: PlanProps & { money: MoneyFormat | null }) {
  const rows = useMemo(() => splitByStatus(roadmap, plan.communications), [roadmap, plan]);
  return (
    <section className="plan-section" aria-labelledby="status-split-title">
      <h2 id="status-split-title">Existing and proposed</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Communications
            </th>
            <th scope="col" className="numeric">
              Send occasions
            </th>
            <th scope="col" className="numeric">
              Contacts
            </th>
            {money && (
              <>
                <th scope="col" className="numeric">
                  Cost
                </th>
                <th scope="col" className="numeric">
                  Expected value
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.status}>
              <th scope="row">{STATUS_LABELS[row.status]}</th>
              <td className="numeric">{formatCount(row.communications)}</td>
              <td className="numeric">{formatCount(row.sends)}</td>
              <td className="numeric">{formatCount(row.contacts)}</td>
              {money && (
                <>
                  <td className="numeric">{money(row.cost)}</td>
                  <td className="numeric">{money(row.value)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Card({
  label,
  value,
  rawValue,
  testId,
}: {
  label: string;
  value: string;
  rawValue?: number;
  testId?: string;
}) {
  return (
    <div className="plan-card">
      <span className="fact-label">{label}</span>
      {/* The unrounded figure rides along for tools and tests that check the arithmetic to the cent. */}
      <span className="plan-card-value" data-testid={testId} data-value={rawValue}>
        {value}
      </span>
    </div>
  );
}

function PeriodTotals({ plan, money }: Omit<MoneyProps, "roadmap">) {
  const rows = (table: BudgetTable) =>
    table.periods.map((period, j) => ({ period, cost: table.cost[j] ?? 0, value: table.value[j] ?? 0 }));
  return (
    <section className="plan-section" aria-labelledby="periods-title">
      <h2 id="periods-title">By year and quarter</h2>
      <div className="period-tables">
        {(["byYear", "byQuarter"] as const).map((key) => (
          <table key={key} className="data-table">
            <thead>
              <tr>
                <th scope="col">{key === "byYear" ? "Year" : "Quarter"}</th>
                <th scope="col" className="numeric">
                  Cost
                </th>
                <th scope="col" className="numeric">
                  Expected value
                </th>
              </tr>
            </thead>
            <tbody>
              {rows(plan.budget.overall[key]).map(({ period, cost, value }) => (
                <tr key={period.label}>
                  <th scope="row">{period.label}</th>
                  <td className="numeric">{money(cost)}</td>
                  <td className="numeric">{money(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}

function CostChart({ roadmap, plan, money }: MoneyProps) {
  const [dimension, setDimension] = useState<BudgetDimension>("stage");
  const breakdown = plan.budget.byDimension[dimension];
  const label = labelsFor(roadmap, dimension);
  const months = breakdown.byMonth.periods;
  const series = breakdown.keys.map((key, k) => {
    const { label: name, color } = label(key, k);
    return {
      key,
      label: name,
      color,
      values: months.map((_, j) => breakdown.byMonth.cost[k * months.length + j] ?? 0),
    };
  });
  return (
    <section className="plan-section" aria-labelledby="chart-title">
      <div className="section-head">
        <h2 id="chart-title">Cost per month</h2>
        <label className="inline-field">
          by
          <select value={dimension} onChange={(event) => setDimension(event.target.value as BudgetDimension)}>
            {CHART_DIMENSIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <StackedBarChart
        title={`Cost per month by ${dimension}`}
        categories={months.map((m) => m.label)}
        series={series.filter((s) => s.values.some((v) => v > 0))}
        formatValue={(v) => money(v)}
        formatAxis={money.short}
      />
    </section>
  );
}

/** Cost of each phase in each month, with totals; the table finance checks first. */
export function PhaseMonthTable({ roadmap, plan, money }: MoneyProps) {
  const table = plan.budget.byDimension.phase.byMonth;
  const T = table.periods.length;
  const names = useMemo(() => namesById(roadmap.phases), [roadmap.phases]);
  const columnTotals = table.periods.map((_, j) =>
    table.keys.reduce((sum, _key, k) => sum + (table.cost[k * T + j] ?? 0), 0),
  );
  return (
    <section className="plan-section" aria-labelledby="phase-month-title">
      <h2 id="phase-month-title">Cost by phase and month</h2>
      <div className="table-scroll">
        <table className="data-table phase-month-table">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              {table.periods.map((period) => (
                <th key={period.label} scope="col" className="numeric">
                  {period.label}
                </th>
              ))}
              <th scope="col" className="numeric">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {table.keys.map((key, k) => (
              <tr key={key}>
                <th scope="row">{names.get(key) ?? key}</th>
                {table.periods.map((period, j) => (
                  <td key={period.label} className="numeric">
                    {money(table.cost[k * T + j] ?? 0)}
                  </td>
                ))}
                <td className="numeric total">{money(plan.budget.byDimension.phase.totalCost[k] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {columnTotals.map((total, j) => (
                <td key={table.periods[j]?.label} className="numeric total">
                  {money(total)}
                </td>
              ))}
              <td className="numeric total" data-testid="phase-month-grand-total">
                {money(plan.budget.totalCost)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function CostliestCommunications({ roadmap, plan, money }: MoneyProps) {
  const communications = new Map(roadmap.communications.map((c) => [c.id, c]));
  const phases = namesById(roadmap.phases);
  const owners = namesById(roadmap.owners);
  return (
    <section className="plan-section" aria-labelledby="costliest-title">
      <h2 id="costliest-title">Costliest communications</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Communication</th>
            <th scope="col">Phase</th>
            <th scope="col">Owner</th>
            <th scope="col" className="numeric">
              Contacts
            </th>
            <th scope="col" className="numeric">
              Cost
            </th>
            <th scope="col" className="numeric">
              Expected value
            </th>
            <th scope="col" className="numeric">
              ROI
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.costliestCommunications.map((schedule) => {
            const communication = communications.get(schedule.communicationId);
            return (
              <tr key={schedule.communicationId}>
                <th scope="row">{communication?.name}</th>
                <td>{phases.get(communication?.phaseId ?? "")}</td>
                <td>{owners.get(communication?.ownerId ?? "")}</td>
                <td className="numeric">{formatCount(schedule.totalReach)}</td>
                <td className="numeric">{money(schedule.totalCost)}</td>
                <td className="numeric">{money(schedule.totalValue)}</td>
                <td className="numeric">{schedule.roi === null ? "—" : formatPercent(schedule.roi)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function LifetimeValue({ roadmap, plan, money }: MoneyProps) {
  const { lifetimeValue } = plan;
  const P = lifetimeValue.phaseIds.length;
  const entryPhases =
    lifetimeValue.entryPhaseIds.length > 0 ? lifetimeValue.entryPhaseIds : lifetimeValue.phaseIds.slice(0, 1);
  const phaseNames = namesById(roadmap.phases);
  const segments = new Map(roadmap.segments.map((s) => [s.id, s]));
  return (
    <section className="plan-section" aria-labelledby="clv-title">
      <h2 id="clv-title">Customer lifetime value</h2>
      <p className="muted">
        Expected margin of one customer over the {roadmap.horizonMonths}-month horizon, discounted at{" "}
        {formatTypedPercent(roadmap.annualDiscountRate)} a year, by segment and the phase the customer enters in.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            {entryPhases.map((id) => (
              <th key={id} scope="col" className="numeric">
                Entering {phaseNames.get(id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lifetimeValue.segmentIds.map((segmentId, s) => (
            <tr key={segmentId}>
              <th scope="row">{segments.get(segmentId)?.name}</th>
              {entryPhases.map((phaseId) => {
                const p = lifetimeValue.phaseIds.indexOf(phaseId);
                return (
                  <td key={phaseId} className="numeric">
                    {money(lifetimeValue.values[s * P + p] ?? 0)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The Budget view without money: who the plan reaches, by month, phase and owner. */
function ReachView({ roadmap, plan }: PlanProps) {
  const reach = useMemo(
    () => summariseReach(roadmap, plan.communications, plan.calendar.months.length),
    [roadmap, plan],
  );
  const months = plan.calendar.months;
  const ownerLabel = labelsFor(roadmap, "owner");
  const series = reach.byOwner.map((row, o) => ({
    key: row.key,
    ...ownerLabel(row.key, o),
    values: months.map((_, t) => reach.ownerMonthContacts[o * months.length + t] ?? 0),
  }));
  return (
    <>
      <p className="muted costs-hidden-note">
        Costs are hidden, so this view shows whom the plan reaches rather than what it costs. Turn on “Show costs” in
        the View menu to see the budget.
      </p>
      <section className="plan-cards" aria-label="Reach summary">
        <Card label="Customers at the start" value={formatCount(plan.customers.atStart)} />
        <Card label="Customers at the end" value={formatCount(plan.customers.atEnd)} />
        <Card label="Contacts" value={formatCount(reach.total.contacts)} testId="reach-contacts" />
        <Card label="Customers reached" value={formatCount(reach.total.customersReached)} />
        <Card label="Send occasions" value={formatCount(reach.total.sends)} />
      </section>
      <section className="plan-section" aria-labelledby="contacts-chart-title">
        <h2 id="contacts-chart-title">Contacts per month by owner</h2>
        <StackedBarChart
          title="Contacts per month by owner"
          categories={months.map((m) => m.label)}
          series={series.filter((s) => s.values.some((v) => v > 0))}
          formatValue={formatCount}
          formatAxis={formatCount}
        />
      </section>
      {[
        { title: "By phase", heading: "Phase", rows: reach.byPhase, names: namesById(roadmap.phases) },
        { title: "By owner", heading: "Owner", rows: reach.byOwner, names: namesById(roadmap.owners) },
        {
          title: "By month",
          heading: "Month",
          rows: reach.byMonth.map((figures, t) => ({ ...figures, key: String(t) })),
          names: new Map(months.map((m, t) => [String(t), m.label])),
        },
      ].map((table) => (
        <ReachTable key={table.title} {...table} total={reach.total} />
      ))}
    </>
  );
}

function ReachTable({
  title,
  heading,
  rows,
  names,
  total,
}: {
  title: string;
  heading: string;
  rows: readonly ReachRow[];
  names: ReadonlyMap<string, string>;
  total: Omit<ReachRow, "key">;
}) {
  const titleId = useId();
  return (
    <section className="plan-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="numeric">
              Contacts
            </th>
            <th scope="col" className="numeric">
              Customers reached
            </th>
            <th scope="col" className="numeric">
              Send occasions
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{names.get(row.key) ?? row.key}</th>
              <td className="numeric">{formatCount(row.contacts)}</td>
              <td className="numeric">{formatCount(row.customersReached)}</td>
              <td className="numeric">{formatCount(row.sends)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="numeric total">{formatCount(total.contacts)}</td>
            <td className="numeric total">{formatCount(total.customersReached)}</td>
            <td className="numeric total">{formatCount(total.sends)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
