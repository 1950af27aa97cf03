import type { ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import type { Roadmap } from "../../../shared/model";
import { describeDifference } from "../../../shared/model/differenceText";
import { plural } from "../../ui/format";
import type { MoneyFormat } from "../../ui/money";

/** What each scenario after the first says differently from the first, item by item. */
export function ScenarioDifferences({
  comparison,
  roadmap,
  money,
}: {
  comparison: ScenarioComparison;
  roadmap: Roadmap;
  money: MoneyFormat | null;
}) {
  const names = new Map(comparison.scenarios.map((scenario) => [scenario.scenarioId, scenario.name]));
  return (
    <section className="plan-section" aria-labelledby="compare-differences-title">
      <h2 id="compare-differences-title">What differs</h2>
      {comparison.differences.map(({ from, to, changes }) => {
        const title = `${names.get(to) ?? to} against ${names.get(from) ?? from}`;
        return (
          <div key={`${from}>${to}`} className="compare-differences">
            <h3>
              {title}: {changes.length === 0 ? "no differences" : plural(changes.length, "difference")}
            </h3>
            {changes.length > 0 && (
              <ul aria-label={title}>
                {changes.map((change) => (
                  <li key={`${change.collection}:${change.id}:${change.field}:${change.kind}`}>
                    {describeDifference(change, roadmap, { money })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
