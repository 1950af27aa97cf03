import { useId } from "react";
import { returnOnInvestment } from "../../../shared/engine/schedule";
import type { FigureKind } from "../../../shared/export/scenarioComparisonRows";
import { type MarginalValue, type OptimisationRecord, type Roadmap, scenarioChoices } from "../../../shared/model";
import { PURPOSE_LABELS } from "../../../shared/model/labels";
import {
  type OptimisationChange,
  type OptimisationChanges,
  optimisationChanges,
} from "../../../shared/optimise/optimisationChanges";
import { formatPercent, plural } from "../../ui/format";
import { CostsHidden, type MoneyFormat, useMoneyFormat } from "../../ui/money";
import { changeText, figureText } from "../compare/figureText";
import { FrontierChart, type FrontierMeasure, planAgainstFrontier } from "./FrontierChart";
import "./optimiser.css";

export interface OptimisationSummaryProps {
  readonly record: OptimisationRecord;
  /** The document (not a scenario's view of it): the names, and the scenarios to read the changes from. */
  readonly roadmap: Roadmap;
  /** The scenario the record belongs to; found by the record itself when not given. */
  readonly scenarioId?: string;
}

/** "within 3.2 % of the best possible"; the solver's bound may be unknown when it is stopped very early. */
function gapWords(gap: number): string {
  return Number.isFinite(gap) && gap < 1e3
    ? `within ${formatPercent(gap)} of the best possible`
    : "how far from the best possible it is is not known yet";
}

/** How the optimisation ended, in words: whether its plan is proven best and, if not, how far off it may be. */
export function optimisationStatusText(record: Pick<OptimisationRecord, "status" | "gap" | "settings">): string {
  switch (record.status) {
    case "optimal":
      return record.gap <= 0 ? "Best plan found (proven best)" : `Best plan found (proven ${gapWords(record.gap)})`;
    case "timeLimit":
      return `Stopped at the time limit of ${record.settings.timeLimitSeconds} s: ${gapWords(record.gap)}`;
    case "stopped":
      return `Stopped by you: the best plan found so far, ${gapWords(record.gap)}`;
  }
}

/**
 * How a scenario was optimised, from the record it keeps: how the run ended,
 * the settings in words, its figures against the plan it came from, the
 * efficient frontier with that plan marked and the marginal values, what it
 * changed and why, and the constraints that held it back. The Optimise tab
 * shows it after a run; the Compare tab shows it for an optimised scenario.
 * Money follows Show costs.
 */
export function OptimisationSummary({ record, roadmap, scenarioId }: OptimisationSummaryProps) {
  const money = useMoneyFormat(roadmap.currency);
  const ownId = scenarioId ?? roadmap.scenarios.find((scenario) => scenario.optimisation === record)?.id;
  const name = scenarioChoices(roadmap).find((choice) => choice.id === ownId)?.name ?? "Optimised";
  const headingId = useId();
  return (
    <div className="optimisation-summary">
      <p className={`optimisation-status is-${record.status}`}>{optimisationStatusText(record)}</p>
      <section aria-labelledby={`${headingId}-settings`}>
        <h3 id={`${headingId}-settings`}>What it was asked</h3>
        <SettingsInWords record={record} roadmap={roadmap} money={money} />
      </section>
      <section aria-labelledby={`${headingId}-figures`}>
        <h3 id={`${headingId}-figures`}>Figures</h3>
        {money ? <Figures record={record} name={name} money={money} /> : <CostsHidden />}
      </section>
      {record.frontier.length > 0 && (
        <section aria-labelledby={`${headingId}-frontier`}>
          <h3 id={`${headingId}-frontier`}>Efficient frontier</h3>
          {money ? <Frontier record={record} money={money} /> : <CostsHidden />}
        </section>
      )}
      {ownId !== undefined && (
        <section aria-labelledby={`${headingId}-changes`}>
          <h3 id={`${headingId}-changes`}>What changed, and why</h3>
          <Changes changes={optimisationChanges(roadmap, ownId, record.fromScenarioId)} reasons={record.reasons} />
        </section>
      )}
      <section aria-labelledby={`${headingId}-binding`}>
        <h3 id={`${headingId}-binding`}>What held it back</h3>
        {record.binding.length === 0 ? (
          <p>No constraint was at its limit: the plan is as good as the options allow.</p>
        ) : (
          <ul className="optimisation-binding">
            {record.binding.map((words) => (
              <li key={words}>{capitalised(words)}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

function SettingsInWords({
  record,
  roadmap,
  money,
}: {
  record: OptimisationRecord;
  roadmap: Roadmap;
  money: MoneyFormat | null;
}) {
  const { settings } = record;
  const amount = (value: number) => (money ? money(value) : "set (costs are hidden)");
  const communication = (id: string) => roadmap.communications.find((c) => c.id === id)?.name ?? id;
  const phase = (id: string) => roadmap.phases.find((p) => p.id === id)?.name ?? id;
  const owner = (id: string) => roadmap.owners.find((o) => o.id === id)?.name ?? id;
  const locked = (lock: "in" | "out") =>
    Object.entries(settings.communications)
      .filter(([, options]) => options.lock === lock)
      .map(([id]) => communication(id));
  const startYear = Number(roadmap.startMonth.slice(0, 4));
  const lines = [
    `Optimised from “${record.fromScenarioName}”.`,
    settings.objective === "net"
      ? `Goal: the most value less cost, both discounted at ${formatPercent(roadmap.annualDiscountRate)} a year.`
      : "Goal: the most expected value within the budget.",
    settings.budget !== null
      ? `Budget: ${amount(settings.budget)} over the horizon.`
      : settings.objective === "net"
        ? "Budget: no limit."
        : "Budget: what the plan costs now.",
    ...settings.yearBudgets.map(
      ({ year, budget }) => `Budget for plan year ${year + 1} (from ${startYear + year}): ${amount(budget)}.`,
    ),
    ...settings.ownerBudgets.map(({ ownerId, budget }) => `${owner(ownerId)}'s budget: ${amount(budget)}.`),
    settings.respectContactCaps
      ? `Contacts: within the cap of ${roadmap.contactCap} a month per customer, and each channel's own cap.`
      : "Contacts: caps not applied.",
    ...[
      ["in", "Locked in"],
      ["out", "Locked out"],
    ].flatMap(([lock, words]) => {
      const names = locked(lock as "in" | "out");
      return names.length > 0 ? [`${words}: ${names.join(", ")}.`] : [];
    }),
    ...settings.purposeCoverage.map(
      (rule) =>
        `At least one ${rule.purposes.map((p) => PURPOSE_LABELS[p].toLowerCase()).join(" or ")} communication in ${
          rule.phaseIds.length > 0 ? rule.phaseIds.map(phase).join(", ") : "every phase that has one"
        }.`,
    ),
    ...settings.exclusiveGroups.map(
      (group) => `At most one of “${group.name}”: ${group.communicationIds.map(communication).join(", ")}.`,
    ),
    `The solver stops after ${settings.timeLimitSeconds} s or once within ${formatPercent(settings.gapTolerance)} of the best possible.`,
  ];
  return (
    <ul className="optimisation-settings">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function Figures({ record, name, money }: { record: OptimisationRecord; name: string; money: MoneyFormat }) {
  const rows: { label: string; kind: FigureKind; plan: number | null; optimised: number | null }[] = [
    { label: "Expected value", kind: "money", plan: record.planValue, optimised: record.value },
    { label: "Cost", kind: "money", plan: record.planCost, optimised: record.cost },
    {
      label: "Net (value − cost)",
      kind: "money",
      plan: record.planValue - record.planCost,
      optimised: record.value - record.cost,
    },
    {
      label: "ROI",
      kind: "roi",
      plan: returnOnInvestment(record.planValue, record.planCost),
      optimised: returnOnInvestment(record.value, record.cost),
    },
  ];
  return (
    <table className="data-table optimisation-figures" aria-label="Optimised against the plan">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" className="numeric">
            {record.fromScenarioName}
          </th>
          <th scope="col" className="numeric">
            {name}
          </th>
          <th scope="col" className="numeric">
            Difference
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td className="numeric">{figureText(row.kind, row.plan, money)}</td>
            <td className="numeric">{figureText(row.kind, row.optimised, money)}</td>
            <td className="numeric">
              {changeText(
                row.kind,
                row.plan === null || row.optimised === null
                  ? null
                  : {
                      absolute: row.optimised - row.plan,
                      relative: row.plan === 0 ? null : (row.optimised - row.plan) / Math.abs(row.plan),
                    },
                money,
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Frontier({ record, money }: { record: OptimisationRecord; money: MoneyFormat }) {
  // Net heights need the plan's own net value; a record without it is drawn by value.
  const planNet = record.planNet ?? null;
  const measure: FrontierMeasure = record.settings.objective === "net" && planNet !== null ? "net" : "value";
  const plan = planAgainstFrontier(
    record.frontier,
    { cost: record.planCost, value: record.planValue, net: planNet },
    measure,
  );
  const chosen = {
    budget: record.settings.budget ?? record.cost,
    height: measure === "net" ? record.objective : record.value,
  };
  return (
    <>
      <FrontierChart points={record.frontier} plan={plan} measure={measure} chosen={chosen} money={money} />
      <MarginalValues budget={record.marginalBudget} contact={record.marginalContact} money={money} />
    </>
  );
}

const METHOD_WORDS: Record<MarginalValue["method"], string> = {
  dual: "the LP relaxation's dual",
  slope: "the slope between two solves",
};

/** What one more unit of budget and one more allowed contact are worth, and how each was measured. */
export function MarginalValues({
  budget,
  contact,
  money,
}: {
  budget: MarginalValue | null;
  contact: MarginalValue | null;
  money: MoneyFormat;
}) {
  if (!budget && !contact) return null;
  return (
    <ul className="optimisation-marginal">
      {budget && (
        <li>
          One more {money(1)} of budget is worth {money(budget.perUnit, { precise: true })} (
          {METHOD_WORDS[budget.method]}).
        </li>
      )}
      {contact && (
        <li>
          One more allowed contact a month is worth {money(contact.perUnit)} ({METHOD_WORDS[contact.method]}).
        </li>
      )}
    </ul>
  );
}

const GROUPS: { key: Exclude<keyof OptimisationChanges, "keptAsIs">; title: string }[] = [
  { key: "dropped", title: "Dropped" },
  { key: "lessFrequent", title: "Sent less often" },
  { key: "moreFrequent", title: "Sent more often" },
  { key: "morePersonal", title: "Made more personal" },
  { key: "lessPersonal", title: "Made less personal" },
];

function Changes({ changes, reasons }: { changes: OptimisationChanges; reasons: Record<string, string> }) {
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
              <ChangeItem key={change.communicationId} change={change} reason={reasons[change.communicationId]} />
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

function ChangeItem({ change, reason }: { change: OptimisationChange; reason: string | undefined }) {
  return (
    <li>
      <strong>{change.name}</strong>{" "}
      <span className="muted">{change.after ? `${change.before} → ${change.after}` : `was ${change.before}`}</span>
      {reason && <span className="optimisation-reason">Why: {reason}</span>}
    </li>
  );
}
