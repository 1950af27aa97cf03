import { useId } from "react";
import { niceCeiling } from "./StackedBarChart";

export interface GroupedSeries {
  key: string;
  label: string;
  /** One value per group, never negative. */
  values: readonly number[];
}

interface GroupedBarChartProps {
  title: string;
  /** Labels along the bottom, one per group of bars. */
  groups: readonly string[];
  /** One bar in each group per series, in this order. */
  series: readonly GroupedSeries[];
  formatValue: (value: number) => string;
  formatAxis: (value: number) => string;
  /** The chart's table alternative, named in its accessible description. */
  tableId?: string;
  className?: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const PLOT = { top: 12, right: 8, bottom: 30, left: 64 };
/** Told apart by lightness as well as hue, so the bars read on a grey printer. */
export const SERIES_COLOURS = ["#1f4e79", "#5b9bd5", "#c9dcef"];
const FONT_SIZE = 11;

/**
 * Bars side by side within each group (a year, a segment), one per series (a
 * scenario), drawn as plain SVG at a fixed size: it scales with its box, so
 * its type stays legible on paper as on screen. Each bar has a tooltip with
 * its exact figure.
 */
export function GroupedBarChart({
  title,
  groups,
  series,
  formatValue,
  formatAxis,
  tableId,
  className = "chart",
}: GroupedBarChartProps) {
  const titleId = useId();
  const max = niceCeiling(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const band = plotWidth / Math.max(1, groups.length);
  const bar = Math.min(48, (band * 0.8) / Math.max(1, series.length));
  const y = (value: number) => PLOT.top + plotHeight - (max === 0 ? 0 : (value / max) * plotHeight);
  const ticks = max === 0 ? [0] : [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <figure className={className}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={tableId}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} stroke="#e0e4ea" />
            <text x={PLOT.left - 6} y={y(tick)} fontSize={FONT_SIZE} fill="#5f6b7c" textAnchor="end" dy="0.35em">
              {formatAxis(tick)}
            </text>
          </g>
        ))}
        {groups.map((group, g) => {
          const left = PLOT.left + g * band + (band - bar * series.length) / 2;
          return (
            <g key={group}>
              {series.map((s, i) => {
                const value = s.values[g] ?? 0;
                const top = y(value);
                return (
                  <rect
                    key={s.key}
                    x={left + i * bar}
                    y={top}
                    width={Math.max(1, bar - 2)}
                    height={Math.max(0.5, y(0) - top)}
                    fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
                    stroke="#1f4e79"
                    strokeWidth={0.5}
                  >
                    <title>{`${group} · ${s.label}: ${formatValue(value)}`}</title>
                  </rect>
                );
              })}
              <text
                x={PLOT.left + g * band + band / 2}
                y={HEIGHT - 10}
                fontSize={FONT_SIZE}
                fill="#1b2430"
                textAnchor="middle"
              >
                {group}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s, i) => (
          <span key={s.key} className="chart-legend-item">
            <span
              className="chart-swatch"
              style={{ background: SERIES_COLOURS[i % SERIES_COLOURS.length], border: "1px solid #1f4e79" }}
            />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
