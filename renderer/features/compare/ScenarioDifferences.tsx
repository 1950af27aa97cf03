import type { ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import type { RoadmapDifference } from "../../../shared/model/roadmapDiff";
import { plural } from "../../ui/format";

/** What each scenario after the first says differently from the first, item by item. */
export function ScenarioDifferences({ comparison }: { comparison: ScenarioComparison }) {
  const names = new Map(comparison.scenarios.map((scenario) => [scenario.scenarioId, scenario.name]));
  return (
    <section className="plan-section" aria-labelledby="compare-differences-title">
      <h2 id="compare-differences-title">What differs</h2>
      {comparison.differences.map(({ from, to, changes }) => (
        <div key={`${from}>${to}`} className="compare-differences">
          <h3>
            {names.get(to) ?? to} against {names.get(from) ?? from}:{" "}
            {changes.length === 0 ? "no differences" : plural(changes.length, "difference")}
          </h3>
          {changes.length > 0 && (
            <ul aria-label={`${names.get(to) ?? to} against ${names.get(from) ?? from}`}>
              {changes.map((change) => (
                <li key={`${change.collection}:${change.id}:${change.field}:${change.kind}`}>
                  {differenceText(change)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

export function differenceText(change: RoadmapDifference): string {
  const what = change.field ? `${change.label}: ${change.field}` : change.label;
  if (change.kind === "added") return `Added ${what}`;
  if (change.kind === "removed") return `Left out ${what}`;
  return `Changed ${what} from ${JSON.stringify(change.before)} to ${JSON.stringify(change.after)}`;
}
