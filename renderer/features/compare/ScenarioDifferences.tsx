import type { ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import type { Roadmap } from "../../../shared/model";
import { DifferenceList } from "../../ui/DifferenceList";
import { useMoneyFormat } from "../../ui/money";
import { moneyText, reasonsBetween } from "./ComparedOptimisations";

/**
 * What each scenario after the first says differently from the first, item by
 * item; between an optimised scenario and the one it was made from, with the
 * optimiser's reason for each change.
 */
export function ScenarioDifferences({ comparison, roadmap }: { comparison: ScenarioComparison; roadmap: Roadmap }) {
  const money = moneyText(useMoneyFormat(roadmap.currency));
  const names = new Map(comparison.scenarios.map((scenario) => [scenario.scenarioId, scenario.name]));
  return (
    <section className="plan-section" aria-labelledby="compare-differences-title">
      <h2 id="compare-differences-title">What differs</h2>
      {comparison.differences.map(({ from, to, changes }) => {
        const title = `${names.get(to) ?? to} against ${names.get(from) ?? from}`;
        return (
          <section key={`${from}>${to}`} className="compare-differences" aria-label={title}>
            <h3>{title}</h3>
            <DifferenceList
              differences={changes}
              roadmap={roadmap}
              emptyText={`${names.get(to) ?? to} plans the same as ${names.get(from) ?? from}.`}
              reasons={reasonsBetween(roadmap, from, to, money)}
            />
          </section>
        );
      })}
    </section>
  );
}
