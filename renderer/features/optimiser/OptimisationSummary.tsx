import { Fragment, useId } from "react";
import { type OptimisationRows, optimisationRows, optimisationsOf } from "../../../shared/export/optimisationRows";
import type { OptimisationRecord, Roadmap } from "../../../shared/model";
import {
  type OptimisationChange,
  type OptimisationChanges,
  optimisationChanges,
} from "../../../shared/optimise/optimisationChanges";
import { plural } from "../../ui/format";
import { CostsHidden, type MoneyFormat, useMoneyFormat } from "../../ui/money";
import { moneyText } from "../compare/ComparedOptimisations";
import { changeText, figureText } from "../compare/figureText";
import { FrontierChart, type FrontierMeasure } from "./FrontierChart";
import "./optimiser.css";

export interface OptimisationSummaryProps {
  readonly record: OptimisationRecord;
  /** The document (not a scenario's view of it): the names, and the scenarios to read the changes from. */
  readonly roadmap: Roadmap;
  /** The scenario the record belongs to; found by the record itself when not given. */
  readonly scenarioId?: string;
}

/**
 * How a scenario was optimised, from the record it keeps, in the words the
 * executive report uses (`optimisationRows`): how the run ended, its figures
 * against the plan it came from, the efficient frontier with that
 * plan marked and the marginal values, what it changed and why, and the
 * constraints that held it back, then the settings it was given (beside them
 * in the Optimise tab, so last). Shown by the Optimise tab after a run, and
 * wherever a scenario's record is to be read in full. Money follows Show costs.
 */
export function OptimisationSummary({ record, roadmap, scenarioId }: OptimisationSummaryProps) {
  const money = useMoneyFormat(roadmap.currency);
  const headingId = useId();
  const found = optimisationsOf(roadmap).find((source) =>
    scenarioId === undefined ? source.record === record : source.scenarioId === scenarioId,
  );
  const source = found ?? { scenarioId: scenarioId ?? "", scenarioName: "Optimised", record };
  const rows = optimisationRows(roadmap, { ...source, record }, moneyText(money));
  const reasons = new Map(rows.changes.map((change) => [change.communicationId, change.reason]));
  return (
    <div className="optimisation-summary">
      <p className={`optimisation-status is-${record.status}`}>{rows.status}</p>
      <section aria-labelledby={`${headingId}-figures`}>
        <h3 id={`${headingId}-figures`}>Figures</h3>
        {money ? <Figures rows={rows} money={money} /> : <CostsHidden />}
      </section>
      {record.frontier.length > 0 && (
        <section aria-labelledby={`${headingId}-frontier`}>
          <h3 id={`${headingId}-frontier`}>Efficient frontier</h3>
          {money ? <Frontier record={record} rows={rows} money={money} /> : <CostsHidden />}
        </section>
      )}
      {found && (
        <section aria-labelledby={`${headingId}-changes`}>
          <h3 id={`${headingId}-changes`}>What changed, and why</h3>
          <Changes changes={optimisationChanges(roadmap, found.scenarioId, record.fromScenarioId)} reasons={reasons} />
        </section>
      )}
      <section aria-labelledby={`${headingId}-binding`}>
        <h3 id={`${headingId}-binding`}>What held it back</h3>
        {rows.binding.length === 0 ? (
          <p>{record.binding.length === 0 ? "No constraint was at its limit." : "Budgets: costs are hidden."}</p>
        ) : (
          <ul className="optimisation-binding">
            {rows.binding.map((words) => (
              <li key={words}>{capitalised(words)}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${headingId}-settings`}>
        <h3 id={`${headingId}-settings`}>What it was asked</h3>
        <dl className="optimisation-settings">
          <dt>Optimised from</dt>
          <dd>{rows.fromScenarioName}</dd>
          {rows.settings.map(({ label, value }) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      </section>
    </div>
  );
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

function Figures({ rows, money }: { rows: OptimisationRows; money: MoneyFormat }) {
  return (
    <div className="optimisation-table-scroll">
      <table className="data-table optimisation-figures" aria-label="Optimised against the plan">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="numeric">
              {rows.fromScenarioName}
            </th>
            <th scope="col" className="numeric">
              {rows.scenarioName}
            </th>
            <th scope="col" className="numeric">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.headline.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{figureText(row.kind, row.plan, money)}</td>
              <td className="numeric">{figureText(row.kind, row.optimised, money)}</td>
              <td className="numeric">
                {changeText(
                  row.kind,
                  row.plan === null || row.difference === null
                    ? null
                    : {
                        absolute: row.difference,
                        relative: row.plan === 0 ? null : row.difference / Math.abs(row.plan),
                      },
                  money,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Frontier({ record, rows, money }: { record: OptimisationRecord; rows: OptimisationRows; money: MoneyFormat }) {
  // The plan's place as the optimiser found it; a record without it (kept before it was) marks the plan only.
  const placed = record.planOnFrontier ?? null;
  const measure: FrontierMeasure = record.settings.objective === "net" && placed !== null ? "net" : "value";
  const plan = {
    cost: record.planCost,
    value: record.planValue,
    net: placed?.net ?? null,
    onFrontier: placed?.onFrontier ?? null,
    shortfall: placed?.shortfall ?? 0,
  };
  const chosen = rows.frontier.find((point) => point.chosen);
  return (
    <>
      <FrontierChart
        points={record.frontier}
        plan={plan}
        measure={measure}
        chosen={chosen ? { budget: chosen.budget, height: measure === "net" ? chosen.net : chosen.value } : null}
        money={money}
      />
      {rows.marginals.length > 0 && (
        <ul className="optimisation-marginal">
          {rows.marginals.map((row) => (
            <li key={row.label}>
              {row.label}: {row.value} ({row.method}).
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const GROUPS: { key: Exclude<keyof OptimisationChanges, "keptAsIs">; title: string }[] = [
  { key: "dropped", title: "Dropped" },
  { key: "lessFrequent", title: "Sent less often" },
  { key: "moreFrequent", title: "Sent more often" },
  { key: "morePersonal", title: "Made more personal" },
  { key: "lessPersonal", title: "Made less personal" },
];

function Changes({ changes, reasons }: { changes: OptimisationChanges; reasons: ReadonlyMap<string, string | null> }) {
  const groups = GROUPS.filter(({ key }) => changes[key].length > 0);
  return (
    <div className="optimisation-changes">
      {groups.map(({ key, title }) => (
        <section key={key} aria-label={title}>
          <h4>
            {title} ({changes[key].length})
          </h4>
          <ul>
            {changes[key].map((change) => (
              <ChangeItem
                key={change.communicationId}
                change={change}
                reason={reasons.get(change.communicationId) ?? null}
              />
            ))}
          </ul>
        </section>
      ))}
      <p>
        {groups.length === 0 ? "Nothing changed: " : "Kept as is: "}
        {plural(changes.keptAsIs, "communication")}.
      </p>
    </div>
  );
}

function ChangeItem({ change, reason }: { change: OptimisationChange; reason: string | null }) {
  return (
    <li>
      <strong>{change.name}</strong>{" "}
      <span className="muted">{change.after ? `${change.before} → ${change.after}` : `was ${change.before}`}</span>
      {reason && <span className="optimisation-reason">Why: {reason}</span>}
    </li>
  );
}
