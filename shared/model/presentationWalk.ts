import type { Roadmap } from "./schema";

/** What the walk reads of a roadmap: its stages, its phases' stages and places, and the stored order. */
export type WalkInputs = Pick<Roadmap, "stages" | "phases" | "presentation">;

/**
 * Phases whose left edges lie this close to the leftmost one of a column
 * stand in that column: half a card (cards are 220 px wide), so a card nudged
 * a few pixels by hand still reads top to bottom with its neighbours.
 */
export const WALK_COLUMN_TOLERANCE = 110;

/**
 * The phases in lifecycle order, as ids: by stage, in the roadmap's stage
 * order (phases of a stage the roadmap does not have come last); within a
 * stage, column by column from left to right, and top to bottom within a
 * column. A column starts at the leftmost phase not yet placed and takes every
 * phase whose x lies within `WALK_COLUMN_TOLERANCE` of it. Phases at the very
 * same spot keep their document order.
 */
export function lifecycleOrder(roadmap: Pick<Roadmap, "stages" | "phases">): string[] {
  const stageIndex = new Map(roadmap.stages.map((stage, i) => [stage.id, i]));
  const byStage = new Map<number, Roadmap["phases"][number][]>();
  for (const phase of roadmap.phases) {
    const index = stageIndex.get(phase.stageId) ?? roadmap.stages.length;
    byStage.set(index, [...(byStage.get(index) ?? []), phase]);
  }
  return [...byStage.entries()].sort(([a], [b]) => a - b).flatMap(([, phases]) => readingOrder(phases));
}

function readingOrder(phases: readonly Roadmap["phases"][number][]): string[] {
  // A stable sort by x keeps document order among phases at the same x.
  const byX = [...phases].sort((a, b) => a.position.x - b.position.x);
  const order: string[] = [];
  let start = 0;
  while (start < byX.length) {
    const left = byX[start]?.position.x ?? 0;
    let end = start;
    while (end < byX.length && (byX[end]?.position.x ?? 0) - left <= WALK_COLUMN_TOLERANCE) end++;
    const column = byX.slice(start, end).sort((a, b) => a.position.y - b.position.y);
    order.push(...column.map((phase) => phase.id));
    start = end;
  }
  return order;
}

/**
 * The order presentation mode walks the phases in, as ids, every phase exactly
 * once: the stored `presentation.walkOrder` first (ids of phases that no longer
 * exist, and repeats, are passed over), then every phase it leaves out, in
 * lifecycle order. An empty stored order is the lifecycle order.
 */
export function presentationWalk(roadmap: WalkInputs): string[] {
  const exists = new Set(roadmap.phases.map((phase) => phase.id));
  const walk: string[] = [];
  const walked = new Set<string>();
  for (const id of [...roadmap.presentation.walkOrder, ...lifecycleOrder(roadmap)]) {
    if (!exists.has(id) || walked.has(id)) continue;
    walked.add(id);
    walk.push(id);
  }
  return walk;
}

/**
 * The walk order after moving one phase to `toIndex` in the walk the user sees,
 * to be stored as `presentation.walkOrder`: the whole walk, so the phases keep
 * the places they were shown in even when the canvas is rearranged later.
 * The walk as it was when the phase is not in it.
 */
export function moveInWalk(roadmap: WalkInputs, phaseId: string, toIndex: number): string[] {
  const walk = presentationWalk(roadmap);
  const from = walk.indexOf(phaseId);
  if (from < 0) return walk;
  const rest = walk.filter((id) => id !== phaseId);
  const to = Math.max(0, Math.min(rest.length, Math.trunc(toIndex)));
  return [...rest.slice(0, to), phaseId, ...rest.slice(to)];
}
