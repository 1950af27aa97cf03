import type { ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import {
  type MoneyText,
  type OptimisationSource,
  optimisationRows,
  optimisationsOf,
} from "../../../shared/export/optimisationRows";
import type { Roadmap } from "../../../shared/model";
import { formatDateTime, plural } from "../../ui/format";
import { type MoneyFormat, useMoneyFormat } from "../../ui/money";

/** Money with cents for small amounts (what one more € of budget brings), whole units otherwise. */
export function moneyText(money: MoneyFormat | null): MoneyText {
  return money ? (value: number) => money(value, { precise: Math.abs(value) < 10 }) : null;
}

/** The optimised scenarios among those compared, in the comparison's order. */
export function comparedOptimisations(comparison: ScenarioComparison, roadmap: Roadmap): OptimisationSource[] {
  const sources = optimisationsOf(roadmap);
  return comparison.scenarios.flatMap(
    (scenario) => sources.find((source) => source.scenarioId === scenario.scenarioId) ?? [],
  );
}

/**
 * The reasons the optimiser gave for what differs between two compared
 * scenarios, by communication id: when one was optimised from the other.
 * Money in them follows Show costs.
 */
export function reasonsBetween(
  roadmap: Roadmap,
  from: string,
  to: string,
  money: MoneyText,
): Readonly<Record<string, string>> {
  const source = optimisationsOf(roadmap).find(
    ({ scenarioId, record }) =>
      (scenarioId === to && record.fromScenarioId === from) || (scenarioId === from && record.fromScenarioId === to),
  );
  if (!source) return {};
  return Object.fromEntries(
    optimisationRows(roadmap, source, money).changes.flatMap((change) =>
      change.reason === null ? [] : [[change.communicationId, change.reason]],
    ),
  );
}

/**
 * How each compared scenario the optimiser made was made: from which
 * scenario, how the solver ended, its budget and its frontier, in a few
 * lines; the differences below say what it changed and why.
 */
export function ComparedOptimisations({ comparison, roadmap }: { comparison: ScenarioComparison; roadmap: Roadmap }) {
  const money = useMoneyFormat(roadmap.currency);
  const sources = comparedOptimisations(comparison, roadmap);
  if (sources.length === 0) return null;
  return (
    <section className="plan-section compare-optimisations" aria-labelledby="compare-optimisations-title">
      <h2 id="compare-optimisations-title">How the optimiser made {sources.length === 1 ? "it" : "them"}</h2>
      {sources.map((source) => {
        const rows = optimisationRows(roadmap, source, moneyText(money));
        const setting = (label: string) => rows.settings.find((row) => row.label === label)?.value ?? "";
        const feasible = rows.frontier.filter((point) => point.feasible);
        const plan =
          rows.plan.onFrontier === null
            ? ""
            : rows.plan.onFrontier
              ? `; “${rows.fromScenarioName}” is on it`
              : `; “${rows.fromScenarioName}” is below it`;
        const frontier =
          feasible.length === 0
            ? "none"
            : money
              ? `${plural(feasible.length, "budget")} from ${money.short(feasible[0]?.budget ?? 0)} to ${money.short(feasible.at(-1)?.budget ?? 0)}${plan}`
              : `${plural(feasible.length, "budget")}, costs hidden${plan}`;
        return (
          <section key={source.scenarioId} aria-label={`How ${rows.scenarioName} was made`}>
            <h3>{rows.scenarioName}</h3>
            <p>
              Optimised from “{rows.fromScenarioName}” on {formatDateTime(rows.createdAt)}. {rows.status}
            </p>
            <dl className="compare-optimisation-facts">
              <dt>Objective</dt>
              <dd>{setting("Objective")}</dd>
              <dt>Budget</dt>
              <dd>{setting("Budget")}</dd>
              <dt>Frontier</dt>
              <dd>{frontier}</dd>
            </dl>
          </section>
        );
      })}
    </section>
  );
}
