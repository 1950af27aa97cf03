import { useId } from "react";
import type { FrontierPoint } from "../../../shared/model";
import type { MoneyFormat } from "../../ui/money";
import { niceCeiling } from "../../ui/StackedBarChart";

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

const WIDTH = 640;
const HEIGHT = 280;
const PLOT = { top: 16, right: 24, bottom: 44, left: 72 };
const FONT_SIZE = 11;
const FRONTIER = "#1f4e79";
/** Orange against the frontier's blue, and a diamond against its circles, so the plan stands out in grey too. */
const PLAN = "#c55a11";

const MEASURE_WORDS: Record<FrontierMeasure, string> = {
  value: "Best expected value",
  net: "Best net value",
};

const heightOf = (point: { value: number; net: number | null }, measure: FrontierMeasure) =>
  measure === "net" && point.net !== null ? point.net : point.value;

/** Round ticks from 0, about four, the last at or just above `max`, so the axis ends near the data. */
function ticksUpTo(max: number): number[] {
  if (max <= 0) return [0, 1];
  const step = niceCeiling(max / 4);
  return Array.from({ length: Math.ceil(max / step - 1e-9) + 1 }, (_, i) => i * step);
}

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
  const titleId = useId();
  const tableId = useId();
  const solved = points.filter((point) => point.feasible);
  const xs = [...solved.map((point) => point.budget), plan.cost, ...(chosen ? [chosen.budget] : [])];
  const planHeight = heightOf(plan, measure);
  const heights = [...solved.map((point) => heightOf(point, measure)), planHeight, ...(chosen ? [chosen.height] : [])];
  const xTicks = ticksUpTo(Math.max(0, ...xs));
  const xMax = xTicks.at(-1) ?? 1;
  const yMax = ticksUpTo(Math.max(0, ...heights)).at(-1) ?? 1;
  const lowest = Math.min(0, ...heights);
  const yMin = lowest < 0 ? -(ticksUpTo(-lowest).at(-1) ?? 0) : 0;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (value: number) => PLOT.left + (value / xMax) * plotWidth;
  const y = (value: number) => PLOT.top + plotHeight - ((value - yMin) / (yMax - yMin)) * plotHeight;
  const yStep = (yMax - yMin) / 4;
  const yTicks = [...new Set([...[0, 1, 2, 3, 4].map((k) => yMin + k * yStep), 0])];
  const marker = planMarkerText(plan, money);
  const path = solved.map((point, i) => `${i === 0 ? "M" : "L"}${x(point.budget)},${y(heightOf(point, measure))}`);
  const title = `Efficient frontier: ${MEASURE_WORDS[measure].toLowerCase()} at ${points.length} budgets. ${marker}.`;
  return (
    <figure className="chart frontier-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={tableId}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        {yTicks.map((tick) => (
          <g key={tick}>
            <line
              x1={PLOT.left}
              x2={WIDTH - PLOT.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke={tick === 0 ? "#9aa5b4" : "#e0e4ea"}
            />
            <text x={PLOT.left - 6} y={y(tick)} fontSize={FONT_SIZE} fill="#5f6b7c" textAnchor="end" dy="0.35em">
              {money.short(tick)}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <text
            key={tick}
            x={x(tick)}
            y={PLOT.top + plotHeight + 14}
            fontSize={FONT_SIZE}
            fill="#5f6b7c"
            textAnchor="middle"
          >
            {money.short(tick)}
          </text>
        ))}
        <text x={PLOT.left + plotWidth / 2} y={HEIGHT - 6} fontSize={FONT_SIZE} fill="#1b2430" textAnchor="middle">
          Budget over the horizon
        </text>
        <text
          transform={`translate(12 ${PLOT.top + plotHeight / 2}) rotate(-90)`}
          fontSize={FONT_SIZE}
          fill="#1b2430"
          textAnchor="middle"
        >
          {MEASURE_WORDS[measure]}
        </text>
        <path d={path.join(" ")} fill="none" stroke={FRONTIER} strokeWidth={2} />
        {solved.map((point) => (
          <circle key={point.budget} cx={x(point.budget)} cy={y(heightOf(point, measure))} r={3.5} fill={FRONTIER}>
            <title>{`Budget ${money(point.budget)}: ${money(heightOf(point, measure))}`}</title>
          </circle>
        ))}
        {chosen && (
          <g className="frontier-chosen">
            <circle cx={x(chosen.budget)} cy={y(chosen.height)} r={8} fill="none" stroke={FRONTIER} strokeWidth={2} />
            <circle cx={x(chosen.budget)} cy={y(chosen.height)} r={4.5} fill={FRONTIER}>
              <title>{`Optimised: ${money(chosen.height)} for a budget of ${money(chosen.budget)}`}</title>
            </circle>
            <text
              x={x(chosen.budget)}
              y={y(chosen.height) - 13}
              fontSize={FONT_SIZE}
              fill={FRONTIER}
              fontWeight={600}
              textAnchor="middle"
            >
              Optimised
            </text>
          </g>
        )}
        <g className="frontier-plan">
          <path
            d={`M${x(plan.cost)},${y(planHeight) - 7} l7,7 l-7,7 l-7,-7 z`}
            fill={PLAN}
            stroke="#fff"
            strokeWidth={1}
          >
            <title>{marker}</title>
          </path>
          <text
            x={x(plan.cost)}
            y={y(planHeight) + 22}
            fontSize={FONT_SIZE}
            fill={PLAN}
            fontWeight={600}
            textAnchor="middle"
          >
            Plan
          </text>
        </g>
      </svg>
      <figcaption className="chart-legend">
        <span className="chart-legend-item">
          <span className="chart-swatch" style={{ background: FRONTIER }} />
          Frontier: the best plan within each budget
        </span>
        {chosen && (
          <span className="chart-legend-item">
            <span className="chart-swatch frontier-ring" style={{ borderColor: FRONTIER }} />
            Optimised plan
          </span>
        )}
        <span className="chart-legend-item frontier-plan-legend">
          <span className="chart-swatch frontier-diamond" style={{ background: PLAN }} />
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
