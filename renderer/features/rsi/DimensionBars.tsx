import type { SurveyDimension } from "../../../shared/model";
import type { RsiDimensionScore } from "../../../shared/survey/rsi";
import { formatRsiPrecise, rsiColour } from "./rsiFormat";
import "./rsi.css";

/**
 * Each dimension's score in one group, as a bar with its value; a dimension
 * too few answered shows that instead of a bar.
 */
export function DimensionBars({
  dimensions,
  scores,
  label,
}: {
  dimensions: readonly SurveyDimension[];
  scores: readonly RsiDimensionScore[];
  label: string;
}) {
  const byId = new Map(scores.map((score) => [score.dimensionId, score]));
  return (
    <ul className="rsi-dimensions" aria-label={label}>
      {dimensions.map((dimension) => {
        const score = byId.get(dimension.id);
        const known = score?.score ?? null;
        const value = known === null ? `too few (${score?.n ?? 0})` : formatRsiPrecise(known);
        return (
          <li key={dimension.id} className="rsi-dimension" aria-label={`${dimension.name}: ${value}`}>
            <span className="rsi-dimension-name">{dimension.name}</span>
            <span className="rsi-bar" aria-hidden="true">
              {known !== null && (
                <span className="rsi-bar-fill" style={{ width: `${known}%`, background: rsiColour(known) }} />
              )}
            </span>
            <span className={known === null ? "rsi-dimension-value muted" : "rsi-dimension-value"}>{value}</span>
          </li>
        );
      })}
    </ul>
  );
}
