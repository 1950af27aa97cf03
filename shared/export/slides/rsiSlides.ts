import { namesById } from "../../model/queries";
import {
  describeChannelGap,
  describeDrop,
  describeMismatch,
  type SurveyInsights,
  surveyInsights,
} from "../../survey/insights";
import type { RsiCell, RsiResult } from "../../survey/rsi";
import { clipText } from "../reportLayout";
import { defectorRows, placesToAct, rsiFigureText, rsiGrid } from "../rsiRows";
import { addBullets, addCaption, chartText, fitBullets, legendName } from "./analysisSlideParts";
import type { DeckContext } from "./deckContext";
import { BODY_FONT_PT, DECK_COLOURS, deckColour, SLIDE_BODY } from "./deckTheme";
import { addContentSlide, addTableSlides, fitLine, textHeight, textStyle } from "./slideFrame";

/** Segment columns of the grid and lines of the chart besides "All segments", as in the report. */
export const RSI_SEGMENT_COLUMNS = 5;
/** Characters of a phase's name under the chart's axis, where no box can wrap it. */
const AXIS_LABEL_CHARS = 22;
const CHART_FONT_PT = 12;

/** A grid cell: the RSI and its interval, then how many answered. */
export function rsiCellText(cell: RsiCell | undefined): string {
  if (!cell) return "no answers";
  return `${rsiFigureText(cell)}\nn ${cell.n}`;
}

/**
 * The relationship survey as the report shows it: the RSI of each phase and
 * segment with its interval, the RSI along the lifecycle as a native line
 * chart, then what the answers say about the plan (places to act, what those
 * at risk or lapsed say, where the plan contacts more often than wanted).
 */
export function addRsiSlides(context: DeckContext): void {
  const { roadmap, plan } = context;
  const insights = surveyInsights(roadmap, plan.pressure);
  const wave = roadmap.survey.waves.find((w) => w.id === insights.waveId);
  if (!wave) return;
  const { rsi } = insights;
  const phaseNames = namesById(roadmap.phases);
  const segmentNames = namesById(roadmap.segments);
  const { phaseIds: phases, segmentIds: allSegments, cellOf } = rsiGrid(roadmap, rsi);
  const segments = allSegments.slice(0, RSI_SEGMENT_COLUMNS);
  const source = `From the survey "${wave.name}" of ${wave.date}: ${context.format.count(rsi.overall.n)} respondents${
    rsi.excluded > 0 ? `, ${context.format.count(rsi.excluded)} left out for answering fewer than half the items` : ""
  }.`;
  const moreSegments =
    allSegments.length > segments.length
      ? ` ${allSegments.length - segments.length} more segments are in the app's RSI view.`
      : "";

  addTableSlides(context, {
    title: "Relationship strength",
    name: "RSI by phase and segment",
    caption: `The Relationship Strength Index (0–100) of each phase, overall ${rsiFigureText(rsi.overall)}: the mean with its 95 % interval, and how many answered.`,
    notes: `${source} Groups of fewer than ${roadmap.survey.minimumRespondents} respondents show "too few answers"; phases in lifecycle order.${moreSegments}`,
    columns: [
      { header: "Phase", weight: 2.4 },
      { header: "All segments", weight: 1.4, align: "center" },
      ...segments.map((id) => ({ header: segmentNames.get(id) ?? id, weight: 1.4, align: "center" as const })),
    ],
    rows: phases.map((phaseId) => [
      phaseNames.get(phaseId) ?? phaseId,
      { text: rsiCellText(cellOf(phaseId, null)), bold: true },
      ...segments.map((segmentId) => rsiCellText(cellOf(phaseId, segmentId))),
    ]),
  });

  addRsiCurve(context, insights.rsi, phases, segments, source);
  addSurveyFindings(context, insights);
  addDefectorSlides(context, insights);
}

function addRsiCurve(
  context: DeckContext,
  rsi: RsiResult,
  phases: readonly string[],
  segments: readonly string[],
  source: string,
) {
  const { roadmap } = context;
  if (phases.length === 0) return;
  const phaseNames = namesById(roadmap.phases);
  const { slide, body } = addContentSlide(
    context,
    "The RSI along the lifecycle",
    `${source} One line for all segments and one per segment (up to ${RSI_SEGMENT_COLUMNS}); a line runs on past a phase with too few answers. The chart's data is inside it: right-click, Edit Data.`,
  );
  const lines = [
    { name: "All segments", colour: DECK_COLOURS.ink, cells: rsi.phases },
    ...segments.map((id) => {
      const segment = roadmap.segments.find((s) => s.id === id);
      return {
        name: segment?.name ?? id,
        colour: deckColour(segment?.color ?? ""),
        cells: rsi.cells.filter((cell) => cell.segmentId === id),
      };
    }),
  ];
  const labels = phases.map((id) => clipText(phaseNames.get(id) ?? id, AXIS_LABEL_CHARS));
  slide.addChart(
    context.pptx.ChartType.line,
    lines.map((line) => ({
      name: legendName(line.name),
      labels,
      values: phases.map((phaseId) => line.cells.find((cell) => cell.phaseId === phaseId)?.rsi ?? null),
    })),
    {
      ...chartText(CHART_FONT_PT),
      x: body.x,
      y: body.y,
      w: body.width,
      h: body.height,
      chartColors: lines.map((line) => line.colour),
      lineSize: 2,
      lineDataSymbol: "circle",
      lineDataSymbolSize: 7,
      valAxisMinVal: 0,
      valAxisMaxVal: 100,
      valAxisMajorUnit: 25,
      showValAxisTitle: true,
      valAxisTitle: "RSI (0–100)",
      catAxisLabelRotate: phases.length > 6 ? -30 : 0,
      showLegend: true,
      legendPos: "r",
      objectName: "RSI along the lifecycle",
    },
  );
}

function addSurveyFindings(context: DeckContext, insights: SurveyInsights) {
  const { roadmap, plan } = context;
  const headingPt = BODY_FONT_PT + 2;
  const headingHeight = textHeight(1, headingPt);
  const half = (SLIDE_BODY.width - 0.3) / 2;
  const box = { width: half, height: SLIDE_BODY.height - headingHeight };
  const sections = [
    {
      heading: "Places to act",
      items: placesToAct(insights).map((drop) => describeDrop(drop, roadmap)),
      empty: "The RSI does not fall from one phase to the next anywhere it could be measured.",
      x: SLIDE_BODY.x,
    },
    {
      heading: "What customers want, and what the plan does",
      items: [
        ...insights.mismatches.map((m) => describeMismatch(m, roadmap, (t) => plan.calendar.months[t]?.label)),
        ...insights.channelGaps.map((gap) => describeChannelGap(gap, roadmap)),
      ],
      empty: "The plan contacts no segment more often than its respondents want, through channels they prefer.",
      x: SLIDE_BODY.x + half + 0.3,
    },
  ].map((section) => ({ ...section, bullets: fitBullets(section.items, box) }));
  const left = sections
    .filter((section) => section.bullets.length < section.items.length)
    .map(
      (section) =>
        `${section.heading}: ${section.items.length - section.bullets.length} more in the app's diagnostics.`,
    );
  const { slide, body } = addContentSlide(
    context,
    "What the survey says about the plan",
    [
      "Places to act: the largest falls of the RSI from one phase to the next, over all segments, then within a segment. What customers want: each segment's median wanted contacts a month against the plan's contact pressure, and the channels a quarter or more prefer that the plan does not use.",
      ...left,
    ].join("\n"),
  );
  for (const section of sections) {
    slide.addText(fitLine(section.heading, half, headingPt, true), {
      ...textStyle(headingPt, { bold: true, color: DECK_COLOURS.accent }),
      x: section.x,
      y: body.y,
      w: half,
      h: headingHeight,
      objectName: section.heading,
    });
    const at = { ...box, x: section.x, y: body.y + headingHeight };
    if (section.items.length === 0) addCaption(slide, section.empty, at, `${section.heading}: none`);
    else addBullets(slide, section.bullets, at, `${section.heading} list`);
  }
}

function addDefectorSlides(context: DeckContext, insights: SurveyInsights) {
  const { roadmap, format } = context;
  const summary = insights.defectors;
  if (summary.phaseIds.length === 0 || summary.defectors.rsi.n === 0) return;
  const phaseNames = namesById(roadmap.phases);
  const where = summary.phaseIds.map((id) => phaseNames.get(id) ?? id).join(", ");
  addTableSlides(context, {
    title: "What those at risk or lapsed say",
    name: "What defectors say",
    caption: `Respondents in ${where} against everyone else; dimension scores are 0–100 like the RSI.`,
    notes:
      "From the same survey wave: the respondents of the at-risk and win-back phases against all others. Likelihood to recommend is the 0–10 question; detractors answer 0–6.",
    columns: [
      { header: "", weight: 2.5 },
      { header: "At risk or lapsed", weight: 2 },
      { header: "Everyone else", weight: 2 },
    ],
    rows: defectorRows(insights, roadmap, {
      ...format,
      decimal: new Intl.NumberFormat(context.locale, { maximumFractionDigits: 1 }).format,
    }),
  });
}
