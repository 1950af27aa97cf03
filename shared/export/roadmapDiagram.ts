import type { PlanResult } from "../engine/planEngine";
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

/** A transition's label, after the canvas's `.transition-label`, a size larger for print as the cards are. */
const LABEL = {
  fontSize: 12,
  triggerFontSize: 11,
  lineHeight: 14.5,
  /** From the top of a line to its baseline. */
  ascent: 11,
  paddingX: 6,
  paddingY: 3,
  maxTextWidth: 150,
  minTextWidth: 60,
  maxTriggerLines: 4,
} as const;
const RATE_STYLE: TextStyle = { fontSize: LABEL.fontSize, bold: true };
const TRIGGER_STYLE: TextStyle = { fontSize: LABEL.triggerFontSize };
/**
 * Obstacles one label may look at while it searches for a clear spot. Thousands
 * of phases stacked on one spot (a crafted file, a paste gone wrong) would
 * otherwise make every label compare itself with every phase, for each spot.
 */
const LABEL_SEARCH_BUDGET = 4_000;
/** Points along a transition to try for its label, best first: the middle, then further out. */
const LABEL_POSITIONS = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9];

const ARROWHEAD = { length: 10, width: 8 } as const;
/** White space a label keeps around phase cards and other labels. */
const CLEARANCE = { card: 2, label: 3 } as const;
const LEGEND = { gapAbove: 28, rowHeight: 22, itemGap: 24, fontSize: 13, minWidth: 560 } as const;

interface Point {
  x: number;
  y: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

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

interface TransitionCurve {
  start: Point;
  /** Cubic segments and straight lines after `start`, as SVG path commands take them. */
  segments: ({ kind: "curve"; control1: Point; control2: Point; end: Point } | { kind: "line"; end: Point })[];
  loop: boolean;
  /**
   * Where along the curve a label may sit, best first: centred on the curve,
   * then just above or below it, where it hides neither the line nor its arrowhead.
   */
  labelSpots: LabelSpot[];
}

interface LabelSpot extends Point {
  side: "on" | "below" | "above";
}

interface TransitionLabel {
  box: Box;
  rate: string;
  triggerLines: string[];
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
 * transitions as arrows labelled with their rate and trigger, loops back in
 * red; a legend of the stages below. Labels are moved along their arrow to
 * keep clear of phases and of each other. Pure and deterministic: the same
 * roadmap and options give the same string.
 */
export function drawRoadmapDiagram(roadmap: Roadmap, options: RoadmapDiagramOptions = {}): RoadmapDiagram {
  const fontFamily = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  if (roadmap.phases.length === 0) return emptyDiagram(roadmap.name, fontFamily);

  const formats = numberFormats(options.locale ?? DEFAULT_LOCALE, roadmap.currency);
  const cards = layOutPhases(roadmap, options.showCosts === false ? undefined : options.plan, formats);
  const drawn = roadmap.transitions.flatMap((transition) => {
    const from = cards.get(transition.from);
    const to = cards.get(transition.to);
    if (!from || !to) return [];
    const segmentRates = Object.keys(transition.rateBySegment).length > 0;
    const rate = `${formats.percent.format(transition.rate)}/mo${segmentRates ? "*" : ""}`;
    return [{ curve: transitionCurve(from.box, to.box), rate, trigger: transition.trigger }];
  });
  const curves = drawn.map((transition) => transition.curve);
  const obstacles = new BoxIndex();
  for (const card of cards.values()) obstacles.add(inflate(card.box, CLEARANCE.card));
  for (const { curve } of drawn) obstacles.add(arrowheadBox(curve));
  // Loops have a long run below the phases to choose from; forward arrows between neighbours have little.
  const placingOrder = [...drawn.filter((t) => !t.curve.loop), ...drawn.filter((t) => t.curve.loop)];
  const placed = new Map(
    placingOrder.map((transition) => {
      const label = placeLabel(transition.curve, transition.rate, transition.trigger, obstacles);
      obstacles.add(inflate(label.box, CLEARANCE.label));
      return [transition, label];
    }),
  );
  const labels = drawn.flatMap((transition) => placed.get(transition) ?? []);

  const content = enclose([
    ...[...cards.values()].map((card) => card.box),
    ...labels.map((label) => label.box),
    ...curves.map(curveHull),
  ]);
  const legend = legendItems(roadmap, curves, labels);
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
    ...curves.map((curve) => drawCurve(curve, at)),
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

/**
 * From the source's right edge to the target's left edge, vertically centred
 * as React Flow's handles are. Forwards it is React Flow's default bezier;
 * when the target lies left of where the arrow leaves (a loop back, such as
 * win-back → retain), it bows below both phases as the canvas's
 * `TransitionEdge` draws it.
 */
function transitionCurve(from: Box, to: Box): TransitionCurve {
  const start = { x: from.x + from.width, y: from.y + from.height / 2 };
  const end = { x: to.x, y: to.y + to.height / 2 };
  if (end.x < start.x) {
    const dip = Math.max(start.y, end.y) + 90 + Math.min(160, Math.abs(start.x - end.x) * 0.08);
    const along = (side: LabelSpot["side"]) => (fraction: number) => ({
      x: start.x + (end.x - start.x) * fraction,
      y: dip,
      side,
    });
    return {
      start,
      segments: [
        {
          kind: "curve",
          control1: { x: start.x + 80, y: start.y },
          control2: { x: start.x + 80, y: dip },
          end: { x: start.x, y: dip },
        },
        { kind: "line", end: { x: end.x, y: dip } },
        { kind: "curve", control1: { x: end.x - 80, y: dip }, control2: { x: end.x - 80, y: end.y }, end },
      ],
      loop: true,
      labelSpots: [
        ...LABEL_POSITIONS.map(along("on")),
        // Below the run first: a loop bows under the phases, so there is room there.
        ...LABEL_POSITIONS.map(along("below")),
        ...LABEL_POSITIONS.map(along("above")),
      ],
    };
  }
  const reach = 0.5 * (end.x - start.x);
  const control1 = { x: start.x + reach, y: start.y };
  const control2 = { x: end.x - reach, y: end.y };
  return {
    start,
    segments: [{ kind: "curve", control1, control2, end }],
    loop: false,
    labelSpots: (["on", "above", "below"] as const).flatMap((side) =>
      LABEL_POSITIONS.map((t) => ({ ...cubicPoint(start, control1, control2, end, t), side })),
    ),
  };
}

function cubicPoint(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/** A box holding the whole curve: a bezier never leaves the hull of its control points. */
function curveHull(curve: TransitionCurve): Box {
  const points = [curve.start];
  for (const segment of curve.segments) {
    if (segment.kind === "curve") points.push(segment.control1, segment.control2);
    points.push(segment.end);
  }
  return enclose(points.map((point) => ({ ...point, width: 0, height: 0 })));
}

/**
 * The label at the first spot along the curve where it covers no phase and
 * no other label, or where it covers least. A label between two phases one
 * column apart is narrowed to the gap between them.
 */
function placeLabel(curve: TransitionCurve, rate: string, trigger: string, obstacles: BoxIndex): TransitionLabel {
  const first = curve.start;
  const last = curve.segments[curve.segments.length - 1]?.end ?? first;
  const gap = curve.loop ? LABEL.maxTextWidth : last.x - first.x - 2 * LABEL.paddingX - 2 * CLEARANCE.card;
  const textWidthLimit = Math.min(LABEL.maxTextWidth, Math.max(LABEL.minTextWidth, gap));
  const triggerText = trigger.trim();
  const triggerLines =
    triggerText === "" ? [] : wrapText(triggerText, textWidthLimit, LABEL.maxTriggerLines, TRIGGER_STYLE);
  const contentWidth = Math.max(
    textWidth(rate, RATE_STYLE.fontSize, RATE_STYLE.bold),
    ...triggerLines.map((line) => textWidth(line, TRIGGER_STYLE.fontSize)),
  );
  const width = contentWidth + 2 * LABEL.paddingX;
  const height = (1 + triggerLines.length) * LABEL.lineHeight + 2 * LABEL.paddingY;

  let best: { box: Box; overlap: number } | null = null;
  let budget = LABEL_SEARCH_BUDGET;
  for (const spot of curve.labelSpots) {
    const offset = { on: 0, below: height / 2 + ARROWHEAD.width, above: -height / 2 - ARROWHEAD.width }[spot.side];
    const box = { x: spot.x - width / 2, y: spot.y + offset - height / 2, width, height };
    const { area, looked } = obstacles.overlap(box, budget);
    if (best === null || area < best.overlap) best = { box, overlap: area };
    budget -= looked;
    if (area === 0 || budget <= 0) break;
  }
  const box = best?.box ?? { x: first.x, y: first.y, width, height };
  return { box, rate, triggerLines, loop: curve.loop };
}

/** Boxes bucketed on a grid, so placing thousands of labels stays fast. */
class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  private static readonly CELL = 256;
  /** A card or a label covers a few cells; the largest box indexed is a card inflated by its clearance. */
  private static readonly MAX_CELLS = 64;

  add(box: Box): void {
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }

  /** How much of the box the indexed boxes cover, counting at most `limit` of them (`looked`). */
  overlap(box: Box, limit: number): { area: number; looked: number } {
    const seen = new Set<Box>();
    let area = 0;
    for (const key of this.keys(box)) {
      for (const other of this.cells.get(key) ?? []) {
        if (seen.has(other)) continue;
        if (seen.size >= limit) return { area, looked: seen.size };
        seen.add(other);
        const width = Math.min(box.x + box.width, other.x + other.width) - Math.max(box.x, other.x);
        const height = Math.min(box.y + box.height, other.y + other.height) - Math.max(box.y, other.y);
        if (width > 0 && height > 0) area += width * height;
      }
    }
    return { area, looked: seen.size };
  }

  /**
   * The cells the box touches. Cells are counted as whole numbers from the
   * box's first cell, so no coordinate, however large, makes the loop stall
   * where adding 1 no longer changes a float; a box wider than the drawing
   * any valid roadmap makes is a bug, not a layout.
   */
  private keys(box: Box): string[] {
    const cell = BoxIndex.CELL;
    const firstColumn = Math.floor(box.x / cell);
    const firstRow = Math.floor(box.y / cell);
    const columns = Math.floor((box.x + box.width) / cell) - firstColumn + 1;
    const rows = Math.floor((box.y + box.height) / cell) - firstRow + 1;
    if (!(columns * rows <= BoxIndex.MAX_CELLS))
      throw new Error(`a box of ${box.width}×${box.height} px at ${box.x}, ${box.y}`);
    const keys: string[] = [];
    for (let column = 0; column < columns; column++) {
      for (let row = 0; row < rows; row++) keys.push(`${firstColumn + column}:${firstRow + row}`);
    }
    return keys;
  }
}

/** Where the arrow enters its target: a label there would hide which way the customers move. */
function arrowheadBox(curve: TransitionCurve): Box {
  const end = curve.segments[curve.segments.length - 1]?.end ?? curve.start;
  return {
    x: end.x - ARROWHEAD.length,
    y: end.y - ARROWHEAD.width / 2,
    width: ARROWHEAD.length,
    height: ARROWHEAD.width,
  };
}

function inflate(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
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
function legendItems(roadmap: Roadmap, curves: TransitionCurve[], labels: TransitionLabel[]): LegendItem[] {
  const style = { fontSize: LEGEND.fontSize };
  const items: LegendItem[] = roadmap.stages.map((stage) => ({
    kind: "stage",
    text: stage.name,
    color: stage.color,
    width: 16 + textWidth(stage.name, style.fontSize),
  }));
  if (curves.some((curve) => curve.loop)) {
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

function drawCurve(curve: TransitionCurve, at: (point: Point) => Point): string {
  const point = (p: Point) => {
    const shifted = at(p);
    return `${n(shifted.x)} ${n(shifted.y)}`;
  };
  const commands = [`M ${point(curve.start)}`];
  for (const segment of curve.segments) {
    commands.push(
      segment.kind === "curve"
        ? `C ${point(segment.control1)}, ${point(segment.control2)}, ${point(segment.end)}`
        : `L ${point(segment.end)}`,
    );
  }
  const [className, color, marker] = curve.loop
    ? ["transition is-loop", COLORS.loop, LOOP_ARROW_ID]
    : ["transition", COLORS.transition, ARROW_ID];
  return `<path class="${className}" d="${commands.join(" ")}" stroke="${color}" marker-end="url(#${marker})"/>`;
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
  const baseline = (line: number) => y + LABEL.paddingY + line * LABEL.lineHeight + LABEL.ascent;
  const trigger = label.triggerLines.map(
    (line, index) => `<tspan x="${n(centre)}" y="${n(baseline(index + 1))}">${escapeXml(line)}</tspan>`,
  );
  return [
    `<g class="${label.loop ? "transition-label is-loop" : "transition-label"}">`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="4" fill="${COLORS.paper}" fill-opacity="0.95" stroke="${COLORS.line}"/>`,
    `<text class="transition-rate" x="${n(centre)}" y="${n(baseline(0))}" font-size="${LABEL.fontSize}" font-weight="700" fill="${COLORS.ink}">${escapeXml(label.rate)}</text>`,
    trigger.length === 0
      ? ""
      : `<text class="transition-trigger" font-size="${LABEL.triggerFontSize}" fill="${COLORS.inkSoft}">${trigger.join("")}</text>`,
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
