import type { Roadmap } from "../../../shared/model";
import { lifecycleOrder } from "../../../shared/model/presentationWalk";
import type { RsiCell, RsiDimensionScore, RsiResult } from "../../../shared/survey/rsi";

/** A column of the RSI grid and a line of the chart: one segment, respondents without one, or all of them. */
export interface RsiColumn {
  key: string;
  label: string;
  color: string;
  /** The segment the column is; null for "All" and for "No segment given". */
  segmentId: string | null;
  all: boolean;
}

export interface RsiStageGroup {
  stageId: string;
  stageName: string;
  phases: { id: string; name: string }[];
}

/** The RSI of one wave laid out as the grid and the chart draw it. */
export interface RsiTable {
  /** Phases in lifecycle order, grouped by stage. */
  stages: RsiStageGroup[];
  columns: RsiColumn[];
  cell(phaseId: string, column: RsiColumn): RsiCell | undefined;
  dimensions(phaseId: string, column: RsiColumn): RsiDimensionScore[];
}

/** The colour of the "All" line: the app's ink, set apart from any segment's colour by its weight and band. */
const ALL_COLOUR = "#1b2430";

/**
 * Rows are every phase in lifecycle order grouped by stage; columns the
 * segments respondents gave, in the roadmap's order ("No segment given" for
 * those of a segmented wave who gave none), then "All".
 */
export function rsiTable(roadmap: Pick<Roadmap, "phases" | "stages" | "segments">, result: RsiResult): RsiTable {
  const phases = new Map(roadmap.phases.map((phase) => [phase.id, phase]));
  const stageNames = new Map(roadmap.stages.map((stage) => [stage.id, stage.name]));
  const stages: RsiStageGroup[] = [];
  for (const id of lifecycleOrder(roadmap)) {
    const phase = phases.get(id);
    if (!phase) continue;
    let group = stages.at(-1);
    if (group?.stageId !== phase.stageId) {
      group = { stageId: phase.stageId, stageName: stageNames.get(phase.stageId) ?? "", phases: [] };
      stages.push(group);
    }
    group.phases.push({ id, name: phase.name });
  }

  const answered = new Set(result.cells.map((cell) => cell.segmentId));
  const segmented = result.cells.some((cell) => cell.segmentId !== null);
  const columns: RsiColumn[] = segmented
    ? roadmap.segments
        .filter((segment) => answered.has(segment.id))
        .map((segment) => ({
          key: `segment:${segment.id}`,
          label: segment.name,
          color: segment.color,
          segmentId: segment.id,
          all: false,
        }))
    : [];
  if (segmented && answered.has(null)) {
    columns.push({ key: "none", label: "No segment given", color: "#8a94a6", segmentId: null, all: false });
  }
  columns.push({
    key: "all",
    label: segmented ? "All segments" : "All",
    color: ALL_COLOUR,
    segmentId: null,
    all: true,
  });

  const cells = new Map(result.cells.map((cell) => [`${cell.phaseId}\u0000${cell.segmentId ?? ""}`, cell]));
  const phaseCells = new Map(result.phases.map((cell) => [cell.phaseId, cell]));
  return {
    stages,
    columns,
    cell: (phaseId, column) =>
      column.all ? phaseCells.get(phaseId) : cells.get(`${phaseId}\u0000${column.segmentId ?? ""}`),
    dimensions: (phaseId, column) =>
      column.all
        ? result.phaseDimensions.filter((score) => score.phaseId === phaseId)
        : result.dimensions.filter((score) => score.phaseId === phaseId && score.segmentId === column.segmentId),
  };
}
