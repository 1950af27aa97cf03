import { useId } from "react";
import type { RsiFigure } from "../../../shared/survey/rsi";
import { formatInterval, formatRsiPrecise, rsiColour } from "./rsiFormat";

export interface RsiCurve {
  key: string;
  label: string;
  color: string;
  /** One figure per phase (undefined: nobody there answered); a null RSI is a gap in the line. */
  figures: readonly (RsiFigure | undefined)[];
  /** Draw the 95 % interval as a band around the line. */
  band?: boolean;
}

const PADDING = { top: 14, right: 16, bottom: 46, left: 44 };
const HEIGHT = 300;
const TICKS = [0, 25, 50, 75, 100];
/** Characters of a phase name per line under the axis, and lines: longer names are cut, in full in the tooltip. */
const LABEL_CHARS = 16;

/**
 * The RSI along the lifecycle, one line per curve, drawn as plain SVG like
 * the app's other charts: x the phases in lifecycle order, y 0–100 with the
 * colour scale beside the axis, gaps where there are too few answers. The
 * same figures are in a table under it for screen readers and copying.
 */
export function RsiCurveChart({
  title,
  phases,
  curves,
}: {
  title: string;
  phases: readonly string[];
  curves: readonly RsiCurve[];
}) {
  const titleId = useId();
  const width = Math.max(560, phases.length * 96 + PADDING.left + PADDING.right);
  const plotWidth = width - PADDING.left - PADDING.right;
  const plotHeight = HEIGHT - PADDING.top - PADDING.bottom;
  const step = plotWidth / Math.max(1, phases.length);
  const x = (i: number) => PADDING.left + step * (i + 0.5);
  const y = (rsi: number) => PADDING.top + plotHeight - (rsi / 100) * plotHeight;
  const scaleId = `${titleId}-scale`;

  return (
    <figure className="chart rsi-chart">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        <defs>
          <linearGradient id={scaleId} x1="0" y1="1" x2="0" y2="0">
            {TICKS.map((tick) => (
              <stop key={tick} offset={`${tick}%`} stopColor={rsiColour(tick)} />
            ))}
          </linearGradient>
        </defs>
        <rect x={PADDING.left - 6} y={PADDING.top} width={4} height={plotHeight} fill={`url(#${scaleId})`} />
        {TICKS.map((tick) => (
          <g key={tick}>
            <line x1={PADDING.left} x2={width - PADDING.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={PADDING.left - 10} y={y(tick)} className="chart-axis" textAnchor="end" dominantBaseline="middle">
              {tick}
            </text>
          </g>
        ))}
        {phases.map((name, i) => (
          <text
            key={name + String(i)}
            x={x(i)}
            y={HEIGHT - PADDING.bottom + 16}
            className="chart-axis"
            textAnchor="middle"
          >
            <title>{name}</title>
            {labelLines(name).map((line, l) => (
              <tspan key={line} x={x(i)} dy={l === 0 ? 0 : 12}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
        {curves.map((curve) =>
          curve.band ? (
            <path key={`${curve.key}-band`} d={bandPath(curve.figures, x, y)} className="rsi-chart-band" />
          ) : null,
        )}
        {curves.map((curve) => (
          <g key={curve.key} className={curve.band ? "rsi-chart-line is-all" : "rsi-chart-line"}>
            <path d={linePath(curve.figures, x, y)} stroke={curve.color} fill="none" />
            {curve.figures.map((figure, i) =>
              figure?.rsi === null || figure?.rsi === undefined ? null : (
                <circle key={phases[i] ?? i} cx={x(i)} cy={y(figure.rsi)} r={curve.band ? 4 : 3.2} fill={curve.color}>
                  <title>{`${phases[i]} · ${curve.label}: RSI ${formatRsiPrecise(figure.rsi)}, n = ${figure.n}${
                    formatInterval(figure) ? `, 95 % interval ${formatInterval(figure)}` : ""
                  }`}</title>
                </circle>
              ),
            )}
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        {curves.map((curve) => (
          <span key={curve.key} className="chart-legend-item">
            <span
              className={curve.band ? "rsi-legend-line is-all" : "rsi-legend-line"}
              style={{ background: curve.color }}
            />
            {curve.label}
            {curve.band && <span className="muted"> (band: 95 % interval)</span>}
          </span>
        ))}
        <span className="chart-legend-item muted">Gaps: too few answers</span>
      </figcaption>
      <details className="rsi-chart-table">
        <summary>The chart as a table</summary>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              {curves.map((curve) => (
                <th key={curve.key} scope="col" className="numeric">
                  {curve.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {phases.map((name, i) => (
              <tr key={name + String(i)}>
                <th scope="row">{name}</th>
                {curves.map((curve) => {
                  const figure = curve.figures[i];
                  return (
                    <td key={curve.key} className="numeric">
                      {figure === undefined
                        ? "—"
                        : figure.rsi === null
                          ? `too few (${figure.n})`
                          : formatRsiPrecise(figure.rsi)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The line through the known points, lifted where a phase has no RSI. */
function linePath(
  figures: readonly (RsiFigure | undefined)[],
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  let d = "";
  let drawing = false;
  figures.forEach((figure, i) => {
    const rsi = figure?.rsi;
    if (rsi === null || rsi === undefined) {
      drawing = false;
      return;
    }
    d += `${drawing ? "L" : "M"}${x(i).toFixed(1)},${y(rsi).toFixed(1)}`;
    drawing = true;
  });
  return d;
}

/** The interval as closed shapes, one per unbroken run of phases with an interval. */
function bandPath(
  figures: readonly (RsiFigure | undefined)[],
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  const runs: { i: number; low: number; high: number }[][] = [];
  let run: { i: number; low: number; high: number }[] = [];
  figures.forEach((figure, i) => {
    if (figure && figure.rsi !== null && figure.low !== null && figure.high !== null) {
      run.push({ i, low: figure.low, high: figure.high });
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs
    .map((points) => {
      // A lone phase gets a short bar of the band's width, so its interval still shows.
      const half = points.length === 1 ? 6 : 0;
      const top = points.map((p, k) => `${k === 0 ? "M" : "L"}${(x(p.i) - half).toFixed(1)},${y(p.high).toFixed(1)}`);
      if (half) top.push(`L${(x(points[0]?.i ?? 0) + half).toFixed(1)},${y(points[0]?.high ?? 0).toFixed(1)}`);
      const bottom = [...points].reverse().map((p) => `L${(x(p.i) + half).toFixed(1)},${y(p.low).toFixed(1)}`);
      if (half) bottom.push(`L${(x(points[0]?.i ?? 0) - half).toFixed(1)},${y(points[0]?.low ?? 0).toFixed(1)}`);
      return `${top.join("")}${bottom.join("")}Z`;
    })
    .join("");
}

/** A phase name in at most two lines under the axis. */
function labelLines(name: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of name.split(/\s+/)) {
    if (line && `${line} ${word}`.length > LABEL_CHARS) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.map((l) => (l.length > LABEL_CHARS ? `${l.slice(0, LABEL_CHARS - 1)}…` : l));
  const second = lines.slice(1).join(" ");
  return [lines[0] ?? "", `${second.slice(0, LABEL_CHARS - 1)}…`];
}
