import { compareScenarios } from "../../engine/scenarioComparison";
import { describeDifference } from "../../model/differenceText";
import {
  type ComparedFigure,
  comparedBreakdown,
  comparedSegments,
  comparedTotals,
  defaultComparedScenarios,
  type FigureChange,
  type FigureKind,
  isAboutMoney,
} from "../scenarioComparisonRows";
import { aboutMoney, chartText, legendName } from "./analysisSlideParts";
import type { DeckContext, DeckFormats } from "./deckContext";
import { DECK_COLOURS } from "./deckTheme";
import { addContentSlide, addTableSlides, type DeckTableColumn } from "./slideFrame";

/** Differences listed per scenario; the app's Compare view lists them all. */
export const DECK_DIFFERENCES = 20;
const CHART_FONT_PT = 12;
/** The compared scenarios' colours in the chart: the first (what the others are compared with) in the accent. */
const SCENARIO_COLOURS = [DECK_COLOURS.accent, "2A9D8F", "E9A23B"];

/** A compared figure as the deck writes it: money to the cent, an ROI as a share, a count whole; "—" undefined. */
export function deckFigureText(kind: FigureKind, value: number | null, format: DeckFormats): string {
  if (value === null) return "—";
  switch (kind) {
    case "money":
      return format.money(value);
    case "roi":
      return format.percent(value);
    case "count":
      return format.count(value);
  }
}

/**
 * How a scenario's figure differs from the first scenario's: "+$1,200.00
 * (+11 %)", an ROI in percentage points, "same" when nothing moved (less than
 * the figures are written to), "" when either figure is undefined.
 */
export function deckChangeText(kind: FigureKind, change: FigureChange | null, format: DeckFormats): string {
  if (change === null) return "";
  if (Math.abs(change.absolute) < (kind === "roi" ? 0.0005 : kind === "money" ? 0.005 : 0.5)) return "same";
  const sign = change.absolute > 0 ? "+" : "";
  if (kind === "roi") return `${sign}${(Math.round(change.absolute * 1000) / 10).toString()} pts`;
  const absolute = `${sign}${kind === "money" ? format.money(change.absolute) : format.count(change.absolute)}`;
  if (change.relative === null) return absolute;
  return `${absolute} (${change.relative > 0 ? "+" : ""}${format.percent(change.relative)})`;
}

/** A figure's cells across the scenarios: the value, and under each after the first its difference. */
function figureCells(figure: ComparedFigure, format: DeckFormats): string[] {
  return figure.values.map((value, i) => {
    const text = deckFigureText(figure.kind, value, format);
    const change = i === 0 ? "" : deckChangeText(figure.kind, figure.changes[i - 1] ?? null, format);
    return change === "" ? text : `${text}\n${change}`;
  });
}

/**
 * The base plan against the roadmap's other scenarios (up to three in all),
 * as the report compares them: the totals with each one's difference from the
 * base, the budget by year as a native bar chart and a table (costs shown
 * only), each segment's figures, and what each scenario does differently.
 */
export function addScenarioSlides(context: DeckContext): void {
  const { roadmap, format, includeCosts } = context;
  const comparison = compareScenarios(roadmap, defaultComparedScenarios(roadmap));
  const names = comparison.scenarios.map((scenario) => scenario.name);
  const [base = "", ...others] = names;
  const shown = (figures: readonly ComparedFigure[]) =>
    includeCosts ? figures : figures.filter((figure) => !isAboutMoney(figure));
  const scenarioColumns: DeckTableColumn[] = names.map((name) => ({ header: name, weight: 2, align: "right" }));
  const planned = `Each scenario planned by the engine over the same ${roadmap.horizonMonths} months; under each figure of a scenario after the first, how it differs from "${base}".`;

  addTableSlides(context, {
    title: "Scenario comparison",
    name: "Scenario totals",
    notes: `"${base}" against ${others.map((name) => `"${name}"`).join(" and ")}. ${planned}${includeCosts ? "" : " Figures about money are left out."}`,
    columns: [{ header: "", weight: 2.4 }, ...scenarioColumns],
    rows: shown(comparedTotals(comparison)).map((figure) => [figure.label, ...figureCells(figure, format)]),
  });

  if (includeCosts) {
    const years = comparedBreakdown(comparison, "byYear");
    const { slide, body } = addContentSlide(
      context,
      "Scenario comparison: budget by year",
      `What each scenario's communications cost in each year of the plan, as the engine's budget gives it. The chart's data is inside it (right-click, Edit Data); the next slide has the figures to the cent.`,
    );
    slide.addChart(
      context.pptx.ChartType.bar,
      names.map((name, i) => ({
        name: legendName(name),
        labels: years.map((row) => row.label),
        values: years.map((row) => row.cost.values[i] ?? 0),
      })),
      {
        ...chartText(CHART_FONT_PT),
        x: body.x,
        y: body.y,
        w: body.width,
        h: body.height,
        barDir: "col",
        barGrouping: "clustered",
        chartColors: SCENARIO_COLOURS.slice(0, names.length),
        valAxisLabelFormatCode: "#,##0",
        showValAxisTitle: true,
        valAxisTitle: roadmap.currency,
        showLegend: true,
        legendPos: "b",
        objectName: "Budget by year",
      },
    );
    addTableSlides(context, {
      title: "Scenario comparison: budget by year (figures)",
      name: "Budget by year",
      notes: planned,
      columns: [{ header: "Year", weight: 2.4 }, ...scenarioColumns],
      rows: years.map((row) => [row.label, ...figureCells(row.cost, format)]),
    });
  }

  // A segment's cost is left to the Compare view and the workbook, as in the report: its value and ROI say what executives ask.
  const segmentRows = comparedSegments(comparison).flatMap((segment) =>
    // The segment's name on each of its rows, so a row read on a continuation slide still says whose it is.
    shown(segment.figures.filter((figure) => figure.key !== "cost")).map((figure) => [
      segment.name,
      figure.label,
      ...figureCells(figure, format),
    ]),
  );
  addTableSlides(context, {
    title: "Scenarios by segment",
    name: "Scenarios by segment",
    notes: `${planned} Each segment's customers kept, ${includeCosts ? "expected value, ROI, lifetime value, " : ""}collisions and the most contacts one customer gets in a month.`,
    columns: [{ header: "Segment", weight: 2 }, { header: "", weight: 2.2 }, ...scenarioColumns],
    rows: segmentRows,
  });

  const money = includeCosts ? format.money : null;
  for (const { from, to, changes } of comparison.differences) {
    const fromName = comparison.scenarios.find((scenario) => scenario.scenarioId === from)?.name ?? from;
    const toName = comparison.scenarios.find((scenario) => scenario.scenarioId === to)?.name ?? to;
    const sentences = changes
      .map((change) => describeDifference(change, roadmap, { money }))
      .filter((sentence) => includeCosts || !aboutMoney(sentence, roadmap.currency));
    const listed = sentences.slice(0, DECK_DIFFERENCES);
    const more = sentences.length - listed.length;
    addTableSlides(context, {
      title: `Differences: "${toName}" against "${fromName}"`,
      name: `Differences of ${toName}`,
      caption:
        sentences.length === 0
          ? "The same plan."
          : `${format.count(sentences.length)} difference${sentences.length === 1 ? "" : "s"}${more > 0 ? `; the first ${listed.length} here` : ""}.`,
      notes: [
        `How the roadmap of "${toName}" differs from that of "${fromName}": phases, communications and settings added, removed or changed.`,
        more > 0 ? `${format.count(more)} more in the app's Compare view.` : "",
        includeCosts ? "" : "Changes to amounts of money are left out.",
      ]
        .filter((line) => line !== "")
        .join(" "),
      columns: [{ header: "What is different", weight: 1 }],
      rows: listed.map((sentence) => [sentence]),
    });
  }
}
