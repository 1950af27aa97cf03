import type { PlanResult } from "../engine/planEngine";
import {
  type Box,
  type Point,
  type RoutedTransition,
  routePath,
  routeTransitions,
  TRANSITION_LABEL,
  type TransitionLabelBox,
  transitionsToRoute,
} from "../layout/transitionGeometry";
import { customersAtStart } from "../model/queries";
import type { Roadmap } from "../model/schema";
import { escapeXml, svgNumber, type TextStyle, textWidth, truncateText, wrapText } from "./svgText";

/** A standalone SVG document and its size in px. */
export interface RoadmapDiagram {
  svg: string;
  width: number;
  height: number;
  /** Where each phase's card is in the drawing, in its px, with its stage's colour: what a print cuts around. */
  phases: DiagramPhase[];
}

export interface DiagramPhase {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

export interface RoadmapDiagramOptions {
  /** The roadmap's plan (only its phase summaries are read); with it every phase shows what its communications cost a month. */
  plan?: Pick<PlanResult, "phases">;
  /**
   * False draws no money at all, plan or not: for a room or a reader that must not see costs.
   * Default true (a cost line wherever the plan gives a phase a cost).
   */
  showCosts?: boolean;
  /** A CSS font stack; the default uses fonts every desktop has, so nothing is fetched. */
  fontFamily?: string;
  /** How numbers and money are written. Fixed by default so a roadmap draws the same file on every machine. */
  locale?: string;
}

/** The canvas's `PHASE_NODE_WIDTH`: phases laid out there stand the same distance apart here. */
const PHASE_WIDTH = 220;
const MARGIN = 24;
const DEFAULT_FONT_FAMILY = "Inter, 'Segoe UI', Helvetica, Arial, sans-serif";
const DEFAULT_LOCALE = "en-US";
const ARROW_ID = "roadmap-diagram-arrow";
const LOOP_ARROW_ID = "roadmap-diagram-arrow-loop";

/** The canvas's colours (renderer/styles/app.css), so the printed roadmap reads like the one on screen. */
const COLORS = {
  paper: "#ffffff",
  ink: "#1b2430",
  inkSoft: "#4a5566",
  muted: "#6b7686",
  line: "#dfe3ea",
  cardBorder: "#d5dbe4",
  shadow: "#101828",
  accent: "#1d3557",
  transition: "#7b8794",
  loop: "#c0392b",
  unknownStage: "#888888",
} as const;

/**
 * A phase card, in px from its top-left corner: the canvas's `.phase-node`
 * rules with the text a size larger, because the drawing is usually shrunk
 * to fit a page and must still read on paper.
 */
const CARD = {
  radius: 8,
  band: 5,
  paddingX: 12,
  stageFontSize: 11,
  stageBaseline: 23,
  nameFontSize: 15.5,
  nameTop: 28,
  nameAscent: 15,
  nameLineHeight: 19,
  nameGap: 6,
  statsFontSize: 13,
  statsLineHeight: 17,
  costLineHeight: 20,
  paddingBottom: 11,
  maxNameLines: 2,
} as const;
const CARD_TEXT_WIDTH = PHASE_WIDTH - 2 * CARD.paddingX;
const NAME_STYLE: TextStyle = { fontSize: CARD.nameFontSize, bold: true };
/** Letter-spaced capitals run about a tenth wider than the same text set tight. */
const STAGE_STYLE: TextStyle = { fontSize: CARD.stageFontSize * 1.1, bold: true };

const ARROWHEAD = { length: 10, width: 8 } as const;
const LEGEND = { gapAbove: 28, rowHeight: 22, itemGap: 24, fontSize: 13, minWidth: 560 } as const;

interface PhaseCard {
  box: Box;
  stageName: string;
  color: string;
  fullName: string;
  nameLines: string[];
  customers: string;
  communications: string;
  monthlyCost: string | null;
  /** Some card of the diagram has a cost line, so every card keeps room for one. */
  costRow: boolean;
}

interface TransitionLabel extends TransitionLabelBox {
  loop: boolean;
}

interface LegendItem {
  kind: "stage" | "loop" | "note";
  text: string;
  color: string;
  width: number;
}

/**
 * The roadmap as the canvas draws it, as a standalone SVG for the executive
 * PDF and the canvas export: phase cards at their canvas positions with their
 * stage colour, customers, communications and (with a plan) monthly cost;
 * transitions routed as the canvas routes them (`routeTransitions`), labelled
 * with their rate and trigger clear of phases and of each other, loops back
 * (by meaning, see `loopTransitionIds`) in red; a legend of the stages below.
 * Pure and deterministic: the same roadmap and options give the same string.
 */
export function drawRoadmapDiagram(roadmap: Roadmap, options: RoadmapDiagramOptions = {}): RoadmapDiagram {
  const fontFamily = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  if (roadmap.phases.length === 0) return emptyDiagram(roadmap.name, fontFamily);

  const formats = numberFormats(options.locale ?? DEFAULT_LOCALE, roadmap.currency);
  const cards = layOutPhases(roadmap, options.showCosts === false ? undefined : options.plan, formats);
  const routes = routeTransitions(
    new Map([...cards].map(([id, card]) => [id, card.box])),
    transitionsToRoute(roadmap, (share) => formats.percent.format(share)),
  );
  const labels: TransitionLabel[] = routes.map((route) => ({ ...route.label, loop: route.loop }));

  const content = enclose([
    ...[...cards.values()].map((card) => card.box),
    ...labels.map((label) => label.box),
    ...routes.flatMap((route) => route.points.map((point) => ({ ...point, width: 0, height: 0 }))),
  ]);
  const legend = legendItems(roadmap, routes, labels);
  const legendRows = arrangeLegend(legend, Math.max(content.width, LEGEND.minWidth));
  const legendTop = content.y + content.height + LEGEND.gapAbove;
  const legendWidth = Math.max(...legendRows.map((row) => rowWidth(row)));
  const drawing = enclose([
    content,
    { x: content.x, y: legendTop, width: legendWidth, height: legendRows.length * LEGEND.rowHeight },
  ]);

  const width = Math.ceil(drawing.width + 2 * MARGIN);
  const height = Math.ceil(drawing.height + 2 * MARGIN);
  const shift: Point = { x: MARGIN - drawing.x, y: MARGIN - drawing.y };
  const at = (point: Point): Point => ({ x: point.x + shift.x, y: point.y + shift.y });
  const moved = (box: Box): Box => ({ ...box, ...at(box) });

  const svg = [
    svgOpen(width, height, fontFamily),
    `<title>${escapeXml(roadmap.name)}</title>`,
    markerDefinitions(),
    `<rect class="background" width="${width}" height="${height}" fill="${COLORS.paper}"/>`,
    `<g class="transitions" fill="none" stroke-width="1.6">`,
    ...routes.map((route) => drawRoute(route, at)),
    "</g>",
    `<g class="phases">`,
    ...[...cards.values()].map((card) => drawCard({ ...card, box: moved(card.box) })),
    "</g>",
    `<g class="transition-labels" text-anchor="middle">`,
    ...labels.map((label) => drawLabel({ ...label, box: moved(label.box) })),
    "</g>",
    drawLegend(legendRows, at({ x: content.x, y: legendTop })),
    "</svg>",
  ].join("\n");
  const phases = [...cards].map(([id, card]) => ({ id, ...moved(card.box), color: card.color }));
  return { svg: `${svg}\n`, width, height, phases };
}

interface NumberFormats {
  count: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  money: Intl.NumberFormat;
}

function numberFormats(locale: string, currency: string): NumberFormats {
  return {
    count: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    percent: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }),
    money: new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }),
  };
}

/**
 * Every phase's card, by phase id. All cards of one diagram share a height —
 * room for the longest name and, when any phase has a cost, a cost line — so
 * arrows between phases laid out on one row run straight.
 */
function layOutPhases(
  roadmap: Roadmap,
  plan: RoadmapDiagramOptions["plan"],
  formats: NumberFormats,
): Map<string, PhaseCard> {
  const stages = new Map(roadmap.stages.map((stage) => [stage.id, stage]));
  const communicationCounts = new Map<string, number>();
  for (const communication of roadmap.communications) {
    communicationCounts.set(communication.phaseId, (communicationCounts.get(communication.phaseId) ?? 0) + 1);
  }
  const monthlyCosts = new Map(plan?.phases.map((summary) => [summary.phaseId, summary.averageMonthlyCost]));

  const contents = roadmap.phases.map((phase) => {
    const stage = stages.get(phase.stageId);
    const customers = customersAtStart(phase);
    const communications = communicationCounts.get(phase.id) ?? 0;
    const cost = monthlyCosts.get(phase.id) ?? 0;
    return {
      phase,
      stageName: truncateText((stage?.name ?? "").toUpperCase(), CARD_TEXT_WIDTH, STAGE_STYLE),
      color: stage?.color ?? COLORS.unknownStage,
      nameLines: wrapText(phase.name, CARD_TEXT_WIDTH, CARD.maxNameLines, NAME_STYLE),
      customers: `${formats.count.format(customers)} ${Math.round(customers) === 1 ? "customer" : "customers"}`,
      communications: `${formats.count.format(communications)} ${communications === 1 ? "comm." : "comms."}`,
      // As on the canvas: a phase whose communications cost nothing shows no cost line.
      monthlyCost: cost > 0 ? `${formats.money.format(cost)} a month` : null,
    };
  });
  const nameLines = contents.reduce((most, content) => Math.max(most, content.nameLines.length), 1);
  const withCost = contents.some((content) => content.monthlyCost !== null);
  const height =
    CARD.nameTop +
    nameLines * CARD.nameLineHeight +
    CARD.nameGap +
    CARD.statsLineHeight +
    (withCost ? CARD.costLineHeight : 0) +
    CARD.paddingBottom;

  return new Map(
    contents.map(({ phase, ...content }) => [
      phase.id,
      {
        ...content,
        fullName: phase.name,
        costRow: withCost,
        box: { x: phase.position.x, y: phase.position.y, width: PHASE_WIDTH, height },
      },
    ]),
  );
}

/** The smallest box around all of them. A loop: spreading thousands of boxes into `Math.min` can overflow the stack. */
function enclose(boxes: readonly Box[]): Box {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The stages in roadmap order, then what the arrows' colour and the rates' asterisk mean when they appear. */
function legendItems(roadmap: Roadmap, routes: RoutedTransition[], labels: TransitionLabel[]): LegendItem[] {
  const style = { fontSize: LEGEND.fontSize };
  const items: LegendItem[] = roadmap.stages.map((stage) => ({
    kind: "stage",
    text: stage.name,
    color: stage.color,
    width: 16 + textWidth(stage.name, style.fontSize),
  }));
  if (routes.some((route) => route.loop)) {
    const text = "Loops back";
    items.push({ kind: "loop", text, color: COLORS.loop, width: 32 + textWidth(text, style.fontSize) });
  }
  if (labels.some((label) => label.rate.endsWith("*"))) {
    const text = "* Rate differs by segment";
    items.push({ kind: "note", text, color: COLORS.inkSoft, width: textWidth(text, style.fontSize) });
  }
  return items;
}

function arrangeLegend(items: LegendItem[], maxWidth: number): LegendItem[][] {
  const rows: LegendItem[][] = [[]];
  for (const item of items) {
    const row = rows[rows.length - 1] ?? [];
    if (row.length > 0 && rowWidth([...row, item]) > maxWidth) rows.push([item]);
    else row.push(item);
  }
  return rows;
}

function rowWidth(row: readonly LegendItem[]): number {
  return row.reduce((sum, item) => sum + item.width, 0) + Math.max(0, row.length - 1) * LEGEND.itemGap;
}

// Markup. Presentation attributes rather than a style sheet: the drawing looks
// the same inlined in the report's HTML, opened on its own, or read by tools
// that ignore CSS. Classes name the parts for whoever styles or tests them.

const n = svgNumber;

function svgOpen(width: number, height: number, fontFamily: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(fontFamily)}" role="img">`;
}

function markerDefinitions(): string {
  const marker = (id: string, color: string) =>
    `<marker id="${id}" viewBox="0 0 ${ARROWHEAD.length} ${ARROWHEAD.width}" refX="${ARROWHEAD.length}" refY="${ARROWHEAD.width / 2}" markerWidth="${ARROWHEAD.length}" markerHeight="${ARROWHEAD.width}" markerUnits="userSpaceOnUse" orient="auto"><path d="M 0 0 L ${ARROWHEAD.length} ${ARROWHEAD.width / 2} L 0 ${ARROWHEAD.width} Z" fill="${color}"/></marker>`;
  return `<defs>${marker(ARROW_ID, COLORS.transition)}${marker(LOOP_ARROW_ID, COLORS.loop)}</defs>`;
}

function emptyDiagram(title: string, fontFamily: string): RoadmapDiagram {
  const width = 360;
  const height = 120;
  const svg = [
    svgOpen(width, height, fontFamily),
    `<title>${escapeXml(title)}</title>`,
    `<rect class="background" width="${width}" height="${height}" fill="${COLORS.paper}"/>`,
    `<text x="${width / 2}" y="${height / 2 + 5}" text-anchor="middle" font-size="14" fill="${COLORS.muted}">No phases yet</text>`,
    "</svg>",
  ].join("\n");
  return { svg: `${svg}\n`, width, height, phases: [] };
}

function drawRoute(route: RoutedTransition, at: (point: Point) => Point): string {
  const path = routePath(route.points.map(at).map((point) => ({ x: Number(n(point.x)), y: Number(n(point.y)) })));
  const [className, color, marker] = route.loop
    ? ["transition is-loop", COLORS.loop, LOOP_ARROW_ID]
    : ["transition", COLORS.transition, ARROW_ID];
  return `<path class="${className}" d="${path}" stroke="${color}" marker-end="url(#${marker})"/>`;
}

function drawCard(card: PhaseCard): string {
  const { x, y, width, height } = card.box;
  const left = x + CARD.paddingX;
  const right = x + width - CARD.paddingX;
  const bottomBaseline = y + height - CARD.paddingBottom - 4;
  const statsBaseline = bottomBaseline - (card.costRow ? CARD.costLineHeight : 0);
  const shortened = card.nameLines.join("").replace(/\s/g, "") !== card.fullName.replace(/\s/g, "");
  const nameLines = card.nameLines.map(
    (line, index) =>
      `<tspan x="${n(left)}" y="${n(y + CARD.nameTop + CARD.nameAscent + index * CARD.nameLineHeight)}">${escapeXml(line)}</tspan>`,
  );
  return [
    `<g class="phase">`,
    shortened ? `<title>${escapeXml(card.fullName)}</title>` : "",
    `<rect class="phase-shadow" x="${n(x)}" y="${n(y + 1.5)}" width="${width}" height="${n(height)}" rx="${CARD.radius}" fill="${COLORS.shadow}" fill-opacity="0.08"/>`,
    `<rect class="phase-card" x="${n(x)}" y="${n(y)}" width="${width}" height="${n(height)}" rx="${CARD.radius}" fill="${COLORS.paper}" stroke="${COLORS.cardBorder}"/>`,
    `<path class="phase-band" d="${bandPath(card.box)}" fill="${escapeXml(card.color)}"/>`,
    `<text class="phase-stage" x="${n(left)}" y="${n(y + CARD.stageBaseline)}" font-size="${CARD.stageFontSize}" font-weight="600" letter-spacing="0.6" fill="${COLORS.muted}">${escapeXml(card.stageName)}</text>`,
    `<text class="phase-name" font-size="${CARD.nameFontSize}" font-weight="600" fill="${COLORS.ink}">${nameLines.join("")}</text>`,
    `<text class="phase-customers" x="${n(left)}" y="${n(statsBaseline)}" font-size="${CARD.statsFontSize}" fill="${COLORS.inkSoft}">${escapeXml(card.customers)}</text>`,
    `<text class="phase-communications" x="${n(right)}" y="${n(statsBaseline)}" font-size="${CARD.statsFontSize}" text-anchor="end" fill="${COLORS.inkSoft}">${escapeXml(card.communications)}</text>`,
    card.monthlyCost === null
      ? ""
      : `<text class="phase-cost" x="${n(left)}" y="${n(bottomBaseline)}" font-size="${CARD.statsFontSize}" font-weight="600" fill="${COLORS.accent}">${escapeXml(card.monthlyCost)}</text>`,
    "</g>",
  ]
    .filter((part) => part !== "")
    .join("");
}

/** The stage colour along the card's top edge, following its rounded corners as the canvas's top border does. */
function bandPath({ x, y, width }: Box): string {
  const r = CARD.radius;
  const inset = r - Math.sqrt(r * r - (r - CARD.band) ** 2);
  return `M ${n(x + inset)} ${n(y + CARD.band)} A ${r} ${r} 0 0 1 ${n(x + r)} ${n(y)} H ${n(x + width - r)} A ${r} ${r} 0 0 1 ${n(x + width - inset)} ${n(y + CARD.band)} Z`;
}

function drawLabel(label: TransitionLabel): string {
  const { x, y, width, height } = label.box;
  const centre = x + width / 2;
  const baseline = (line: number) =>
    y + TRANSITION_LABEL.paddingY + line * TRANSITION_LABEL.lineHeight + TRANSITION_LABEL.ascent;
  const trigger = label.triggerLines.map(
    (line, index) => `<tspan x="${n(centre)}" y="${n(baseline(index + 1))}">${escapeXml(line)}</tspan>`,
  );
  return [
    `<g class="${label.loop ? "transition-label is-loop" : "transition-label"}">`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="4" fill="${COLORS.paper}" fill-opacity="0.95" stroke="${COLORS.line}"/>`,
    `<text class="transition-rate" x="${n(centre)}" y="${n(baseline(0))}" font-size="${TRANSITION_LABEL.rateFontSize}" font-weight="700" fill="${COLORS.ink}">${escapeXml(label.rate)}</text>`,
    trigger.length === 0
      ? ""
      : `<text class="transition-trigger" font-size="${TRANSITION_LABEL.triggerFontSize}" fill="${COLORS.inkSoft}">${trigger.join("")}</text>`,
    "</g>",
  ]
    .filter((part) => part !== "")
    .join("");
}

function drawLegend(rows: LegendItem[][], origin: Point): string {
  const parts = [`<g class="legend" font-size="${LEGEND.fontSize}" fill="${COLORS.ink}">`];
  for (const [index, row] of rows.entries()) {
    const middle = origin.y + index * LEGEND.rowHeight + LEGEND.rowHeight / 2;
    const baseline = n(middle + 4);
    let x = origin.x;
    for (const item of row) {
      const text = escapeXml(item.text);
      if (item.kind === "stage") {
        parts.push(
          `<g class="legend-stage"><circle cx="${n(x + 5)}" cy="${n(middle)}" r="5" fill="${escapeXml(item.color)}"/><text x="${n(x + 16)}" y="${baseline}">${text}</text></g>`,
        );
      } else if (item.kind === "loop") {
        parts.push(
          `<g class="legend-loop"><path d="M ${n(x)} ${n(middle)} H ${n(x + 24)}" stroke="${item.color}" stroke-width="1.6" marker-end="url(#${LOOP_ARROW_ID})"/><text x="${n(x + 32)}" y="${baseline}">${text}</text></g>`,
        );
      } else {
        parts.push(`<text class="legend-note" x="${n(x)}" y="${baseline}" fill="${item.color}">${text}</text>`);
      }
      x += item.width + LEGEND.itemGap;
    }
  }
  parts.push("</g>");
  return parts.join("");
}
