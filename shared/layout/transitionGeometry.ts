import { type TextStyle, textWidth, wrapText } from "../export/svgText";
import { loopTransitionIds } from "../model/loops";
import type { Roadmap } from "../model/schema";

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A transition's label as the canvas and the exported diagram both draw it:
 * the rate in bold over the trigger, in type large enough to read on a
 * projected wall. One set of metrics, so both place it on the same spot.
 */
export const TRANSITION_LABEL = {
  rateFontSize: 12,
  triggerFontSize: 11,
  lineHeight: 14.5,
  /** From the top of a line to its baseline. */
  ascent: 11,
  paddingX: 6,
  paddingY: 3,
  maxTextWidth: 130,
  maxTriggerLines: 3,
} as const;
const RATE_STYLE: TextStyle = { fontSize: TRANSITION_LABEL.rateFontSize, bold: true };
const TRIGGER_STYLE: TextStyle = { fontSize: TRANSITION_LABEL.triggerFontSize };

/** What the router needs of a transition: its ends, whether it loops back, and the text of its label. */
export interface TransitionToRoute {
  id: string;
  from: string;
  to: string;
  loop: boolean;
  rate: string;
  trigger: string;
}

export interface TransitionLabelBox {
  box: Box;
  rate: string;
  triggerLines: string[];
}

export interface RoutedTransition {
  id: string;
  loop: boolean;
  /** The corners of an orthogonal route, from the middle of the source's right side to the middle of the target's left side. */
  points: Point[];
  label: TransitionLabelBox;
}

/** How far a route runs straight out of its source and into its target before it turns. */
const STUB = 20;
/** Between a detour and the phases it passes. */
const CHANNEL_GAP = 26;
/** Between routes that share a gap or a channel, so each line can be followed. */
const LANE = 9;
const MAX_LANES = 4;
/** White space a label keeps around phases and other labels. */
const CLEARANCE = { phase: 2, label: 3 } as const;
const ARROWHEAD = { length: 10, width: 8 } as const;
/** Points along a route to try for its label, best first: the middle, then further out. */
const LABEL_FRACTIONS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
/** When no spot on the route is clear: rings around its middle, then a free row under the drawing. */
const RING = { step: 18, count: 10, directions: 12 } as const;
const FLOOR_WIDTH = 1_200;

/**
 * The roadmap's transitions as the router takes them: loops by what they mean
 * (`loopTransitionIds`), rates written by `formatPercent` with "/mo", and a "*"
 * when some segment has its own rate.
 */
export function transitionsToRoute(roadmap: Roadmap, formatPercent: (share: number) => string): TransitionToRoute[] {
  const loops = loopTransitionIds(roadmap);
  return roadmap.transitions.map((t) => ({
    id: t.id,
    from: t.from,
    to: t.to,
    loop: loops.has(t.id),
    rate: `${formatPercent(t.rate)}/mo${Object.keys(t.rateBySegment).length > 0 ? "*" : ""}`,
    trigger: t.trigger,
  }));
}

/** The label's lines and size, from the same text estimates the SVG export wraps names with. */
export function measureTransitionLabel(
  rate: string,
  trigger: string,
): { width: number; height: number; triggerLines: string[] } {
  const text = trigger.trim();
  const triggerLines =
    text === "" ? [] : wrapText(text, TRANSITION_LABEL.maxTextWidth, TRANSITION_LABEL.maxTriggerLines, TRIGGER_STYLE);
  const contentWidth = Math.max(
    textWidth(rate, RATE_STYLE.fontSize, RATE_STYLE.bold),
    ...triggerLines.map((line) => textWidth(line, TRIGGER_STYLE.fontSize)),
  );
  return {
    width: Math.ceil(contentWidth + 2 * TRANSITION_LABEL.paddingX),
    height: Math.ceil((1 + triggerLines.length) * TRANSITION_LABEL.lineHeight + 2 * TRANSITION_LABEL.paddingY),
    triggerLines,
  };
}

/**
 * Routes every transition between the phases' boxes with horizontal and
 * vertical lines, and places each label where it covers no phase and no other
 * label. A forward transition turns once in the gap between its phases; one
 * whose target is not to the right (a loop back, or the next row of a wrapped
 * layout) detours through a channel above or below the phases it would cross.
 * Pure and deterministic, so the canvas and the exported diagram draw the same.
 */
export function routeTransitions(
  phases: ReadonlyMap<string, Box>,
  transitions: readonly TransitionToRoute[],
): RoutedTransition[] {
  const phaseIndex = new BoxIndex();
  for (const box of phases.values()) phaseIndex.add(box);
  const lanes = new Map<string, number>();
  const routed = transitions.flatMap((transition) => {
    const from = phases.get(transition.from);
    const to = phases.get(transition.to);
    return from && to ? [{ transition, points: route(from, to, phaseIndex, lanes) }] : [];
  });

  const obstacles = new BoxIndex();
  for (const box of phases.values()) obstacles.add(inflate(box, CLEARANCE.phase));
  for (const { points } of routed) obstacles.add(arrowheadBox(points));
  const left = leftOf(phases.values());
  const floor: Floor = { left, x: left, y: bottomOf(phases.values()) + CHANNEL_GAP * 3, rowHeight: 0 };
  // Forward transitions have only the gap between two phases to choose from; detours have a long channel.
  const order = [...routed.filter((r) => r.points.length <= 4), ...routed.filter((r) => r.points.length > 4)];
  const labels = new Map<string, TransitionLabelBox>();
  for (const { transition, points } of order) {
    const size = measureTransitionLabel(transition.rate, transition.trigger);
    const box = placeLabel(points, size, obstacles, floor);
    obstacles.add(inflate(box, CLEARANCE.label));
    labels.set(transition.id, { box, rate: transition.rate, triggerLines: size.triggerLines });
  }
  return routed.flatMap(({ transition, points }) => {
    const label = labels.get(transition.id);
    return label ? [{ id: transition.id, loop: transition.loop, points, label }] : [];
  });
}

/** An SVG path along the route, its corners rounded so crossing lines are told apart from turning ones. */
export function routePath(points: readonly Point[], radius = 8): string {
  const [first, ...rest] = points;
  if (!first) return "";
  const parts = [`M ${first.x} ${first.y}`];
  rest.forEach((corner, index) => {
    const previous = points[index] ?? corner;
    const next = rest[index + 1];
    if (!next) {
      parts.push(`L ${corner.x} ${corner.y}`);
      return;
    }
    const r = Math.min(radius, distance(previous, corner) / 2, distance(corner, next) / 2);
    const before = towards(corner, previous, r);
    const after = towards(corner, next, r);
    parts.push(`L ${before.x} ${before.y}`, `Q ${corner.x} ${corner.y} ${after.x} ${after.y}`);
  });
  return parts.join(" ");
}

/** The route between two phases that crosses fewest other phases, the simplest such first. */
function route(from: Box, to: Box, phases: BoxIndex, lanes: Map<string, number>): Point[] {
  const start = { x: from.x + from.width, y: from.y + from.height / 2 };
  const end = { x: to.x, y: to.y + to.height / 2 };
  const candidates: { points: Point[]; lane: string | null }[] = [];
  if (end.x - start.x >= 2 * STUB) {
    if (Math.abs(end.y - start.y) < 0.5) candidates.push({ points: [start, end], lane: null });
    for (const x of [(start.x + end.x) / 2, start.x + STUB, end.x - STUB]) {
      const key = `v:${Math.round(x)}`;
      const turn = x + laneOffset(lanes, key, end.x - start.x);
      candidates.push({ points: [start, { x: turn, y: start.y }, { x: turn, y: end.y }, end], lane: key });
    }
  }
  const xOut = start.x + STUB;
  const xIn = end.x - STUB;
  const span = { x: Math.min(xOut, xIn), width: Math.abs(xOut - xIn) };
  const between = phases.query({
    ...span,
    y: Math.min(from.y, to.y),
    height: Math.max(from.y + from.height, to.y + to.height) - Math.min(from.y, to.y),
  });
  const channels: [number, 1 | -1][] = [
    [bottomOf(between) + CHANNEL_GAP, 1],
    [topOf(between) - CHANNEL_GAP, -1],
    [from.y + from.height + CHANNEL_GAP, 1],
    [to.y - CHANNEL_GAP, -1],
    [to.y + to.height + CHANNEL_GAP, 1],
    [from.y - CHANNEL_GAP, -1],
  ];
  for (const [y, away] of channels) {
    const key = `h:${Math.round(y)}`;
    const channel = y + away * Math.abs(laneOffset(lanes, key, Number.POSITIVE_INFINITY));
    const points = [
      start,
      { x: xOut, y: start.y },
      { x: xOut, y: channel },
      { x: xIn, y: channel },
      { x: xIn, y: end.y },
      end,
    ];
    candidates.push({ points, lane: key });
  }
  let best: { points: Point[]; lane: string | null; crossed: number } | null = null;
  for (const candidate of candidates) {
    const crossed = crossings(candidate.points, phases, from, to, best?.crossed ?? Number.POSITIVE_INFINITY);
    if (best === null || crossed < best.crossed) best = { ...candidate, crossed };
    if (crossed === 0) break;
  }
  const chosen = best ?? { points: [start, end], lane: null };
  if (chosen.lane !== null) lanes.set(chosen.lane, (lanes.get(chosen.lane) ?? 0) + 1);
  return chosen.points;
}

/** The next free lane's offset from a shared line, alternating sides and kept inside a gap of `room`. */
function laneOffset(lanes: ReadonlyMap<string, number>, key: string, room: number): number {
  const used = (lanes.get(key) ?? 0) % (2 * MAX_LANES + 1);
  const offset = Math.ceil(used / 2) * LANE * (used % 2 === 1 ? 1 : -1);
  return Math.abs(offset) * 2 < room - 2 * STUB ? offset : 0;
}

/** How many phases the route runs through, its own two ends aside, counting no further than `limit`. */
function crossings(points: readonly Point[], phases: BoxIndex, from: Box, to: Box, limit: number): number {
  const hit = new Set<Box>();
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    const segment = {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      width: Math.abs(a.x - b.x),
      height: Math.abs(a.y - b.y),
    };
    for (const box of phases.query(segment)) {
      if (box === from || box === to || hit.has(box)) continue;
      if (touches(segment, inflate(box, -1))) hit.add(box);
      if (hit.size >= limit) return hit.size;
    }
  }
  return hit.size;
}

/**
 * The label centred on the route at the first clear spot, then just beside
 * the route, then on rings around the route's middle; failing all of those
 * (phases stacked on one spot), in a free row under the drawing.
 */
function placeLabel(
  points: readonly Point[],
  size: { width: number; height: number },
  obstacles: BoxIndex,
  floor: Floor,
): Box {
  const at = (centre: Point): Box => ({
    x: centre.x - size.width / 2,
    y: centre.y - size.height / 2,
    width: size.width,
    height: size.height,
  });
  const beside = size.height / 2 + ARROWHEAD.width;
  const along = LABEL_FRACTIONS.map((fraction) => pointAlong(points, fraction));
  for (const shift of [0, beside, -beside]) {
    for (const point of along) {
      const box = at({ x: point.x, y: point.y + shift });
      if (obstacles.isClear(box)) return box;
    }
  }
  const middle = along[0] ?? points[0] ?? { x: 0, y: 0 };
  for (let ring = 1; ring <= RING.count; ring++) {
    for (let direction = 0; direction < RING.directions; direction++) {
      const angle = (2 * Math.PI * direction) / RING.directions;
      const box = at({
        x: middle.x + Math.cos(angle) * ring * RING.step,
        y: middle.y + Math.sin(angle) * ring * RING.step,
      });
      if (obstacles.isClear(box)) return box;
    }
  }
  for (;;) {
    if (floor.x - floor.left > FLOOR_WIDTH) {
      floor.x = floor.left;
      floor.y += floor.rowHeight + 2 * CLEARANCE.label + 1;
      floor.rowHeight = 0;
    }
    const box = { x: floor.x, y: floor.y, width: size.width, height: size.height };
    floor.x += size.width + 2 * CLEARANCE.label + 1;
    floor.rowHeight = Math.max(floor.rowHeight, size.height);
    if (obstacles.isClear(box)) return box;
  }
}

/** Where labels that found no room beside their route go: rows under the drawing, filled left to right. */
interface Floor {
  left: number;
  x: number;
  y: number;
  rowHeight: number;
}

function pointAlong(points: readonly Point[], fraction: number): Point {
  const segments = points.slice(1).map((b, i) => ({ a: points[i] ?? b, b }));
  let remaining = fraction * segments.reduce((sum, { a, b }) => sum + distance(a, b), 0);
  for (const { a, b } of segments) {
    const length = distance(a, b);
    if (remaining <= length && length > 0) return towards(a, b, remaining);
    remaining -= length;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

/** Where the arrow enters its target: a label there would hide which way the customers move. */
function arrowheadBox(points: readonly Point[]): Box {
  const end = points[points.length - 1] ?? { x: 0, y: 0 };
  return {
    x: end.x - ARROWHEAD.length,
    y: end.y - ARROWHEAD.width / 2,
    width: ARROWHEAD.length,
    height: ARROWHEAD.width,
  };
}

function distance(a: Point, b: Point): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}

/** The point `length` from `a` towards `b`, on the straight line between them. */
function towards(a: Point, b: Point, length: number): Point {
  const whole = distance(a, b);
  if (whole === 0) return a;
  return { x: a.x + ((b.x - a.x) * length) / whole, y: a.y + ((b.y - a.y) * length) / whole };
}

function inflate(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** Whether the two share some area, or a line (zero width or height) runs through the other. */
function touches(a: Box, b: Box): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function bottomOf(boxes: Iterable<Box>): number {
  let bottom = Number.NEGATIVE_INFINITY;
  for (const box of boxes) bottom = Math.max(bottom, box.y + box.height);
  return Number.isFinite(bottom) ? bottom : 0;
}

function topOf(boxes: Iterable<Box>): number {
  let top = Number.POSITIVE_INFINITY;
  for (const box of boxes) top = Math.min(top, box.y);
  return Number.isFinite(top) ? top : 0;
}

function leftOf(boxes: Iterable<Box>): number {
  let left = Number.POSITIVE_INFINITY;
  for (const box of boxes) left = Math.min(left, box.x);
  return Number.isFinite(left) ? left : 0;
}

/**
 * Boxes bucketed on a grid, so routing and labelling thousands of transitions
 * stays fast. A query wider than the grid is worth bucketing (a crafted file
 * with phases far apart) scans every box instead.
 */
class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  private readonly all: Box[] = [];
  private static readonly CELL = 256;
  private static readonly MAX_CELLS = 256;

  add(box: Box): void {
    this.all.push(box);
    const keys = this.keys(box);
    if (keys === null) {
      this.cells.set("wide", [...(this.cells.get("wide") ?? []), box]);
      return;
    }
    for (const key of keys) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }

  /** Every indexed box that may touch `box`. */
  query(box: Box): Box[] {
    const keys = this.keys(box);
    if (keys === null) return this.all.filter((other) => touches(box, other));
    const found = new Set<Box>(this.cells.get("wide") ?? []);
    for (const key of keys) for (const other of this.cells.get(key) ?? []) found.add(other);
    return [...found].filter((other) => touches(box, other));
  }

  /** Whether no indexed box shares area with `box`. */
  isClear(box: Box): boolean {
    const keys = this.keys(box);
    if (keys === null) return !this.all.some((other) => overlaps(box, other));
    if ((this.cells.get("wide") ?? []).some((other) => overlaps(box, other))) return false;
    return !keys.some((key) => (this.cells.get(key) ?? []).some((other) => overlaps(box, other)));
  }

  private keys(box: Box): string[] | null {
    const cell = BoxIndex.CELL;
    const firstColumn = Math.floor(box.x / cell);
    const firstRow = Math.floor(box.y / cell);
    const columns = Math.floor((box.x + box.width) / cell) - firstColumn + 1;
    const rows = Math.floor((box.y + box.height) / cell) - firstRow + 1;
    if (!(columns * rows <= BoxIndex.MAX_CELLS)) return null;
    const keys: string[] = [];
    for (let column = 0; column < columns; column++) {
      for (let row = 0; row < rows; row++) keys.push(`${firstColumn + column}:${firstRow + row}`);
    }
    return keys;
  }
}
