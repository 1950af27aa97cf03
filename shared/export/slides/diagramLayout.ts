import type { Phase, Roadmap } from "../../model/schema";
import type { ConnectionSite } from "./connectors";
import { SLIDE_BODY } from "./deckTheme";
import type { SlideBox } from "./slideFrame";
import { textHeight } from "./slideFrame";

/**
 * A phase card on the canvas, in its px: the canvas's `PHASE_NODE_WIDTH` and
 * about a card's height, so phases placed side by side there stand as far
 * apart on the slide, relative to their size.
 */
export const CANVAS_CARD = { width: 220, height: 100 } as const;

/** The smallest type a phase's name is set in; a roadmap whose phases would need less is split over slides. */
export const MIN_DIAGRAM_FONT_PT = 10;

/**
 * The smallest phase box, in inches: two lines of the smallest type (the name,
 * then customers and communications) and a name of a dozen letters on a line.
 */
const MIN_PHASE_WIDTH = 1.25;
export const MIN_SCALE = MIN_PHASE_WIDTH / CANVAS_CARD.width;
/** A roadmap of three phases would otherwise fill the slide with three posters. */
const MAX_SCALE = 2.2 / CANVAS_CARD.width;

/** Boxes at a slide's edge standing for phases on other slides. */
export const MARKER = {
  width: 2.3,
  height: textHeight(2, MIN_DIAGRAM_FONT_PT),
  gap: 0.08,
  fontPt: MIN_DIAGRAM_FONT_PT,
};
/** Between the markers' column and the phases, for the connectors to run in. */
const MARKER_CLEARANCE = 0.35;

/** The legend's row under the diagram. */
export const LEGEND = { fontPt: 12, height: textHeight(1, 12), gap: 0.1 } as const;

/** Where the diagram itself goes: the slide's body above the legend. */
const DIAGRAM_AREA: SlideBox = {
  x: SLIDE_BODY.x,
  y: SLIDE_BODY.y,
  width: SLIDE_BODY.width,
  height: SLIDE_BODY.height - LEGEND.height - LEGEND.gap,
};

/** Markers a column holds, one under the other. */
export const MARKERS_PER_COLUMN = Math.floor((DIAGRAM_AREA.height + MARKER.gap) / (MARKER.height + MARKER.gap));

/** One slide of the diagram: its phases, and which stage they are when the roadmap is split. */
export interface DiagramPage {
  phases: Phase[];
  /** The stage's name when the roadmap is split by stage; null when the whole roadmap is on one slide. */
  stage: string | null;
  /** Which of the stage's slides this is, from 1, and how many it has. */
  part: number;
  parts: number;
}

/** A transition with one end on the page and the other on another: its marker stands for the other end. */
export interface Crossing {
  transitionId: string;
  direction: "in" | "out";
  /** The phase on the page. */
  phaseId: string;
  /** The phase on the other slide. */
  otherPhaseId: string;
}

/**
 * The diagram's slides: the whole roadmap on one when its phases, at their
 * canvas positions scaled to the slide, stay large enough for 10 pt names;
 * otherwise a slide per stage, in the roadmap's stage order, each halved (along
 * its longer side, so neighbours on the canvas stay together) until its phases
 * are legible and its off-slide markers fit a column on each side.
 */
export function diagramPages(roadmap: Roadmap): DiagramPage[] {
  if (roadmap.phases.length === 0) return [];
  if (scaleToFit(roadmap.phases, diagramArea(false, false)) >= MIN_SCALE) {
    return [{ phases: roadmap.phases, stage: null, part: 1, parts: 1 }];
  }
  const known = new Set(roadmap.stages.map((stage) => stage.id));
  const groups = [
    ...roadmap.stages.map((stage) => ({
      stage: stage.name,
      phases: roadmap.phases.filter((phase) => phase.stageId === stage.id),
    })),
    { stage: "Other", phases: roadmap.phases.filter((phase) => !known.has(phase.stageId)) },
  ].filter((group) => group.phases.length > 0);
  return groups.flatMap((group) => {
    const parts = halveUntilLegible(roadmap, group.phases);
    return parts.map((phases, index) => ({ phases, stage: group.stage, part: index + 1, parts: parts.length }));
  });
}

function halveUntilLegible(roadmap: Roadmap, phases: Phase[]): Phase[][] {
  if (phases.length <= 1 || fitsOnePage(roadmap, phases)) return [phases];
  const { width, height } = canvasBounds(phases);
  const area = diagramArea(true, true);
  const alongX = width / area.width >= height / area.height;
  const sorted = [...phases].sort((a, b) =>
    alongX
      ? a.position.x - b.position.x || a.position.y - b.position.y
      : a.position.y - b.position.y || a.position.x - b.position.x,
  );
  const half = Math.ceil(sorted.length / 2);
  return [...halveUntilLegible(roadmap, sorted.slice(0, half)), ...halveUntilLegible(roadmap, sorted.slice(half))];
}

function fitsOnePage(roadmap: Roadmap, phases: readonly Phase[]): boolean {
  const crossings = crossingsOf(roadmap, phases);
  const markers = (direction: Crossing["direction"]) =>
    new Set(crossings.filter((crossing) => crossing.direction === direction).map((crossing) => crossing.otherPhaseId))
      .size;
  const incoming = markers("in");
  const outgoing = markers("out");
  return (
    incoming <= MARKERS_PER_COLUMN &&
    outgoing <= MARKERS_PER_COLUMN &&
    scaleToFit(phases, diagramArea(incoming > 0, outgoing > 0)) >= MIN_SCALE
  );
}

/** The transitions that leave or enter the page's phases from phases elsewhere, in document order. */
export function crossingsOf(roadmap: Roadmap, phases: readonly Phase[]): Crossing[] {
  const here = new Set(phases.map((phase) => phase.id));
  const everywhere = new Set(roadmap.phases.map((phase) => phase.id));
  return roadmap.transitions.flatMap((transition): Crossing[] => {
    const from = here.has(transition.from);
    const to = here.has(transition.to);
    if (from === to || !everywhere.has(transition.from) || !everywhere.has(transition.to)) return [];
    return from
      ? [{ transitionId: transition.id, direction: "out", phaseId: transition.from, otherPhaseId: transition.to }]
      : [{ transitionId: transition.id, direction: "in", phaseId: transition.to, otherPhaseId: transition.from }];
  });
}

/** The room left for phases: the diagram area less a column of markers on the left (incoming) and right (outgoing). */
export function diagramArea(incoming: boolean, outgoing: boolean): SlideBox {
  const side = MARKER.width + MARKER_CLEARANCE;
  const left = incoming ? side : 0;
  const right = outgoing ? side : 0;
  return { ...DIAGRAM_AREA, x: DIAGRAM_AREA.x + left, width: DIAGRAM_AREA.width - left - right };
}

/** Where the markers of one side go, top to bottom, centred on the diagram's height. */
export function markerBoxes(side: "left" | "right", count: number): SlideBox[] {
  const x = side === "left" ? DIAGRAM_AREA.x : DIAGRAM_AREA.x + DIAGRAM_AREA.width - MARKER.width;
  const used = count * MARKER.height + Math.max(0, count - 1) * MARKER.gap;
  const top = DIAGRAM_AREA.y + Math.max(0, (DIAGRAM_AREA.height - used) / 2);
  return Array.from({ length: count }, (_, index) => ({
    x,
    y: top + index * (MARKER.height + MARKER.gap),
    width: MARKER.width,
    height: MARKER.height,
  }));
}

function canvasBounds(phases: readonly Phase[]): { x: number; y: number; width: number; height: number } {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const { position } of phases) {
    left = Math.min(left, position.x);
    top = Math.min(top, position.y);
    right = Math.max(right, position.x + CANVAS_CARD.width);
    bottom = Math.max(bottom, position.y + CANVAS_CARD.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Inches per canvas px that fit the phases' canvas layout into `area`, no more than `MAX_SCALE`. */
function scaleToFit(phases: readonly Phase[], area: SlideBox): number {
  const bounds = canvasBounds(phases);
  return Math.min(MAX_SCALE, area.width / bounds.width, area.height / bounds.height);
}

/** Each phase's box on the slide: the canvas layout scaled to fit `area` and centred in it. */
export function placePhases(phases: readonly Phase[], area: SlideBox): Map<string, SlideBox> {
  const bounds = canvasBounds(phases);
  const scale = scaleToFit(phases, area);
  const left = area.x + (area.width - bounds.width * scale) / 2;
  const top = area.y + (area.height - bounds.height * scale) / 2;
  return new Map(
    phases.map((phase) => [
      phase.id,
      {
        x: left + (phase.position.x - bounds.x) * scale,
        y: top + (phase.position.y - bounds.y) * scale,
        width: CANVAS_CARD.width * scale,
        height: CANVAS_CARD.height * scale,
      },
    ]),
  );
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Where a connector leaves one box and enters another: side by side (the
 * boxes do not overlap across) it runs from a right side to a left side, as
 * on the canvas; one above the other, from a bottom to a top. A loop back
 * between boxes side by side runs under them, bottom to bottom, so it never
 * lies on the forward arrow it answers.
 */
export function connectionSites(
  from: SlideBox,
  to: SlideBox,
  loop: boolean,
): { fromSite: ConnectionSite; toSite: ConnectionSite } {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  const sideBySide = Math.abs(dx) >= (from.width + to.width) / 2;
  if (sideBySide && loop && dx < 0) return { fromSite: "bottom", toSite: "bottom" };
  if (sideBySide) return dx > 0 ? { fromSite: "right", toSite: "left" } : { fromSite: "left", toSite: "right" };
  return dy >= 0 ? { fromSite: "bottom", toSite: "top" } : { fromSite: "top", toSite: "bottom" };
}

/** The middle of a box's side: where `rect` and `roundRect` have their connection sites. */
export function sitePoint(box: SlideBox, site: ConnectionSite): Point {
  switch (site) {
    case "top":
      return { x: box.x + box.width / 2, y: box.y };
    case "bottom":
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case "left":
      return { x: box.x, y: box.y + box.height / 2 };
    case "right":
      return { x: box.x + box.width, y: box.y + box.height / 2 };
  }
}
