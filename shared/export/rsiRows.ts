import { lifecycleOrder } from "../model/presentationWalk";
import { namesById } from "../model/queries";
import type { Roadmap } from "../model/schema";
import { formatContacts, type GroupAnswers, type RsiDrop, type SurveyInsights } from "../survey/insights";
import type { RsiCell, RsiFigure, RsiResult } from "../survey/rsi";

/** An RSI in words as the report and the deck write it: "72 (65–79)", or "too few answers". */
export function rsiFigureText(figure: RsiFigure): string {
  if (figure.rsi === null) return "too few answers";
  const interval =
    figure.low !== null && figure.high !== null ? ` (${Math.round(figure.low)}–${Math.round(figure.high)})` : "";
  return `${Math.round(figure.rsi)}${interval}`;
}

/** The RSI grid's rows and columns: the phases and segments someone answered in, and each cell. */
export interface RsiGrid {
  /** In lifecycle order. */
  readonly phaseIds: readonly string[];
  /** In the roadmap's order. */
  readonly segmentIds: readonly string[];
  /** The phase's RSI in the segment, or over all segments (`segmentId` null); undefined where no one answered. */
  cellOf(phaseId: string, segmentId: string | null): RsiCell | undefined;
}

/** The grid the report and the deck print the RSI in. */
export function rsiGrid(roadmap: Roadmap, rsi: RsiResult): RsiGrid {
  const answered = new Set(rsi.phases.map((cell) => cell.phaseId));
  const answeredSegments = new Set(rsi.cells.map((cell) => cell.segmentId));
  return {
    phaseIds: lifecycleOrder(roadmap).filter((id) => answered.has(id)),
    segmentIds: roadmap.segments.map((segment) => segment.id).filter((id) => answeredSegments.has(id)),
    cellOf: (phaseId, segmentId) =>
      segmentId === null
        ? rsi.phases.find((cell) => cell.phaseId === phaseId)
        : rsi.cells.find((cell) => cell.phaseId === phaseId && cell.segmentId === segmentId),
  };
}

/** The largest falls over all segments, then those within a segment that are not the same fall again. */
export function placesToAct(insights: SurveyInsights): RsiDrop[] {
  const overall = new Set(insights.placesToAct.map((drop) => `${drop.fromPhaseId}>${drop.phaseId}`));
  return [
    ...insights.placesToAct,
    ...insights.placesToActBySegment.filter((drop) => !overall.has(`${drop.fromPhaseId}>${drop.phaseId}`)),
  ];
}

/** How the caller writes numbers: the report the user's way, the deck in its fixed locale. */
export interface SurveyNumberFormat {
  count(value: number): string;
  percent(share: number): string;
  decimal(value: number): string;
}

/**
 * What those at risk or lapsed say against everyone else, a row per figure:
 * its label, the defectors' and the rest's. Dimension scores are 0–100 like
 * the RSI; a figure below the survey's minimum is "too few answers".
 */
export function defectorRows(
  insights: SurveyInsights,
  roadmap: Roadmap,
  format: SurveyNumberFormat,
): [string, string, string][] {
  const summary = insights.defectors;
  const channelNames = namesById(roadmap.channels);
  const dimensionNames = namesById(roadmap.survey.dimensions);
  const orTooFew = (value: number | null, write: (value: number) => string) =>
    value === null ? "too few answers" : write(value);
  const score = (value: number | null) => orTooFew(value, (v) => String(Math.round(v)));
  const both = (of: (group: GroupAnswers) => string): [string, string] => [of(summary.defectors), of(summary.rest)];
  const channels = (group: GroupAnswers) =>
    group.channels
      .slice(0, 3)
      .map((c) => `${channelNames.get(c.channelId) ?? c.channelId} ${format.percent(c.share)}`)
      .join(", ") || "none named";
  return [
    ["Respondents", ...both((g) => format.count(g.rsi.n))],
    ["RSI (95 % interval)", ...both((g) => rsiFigureText(g.rsi))],
    ...summary.dimensions.map((d): [string, string, string] => [
      dimensionNames.get(d.dimensionId) ?? d.dimensionId,
      score(d.defectors),
      score(d.rest),
    ]),
    [
      "Likelihood to recommend (0–10)",
      ...both((g) => orTooFew(g.recommend.mean, (mean) => format.decimal(Math.round(mean * 10) / 10))),
    ],
    ["Detractors (0–6)", ...both((g) => orTooFew(g.recommend.detractors, format.percent))],
    ["Contacts a month wanted (median)", ...both((g) => orTooFew(g.contacts.wanted, formatContacts))],
    ["Preferred channels", ...both(channels)],
  ];
}
