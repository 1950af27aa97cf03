import { useId } from "react";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  /** One value per category (e.g. per month), never negative. */
  values: readonly number[];
}

interface StackedBarChartProps {
  /** Labels along the bottom, one per bar. */
  categories: readonly string[];
  series: readonly ChartSeries[];
  formatValue: (value: number) => string;
  formatAxis: (value: number) => string;
  title: string;
  height?: number;
}

const PADDING = { top: 12, right: 12, bottom: 28, left: 56 };

/**
 * Bars stacked by series, drawn as plain SVG: crisp when printed, no chart
 * library, and every bar segment has a tooltip with its exact value.
 */
export function StackedBarChart({
  categories,
  series,
  formatValue,
  formatAxis,
  title,
  height = 240,
}: StackedBarChartProps) {
  const titleId = useId();
  const width = Math.max(480, categories.length * 22 + PADDING.left + PADDING.right);
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceCeiling(Math.max(0, ...totals));
  const plotHeight = height - PADDING.top - PADDING.bottom;
  const plotWidth = width - PADDING.left - PADDING.right;
  const band = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.max(4, band * 0.7);
  const y = (value: number) => PADDING.top + plotHeight - (max === 0 ? 0 : (value / max) * plotHeight);
  // With nothing to draw (every figure zero) the axis is one line at zero, not five lines on top of each other.
  const ticks = max === 0 ? [0] : [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const labelEvery = Math.ceil(categories.length / 12);

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PADDING.left} x2={width - PADDING.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={PADDING.left - 6} y={y(tick)} className="chart-axis" textAnchor="end" dominantBaseline="middle">
              {formatAxis(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          let base = 0;
          const x = PADDING.left + i * band + (band - barWidth) / 2;
          return (
            <g key={category}>
              {series.map((s) => {
                const value = s.values[i] ?? 0;
                if (value <= 0) return null;
                const top = y(base + value);
                const bottom = y(base);
                base += value;
                return (
                  <rect key={s.key} x={x} y={top} width={barWidth} height={Math.max(0.5, bottom - top)} fill={s.color}>
                    <title>{`${category} · ${s.label}: ${formatValue(value)}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={height - 10} className="chart-axis" textAnchor="middle">
                  {category}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.key} className="chart-legend-item">
            <span className="chart-swatch" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** 1, 2 or 5 times a power of ten, at or above the value: round numbers on the axis. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}
