import { useId } from "react";
import { niceCeiling } from "./StackedBarChart";

export interface PlotPoint {
  readonly x: number;
  readonly y: number;
}

export interface FrontierPlotProps {
  readonly title: string;
  /** The id of what describes the chart in full (a table of its figures), when there is one. */
  readonly describedBy?: string;
  /** The frontier's points, cheapest first, joined by a line. */
  readonly points: readonly PlotPoint[];
  /** The optimised plan, ringed and labelled. */
  readonly chosen: PlotPoint | null;
  /** The plan it was optimised from, an orange diamond: on the line, or below it. */
  readonly plan: PlotPoint | null;
  /** What hovering the plan's marker says ("Plan: on the frontier"). */
  readonly planTitle: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** An axis tick ("€1.2M", "80%"). */
  readonly formatTick: (value: number) => string;
  /** A point's figure when hovered ("€1,200,000"). */
  readonly formatValue: (value: number) => string;
}

/** The frontier's blue, for legends drawn beside the plot. */
export const FRONTIER_COLOUR = "#1f4e79";
/** Orange against the frontier's blue, and a diamond against its circles, so the plan stands out in grey too. */
export const PLAN_COLOUR = "#c55a11";

const WIDTH = 640;
const HEIGHT = 280;
const PLOT = { top: 18, right: 24, bottom: 44, left: 72 };
const FONT_SIZE = 11;
const INK = "#1b2430";
const MUTED = "#5f6b7c";

/** Round ticks from 0, about four, the last at or just above `max`, so the axis ends near the data. */
function ticksUpTo(max: number): number[] {
  if (max <= 0) return [0, 1];
  const step = niceCeiling(max / 4);
  return Array.from({ length: Math.ceil(max / step - 1e-9) + 1 }, (_, i) => i * step);
}

/**
 * An efficient frontier as plain SVG: the best value at each budget joined by
 * a line, the optimised plan ringed and the plan it started from marked, so a
 * reader sees how far the plan is from the best it could buy. A net value can
 * be negative, so the value axis goes below 0 when it must. Drawn at a fixed
 * size that scales with its box, so its type stays legible on screen and on
 * paper; the Optimise tab and the executive report both draw it.
 */
export function FrontierPlot({
  title,
  describedBy,
  points,
  chosen,
  plan,
  planTitle,
  xLabel,
  yLabel,
  formatTick,
  formatValue,
}: FrontierPlotProps) {
  const titleId = useId();
  const marked = [...points, ...(plan ? [plan] : []), ...(chosen ? [chosen] : [])];
  const xTicks = ticksUpTo(Math.max(0, ...marked.map((point) => point.x)));
  const xMax = xTicks.at(-1) ?? 1;
  const yMax = ticksUpTo(Math.max(0, ...marked.map((point) => point.y))).at(-1) ?? 1;
  const lowest = Math.min(0, ...marked.map((point) => point.y));
  const yMin = lowest < 0 ? -(ticksUpTo(-lowest).at(-1) ?? 0) : 0;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (value: number) => PLOT.left + (value / xMax) * plotWidth;
  const y = (value: number) => PLOT.top + plotHeight - ((value - yMin) / (yMax - yMin)) * plotHeight;
  const yStep = (yMax - yMin) / 4;
  const yTicks = [...new Set([...[0, 1, 2, 3, 4].map((k) => yMin + k * yStep), 0])];
  const line = points.map((point, i) => `${i === 0 ? "M" : "L"}${x(point.x)},${y(point.y)}`).join(" ");
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
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
          <text x={PLOT.left - 6} y={y(tick)} fontSize={FONT_SIZE} fill={MUTED} textAnchor="end" dy="0.35em">
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {xTicks.map((tick) => (
        <text
          key={tick}
          x={x(tick)}
          y={PLOT.top + plotHeight + 14}
          fontSize={FONT_SIZE}
          fill={MUTED}
          textAnchor="middle"
        >
          {formatTick(tick)}
        </text>
      ))}
      <text x={PLOT.left + plotWidth / 2} y={HEIGHT - 6} fontSize={FONT_SIZE} fill={INK} textAnchor="middle">
        {xLabel}
      </text>
      <text
        transform={`translate(12 ${PLOT.top + plotHeight / 2}) rotate(-90)`}
        fontSize={FONT_SIZE}
        fill={INK}
        textAnchor="middle"
      >
        {yLabel}
      </text>
      <path d={line} fill="none" stroke={FRONTIER_COLOUR} strokeWidth={2} />
      {points.map((point) => (
        <circle key={`${point.x}:${point.y}`} cx={x(point.x)} cy={y(point.y)} r={3.5} fill={FRONTIER_COLOUR}>
          <title>{`${formatValue(point.x)}: ${formatValue(point.y)}`}</title>
        </circle>
      ))}
      {chosen && (
        <g className="frontier-chosen">
          <circle cx={x(chosen.x)} cy={y(chosen.y)} r={8} fill="none" stroke={FRONTIER_COLOUR} strokeWidth={2} />
          <circle cx={x(chosen.x)} cy={y(chosen.y)} r={4.5} fill={FRONTIER_COLOUR}>
            <title>{`Optimised: ${formatValue(chosen.y)} for ${formatValue(chosen.x)}`}</title>
          </circle>
          <text
            x={x(chosen.x)}
            y={y(chosen.y) - 13}
            fontSize={FONT_SIZE}
            fill={FRONTIER_COLOUR}
            fontWeight={600}
            textAnchor="middle"
          >
            Optimised
          </text>
        </g>
      )}
      {plan && (
        <g className="frontier-plan">
          <path
            d={`M${x(plan.x)},${y(plan.y) - 7} l7,7 l-7,7 l-7,-7 z`}
            fill={PLAN_COLOUR}
            stroke="#fff"
            strokeWidth={1}
          >
            <title>{planTitle}</title>
          </path>
          <text
            x={x(plan.x)}
            y={y(plan.y) + 22}
            fontSize={FONT_SIZE}
            fill={PLAN_COLOUR}
            fontWeight={600}
            textAnchor="middle"
          >
            Plan
          </text>
        </g>
      )}
    </svg>
  );
}
