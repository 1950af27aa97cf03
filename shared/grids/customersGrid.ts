import { perSegmentValue } from "../engine/perSegment";
import { updatePhase } from "../model/edits";
import type { Phase, Roadmap } from "../model/schema";
import { err, ok, type Result } from "../result";
import { parseTabSeparated } from "./tabSeparated";

/**
 * The customers grid: phases down, segments across, the customers each phase
 * holds at the plan's start or gets each month, with totals both ways.
 */

/** Which per-segment figure of the phases the grid shows. */
export type CustomerMeasure = "initialCustomers" | "arrivalsPerMonth";

export interface CustomerGrid {
  /** Phases in lifecycle order: by stage, then as drawn. */
  phases: Pick<Phase, "id" | "name" | "stageId">[];
  segments: { id: string; name: string }[];
  /** `cells[row][column]`: a phase's customers of a segment. */
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/** The phases in the order the lifecycle runs: by their stage's place, then in document order. */
export function phasesInLifecycleOrder(roadmap: Pick<Roadmap, "phases" | "stages">): Phase[] {
  const rank = new Map(roadmap.stages.map((stage, i) => [stage.id, i]));
  const last = roadmap.stages.length;
  return roadmap.phases
    .map((phase, index) => ({ phase, index, stage: rank.get(phase.stageId) ?? last }))
    .sort((a, b) => a.stage - b.stage || a.index - b.index)
    .map(({ phase }) => phase);
}

/** The grid of one measure, with each phase's total, each segment's total and the grand total. */
export function customerGrid(
  roadmap: Pick<Roadmap, "phases" | "stages" | "segments">,
  measure: CustomerMeasure,
): CustomerGrid {
  const phases = phasesInLifecycleOrder(roadmap);
  const segments = roadmap.segments.map(({ id, name }) => ({ id, name }));
  const cells = phases.map((phase) => segments.map((segment) => perSegmentValue(phase[measure], segment.id)));
  const rowTotals = cells.map((row) => sum(row));
  const columnTotals = segments.map((_, column) => sum(cells.map((row) => row[column] ?? 0)));
  return {
    phases: phases.map(({ id, name, stageId }) => ({ id, name, stageId })),
    segments,
    cells,
    rowTotals,
    columnTotals,
    total: sum(rowTotals),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Sets one phase's customers of one segment. Zero is stored as no entry, as
 * the inspector does; the same document comes back when nothing changes.
 */
export function setCustomerCount(
  roadmap: Roadmap,
  measure: CustomerMeasure,
  phaseId: string,
  segmentId: string,
  count: number,
): Roadmap {
  return setCustomerCounts(roadmap, measure, [{ phaseId, segmentId, count }]);
}

/** Several cells at once, as one change of the document. */
function setCustomerCounts(
  roadmap: Roadmap,
  measure: CustomerMeasure,
  changes: readonly { phaseId: string; segmentId: string; count: number }[],
): Roadmap {
  let next = roadmap;
  for (const { phaseId, segmentId, count } of changes) {
    const phase = next.phases.find((p) => p.id === phaseId);
    if (!phase || perSegmentValue(phase[measure], segmentId) === count) continue;
    const { [segmentId]: _, ...others } = phase[measure];
    next = updatePhase(next, phaseId, { [measure]: count === 0 ? others : { ...others, [segmentId]: count } });
  }
  return next;
}

/**
 * Reads one pasted cell as a count of customers, or says why it cannot be
 * taken. Given by the caller, so the grid reads numbers in the user's locale
 * exactly as a typed cell is read.
 */
export type CustomerCellReader = (text: string) => Result<number, string>;

/** Where a pasted block starts: the grid's selected cell. */
export interface GridAnchor {
  phaseId: string;
  segmentId: string;
}

/**
 * Pastes a block of tab-separated cells (as copied from Excel) into the grid
 * from the anchor rightwards and down. Every cell is read first: the block is
 * taken whole, as one change, or not at all, with a sentence naming the first
 * cell that cannot be taken (its phase, its segment and what it holds) or
 * saying that the block does not fit the grid.
 */
export function pasteCustomers(
  roadmap: Roadmap,
  measure: CustomerMeasure,
  anchor: GridAnchor,
  text: string,
  read: CustomerCellReader,
): Result<Roadmap, string> {
  const { phases, segments } = customerGrid(roadmap, measure);
  const top = phases.findIndex((p) => p.id === anchor.phaseId);
  const left = segments.findIndex((s) => s.id === anchor.segmentId);
  if (top < 0 || left < 0) return err("Nothing was pasted: pick a cell of the grid to paste into first.");
  const block = parseTabSeparated(text);
  if (block.length === 0) return err("Nothing was pasted: the clipboard holds no cells.");
  const width = Math.max(...block.map((row) => row.length));
  const fromPhase = phases[top]?.name ?? "";
  const fromSegment = segments[left]?.name ?? "";
  if (top + block.length > phases.length) {
    return err(
      `Nothing was pasted: the block has ${block.length} rows, but only ${phases.length - top} phases run down from “${fromPhase}”.`,
    );
  }
  if (left + width > segments.length) {
    return err(
      `Nothing was pasted: the block has ${width} columns, but only ${segments.length - left} segments run across from “${fromSegment}”.`,
    );
  }
  const changes: { phaseId: string; segmentId: string; count: number }[] = [];
  for (const [r, cells] of block.entries()) {
    for (const [c, cell] of cells.entries()) {
      const phase = phases[top + r];
      const segment = segments[left + c];
      if (!phase || !segment) continue;
      const reading = read(cell);
      if (!reading.ok) {
        return err(
          `Nothing was pasted: row “${phase.name}”, column “${segment.name}” holds “${cell.trim()}”. ${reading.error}`,
        );
      }
      changes.push({ phaseId: phase.id, segmentId: segment.id, count: reading.value });
    }
  }
  return ok(setCustomerCounts(roadmap, measure, changes));
}
