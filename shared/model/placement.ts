import type { Point } from "./edits";
import type { Roadmap } from "./schema";

export interface Size {
  width: number;
  height: number;
}

/**
 * The spot nearest to `wanted` (a new phase's top-left corner) where a phase
 * of `size` covers no phase of the roadmap and keeps `gap` from each: `wanted`
 * itself when it is free. Candidates lie `step` apart, ring by ring around
 * `wanted`, nearest first and, between equally near ones, rightwards then
 * downwards (the way a lifecycle reads): a phase added twice at the same place
 * lands next to the first rather than on it, and one added in a crowded area
 * still lands close by.
 */
export function freeSpotNear(
  roadmap: Pick<Roadmap, "phases">,
  wanted: Point,
  size: Size,
  sizeOf: (phaseId: string) => Size,
  { step, gap }: { step: number; gap: number },
): Point {
  const boxes = roadmap.phases.map((p) => ({ ...p.position, ...sizeOf(p.id) }));
  const isFree = (at: Point) =>
    boxes.every(
      (box) =>
        at.x + size.width + gap <= box.x ||
        box.x + box.width + gap <= at.x ||
        at.y + size.height + gap <= box.y ||
        box.y + box.height + gap <= at.y,
    );
  // Each ring is a step further out; the rings cannot run out, for past the last phase every spot is free.
  for (let ring = 0; ; ring++) {
    const spots = ringAround(wanted, ring, step).sort(
      (a, b) => distance(a, wanted) - distance(b, wanted) || b.x - a.x || b.y - a.y,
    );
    const free = spots.find(isFree);
    if (free) return free;
  }
}

/** The spots `ring` steps out from the centre (the centre itself for ring 0), going round from the top left. */
function ringAround(center: Point, ring: number, step: number): Point[] {
  if (ring === 0) return [center];
  const spots: Point[] = [];
  for (let i = -ring; i <= ring; i++) {
    for (let j = -ring; j <= ring; j++) {
      if (Math.max(Math.abs(i), Math.abs(j)) === ring) spots.push({ x: center.x + i * step, y: center.y + j * step });
    }
  }
  return spots;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
