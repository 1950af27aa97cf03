import { addPhase, connectPhases, DEFAULT_TRANSITION_RATE, type Point } from "./edits";
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
  const isFree = freeOf(roadmap, size, sizeOf, gap);
  // Each ring is a step further out; the rings cannot run out, for past the last phase every spot is free.
  for (let ring = 0; ; ring++) {
    const spots = ringAround(wanted, ring, step).sort(
      (a, b) => distance(a, wanted) - distance(b, wanted) || b.x - a.x || b.y - a.y,
    );
    const free = spots.find(isFree);
    if (free) return free;
  }
}

/** The stage after `stageId` in the roadmap's stage order; the last stage is followed by itself. */
export function nextStageId(roadmap: Pick<Roadmap, "stages">, stageId: string): string {
  const index = roadmap.stages.findIndex((s) => s.id === stageId);
  return roadmap.stages[index + 1]?.id ?? stageId;
}

/**
 * Adds the phase that follows `besideId` in the lifecycle: in the next stage,
 * placed to its right where nothing is (`freeSpotRightOf`), and joined to it by
 * a transition at the default rate. Null when that phase does not exist.
 */
export function addPhaseBeside(
  roadmap: Roadmap,
  besideId: string,
  size: Size,
  sizeOf: (phaseId: string) => Size,
  spacing: { step: number; gap: number; distance: number },
): { roadmap: Roadmap; phaseId: string; transitionId: string } | null {
  const beside = roadmap.phases.find((p) => p.id === besideId);
  const position = freeSpotRightOf(roadmap, besideId, size, sizeOf, spacing);
  if (!beside || !position) return null;
  const added = addPhase(roadmap, { stageId: nextStageId(roadmap, beside.stageId), position });
  const connected = connectPhases(added.roadmap, besideId, added.phaseId, DEFAULT_TRANSITION_RATE);
  // A phase just made has no transitions, so the only refusals (a self-loop, a second one) cannot happen.
  if (!connected.ok) return null;
  return { roadmap: connected.value.roadmap, phaseId: added.phaseId, transitionId: connected.value.transitionId };
}

/**
 * Where a phase added beside `besideId` goes: to its right, a `distance` away,
 * level with it when that is free; otherwise the nearest free spot a few steps
 * below or above, or else a column further right. Never on a phase, never
 * closer than `gap` to one, and never to the left of the phase it follows.
 */
export function freeSpotRightOf(
  roadmap: Pick<Roadmap, "phases">,
  besideId: string,
  size: Size,
  sizeOf: (phaseId: string) => Size,
  { step, gap, distance }: { step: number; gap: number; distance: number },
): Point | null {
  const beside = roadmap.phases.find((p) => p.id === besideId);
  if (!beside) return null;
  const isFree = freeOf(roadmap, size, sizeOf, gap);
  const start = { x: beside.position.x + sizeOf(besideId).width + distance, y: beside.position.y };
  const rowsEachWay = Math.ceil((size.height + gap) / step) * 2;
  // Each column is a phase's width further right; past the rightmost phase every spot is free, so the loop ends.
  for (let column = 0; ; column++) {
    const x = start.x + column * (size.width + distance);
    for (let row = 0; row <= rowsEachWay; row++) {
      for (const y of row === 0 ? [start.y] : [start.y + row * step, start.y - row * step]) {
        if (isFree({ x, y })) return { x, y };
      }
    }
  }
}

/** Whether a phase of `size` at a spot keeps `gap` from every phase of the roadmap. */
function freeOf(
  roadmap: Pick<Roadmap, "phases">,
  size: Size,
  sizeOf: (phaseId: string) => Size,
  gap: number,
): (at: Point) => boolean {
  const boxes = roadmap.phases.map((p) => ({ ...p.position, ...sizeOf(p.id) }));
  return (at) =>
    boxes.every(
      (box) =>
        at.x + size.width + gap <= box.x ||
        box.x + box.width + gap <= at.x ||
        at.y + size.height + gap <= box.y ||
        box.y + box.height + gap <= at.y,
    );
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
