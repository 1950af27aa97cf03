import { err, ok, type Result } from "../result";
import { createId } from "./ids";
import { clampToCanvas } from "./limits";
import type { Communication, LifecycleStage, Phase, Roadmap, Transition } from "./schema";
import { settleWorkshopReferences } from "./workshopReferences";

/**
 * Edits of a roadmap as pure functions: each takes a document and returns the
 * next one, sharing every object it did not change (the canvas relies on that
 * to re-render only what moved). A document that was valid stays valid.
 */

export interface Point {
  x: number;
  y: number;
}

/** Default monthly rate of a transition drawn on the canvas, before the user sets one. */
export const DEFAULT_TRANSITION_RATE = 0.1;

export function addPhase(
  roadmap: Roadmap,
  { stageId, position, name }: { stageId: string; position: Point; name?: string },
): { roadmap: Roadmap; phaseId: string } {
  const phase: Phase = {
    id: createId(),
    name: name ?? "New phase",
    stageId,
    description: "",
    objectives: [],
    productsHeld: [],
    customerLifestage: "",
    kpis: [],
    initialCustomers: {},
    arrivalsPerMonth: {},
    churnRate: 0,
    relationshipStrength: null,
    position: canvasPoint(position),
  };
  return { roadmap: { ...roadmap, phases: [...roadmap.phases, phase] }, phaseId: phase.id };
}

export function updatePhase(roadmap: Roadmap, phaseId: string, patch: Partial<Omit<Phase, "id">>): Roadmap {
  return { ...roadmap, phases: roadmap.phases.map((p) => (p.id === phaseId ? { ...p, ...patch } : p)) };
}

/** Moves phases to new positions; phases not named keep their object. */
export function movePhases(roadmap: Roadmap, positions: ReadonlyMap<string, Point>): Roadmap {
  let changed = false;
  const phases = roadmap.phases.map((phase) => {
    const to = positions.get(phase.id);
    if (!to) return phase;
    const position = canvasPoint(to);
    if (position.x === phase.position.x && position.y === phase.position.y) return phase;
    changed = true;
    return { ...phase, position };
  });
  return changed ? { ...roadmap, phases } : roadmap;
}

/** Draws a transition; refused with a reason for a self-loop or a second one in the same direction. */
export function connectPhases(
  roadmap: Roadmap,
  from: string,
  to: string,
  rate = DEFAULT_TRANSITION_RATE,
): Result<{ roadmap: Roadmap; transitionId: string }, string> {
  const name = (id: string) => roadmap.phases.find((p) => p.id === id)?.name;
  const fromName = name(from);
  const toName = name(to);
  if (fromName === undefined || toName === undefined) return err("Both ends of a transition must be phases.");
  if (from === to) return err(`A transition must lead to another phase: “${fromName}” cannot lead to itself.`);
  if (roadmap.transitions.some((t) => t.from === from && t.to === to)) {
    return err(`There is already a transition from “${fromName}” to “${toName}”. Edit its rate instead.`);
  }
  const transition: Transition = {
    id: createId(),
    from,
    to,
    rate,
    rateBySegment: {},
    trigger: "",
    markedAsLoop: false,
  };
  return ok({
    roadmap: { ...roadmap, transitions: [...roadmap.transitions, transition] },
    transitionId: transition.id,
  });
}

export function updateTransition(
  roadmap: Roadmap,
  transitionId: string,
  patch: Partial<Omit<Transition, "id" | "from" | "to">>,
): Roadmap {
  return {
    ...roadmap,
    transitions: roadmap.transitions.map((t) => (t.id === transitionId ? { ...t, ...patch } : t)),
  };
}

/** What happens to the communications of deleted phases. */
export type OrphanedCommunications = { kind: "delete" } | { kind: "moveTo"; phaseId: string };

/**
 * Deletes phases and transitions. Transitions touching a deleted phase go
 * with it; the phases' communications are deleted or moved, as the user chose.
 */
export function deleteElements(
  roadmap: Roadmap,
  { phaseIds, transitionIds }: { phaseIds: readonly string[]; transitionIds: readonly string[] },
  communications: OrphanedCommunications = { kind: "delete" },
): Roadmap {
  const phases = new Set(phaseIds);
  if (phases.size === 0 && transitionIds.length === 0) return roadmap;
  const moveTo =
    communications.kind === "moveTo" && !phases.has(communications.phaseId) ? communications.phaseId : null;
  const deleted = new Set(transitionsDeletedWith(roadmap, { phaseIds, transitionIds }));
  return settleWorkshopReferences(roadmap, {
    ...roadmap,
    phases: roadmap.phases.filter((p) => !phases.has(p.id)),
    transitions: roadmap.transitions.filter((t) => !deleted.has(t)),
    communications: roadmap.communications.flatMap((c) => {
      if (!phases.has(c.phaseId)) return [c];
      return moveTo ? [{ ...c, phaseId: moveTo }] : [];
    }),
  });
}

/** The transitions a deletion takes away: those chosen, and every one into or out of a deleted phase. */
export function transitionsDeletedWith(
  roadmap: Roadmap,
  { phaseIds, transitionIds }: { phaseIds: readonly string[]; transitionIds: readonly string[] },
): Transition[] {
  const phases = new Set(phaseIds);
  const transitions = new Set(transitionIds);
  return roadmap.transitions.filter((t) => transitions.has(t.id) || phases.has(t.from) || phases.has(t.to));
}

/** Communications that live on any of the phases. */
export function communicationsOnPhases(roadmap: Roadmap, phaseIds: readonly string[]): Roadmap["communications"] {
  const phases = new Set(phaseIds);
  return roadmap.communications.filter((c) => phases.has(c.phaseId));
}

export type Alignment = "left" | "centerX" | "right" | "top" | "middle" | "bottom";

/** Lines phases up on one edge or centre, given each phase's size on the canvas. */
export function alignPhases(
  roadmap: Roadmap,
  phaseIds: readonly string[],
  alignment: Alignment,
  sizeOf: (phaseId: string) => { width: number; height: number },
): Roadmap {
  const selected = roadmap.phases.filter((p) => phaseIds.includes(p.id));
  if (selected.length < 2) return roadmap;
  const boxes = selected.map((p) => ({ id: p.id, ...p.position, ...sizeOf(p.id) }));
  const horizontal = alignment === "left" || alignment === "centerX" || alignment === "right";
  const target = (() => {
    switch (alignment) {
      case "left":
        return Math.min(...boxes.map((b) => b.x));
      case "right":
        return Math.max(...boxes.map((b) => b.x + b.width));
      case "centerX":
        return average(boxes.map((b) => b.x + b.width / 2));
      case "top":
        return Math.min(...boxes.map((b) => b.y));
      case "bottom":
        return Math.max(...boxes.map((b) => b.y + b.height));
      case "middle":
        return average(boxes.map((b) => b.y + b.height / 2));
    }
  })();
  const positions = new Map<string, Point>();
  for (const b of boxes) {
    const offset = { left: 0, top: 0, centerX: b.width / 2, middle: b.height / 2, right: b.width, bottom: b.height }[
      alignment
    ];
    positions.set(b.id, horizontal ? { x: target - offset, y: b.y } : { x: b.x, y: target - offset });
  }
  return movePhases(roadmap, positions);
}

/** Spaces three or more phases evenly between the outermost two, along one axis. */
export function distributePhases(
  roadmap: Roadmap,
  phaseIds: readonly string[],
  axis: "horizontal" | "vertical",
  sizeOf: (phaseId: string) => { width: number; height: number },
): Roadmap {
  const key = axis === "horizontal" ? "x" : "y";
  const extent = axis === "horizontal" ? "width" : "height";
  const boxes = roadmap.phases
    .filter((p) => phaseIds.includes(p.id))
    .map((p) => ({ id: p.id, position: p.position, start: p.position[key], size: sizeOf(p.id)[extent] }))
    .sort((a, b) => a.start - b.start);
  const first = boxes[0];
  const last = boxes.at(-1);
  if (boxes.length < 3 || !first || !last) return roadmap;
  const occupied = boxes.reduce((sum, b) => sum + b.size, 0);
  const gap = (last.start + last.size - first.start - occupied) / (boxes.length - 1);
  const positions = new Map<string, Point>();
  let cursor = first.start;
  for (const b of boxes) {
    positions.set(b.id, { ...b.position, [key]: cursor });
    cursor += b.size + gap;
  }
  return movePhases(roadmap, positions);
}

/**
 * Replaces the roadmap's lifecycle stages (renamed, recoloured, reordered,
 * added or removed). Phases of a removed stage move to `fallbackStageId`.
 */
export function replaceStages(roadmap: Roadmap, stages: LifecycleStage[], fallbackStageId: string): Roadmap {
  const kept = new Set(stages.map((s) => s.id));
  return {
    ...roadmap,
    stages,
    phases: roadmap.phases.map((p) => (kept.has(p.stageId) ? p : { ...p, stageId: fallbackStageId })),
  };
}

/** Share of a phase's customers of one segment who leave it each month: outgoing rates plus churn. */
export function monthlyOutflow(roadmap: Roadmap, phaseId: string, segmentId: string): number {
  const phase = roadmap.phases.find((p) => p.id === phaseId);
  if (!phase) return 0;
  return roadmap.transitions
    .filter((t) => t.from === phaseId)
    .reduce((sum, t) => sum + (t.rateBySegment[segmentId] ?? t.rate), phase.churnRate);
}

/** Phases whose outflow exceeds 100 % for some segment, with the worst segment's total. */
export function overflowingPhases(roadmap: Roadmap): Map<string, { segmentId: string; outflow: number }> {
  const outgoing = new Map<string, Transition[]>();
  for (const t of roadmap.transitions) outgoing.set(t.from, [...(outgoing.get(t.from) ?? []), t]);
  const result = new Map<string, { segmentId: string; outflow: number }>();
  for (const phase of roadmap.phases) {
    const transitions = outgoing.get(phase.id) ?? [];
    for (const segment of roadmap.segments) {
      const outflow = transitions.reduce((sum, t) => sum + (t.rateBySegment[segment.id] ?? t.rate), phase.churnRate);
      // A hair over 1 from adding up decimals is still 100 %.
      if (outflow > 1 + 1e-9 && outflow > (result.get(phase.id)?.outflow ?? 0)) {
        result.set(phase.id, { segmentId: segment.id, outflow });
      }
    }
  }
  return result;
}

/** A whole px inside the canvas the file format accepts, so a phase dragged far out can still be saved and opened. */
export function canvasPoint({ x, y }: Point): Point {
  return { x: clampToCanvas(Math.round(x)), y: clampToCanvas(Math.round(y)) };
}

function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function updateCommunication(
  roadmap: Roadmap,
  communicationId: string,
  patch: Partial<Omit<Communication, "id">>,
): Roadmap {
  return {
    ...roadmap,
    communications: roadmap.communications.map((c) => (c.id === communicationId ? { ...c, ...patch } : c)),
  };
}
