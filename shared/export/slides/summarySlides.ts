import { namesById } from "../../model/queries";
import { reportLayout, SUMMARY_LIMITS } from "../reportLayout";
import type { DeckContext } from "./deckContext";
import { BODY_FONT_PT, DECK_COLOURS } from "./deckTheme";
import {
  addContentSlide,
  addTableSlides,
  type DeckTableCell,
  type DeckTableColumn,
  fitLine,
  fitsLine,
  fitText,
  textHeight,
  textStyle,
} from "./slideFrame";

/** A headline figure: what it is, the figure, and what it is out of. */
interface Tile {
  name: string;
  label: string;
  value: string;
  note: string;
}

const TILES_PER_ROW = 3;
const TILE_GAP = 0.3;
const TILE_LABEL_PT = BODY_FONT_PT;
const TILE_VALUE_PT = { largest: 32, smallest: 18 };
const TILE_NOTE_PT = 12;
const TILE_NOTE_LINES = 2;

/**
 * The plan at a glance: its headline figures as tiles (with costs: the budget,
 * the value it buys and the return; always: customers kept, sends, and where
 * customers get too much), then every phase's customers, communications and,
 * with costs, money in one table, the costliest (or most populous) first.
 */
export function addSummarySlides(context: DeckContext): void {
  addHeadlineSlide(context);
  addPhasesAtAGlance(context);
}

function headlineTiles(context: DeckContext): Tile[] {
  const { plan, format, roadmap } = context;
  const { budget, customers, pressure } = plan;
  const money: Tile[] = context.includeCosts
    ? [
        {
          name: "Total budget",
          label: "Total budget",
          value: format.money(budget.totalCost),
          note: `over ${roadmap.horizonMonths} months`,
        },
        {
          name: "Expected value",
          label: "Expected value",
          value: format.money(budget.totalValue),
          note: `from ${format.count(budget.totalResponses)} expected responses`,
        },
        {
          name: "Return on investment",
          label: "Return on investment",
          value: budget.roi === null ? "—" : format.percent(budget.roi),
          note: "(expected value − budget) ÷ budget",
        },
      ]
    : [];
  return [
    ...money,
    {
      name: "Customers kept",
      label: "Customers kept",
      value: format.count(customers.atEnd),
      note: `of ${format.count(customers.atStart + customers.arrivals)}: ${format.count(customers.atStart)} at start, ${format.count(customers.arrivals)} arriving`,
    },
    {
      name: "Communications sent",
      label: "Communications sent",
      value: format.count(budget.sends),
      note: `${format.count(budget.totalReach)} contacts`,
    },
    {
      name: "Contact-pressure alerts",
      label: "Contact-pressure alerts",
      value: format.count(pressure.collisions.length),
      note: `times customers get over ${pressure.contactCap} communications a month, or over a channel's limit`,
    },
  ];
}

function addHeadlineSlide(context: DeckContext): void {
  const tiles = headlineTiles(context);
  const { plan, format } = context;
  const notes = [
    "The headline figures of the plan, from the plan's month-by-month simulation of the roadmap's customers and communications.",
    context.includeCosts
      ? `Budget and expected value are to the cent; the return is (value − cost) ÷ cost. ${format.count(plan.budget.sends)} sends reach ${format.count(plan.budget.totalReach)} contacts.`
      : `${format.count(plan.budget.sends)} sends reach ${format.count(plan.budget.totalReach)} contacts.`,
    "Sends count the months in which each communication goes out; contacts add up the customers each send reaches.",
  ].join("\n");
  const { slide, body } = addContentSlide(context, "The plan at a glance", notes);
  const rows = Math.ceil(tiles.length / TILES_PER_ROW);
  const width = (body.width - (TILES_PER_ROW - 1) * TILE_GAP) / TILES_PER_ROW;
  const labelHeight = textHeight(1, TILE_LABEL_PT);
  const valueHeight = textHeight(1, TILE_VALUE_PT.largest);
  const noteHeight = textHeight(TILE_NOTE_LINES, TILE_NOTE_PT);
  const height = labelHeight + valueHeight + noteHeight + 0.2;
  tiles.forEach((tile, index) => {
    const x = body.x + (index % TILES_PER_ROW) * (width + TILE_GAP);
    const y = body.y + Math.floor(index / TILES_PER_ROW) * (height + TILE_GAP);
    slide.addShape(context.pptx.ShapeType.roundRect, {
      x,
      y,
      w: width,
      h: height,
      rectRadius: 0.08,
      fill: { color: DECK_COLOURS.zebra },
      line: { color: DECK_COLOURS.line, width: 0.75 },
      objectName: `${tile.name} tile`,
    });
    slide.addText(fitLine(tile.label, width, TILE_LABEL_PT), {
      ...textStyle(TILE_LABEL_PT, { color: DECK_COLOURS.inkSoft }),
      x,
      y: y + 0.1,
      w: width,
      h: labelHeight,
      valign: "top",
      objectName: `${tile.name} label`,
    });
    let valuePt = TILE_VALUE_PT.largest;
    while (valuePt > TILE_VALUE_PT.smallest && !fitsLine(tile.value, width, valuePt, true)) valuePt -= 1;
    slide.addText(fitLine(tile.value, width, valuePt, true), {
      ...textStyle(valuePt, { bold: true, color: DECK_COLOURS.accent }),
      x,
      y: y + 0.1 + labelHeight,
      w: width,
      h: valueHeight,
      valign: "middle",
      objectName: tile.name,
    });
    slide.addText(fitText(tile.note, { width, height: noteHeight }, TILE_NOTE_PT).join("\n"), {
      ...textStyle(TILE_NOTE_PT, { color: DECK_COLOURS.muted }),
      x,
      y: y + 0.1 + labelHeight + valueHeight,
      w: width,
      h: noteHeight,
      valign: "top",
      objectName: `${tile.name} note`,
    });
  });
  const below = body.y + rows * (height + TILE_GAP);
  const room = body.y + body.height - below;
  const sentence = plainSummary(context);
  if (room >= textHeight(1, BODY_FONT_PT)) {
    slide.addText(fitText(sentence, { width: body.width, height: room }, BODY_FONT_PT).join("\n"), {
      ...textStyle(BODY_FONT_PT, { color: DECK_COLOURS.inkSoft }),
      x: body.x,
      y: below,
      w: body.width,
      h: room,
      valign: "top",
      objectName: "Plan in a sentence",
    });
  }
}

/** The plan in words, as the consultant would open the conversation. */
function plainSummary(context: DeckContext): string {
  const { roadmap, plan, format } = context;
  const sending = plan.communications.filter((schedule) => schedule.sends > 0).length;
  return `${roadmap.phases.length} phase${roadmap.phases.length === 1 ? "" : "s"} over ${roadmap.horizonMonths} months, with ${format.count(sending)} of ${format.count(roadmap.communications.length)} communications sending. ${format.count(plan.customers.churned)} customers are expected to leave for good.`;
}

/**
 * Every phase's customers, communications and (with costs) money, the
 * costliest first without costs the most populous, as the report's table;
 * past its limit the others are one row, so the totals still add up.
 */
function addPhasesAtAGlance(context: DeckContext): void {
  const { roadmap, plan, format, includeCosts } = context;
  if (roadmap.phases.length === 0) return;
  const { phases } = reportLayout(roadmap, plan, { includeCosts }, SUMMARY_LIMITS);
  const stages = namesById(roadmap.stages);
  const communications = new Map<string, number>();
  for (const communication of roadmap.communications) {
    communications.set(communication.phaseId, (communications.get(communication.phaseId) ?? 0) + 1);
  }
  const figures = (indices: readonly number[]) => {
    let atStart = 0;
    let atEnd = 0;
    let sent = 0;
    let cost = 0;
    let value = 0;
    for (const p of indices) {
      const summary = plan.phases[p];
      atStart += summary?.customersAtStart ?? 0;
      atEnd += summary?.customersAtEnd ?? 0;
      sent += communications.get(roadmap.phases[p]?.id ?? "") ?? 0;
      cost += summary?.totalCost ?? 0;
      value += summary?.totalValue ?? 0;
    }
    return [
      format.count(atStart),
      format.count(atEnd),
      format.count(sent),
      ...(includeCosts ? [format.money(cost), format.money(value)] : []),
    ];
  };
  const shown = new Set(phases.indices);
  const others = roadmap.phases.flatMap((_, p) => (shown.has(p) ? [] : [p]));
  const rows: (string | DeckTableCell)[][] = phases.indices.map((p) => [
    roadmap.phases[p]?.name ?? "",
    stages.get(roadmap.phases[p]?.stageId ?? "") ?? "—",
    ...figures([p]),
  ]);
  if (others.length > 0) {
    rows.push([`${format.count(others.length)} other phases`, "", ...figures(others)]);
  }
  rows.push(["All phases", "", ...figures(roadmap.phases.map((_, p) => p))].map((text) => ({ text, bold: true })));
  const columns: DeckTableColumn[] = [
    { header: "Phase", weight: 2.8 },
    { header: "Stage", weight: 1.5 },
    { header: "Customers at start", weight: 1.3, align: "right" },
    { header: "At the end", weight: 1.1, align: "right" },
    { header: "Communications", weight: 1.8, align: "right" },
    ...(includeCosts
      ? [
          { header: "Cost", weight: 1.5, align: "right" as const },
          { header: "Expected value", weight: 1.5, align: "right" as const },
        ]
      : []),
  ];
  const which = includeCosts ? "that cost the most" : "with the most customers";
  addTableSlides(context, {
    title: "Phases at a glance",
    caption:
      others.length === 0
        ? `All ${format.count(roadmap.phases.length)} phases, ${includeCosts ? "the costliest" : "the most populous"} first, over the ${roadmap.horizonMonths} months of the plan.`
        : `The ${format.count(phases.indices.length)} of ${format.count(roadmap.phases.length)} phases ${which}, over the ${roadmap.horizonMonths} months of the plan; the others are added up in one row.`,
    notes: [
      "Customers at the start and the end of the plan, all segments together, from the plan's customer flow; communications are those attached to the phase, sending or not.",
      includeCosts
        ? "Cost and expected value are the phase's communications' over the whole plan, to the cent."
        : "Phases are ordered by their average number of customers over the plan.",
      others.length === 0
        ? ""
        : `${format.count(others.length)} phases are not listed by name; their figures are in the "other phases" row, and each has its own slide when the phase slides are picked.`,
    ]
      .filter((line) => line !== "")
      .join("\n"),
    columns,
    rows,
    name: "Phases at a glance",
  });
}
