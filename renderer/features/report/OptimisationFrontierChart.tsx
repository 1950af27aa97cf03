import { useId } from "react";
import { niceCeiling } from "../../ui/StackedBarChart";

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

interface OptimisationFrontierChartProps {
  readonly title: string;
  /** The frontier's points, cheapest first. */
  readonly points: readonly ChartPoint[];
  /** The point the optimised scenario was made at, marked as a filled square. */
  readonly chosen: ChartPoint | null;
  /** The plan it was optimised from, marked as a ring: on the line, or below it. */
  readonly plan: ChartPoint | null;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly formatX: (value: number) => string;
  readonly formatY: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 250;
const PLOT = { top: 14, right: 16, bottom: 44, left: 72 };
const FONT_SIZE = 11;
const INK = "#1b2430";
const MUTED = "#5f6b7c";
const LINE = "#1f4e79";
const PLAN = "#c0392b";

/** Ticks from 0 in round steps, about four of them, the last at or just above `max`: the axis ends near the data. */
function axis(max: number): number[] {
  if (max <= 0) return [0];
  const step = niceCeiling(max / 4);
  return Array.from({ length: Math.ceil(max / step - 1e-9) + 1 }, (_, i) => i * step);
}

/**
 * The efficient frontier as plain SVG: the best value at each budget, a line
 * through the points, the chosen point and the plan marked and named in a
 * legend, so a reader sees how far the plan is from the best it could buy.
 * Drawn at a fixed size that scales with its box, so its type stays legible on paper.
 */
export function OptimisationFrontierChart({
  title,
  points,
  chosen,
  plan,
  xLabel,
  yLabel,
  formatX,
  formatY,
}: OptimisationFrontierChartProps) {
  const titleId = useId();
  const all = [...points, ...(plan ? [plan] : [])];
  const xAxis = axis(Math.max(0, ...all.map((p) => p.x)));
  const yAxis = axis(Math.max(0, ...all.map((p) => p.y)));
  const maxX = xAxis.at(-1) ?? 0;
  const maxY = yAxis.at(-1) ?? 0;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (value: number) => PLOT.left + (maxX === 0 ? 0 : (value / maxX) * plotWidth);
  const y = (value: number) => PLOT.top + plotHeight - (maxY === 0 ? 0 : (Math.max(0, value) / maxY) * plotHeight);
  return (
    <figure className="report-frontier-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        {yAxis.map((tick) => (
          <g key={`y${tick}`}>
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} stroke="#e0e4ea" />
            <text x={PLOT.left - 6} y={y(tick)} fontSize={FONT_SIZE} fill={MUTED} textAnchor="end" dy="0.35em">
              {formatY(tick)}
            </text>
          </g>
        ))}
        {xAxis.map((tick) => (
          <text
            key={`x${tick}`}
            x={x(tick)}
            y={PLOT.top + plotHeight + 16}
            fontSize={FONT_SIZE}
            fill={MUTED}
            textAnchor="middle"
          >
            {formatX(tick)}
          </text>
        ))}
        <text x={PLOT.left + plotWidth / 2} y={HEIGHT - 4} fontSize={FONT_SIZE} fill={INK} textAnchor="middle">
          {xLabel}
        </text>
        <text
          x={12}
          y={PLOT.top + plotHeight / 2}
          fontSize={FONT_SIZE}
          fill={INK}
          textAnchor="middle"
          transform={`rotate(-90 12 ${PLOT.top + plotHeight / 2})`}
        >
          {yLabel}
        </text>
        <polyline
          points={points.map((p) => `${x(p.x)},${y(p.y)}`).join(" ")}
          fill="none"
          stroke={LINE}
          strokeWidth={2}
        />
        {points.map((p) => (
          <circle key={`${p.x}:${p.y}`} cx={x(p.x)} cy={y(p.y)} r={3.5} fill={LINE}>
            <title>{`${formatX(p.x)}: ${formatY(p.y)}`}</title>
          </circle>
        ))}
        {chosen && (
          <rect
            x={x(chosen.x) - 6}
            y={y(chosen.y) - 6}
            width={12}
            height={12}
            fill={LINE}
            stroke="#fff"
            strokeWidth={1.5}
          >
            <title>{`Chosen: ${formatX(chosen.x)}, ${formatY(chosen.y)}`}</title>
          </rect>
        )}
        {plan && (
          <circle cx={x(plan.x)} cy={y(plan.y)} r={7} fill="none" stroke={PLAN} strokeWidth={2.5}>
            <title>{`The plan: ${formatX(plan.x)}, ${formatY(plan.y)}`}</title>
          </circle>
        )}
      </svg>
      <figcaption className="chart-legend">
        <span className="chart-legend-item">
          <span className="report-frontier-key is-line" /> Best value at each budget
        </span>
        {chosen && (
          <span className="chart-legend-item">
            <span className="report-frontier-key is-chosen" /> The optimised scenario's budget
          </span>
        )}
        {plan && (
          <span className="chart-legend-item">
            <span className="report-frontier-key is-plan" /> The plan
          </span>
        )}
      </figcaption>
    </figure>
  );
}
