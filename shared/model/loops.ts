import type { Roadmap, Transition } from "./schema";

/**
 * The transitions that loop back (win-back → retain, at risk → develop),
 * found by what they mean, not where they are drawn: each goes to an earlier
 * stage in the roadmap's stage order, or the user marked it as a loop.
 */
export function loopTransitionIds(roadmap: Roadmap): Set<string> {
  const stageIndex = new Map(roadmap.stages.map((stage, i) => [stage.id, i]));
  const phaseStage = new Map(roadmap.phases.map((p) => [p.id, stageIndex.get(p.stageId)]));
  const loops = new Set<string>();
  for (const t of roadmap.transitions) {
    const from = phaseStage.get(t.from);
    const to = phaseStage.get(t.to);
    if (t.markedAsLoop || (from !== undefined && to !== undefined && to < from)) loops.add(t.id);
  }
  return loops;
}

/** Whether one transition loops back; `loopTransitionIds` answers for all of them in one pass. */
export function isLoopTransition(roadmap: Roadmap, transition: Transition): boolean {
  return loopTransitionIds({ ...roadmap, transitions: [transition] }).has(transition.id);
}
