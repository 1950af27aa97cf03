import { useId } from "react";
import type { FrontierPoint } from "../../../shared/model";
import { FRONTIER_COLOUR, FrontierPlot, PLAN_COLOUR } from "../../ui/FrontierPlot";
import type { MoneyFormat } from "../../ui/money";

/** What the frontier's height measures: the best value within each budget, or the best net value. */
export type FrontierMeasure = "value" | "net";

/** The plan the optimiser started from, and where the optimiser placed it against the frontier. */
export interface FrontierChartPlan {
  readonly cost: number;
  readonly value: number;
  /** Discounted value − discounted cost; null where it was not kept. */
  readonly net: number | null;
  /** Whether no plan within its cost does better; null where the run did not say. */
  readonly onFrontier: boolean | null;
  /** How much more the best plan within its cost reaches. */
  readonly shortfall: number;
}

export interface FrontierChartProps {
  readonly points: readonly FrontierPoint[];
  readonly plan: FrontierChartPlan;
  readonly measure: FrontierMeasure;
  /** The optimised plan the user ran for, highlighted: its budget and height. */
  readonly chosen: { readonly budget: number; readonly height: number } | null;
  readonly money: MoneyFormat;
}

const MEASURE_WORDS: Record<FrontierMeasure, string> = {
  value: "Best expected value",
  net: "Best net value",
};

const heightOf = (point: { value: number; net: number | null }, measure: FrontierMeasure) =>
  measure === "net" && point.net !== null ? point.net : point.value;

/**
 * "Plan: on the frontier", "Plan: €12,000 below the frontier at its cost", or
 * just "Plan" where the run did not say. A plan no better plan beats can still
 * be off the frontier: it breaks a contact cap or a budget every frontier plan keeps.
 */
export function planMarkerText(plan: FrontierChartPlan, money: MoneyFormat): string {
  if (plan.onFrontier === null) return "Plan";
  if (plan.onFrontier) return "Plan: on the frontier";
  const shortfall = money(plan.shortfall);
  return shortfall === money(0)
    ? "Plan: off the frontier, as it breaks a cap or budget the frontier keeps to"
    : `Plan: ${shortfall} below the frontier at its cost`;
}

/**
 * The efficient frontier: the best value (or net value) the optimiser found
 * within each of its budgets, joined, with the plan it started from as an
 * orange diamond and the optimised plan as a ringed point. Plain SVG at a
 * fixed size that scales with its box, as the house's other charts; the table
 * beside it has every figure.
 */
export function FrontierChart({ points, plan, measure, chosen, money }: FrontierChartProps) {
  const tableId = useId();
  const solved = points.filter((point) => point.feasible);
  const planHeight = heightOf(plan, measure);
  const marker = planMarkerText(plan, money);
  const title = `Efficient frontier: ${MEASURE_WORDS[measure].toLowerCase()} at ${points.length} budgets. ${marker}.`;
  return (
    <figure className="chart frontier-chart">
      <FrontierPlot
        title={title}
        describedBy={tableId}
        points={solved.map((point) => ({ x: point.budget, y: heightOf(point, measure) }))}
        chosen={chosen ? { x: chosen.budget, y: chosen.height } : null}
        plan={{ x: plan.cost, y: planHeight }}
        planTitle={marker}
        xLabel="Budget over the horizon"
        yLabel={MEASURE_WORDS[measure]}
        formatTick={money.short}
        formatValue={money}
      />
      <figcaption className="chart-legend">
        <span className="chart-legend-item">
          <span className="chart-swatch" style={{ background: FRONTIER_COLOUR }} />
          Frontier: the best plan within each budget
        </span>
        {chosen && (
          <span className="chart-legend-item">
            <span className="chart-swatch frontier-ring" style={{ borderColor: FRONTIER_COLOUR }} />
            Optimised plan
          </span>
        )}
        <span className="chart-legend-item frontier-plan-legend">
          <span className="chart-swatch frontier-diamond" style={{ background: PLAN_COLOUR }} />
          {marker}
        </span>
      </figcaption>
      <details className="compare-chart-table">
        <summary>The chart’s figures as a table</summary>
        <table className="data-table" id={tableId} aria-label="Efficient frontier (chart figures)">
          <thead>
            <tr>
              <th scope="col">Budget</th>
              <th scope="col" className="numeric">
                Cost
              </th>
              <th scope="col" className="numeric">
                Expected value
              </th>
              <th scope="col" className="numeric">
                Net value
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.budget}>
                <th scope="row">{money(point.budget)}</th>
                {point.feasible ? (
                  <>
                    <td className="numeric">{money(point.cost)}</td>
                    <td className="numeric">{money(point.value)}</td>
                    <td className="numeric">{money(point.net)}</td>
                  </>
                ) : (
                  <td colSpan={3} className="muted">
                    No plan keeps to this budget: the communications locked in cost more
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{marker}</th>
              <td className="numeric">{money(plan.cost)}</td>
              <td colSpan={2} className="numeric">
                {`${MEASURE_WORDS[measure]}: ${money(planHeight)}`}
              </td>
            </tr>
          </tfoot>
        </table>
      </details>
    </figure>
  );
}
