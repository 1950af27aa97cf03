import { diagnoseFlow, type PlanDiagnostic } from "../engine/diagnostics";
import { simulateCustomerFlow } from "../engine/flow";
import { rateForSegment } from "../engine/perSegment";
import { updateTransition } from "../model/edits";
import type { Roadmap, Transition } from "../model/schema";

/**
 * The transitions table: every transition as a row, with its rate for each
 * segment, sortable by any column and edited one cell at a time.
 */

/** A column of the transitions table; a segment's column shows that segment's rate. */
export type TransitionColumn =
  | { kind: "from" }
  | { kind: "to" }
  | { kind: "trigger" }
  | { kind: "rate" }
  | { kind: "segment"; segmentId: string };

/** A segment's rate on one transition: its own override, or the transition's default rate when it has none. */
export interface SegmentRate {
  segmentId: string;
  rate: number;
  overridden: boolean;
}

export interface TransitionRow {
  transition: Transition;
  /** Its place in the document, which breaks ties when sorting. */
  index: number;
  fromName: string;
  toName: string;
  segmentRates: SegmentRate[];
}

export type SortDirection = "ascending" | "descending";

/** The transitions of a roadmap in document order, with their phases' names and every segment's rate. */
export function transitionRows(roadmap: Pick<Roadmap, "phases" | "transitions" | "segments">): TransitionRow[] {
  const names = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  return roadmap.transitions.map((transition, index) => ({
    transition,
    index,
    fromName: names.get(transition.from) ?? "",
    toName: names.get(transition.to) ?? "",
    segmentRates: roadmap.segments.map((segment) => ({
      segmentId: segment.id,
      rate: rateForSegment(transition, segment.id),
      overridden: Object.hasOwn(transition.rateBySegment, segment.id),
    })),
  }));
}

/** What a row is sorted by in a column: a phase's name, the trigger, or a rate. */
export function sortValue(row: TransitionRow, column: TransitionColumn): string | number {
  switch (column.kind) {
    case "from":
      return row.fromName;
    case "to":
      return row.toName;
    case "trigger":
      return row.transition.trigger;
    case "rate":
      return row.transition.rate;
    case "segment":
      return rateForSegment(row.transition, column.segmentId);
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/**
 * The rows ordered by a column, names as a person reads them ("Phase 2"
 * before "Phase 10", case aside), rates by size. Rows that tie keep their
 * document order whichever way the column is sorted, so the order never
 * depends on what the rows were before.
 */
export function sortTransitionRows(
  rows: readonly TransitionRow[],
  column: TransitionColumn,
  direction: SortDirection,
): TransitionRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, column);
    const y = sortValue(b, column);
    const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    return order !== 0 ? sign * order : a.index - b.index;
  });
}

/**
 * Sets a segment's own rate on a transition, or clears it (null) so the
 * segment follows the transition's default rate again. The same document
 * comes back when nothing changes, so no empty undo step is made.
 */
export function setSegmentRate(
  roadmap: Roadmap,
  transitionId: string,
  segmentId: string,
  rate: number | null,
): Roadmap {
  const transition = roadmap.transitions.find((t) => t.id === transitionId);
  if (!transition) return roadmap;
  const has = Object.hasOwn(transition.rateBySegment, segmentId);
  if (rate === null ? !has : has && transition.rateBySegment[segmentId] === rate) return roadmap;
  const { [segmentId]: _, ...others } = transition.rateBySegment;
  return updateTransition(roadmap, transitionId, {
    rateBySegment: rate === null ? others : { ...others, [segmentId]: rate },
  });
}

/** Sets a transition's default rate or trigger; the same document when it already has that value. */
export function setTransitionField(
  roadmap: Roadmap,
  transitionId: string,
  patch: { rate: number } | { trigger: string },
): Roadmap {
  const transition = roadmap.transitions.find((t) => t.id === transitionId);
  if (!transition) return roadmap;
  const unchanged = "rate" in patch ? transition.rate === patch.rate : transition.trigger === patch.trigger;
  return unchanged ? roadmap : updateTransition(roadmap, transitionId, patch);
}

/**
 * The phases whose outgoing rates plus churn exceed 100 % a month, for each
 * segment that does: the plan's own diagnosis (`diagnoseFlow`), worked out on
 * the rates alone so the table can flag them as the user types.
 */
export function outflowOverLimit(
  roadmap: Pick<Roadmap, "phases" | "transitions" | "segments">,
): Extract<PlanDiagnostic, { kind: "outflowOverLimit" }>[] {
  const flow = simulateCustomerFlow({ ...roadmap, horizonMonths: 0 });
  return diagnoseFlow(flow).flatMap((d) => (d.kind === "outflowOverLimit" ? [d] : []));
}
