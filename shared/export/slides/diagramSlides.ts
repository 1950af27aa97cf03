import type PptxGenJS from "pptxgenjs";
import { transitionsToRoute } from "../../layout/transitionGeometry";
import type { Phase } from "../../model/schema";
import { textWidth } from "../svgText";
import type { ConnectionSite, GluedConnector } from "./connectors";
import type { DeckContext } from "./deckContext";
import { DECK_COLOURS, deckColour, POINTS_PER_INCH, SLIDE_BODY } from "./deckTheme";
import {
  type Crossing,
  connectionSites,
  crossingsOf,
  type DiagramPage,
  diagramArea,
  diagramPages,
  LEGEND,
  MARKER,
  MARKERS_PER_COLUMN,
  MIN_DIAGRAM_FONT_PT,
  markerBoxes,
  type Point,
  placePhases,
  sitePoint,
} from "./diagramLayout";
import {
  addContentSlide,
  fitLine,
  fitsLine,
  fitText,
  type SlideBox,
  TEXT_INSET,
  textHeight,
  textStyle,
} from "./slideFrame";

const MAX_NAME_PT = 14;
const LABEL = { fontPt: MIN_DIAGRAM_FONT_PT, maxWidth: 1.6, maxTriggerLines: 2 } as const;
/** How far a loop back dips under the phases it joins. */
const LOOP_DEPTH = 0.35;
const LINE_WIDTH_PT = 1.25;
const PHASE_CORNER = 0.06;
/** A rounded rectangle sets its text inside its corners' curve: 0.29 of the corner's radius in from each side. */
const ROUND_RECT_TEXT_INSET = PHASE_CORNER * 0.3;

interface RouteText {
  rate: string;
  trigger: string;
  loop: boolean;
}

/** What every slide of the diagram shares: the roadmap's names, the routes' texts, and which slide each phase is on. */
interface DiagramDeck {
  context: DeckContext;
  pages: DiagramPage[];
  /** The slide number each phase is drawn on. */
  slideOf: Map<string, number>;
  phases: Map<string, Phase>;
  stageNames: Map<string, string>;
  stageColours: Map<string, string>;
  routes: Map<string, RouteText>;
  customers: Map<string, number>;
  communications: Map<string, number>;
}

/**
 * The roadmap as native, editable shapes: each phase a rounded rectangle in
 * its stage's colour at its canvas position (scaled to the slide), its name
 * and, room permitting, its customers and communications as text; each
 * transition a connector glued to its two phases with its rate and trigger
 * beside it, loops back red and dashed; a legend of the stages. A roadmap too
 * large to read at 10 pt on one slide is split by stage, and a transition to
 * or from another slide ends at a marker naming that phase and slide.
 */
export function addDiagramSlides(context: DeckContext): void {
  const { roadmap } = context;
  const pages = diagramPages(roadmap);
  if (pages.length === 0) {
    const { slide, body } = addContentSlide(context, "The roadmap", "The roadmap has no phases yet.");
    slide.addText("No phases yet", {
      ...textStyle(MIN_DIAGRAM_FONT_PT + 8, { color: DECK_COLOURS.muted, align: "center" }),
      ...inches(body),
      valign: "middle",
      objectName: "No phases",
    });
    return;
  }
  const firstSlide = slideCount(context.pptx) + 1;
  const slideOf = new Map<string, number>();
  pages.forEach((page, index) => {
    for (const phase of page.phases) slideOf.set(phase.id, firstSlide + index);
  });
  const communications = new Map<string, number>();
  for (const communication of roadmap.communications) {
    communications.set(communication.phaseId, (communications.get(communication.phaseId) ?? 0) + 1);
  }
  const deck: DiagramDeck = {
    context,
    pages,
    slideOf,
    phases: new Map(roadmap.phases.map((phase) => [phase.id, phase])),
    stageNames: new Map(roadmap.stages.map((stage) => [stage.id, stage.name])),
    stageColours: new Map(roadmap.stages.map((stage) => [stage.id, deckColour(stage.color)])),
    routes: new Map(transitionsToRoute(roadmap, context.format.percent).map((route) => [route.id, route])),
    customers: new Map(context.plan.phases.map((summary) => [summary.phaseId, summary.customersAtStart])),
    communications,
  };
  for (const page of pages) addDiagramSlide(deck, page);
}

/** Slides added so far. pptxgenjs keeps them in `slides`, which its typings leave out. */
function slideCount(pptx: PptxGenJS): number {
  return (pptx as unknown as { slides: readonly unknown[] }).slides.length;
}

function addDiagramSlide(deck: DiagramDeck, page: DiagramPage): void {
  const { context } = deck;
  const crossings = crossingsOf(context.roadmap, page.phases);
  const incoming = markerGroups(deck, crossings, "in");
  const outgoing = markerGroups(deck, crossings, "out");
  const area = diagramArea(incoming.length > 0, outgoing.length > 0);
  const boxes = placePhases(page.phases, area);
  const { fontPt, texts } = phaseTexts(deck, page.phases, boxes);
  const shortened = texts.filter((text) => text.shortened).map((text) => text.phase.name);
  const { slide } = addContentSlide(context, pageTitle(page), pageNotes(deck, page, crossings, shortened));
  for (const text of texts) drawPhase(deck, slide, text, fontPt);

  // Markers first, so no label is set over one.
  const markers = [...placeMarkers("left", incoming), ...placeMarkers("right", outgoing)];
  const placed: SlideBox[] = [...boxes.values(), ...markers.map((marker) => marker.box)];
  for (const marker of markers) drawMarker(slide, marker.name, marker.group.lines, marker.box);
  for (const transition of context.roadmap.transitions) {
    const from = boxes.get(transition.from);
    const to = boxes.get(transition.to);
    if (!from || !to) continue;
    drawTransition(deck, slide, placed, {
      id: transition.id,
      name: `transition:${transition.id}`,
      from: { name: phaseName(transition.from), box: from },
      to: { name: phaseName(transition.to), box: to },
    });
  }
  for (const { name, box, group } of markers) {
    for (const crossing of group.crossings) {
      const phase = { name: phaseName(crossing.phaseId), box: boxes.get(crossing.phaseId) as SlideBox };
      const marker = { name, box };
      const incomingEnd = crossing.direction === "in";
      drawTransition(deck, slide, placed, {
        id: crossing.transitionId,
        name: `transition:${crossing.transitionId}${incomingEnd ? ":in" : ""}`,
        from: incomingEnd ? marker : phase,
        to: incomingEnd ? phase : marker,
      });
    }
  }
  drawLegend(deck, slide, page);
}

/** A side's markers with their boxes and their names on the slide. */
function placeMarkers(
  side: "left" | "right",
  groups: readonly MarkerGroup[],
): { name: string; box: SlideBox; group: MarkerGroup }[] {
  const boxes = markerBoxes(side, groups.length);
  return groups.map((group, index) => ({
    name: `marker:${group.direction}:${index + 1}`,
    box: boxes[index] as SlideBox,
    group,
  }));
}

function phaseName(id: string): string {
  return `phase:${id}`;
}

function pageTitle(page: DiagramPage): string {
  if (page.stage === null) return "The roadmap";
  return page.parts > 1 ? `The roadmap: ${page.stage} (${page.part} of ${page.parts})` : `The roadmap: ${page.stage}`;
}

/**
 * The phases' texts in the largest type, 14 down to 10 pt, that keeps every
 * name whole with its figures under it; failing that, every name whole;
 * failing that, 10 pt with names shortened (the notes give them in full).
 */
function phaseTexts(
  deck: DiagramDeck,
  phases: readonly Phase[],
  boxes: ReadonlyMap<string, SlideBox>,
): { fontPt: number; texts: PhaseText[] } {
  let best: { fontPt: number; texts: PhaseText[]; score: number } | null = null;
  for (let fontPt = MAX_NAME_PT; fontPt >= MIN_DIAGRAM_FONT_PT; fontPt -= 1) {
    const texts = phases.map((phase) => phaseText(deck, phase, boxes.get(phase.id) as SlideBox, fontPt));
    const score =
      (texts.every((text) => !text.shortened) ? 2 : 0) + (texts.every((text) => text.figures.length > 0) ? 1 : 0);
    if (best === null || score > best.score) best = { fontPt, texts, score };
    if (score === 3) break;
  }
  return best as { fontPt: number; texts: PhaseText[] };
}

/** Ink on light stage colours, white on dark ones. */
function textOn(fill: string): string {
  const channel = (offset: number) => Number.parseInt(fill.slice(offset, offset + 2), 16) / 255;
  const luminance = 0.299 * channel(0) + 0.587 * channel(2) + 0.114 * channel(4);
  return luminance > 0.6 ? DECK_COLOURS.ink : "FFFFFF";
}

interface PhaseText {
  phase: Phase;
  box: SlideBox;
  nameLines: string[];
  /** Customers and communications, in the lines that fit under the name. */
  figures: string[];
  shortened: boolean;
}

/**
 * The phase's name, whole if it can be, and under it as much of its figures
 * as fits: customers and communications on one line, or on two, or customers
 * alone; the name shortened only when it does not fit even alone.
 */
function phaseText(deck: DiagramDeck, phase: Phase, box: SlideBox, fontPt: number): PhaseText {
  const { format } = deck.context;
  const width = box.width - 2 * ROUND_RECT_TEXT_INSET;
  const lineHeight = textHeight(1, fontPt) - 2 * TEXT_INSET;
  const lines = Math.max(1, Math.floor((box.height - 2 * TEXT_INSET) / lineHeight + 1e-9));
  const customers = deck.customers.get(phase.id) ?? 0;
  const sends = deck.communications.get(phase.id) ?? 0;
  const people = `${format.count(customers)} ${Math.round(customers) === 1 ? "customer" : "customers"}`;
  const figureChoices = [
    [`${people} · ${format.count(sends)} ${sends === 1 ? "comm." : "comms."}`],
    [people, `${format.count(sends)} ${sends === 1 ? "communication" : "communications"}`],
    [people],
    [],
  ];
  const whole = (nameLines: string[]) => nameLines.join("").replace(/\s/g, "") === phase.name.replace(/\s/g, "");
  const name = (room: number) => fitText(phase.name, { width, height: textHeight(room, fontPt) }, fontPt, true);
  for (const figures of figureChoices) {
    const room = lines - figures.length;
    if (room < 1 || !figures.every((line) => fitsLine(line, width, fontPt))) continue;
    const nameLines = name(room);
    if (whole(nameLines)) return { phase, box, nameLines, figures, shortened: false };
  }
  return { phase, box, nameLines: name(lines), figures: [], shortened: true };
}

function drawPhase(deck: DiagramDeck, slide: PptxGenJS.Slide, text: PhaseText, fontPt: number): void {
  const fill = deck.stageColours.get(text.phase.stageId) ?? DECK_COLOURS.unknownStage;
  const lines = [
    ...text.nameLines.map((line) => ({ line, bold: true })),
    ...text.figures.map((line) => ({ line, bold: false })),
  ];
  const runs: PptxGenJS.TextProps[] = lines.map(({ line, bold }, index) => ({
    text: line,
    options: { bold, breakLine: index < lines.length - 1 },
  }));
  slide.addText(runs, {
    ...textStyle(fontPt, { color: textOn(fill), align: "center" }),
    shape: deck.context.pptx.ShapeType.roundRect,
    rectRadius: PHASE_CORNER,
    ...inches(text.box),
    fill: { color: fill },
    line: { color: "FFFFFF", width: 1 },
    valign: "middle",
    objectName: phaseName(text.phase.id),
  });
}

interface End {
  name: string;
  box: SlideBox;
}

/** A transition's connector between two drawn shapes, glued to them, and its label where it covers nothing else. */
function drawTransition(
  deck: DiagramDeck,
  slide: PptxGenJS.Slide,
  placed: SlideBox[],
  transition: { id: string; name: string; from: End; to: End },
): void {
  const route = deck.routes.get(transition.id) as RouteText;
  const { fromSite, toSite } = connectionSites(transition.from.box, transition.to.box, route.loop);
  const start = sitePoint(transition.from.box, fromSite);
  const end = sitePoint(transition.to.box, toSite);
  const geometry = connectorGeometry(fromSite, toSite, start, end, route.loop);
  slide.addShape(deck.context.pptx.ShapeType.line, {
    x: Math.min(start.x, end.x),
    y: Math.min(start.y, end.y),
    w: Math.abs(end.x - start.x),
    h: Math.abs(end.y - start.y),
    flipH: end.x < start.x,
    flipV: end.y < start.y,
    line: {
      color: route.loop ? DECK_COLOURS.loop : DECK_COLOURS.transition,
      width: LINE_WIDTH_PT,
      dashType: route.loop ? "dash" : "solid",
      endArrowType: "triangle",
    },
    objectName: transition.name,
  });
  const connector: GluedConnector = {
    name: transition.name,
    from: transition.from.name,
    fromSite,
    to: transition.to.name,
    toSite,
    geometry,
  };
  deck.context.connectors.push(connector);
  drawLabel(slide, placed, route, labelAnchor(start, end, fromSite, toSite), `label:${transition.name}`);
}

/**
 * Loops curve, as on the canvas; forward arrows between phases side by side
 * bend once between them (straight when level); arrows between phases one
 * above the other run straight.
 */
function connectorGeometry(
  fromSite: ConnectionSite,
  toSite: ConnectionSite,
  start: Point,
  end: Point,
  loop: boolean,
): GluedConnector["geometry"] {
  if (loop) return "curved";
  const horizontal = (site: ConnectionSite) => site === "left" || site === "right";
  return horizontal(fromSite) && horizontal(toSite) && Math.abs(start.y - end.y) > 0.01 ? "bent" : "straight";
}

/** Where a route's label goes first: its middle, or under a loop's dip. */
function labelAnchor(start: Point, end: Point, fromSite: ConnectionSite, toSite: ConnectionSite): Point {
  const middle = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  return fromSite === "bottom" && toSite === "bottom"
    ? { x: middle.x, y: Math.max(start.y, end.y) + LOOP_DEPTH }
    : middle;
}

function drawLabel(slide: PptxGenJS.Slide, placed: SlideBox[], route: RouteText, anchor: Point, name: string): void {
  const trigger = route.trigger.trim();
  const triggerLines =
    trigger === ""
      ? []
      : fitText(
          trigger,
          { width: LABEL.maxWidth, height: textHeight(LABEL.maxTriggerLines, LABEL.fontPt) },
          LABEL.fontPt,
        );
  const rate = fitLine(route.rate, LABEL.maxWidth, LABEL.fontPt, true);
  const contentWidth = Math.max(
    textWidth(rate, LABEL.fontPt, true),
    ...triggerLines.map((line) => textWidth(line, LABEL.fontPt)),
  );
  const size = {
    width: Math.min(LABEL.maxWidth, contentWidth / POINTS_PER_INCH + 2 * TEXT_INSET + 0.02),
    height: textHeight(1 + triggerLines.length, LABEL.fontPt),
  };
  const box = labelBox(anchor, size, placed);
  placed.push(box);
  slide.addText(
    [
      {
        text: rate,
        options: {
          bold: true,
          breakLine: triggerLines.length > 0,
          color: route.loop ? DECK_COLOURS.loop : DECK_COLOURS.ink,
        },
      },
      ...triggerLines.map((line, index) => ({
        text: line,
        options: { breakLine: index < triggerLines.length - 1, color: DECK_COLOURS.inkSoft },
      })),
    ],
    {
      ...textStyle(LABEL.fontPt, { align: "center" }),
      ...inches(box),
      fill: { color: "FFFFFF", transparency: 8 },
      valign: "middle",
      objectName: name,
    },
  );
}

/** The first spot around the anchor that covers no phase, marker or label, kept inside the diagram. */
function labelBox(anchor: Point, size: { width: number; height: number }, placed: readonly SlideBox[]): SlideBox {
  const bounds = { ...SLIDE_BODY, height: SLIDE_BODY.height - LEGEND.height - LEGEND.gap };
  const at = (centre: Point): SlideBox => ({
    x: Math.min(Math.max(centre.x - size.width / 2, bounds.x), bounds.x + bounds.width - size.width),
    y: Math.min(Math.max(centre.y - size.height / 2, bounds.y), bounds.y + bounds.height - size.height),
    ...size,
  });
  const step = size.height / 2 + 0.08;
  const candidates: Point[] = [{ x: 0, y: 0 }];
  for (let ring = 1; ring <= 4; ring++) {
    for (const [dx, dy] of [
      [0, 1],
      [0, -1],
      [1, 0],
      [-1, 0],
      [1, 1],
      [-1, 1],
      [1, -1],
      [-1, -1],
    ] as const) {
      candidates.push({ x: dx * ring * step * 1.5, y: dy * ring * step });
    }
  }
  for (const offset of candidates) {
    const box = at({ x: anchor.x + offset.x, y: anchor.y + offset.y });
    if (!placed.some((other) => overlaps(box, other))) return box;
  }
  return at(anchor);
}

function overlaps(a: SlideBox, b: SlideBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

interface MarkerGroup {
  direction: Crossing["direction"];
  /** What the other end is, then the slide it is on: each its own line, so shortening a long name keeps the slide. */
  lines: [string, string];
  crossings: Crossing[];
}

/**
 * The markers of one side: one per phase elsewhere; when more phases than a
 * column holds (a single hub phase), one per slide; the last takes whatever
 * still does not fit, so every crossing transition ends at a marker.
 */
function markerGroups(
  deck: DiagramDeck,
  crossings: readonly Crossing[],
  direction: Crossing["direction"],
): MarkerGroup[] {
  const mine = crossings.filter((crossing) => crossing.direction === direction);
  const what = (text: string) => (direction === "out" ? `→ ${text}` : `From ${text}`);
  const byPhase = groupBy(mine, (crossing) => crossing.otherPhaseId);
  if (byPhase.size <= MARKERS_PER_COLUMN) {
    return [...byPhase].map(([phaseId, group]) => {
      const phase = deck.phases.get(phaseId) as Phase;
      const stage = deck.stageNames.get(phase.stageId);
      return {
        direction,
        lines: [what(`${phase.name}${stage ? ` (${stage})` : ""}`), `on slide ${deck.slideOf.get(phaseId)}`],
        crossings: group,
      };
    });
  }
  const bySlide = [...groupBy(mine, (crossing) => String(deck.slideOf.get(crossing.otherPhaseId)))];
  const kept = bySlide.slice(0, bySlide.length > MARKERS_PER_COLUMN ? MARKERS_PER_COLUMN - 1 : bySlide.length);
  const rest = bySlide.slice(kept.length);
  const phasesIn = (group: readonly Crossing[]) => {
    const count = new Set(group.map((crossing) => crossing.otherPhaseId)).size;
    return what(`${count} ${count === 1 ? "phase" : "phases"}`);
  };
  const groups = kept.map(
    ([slideNumber, group]): MarkerGroup => ({
      direction,
      lines: [phasesIn(group), `on slide ${slideNumber}`],
      crossings: group,
    }),
  );
  if (rest.length > 0) {
    const group = rest.flatMap(([, crossings]) => crossings);
    groups.push({ direction, lines: [phasesIn(group), `on ${rest.length} more slides`], crossings: group });
  }
  return groups;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function drawMarker(slide: PptxGenJS.Slide, name: string, lines: readonly string[], box: SlideBox): void {
  slide.addText(lines.map((line) => fitLine(line, box.width, MARKER.fontPt)).join("\n"), {
    ...textStyle(MARKER.fontPt, { color: DECK_COLOURS.inkSoft, align: "center", italic: true }),
    shape: "rect",
    ...inches(box),
    fill: { color: DECK_COLOURS.zebra },
    line: { color: DECK_COLOURS.transition, width: 0.75, dashType: "sysDot" },
    valign: "middle",
    objectName: name,
  });
}

/** The stages on the slide, then what red dashes and markers mean when the slide has them. */
function drawLegend(deck: DiagramDeck, slide: PptxGenJS.Slide, page: DiagramPage): void {
  const { roadmap } = deck.context;
  const stageIds = new Set(page.phases.map((phase) => phase.stageId));
  const swatch = 0.2;
  const y = SLIDE_BODY.y + SLIDE_BODY.height - LEGEND.height;
  let x = SLIDE_BODY.x;
  const right = SLIDE_BODY.x + SLIDE_BODY.width;
  const item = (name: string, text: string, draw: (at: number) => void, keyWidth: number) => {
    const width = Math.min(
      textWidth(text, LEGEND.fontPt) / POINTS_PER_INCH + 2 * TEXT_INSET + 0.02,
      right - x - keyWidth,
    );
    if (width <= 2 * TEXT_INSET) return;
    draw(x);
    slide.addText(fitLine(text, width, LEGEND.fontPt), {
      ...textStyle(LEGEND.fontPt, { color: DECK_COLOURS.inkSoft }),
      x: x + keyWidth,
      y,
      w: width,
      h: LEGEND.height,
      valign: "middle",
      objectName: name,
    });
    x += keyWidth + width + 0.2;
  };
  const stages = roadmap.stages.filter((stage) => stageIds.has(stage.id));
  for (const stage of stages) {
    item(
      `legend:stage:${stage.id}`,
      stage.name,
      (at) =>
        slide.addShape(deck.context.pptx.ShapeType.roundRect, {
          x: at,
          y: y + (LEGEND.height - swatch) / 2,
          w: swatch,
          h: swatch,
          rectRadius: 0.04,
          fill: { color: deckColour(stage.color) },
          line: { color: deckColour(stage.color), width: 0.5 },
          objectName: `legend:swatch:${stage.id}`,
        }),
      swatch + 0.05,
    );
  }
  const here = new Set(page.phases.map((phase) => phase.id));
  const touching = roadmap.transitions.filter((t) => here.has(t.from) || here.has(t.to));
  const routes = touching.flatMap((t) => {
    const route = deck.routes.get(t.id);
    return route ? [route] : [];
  });
  if (routes.some((route) => route.loop)) {
    item(
      "legend:loop",
      "Loops back",
      (at) =>
        slide.addShape(deck.context.pptx.ShapeType.line, {
          x: at,
          y: y + LEGEND.height / 2,
          w: 0.45,
          h: 0,
          line: { color: DECK_COLOURS.loop, width: LINE_WIDTH_PT, dashType: "dash", endArrowType: "triangle" },
          objectName: "legend:loop line",
        }),
      0.5,
    );
  }
  if (routes.some((route) => route.rate.endsWith("*")))
    item("legend:segment rates", "* Rate differs by segment", () => {}, 0);
}

function pageNotes(
  deck: DiagramDeck,
  page: DiagramPage,
  crossings: readonly Crossing[],
  shortened: readonly string[],
): string {
  const { roadmap } = deck.context;
  const lines = [
    "Each box is a phase, placed as on the canvas and coloured by its stage; under its name, its customers at the plan's start and its communications. Each arrow is a transition with its monthly rate and trigger; red dashed arrows loop back to an earlier stage. The boxes and arrows are native shapes: move a phase and its arrows follow.",
  ];
  if (page.stage !== null) {
    const starts = new Map<string, number>();
    for (const other of deck.pages) {
      if (other.stage !== null && !starts.has(other.stage)) {
        starts.set(other.stage, deck.slideOf.get(other.phases[0]?.id ?? "") ?? 0);
      }
    }
    lines.push(
      `The roadmap's ${roadmap.phases.length} phases are too many to read at ${MIN_DIAGRAM_FONT_PT} pt on one slide, so it is split by stage: ${[...starts].map(([stage, slide]) => `${stage} from slide ${slide}`).join(", ")}.`,
      `This slide shows ${page.phases.length} of them.`,
    );
  }
  if (crossings.length > 0) {
    const description = (crossing: Crossing) => {
      const other = deck.phases.get(crossing.otherPhaseId) as Phase;
      const mine = deck.phases.get(crossing.phaseId) as Phase;
      const route = deck.routes.get(crossing.transitionId) as RouteText;
      return crossing.direction === "out"
        ? `${mine.name} → ${other.name} (slide ${deck.slideOf.get(other.id)}), ${route.rate}`
        : `${other.name} (slide ${deck.slideOf.get(other.id)}) → ${mine.name}, ${route.rate}`;
    };
    lines.push(
      `Boxes at the edges stand for phases on other slides; ${crossings.length} ${crossings.length === 1 ? "transition crosses" : "transitions cross"} to or from them: ${crossings.map(description).join("; ")}.`,
    );
  }
  if (shortened.length > 0) lines.push(`Names shortened in their boxes, in full: ${shortened.join("; ")}.`);
  return lines.join("\n");
}

function inches(box: SlideBox): { x: number; y: number; w: number; h: number } {
  return { x: box.x, y: box.y, w: box.width, h: box.height };
}
