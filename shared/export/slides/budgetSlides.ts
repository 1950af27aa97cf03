import type PptxGenJS from "pptxgenjs";
import type { BudgetTable } from "../../engine/budget";
import type { Period } from "../../engine/calendar";
import { figurePeriods } from "../../engine/planPeriods";
import { returnOnInvestment } from "../../engine/schedule";
import { splitByStatus } from "../../engine/statusSplit";
import { namesById } from "../../model/queries";
import { sumByPeriods } from "../reportLayout";
import type { DeckContext } from "./deckContext";
import { DECK_COLOURS, DECK_FONT, deckColour } from "./deckTheme";
import { addContentSlide, addTableSlides, fitLine, type SlideBox } from "./slideFrame";

/** More quarters than this (a plan over six years) and the chart shows years: 25 bars stay readable, 60 do not. */
export const QUARTERS_IN_CHART = 24;

/** Owners charted by name, the costliest; the rest are one bar, so a big organisation's chart stays legible. */
export const OWNERS_IN_CHART = 12;

/**
 * Chart text: axis labels, legend and data labels at the tables' 12 pt; the
 * widths an owner's name (left of its bar) and a stage's (in the legend) may
 * take before they are shortened.
 */
export const CHART_TEXT = { fontPt: 12, ownerLabelWidth: 3, legendEntryWidth: 2.5 } as const;

/**
 * The budget as a consultant would present it: a table of cost, expected
 * value and return by year; cost by quarter stacked by stage and cost by
 * owner as native charts whose data lives in the chart (PowerPoint's "Edit
 * Data" opens it), so the client can restyle or update them. Nothing when
 * costs are hidden: every figure here is money. A plan that costs nothing
 * gets the table alone: a chart of zeros says nothing.
 */
export function addBudgetSlides(context: DeckContext): void {
  if (!context.includeCosts) return;
  addBudgetSummary(context);
  if (context.plan.budget.totalCost === 0) return;
  addStageChart(context);
  addOwnerChart(context);
}

/** The headline, then cost, value and return per calendar year and for the whole plan, to the cent. */
function addBudgetSummary(context: DeckContext): void {
  const { roadmap, plan, format } = context;
  const { budget } = plan;
  const months = plan.calendar.months.length;
  const periods = figurePeriods(plan.calendar);
  const cost = sumByPeriods(budget.overall.byMonth.cost, months, periods);
  const value = sumByPeriods(budget.overall.byMonth.value, months, periods);
  const sendsByMonth = new Float64Array(months);
  for (const schedule of plan.communications) {
    for (let t = 0; t < months; t++) sendsByMonth[t] = (sendsByMonth[t] as number) + (schedule.fires[t] ?? 0);
  }
  const sends = sumByPeriods(sendsByMonth, months, periods);
  const whole = periods.length - 1;
  const roi = (share: number | null) => (share === null ? "—" : format.percent(share));
  const rows = periods.map((period, j) => {
    const isWhole = j === whole;
    const periodCost = isWhole ? budget.totalCost : (cost[j] ?? 0);
    const periodValue = isWhole ? budget.totalValue : (value[j] ?? 0);
    return [
      { text: period.label, bold: isWhole },
      { text: format.count(isWhole ? budget.sends : (sends[j] ?? 0)), bold: isWhole },
      { text: format.money(periodCost), bold: isWhole },
      { text: format.money(periodValue), bold: isWhole },
      { text: roi(isWhole ? budget.roi : returnOnInvestment(periodValue, periodCost)), bold: isWhole },
    ];
  });
  const [existing, proposed] = splitByStatus(roadmap, plan.communications);
  const headline = `The plan costs ${format.money(budget.totalCost)} over ${roadmap.horizonMonths} months and is expected to bring ${format.money(budget.totalValue)}${budget.roi === null ? "" : `, a return of ${format.percent(budget.roi)}`}.`;
  const split = `Existing communications cost ${format.money(existing?.cost ?? 0)}, proposed ones ${format.money(proposed?.cost ?? 0)}.`;
  addTableSlides(context, {
    title: "Budget",
    caption: `${headline} ${split}`,
    notes: [
      "Cost, expected value and return per calendar year of the plan, then for the whole plan, to the cent, from the plan's month-by-month budget.",
      "A year the plan only partly covers says how many of its months it holds. Sends count the months in which each communication goes out.",
      "Return is (expected value − cost) ÷ cost; a year that costs nothing has none (—).",
    ].join("\n"),
    columns: [
      { header: "Year", weight: 2.2 },
      { header: "Sends", weight: 1, align: "right" },
      { header: "Cost", weight: 1.6, align: "right" },
      { header: "Expected value", weight: 1.6, align: "right" },
      { header: "Return on investment", weight: 1.3, align: "right" },
    ],
    rows,
    name: "Budget by year",
  });
}

/** The periods the stage chart shows, the engine's table for them, and their name. */
function chartPeriods(context: DeckContext): { table: BudgetTable; noun: string } {
  const stages = context.plan.budget.byDimension.stage;
  return stages.byQuarter.periods.length <= QUARTERS_IN_CHART
    ? { table: stages.byQuarter, noun: "quarter" }
    : { table: stages.byYear, noun: "year" };
}

/** Cost by quarter (by year for a long plan), one stacked series per stage that spends anything, in its colour. */
function addStageChart(context: DeckContext): void {
  const { roadmap, plan, format } = context;
  const stageBudget = plan.budget.byDimension.stage;
  const { table, noun } = chartPeriods(context);
  const stages = new Map(roadmap.stages.map((stage) => [stage.id, stage]));
  const columns = table.periods.length;
  const spending = stageBudget.keys.flatMap((key, k) => ((stageBudget.totalCost[k] ?? 0) > 0 ? [{ key, k }] : []));
  const data = spending.map(({ key, k }) => ({
    name: fitLine(stages.get(key)?.name ?? key, CHART_TEXT.legendEntryWidth, CHART_TEXT.fontPt),
    labels: table.periods.map((period: Period) => period.label),
    values: Array.from(table.cost.subarray(k * columns, (k + 1) * columns), toCents),
  }));
  const { slide, body } = addContentSlide(
    context,
    `Cost by ${noun} and stage`,
    [
      `Each bar is a ${noun} of the plan (calendar ${noun}s, so the first and last may be partial), split by the stage of the phase each communication belongs to.`,
      `Stages that spend nothing are left out. The figures are the plan's, to the cent; right-click the chart and choose Edit Data to see or change them.`,
      `Over the plan: ${spending.map(({ key, k }) => `${stages.get(key)?.name ?? key} ${format.money(stageBudget.totalCost[k] ?? 0)}`).join(", ")}.`,
    ].join("\n"),
  );
  slide.addChart(context.pptx.ChartType.bar, data, {
    ...chartStyle(context, body),
    barDir: "col",
    barGrouping: "stacked",
    barGapWidthPct: 60,
    chartColors: spending.map(({ key }) => deckColour(stages.get(key)?.color ?? "")),
    showLegend: true,
    legendPos: "b",
    legendFontFace: DECK_FONT,
    legendFontSize: CHART_TEXT.fontPt,
    legendColor: DECK_COLOURS.ink,
    objectName: "Cost by period and stage",
  });
}

/**
 * Cost per owner, the costliest at the top, each bar labelled with its
 * amount: who spends the budget. Past `OWNERS_IN_CHART` the rest share one bar.
 */
function addOwnerChart(context: DeckContext): void {
  const { roadmap, plan, format } = context;
  const owners = plan.budget.byDimension.owner;
  const names = namesById(roadmap.owners);
  const spending = owners.keys
    .map((key, k) => ({ name: names.get(key) ?? key, cost: owners.totalCost[k] ?? 0 }))
    .filter((owner) => owner.cost > 0)
    .sort((a, b) => b.cost - a.cost);
  const named = spending.slice(0, OWNERS_IN_CHART);
  const rest = spending.slice(OWNERS_IN_CHART);
  const bars =
    rest.length === 0
      ? named
      : [
          ...named,
          {
            name: `${rest.length} other owner${rest.length === 1 ? "" : "s"}`,
            cost: rest.reduce((sum, owner) => sum + owner.cost, 0),
          },
        ];
  // PowerPoint draws a bar chart's first category at the bottom: listing the costliest last puts it on top.
  const drawn = [...bars].reverse();
  const { slide, body } = addContentSlide(
    context,
    "Cost by owner",
    [
      "What each owner's communications cost over the whole plan, to the cent, from the plan's budget by owner.",
      rest.length === 0
        ? "Owners whose communications cost nothing are left out."
        : `The ${OWNERS_IN_CHART} costliest owners are named; the other ${rest.length} are added up in one bar: ${rest.map((owner) => `${owner.name} ${format.money(owner.cost)}`).join(", ")}.`,
      "Right-click the chart and choose Edit Data to see or change the figures.",
    ].join("\n"),
  );
  slide.addChart(
    context.pptx.ChartType.bar,
    [
      {
        name: "Cost",
        labels: drawn.map((bar) => fitLine(bar.name, CHART_TEXT.ownerLabelWidth, CHART_TEXT.fontPt)),
        values: drawn.map((bar) => toCents(bar.cost)),
      },
    ],
    {
      ...chartStyle(context, body),
      barDir: "bar",
      barGapWidthPct: 40,
      chartColors: [DECK_COLOURS.accent],
      showValue: true,
      dataLabelPosition: "outEnd",
      dataLabelFormatCode: moneyFormatCode(context),
      dataLabelColor: DECK_COLOURS.ink,
      objectName: "Cost by owner",
    },
  );
}

/** The engine's figure to the cent, as the chart's data sheet holds it. */
function toCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * What every budget chart shares: the body box, Arial at 12 pt, money on the
 * value axis; no title of its own, the slide's says what it shows.
 */
function chartStyle(context: DeckContext, body: SlideBox): PptxGenJS.IChartOpts {
  return {
    x: body.x,
    y: body.y,
    w: body.width,
    h: body.height,
    showTitle: false,
    catAxisLabelFontFace: DECK_FONT,
    catAxisLabelFontSize: CHART_TEXT.fontPt,
    catAxisLabelColor: DECK_COLOURS.inkSoft,
    valAxisLabelFontFace: DECK_FONT,
    valAxisLabelFontSize: CHART_TEXT.fontPt,
    valAxisLabelColor: DECK_COLOURS.inkSoft,
    valAxisLabelFormatCode: moneyFormatCode(context),
    valGridLine: { color: DECK_COLOURS.line, size: 0.5 },
    dataLabelFontFace: DECK_FONT,
    dataLabelFontSize: CHART_TEXT.fontPt,
    lang: context.locale,
  };
}

/**
 * An Excel number format for whole amounts in the roadmap's currency, its
 * symbol where the deck's locale puts it ("€"#,##0 or #,##0" kr"), so the
 * chart's axis reads as the tables do.
 */
export function moneyFormatCode(context: Pick<DeckContext, "roadmap" | "locale">): string {
  const parts = new Intl.NumberFormat(context.locale, {
    style: "currency",
    currency: context.roadmap.currency,
    maximumFractionDigits: 0,
  }).formatToParts(1000);
  const number = parts.findIndex((part) => part.type === "integer");
  const literal = (list: Intl.NumberFormatPart[]) =>
    list
      .filter((part) => part.type === "currency" || part.type === "literal")
      .map((part) => part.value.replace(/"/g, ""))
      .join("");
  const before = literal(parts.slice(0, number));
  const after = literal(parts.slice(number));
  return `${before ? `"${before}"` : ""}#,##0${after ? `"${after}"` : ""}`;
}
