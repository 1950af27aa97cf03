import { useMemo } from "react";
import { clipText } from "../../../shared/export/reportLayout";
import { defectorRows, placesToAct, rsiFigureText, rsiGrid } from "../../../shared/export/rsiRows";
import { namesById, type Roadmap } from "../../../shared/model";
import {
  describeChannelGap,
  describeDrop,
  describeMismatch,
  type SurveyInsights,
  surveyInsights,
} from "../../../shared/survey/insights";
import type { RsiCell } from "../../../shared/survey/rsi";
import { formatCount, formatDecimal, formatPercent, plural } from "../../ui/format";
import type { SectionProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** Segment columns of the grid, and lines of the chart, besides "All segments": a portrait page's width. */
const SEGMENT_COLUMNS = 5;

/**
 * The relationship survey on two pages: the RSI of each phase and segment
 * with its interval, the RSI along the lifecycle as a chart, the places to
 * act, what those at risk or lapsed say, and where the plan contacts
 * customers more often than they want. Printed only for a roadmap with answers.
 */
export function RsiSection({ roadmap, plan, layout }: SectionProps) {
  const insights = useMemo(() => surveyInsights(roadmap, plan.pressure), [roadmap, plan.pressure]);
  const wave = roadmap.survey.waves.find((w) => w.id === insights.waveId);
  if (!wave) return null;
  const { rsi } = insights;
  const clip = (text: string) => clipText(text, layout.limits.nameChars);
  const phaseNames = namesById(roadmap.phases);
  const segmentNames = namesById(roadmap.segments);
  const { phaseIds: phases, segmentIds: allSegments, cellOf } = rsiGrid(roadmap, rsi);
  const shownPhases = phases.slice(0, layout.limits.tableRows);
  const segments = allSegments.slice(0, SEGMENT_COLUMNS);

  return (
    <>
      <section className="report-page report-rsi">
        <ReportSectionTitle>Relationship strength</ReportSectionTitle>
        <p>
          The Relationship Strength Index (RSI, 0–100) from the survey “{wave.name}” of {wave.date}:{" "}
          {plural(rsi.overall.n, "respondent")}, overall {rsiFigureText(rsi.overall)}
          {rsi.excluded > 0
            ? `; ${plural(rsi.excluded, "respondent")} left out for answering fewer than half the items`
            : ""}
          . Each figure is a mean with its 95 % interval; groups of fewer than {roadmap.survey.minimumRespondents}{" "}
          respondents show “too few answers”.
        </p>
        <table className="report-table report-rsi-grid" aria-label="RSI by phase and segment">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">All segments</th>
              {segments.map((id) => (
                <th key={id} scope="col">
                  {clip(segmentNames.get(id) ?? id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shownPhases.map((phaseId) => (
              <tr key={phaseId}>
                <th scope="row">{clip(phaseNames.get(phaseId) ?? phaseId)}</th>
                {[null, ...segments].map((segmentId) => (
                  <td key={segmentId ?? ""}>
                    <RsiFigureCell cell={cellOf(phaseId, segmentId)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {(phases.length > shownPhases.length || allSegments.length > segments.length) && (
          <p className="report-more">
            The app's RSI view shows every phase and segment
            {phases.length > shownPhases.length
              ? ` (${formatCount(phases.length - shownPhases.length)} more phases)`
              : ""}
            {allSegments.length > segments.length
              ? ` (${formatCount(allSegments.length - segments.length)} more segments)`
              : ""}
            .
          </p>
        )}
        <h3>The RSI along the lifecycle</h3>
        <RsiCurve
          phases={shownPhases}
          lines={[
            { id: null, name: "All segments", cells: rsi.phases },
            ...segments.map((id) => ({
              id,
              name: segmentNames.get(id) ?? id,
              color: roadmap.segments.find((s) => s.id === id)?.color,
              cells: rsi.cells.filter((cell) => cell.segmentId === id),
            })),
          ]}
          phaseNames={phaseNames}
        />
      </section>
      <section className="report-page report-rsi-insights">
        <ReportSectionTitle>What the survey says about the plan</ReportSectionTitle>
        <h3>Places to act</h3>
        <Sentences
          items={placesToAct(insights).map((drop) => describeDrop(drop, roadmap))}
          empty="The RSI does not fall from one phase to the next anywhere it could be measured."
        />
        <h3>What defectors say</h3>
        <Defectors insights={insights} roadmap={roadmap} />
        <h3>What customers want, and what the plan does</h3>
        <Sentences
          items={[
            ...insights.mismatches.map((m) => describeMismatch(m, roadmap, (t) => plan.calendar.months[t]?.label)),
            ...insights.channelGaps.map((gap) => describeChannelGap(gap, roadmap)),
          ]}
          limit={layout.limits.tableRows}
          more="the app's diagnostics list them all"
          empty="The plan contacts no segment more often than its respondents want, through channels they prefer."
        />
      </section>
    </>
  );
}

function RsiFigureCell({ cell }: { cell: RsiCell | undefined }) {
  if (!cell) return <span className="muted">no answers</span>;
  if (cell.rsi === null) {
    return (
      <span className="muted">
        too few answers <span className="report-rsi-n">n {cell.n}</span>
      </span>
    );
  }
  return (
    <>
      <strong className="report-rsi-value">{Math.round(cell.rsi)}</strong>{" "}
      <span className="report-rsi-n">
        {cell.low !== null && cell.high !== null ? `${Math.round(cell.low)}–${Math.round(cell.high)} · ` : ""}n {cell.n}
      </span>
    </>
  );
}

function Sentences({
  items,
  empty,
  limit = Number.POSITIVE_INFINITY,
  more,
}: {
  items: readonly string[];
  empty: string;
  limit?: number;
  more?: string;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  const shown = items.slice(0, limit);
  return (
    <>
      <ul className="report-alerts">
        {shown.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {items.length > shown.length && (
        <p className="report-more">
          And {formatCount(items.length - shown.length)} more: {more}.
        </p>
      )}
    </>
  );
}

function Defectors({ insights, roadmap }: { insights: SurveyInsights; roadmap: Roadmap }) {
  const { defectors: summary } = insights;
  const phaseNames = namesById(roadmap.phases);
  if (summary.phaseIds.length === 0) {
    return <p className="muted">The lifecycle has no at-risk or win-back phase to hear defectors in.</p>;
  }
  const where = summary.phaseIds.map((id) => phaseNames.get(id) ?? id).join(", ");
  if (summary.defectors.rsi.n === 0) return <p className="muted">No one in {where} answered the survey.</p>;
  const rows = defectorRows(insights, roadmap, {
    count: formatCount,
    percent: formatPercent,
    decimal: formatDecimal,
  });
  return (
    <>
      <p>Respondents in {where} (at risk or lapsed) against everyone else; dimension scores are 0–100 like the RSI.</p>
      <table className="report-table report-rsi-defectors" aria-label="What defectors say">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">At risk or lapsed</th>
            <th scope="col">Everyone else</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, defectors, rest]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{defectors}</td>
              <td>{rest}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

interface CurveLine {
  id: string | null;
  name: string;
  color?: string | undefined;
  cells: readonly RsiCell[];
}

const WIDTH = 640;
const HEIGHT = 250;
const PLOT = { left: 34, right: 165, top: 10, bottom: 66 };
/** Told apart in grey as well as in colour: each line has its own dashes and marker. */
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];
const MARKERS = ["circle", "square", "triangle", "diamond", "circle", "square"] as const;

/**
 * The RSI of each phase in lifecycle order, one line for all segments (black,
 * heavier) and one per segment (its colour, its own dashes and markers),
 * labelled at their ends, so it reads on a grey printer. A line runs on past a
 * phase with too few answers, which has no marker.
 */
function RsiCurve({
  phases,
  lines,
  phaseNames,
}: {
  phases: readonly string[];
  lines: readonly CurveLine[];
  phaseNames: Map<string, string>;
}) {
  if (phases.length === 0) return null;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (i: number) => PLOT.left + (phases.length === 1 ? plotWidth / 2 : (i / (phases.length - 1)) * plotWidth);
  const y = (value: number) => PLOT.top + (1 - value / 100) * plotHeight;
  const drawn = lines.map((line, l) => {
    const points = phases.map((phaseId, i) => {
      const value = line.cells.find((cell) => cell.phaseId === phaseId)?.rsi ?? null;
      return value === null ? null : { x: x(i), y: y(value) };
    });
    // Across phases with too few answers, as the places to act measure falls.
    const path = points
      .filter((point) => point !== null)
      .map((point, i) => `${i === 0 ? "M" : "L"}${point.x.toFixed(1)},${point.y.toFixed(1)}`)
      .join("");
    const last = points.findLast((point) => point !== null) ?? null;
    return { line, l, points, path, last };
  });
  const labels = placeLabels(drawn.flatMap(({ l, last }) => (last ? [{ l, y: last.y }] : [])));
  return (
    <svg
      className="report-rsi-curve"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label="The RSI of each phase along the lifecycle, per segment"
    >
      {[0, 25, 50, 75, 100].map((tick) => (
        <g key={tick}>
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} stroke="#d5dae3" strokeWidth={0.5} />
          <text x={PLOT.left - 4} y={y(tick) + 3} textAnchor="end" fontSize={9} fill="#5f6b7c">
            {tick}
          </text>
        </g>
      ))}
      {phases.map((phaseId, i) => (
        <text
          key={phaseId}
          x={x(i)}
          y={HEIGHT - PLOT.bottom + 12}
          fontSize={9}
          fill="#1b2430"
          textAnchor="end"
          transform={`rotate(-30 ${x(i)} ${HEIGHT - PLOT.bottom + 12})`}
        >
          {clipText(phaseNames.get(phaseId) ?? phaseId, 22)}
        </text>
      ))}
      {drawn.map(({ line, l, points, path }) => {
        const color = line.id === null ? "#1b2430" : (line.color ?? "#5f6b7c");
        return (
          <g key={line.id ?? ""} data-line={line.name}>
            <path
              d={path}
              fill="none"
              stroke={color}
              strokeWidth={line.id === null ? 2.5 : 1.5}
              strokeDasharray={DASHES[l % DASHES.length] || undefined}
            />
            {points.map(
              (point, i) =>
                point && (
                  <Marker key={phases[i]} shape={MARKERS[l % MARKERS.length] ?? "circle"} {...point} color={color} />
                ),
            )}
          </g>
        );
      })}
      {labels.map(({ l, y: labelY }) => {
        const entry = drawn[l];
        if (!entry?.last) return null;
        return (
          <g key={`label-${entry.line.id ?? ""}`}>
            <line
              x1={entry.last.x + 4}
              x2={WIDTH - PLOT.right + 6}
              y1={entry.last.y}
              y2={labelY}
              stroke="#9aa3b2"
              strokeWidth={0.5}
            />
            <text x={WIDTH - PLOT.right + 8} y={labelY + 3} fontSize={9} fill="#1b2430">
              {clipText(entry.line.name, 32)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** End labels pushed apart vertically so that none overlaps another. */
function placeLabels(ends: readonly { l: number; y: number }[]): { l: number; y: number }[] {
  const GAP = 10;
  const sorted = [...ends].sort((a, b) => a.y - b.y);
  const placed: { l: number; y: number }[] = [];
  for (const end of sorted) {
    const previous = placed.at(-1);
    placed.push({ l: end.l, y: previous && end.y - previous.y < GAP ? previous.y + GAP : end.y });
  }
  return placed;
}

function Marker({ shape, x, y, color }: { shape: (typeof MARKERS)[number]; x: number; y: number; color: string }) {
  const r = 3;
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={r} fill="#fff" stroke={color} strokeWidth={1.5} />;
    case "square":
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={color} />;
    case "triangle":
      return <path d={`M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z`} fill={color} />;
    case "diamond":
      return (
        <path
          d={`M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z`}
          fill="#fff"
          stroke={color}
          strokeWidth={1.5}
        />
      );
  }
}
