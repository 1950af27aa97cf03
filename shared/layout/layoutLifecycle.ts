import ELK, { type ElkNode } from "elkjs/lib/elk.bundled.js";
import type { Point } from "../model/edits";
import type { Roadmap } from "../model/schema";

export interface NodeSize {
  width: number;
  height: number;
}

const elk = new ELK();

/** A projector's shape: a layout much wider than this is wrapped into bands read top to bottom. */
const SCREEN_ASPECT = 16 / 9;
const MAX_BANDS = 6;
/**
 * Between the columns of phases: room for a transition's label (at most
 * `TRANSITION_LABEL.maxTextWidth` plus padding) beside the line that turns there.
 */
const COLUMN_GAP = 180;
/** Between phases of one column: room for a label above or below a line that runs between them. */
const ROW_GAP = 56;
/** Between bands: room for the transitions that run on to the next band and for their labels. */
const BAND_GAP = 170;
/** A band may end at a stage's edge this much short of or past an even split, so a stage stays in one band. */
const STAGE_EDGE_PULL = 0.3;

/** The options of the layered layout, exported so the benchmark can time elk alone on the same graph. */
export const LIFECYCLE_LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.partitioning.activate": "true",
  "elk.layered.spacing.nodeNodeBetweenLayers": String(COLUMN_GAP),
  "elk.spacing.nodeNode": String(ROW_GAP),
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.separateConnectedComponents": "false",
};

/** The roadmap as elk's graph: every stage a partition, so stages stand left to right in the roadmap's order. */
export function lifecycleGraph(roadmap: Roadmap, sizeOf: (phaseId: string) => NodeSize): ElkNode {
  const stageOrder = new Map(roadmap.stages.map((stage, index) => [stage.id, index]));
  return {
    id: "roadmap",
    layoutOptions: LIFECYCLE_LAYOUT_OPTIONS,
    children: roadmap.phases.map((phase) => ({
      id: phase.id,
      ...sizeOf(phase.id),
      layoutOptions: { "elk.partitioning.partition": String(stageOrder.get(phase.stageId) ?? 0) },
    })),
    edges: roadmap.transitions.map((t) => ({ id: t.id, sources: [t.from], targets: [t.to] })),
  };
}

/**
 * Lays the phases out left to right along the lifecycle: a layered layout in
 * which every stage is a partition, so Acquire phases stand left of Onboard
 * ones and so on, whatever loops (win-back → retain) the transitions make.
 * A lifecycle far wider than a 16:9 screen is cut between columns (at a
 * stage's edge where one is near) into two or three bands stacked in
 * reading order, so the whole roadmap reads on a projected wall.
 */
export async function layoutLifecycle(
  roadmap: Roadmap,
  sizeOf: (phaseId: string) => NodeSize,
): Promise<Map<string, Point>> {
  return (await layoutLifecycleInBands(roadmap, sizeOf)).positions;
}

export interface LifecycleLayout {
  positions: Map<string, Point>;
  /** The phase ids of each band, top to bottom. */
  bands: string[][];
}

/** `layoutLifecycle`, saying also which phases went into which band. */
export async function layoutLifecycleInBands(
  roadmap: Roadmap,
  sizeOf: (phaseId: string) => NodeSize,
): Promise<LifecycleLayout> {
  const graph = await elk.layout(lifecycleGraph(roadmap, sizeOf));
  const stageOrder = new Map(roadmap.stages.map((stage, index) => [stage.id, index]));
  const stageOf = new Map(roadmap.phases.map((phase) => [phase.id, stageOrder.get(phase.stageId) ?? 0]));
  const nodes = (graph.children ?? []).map((node) => ({
    id: node.id,
    x: node.x ?? 0,
    y: node.y ?? 0,
    width: node.width ?? 0,
    height: node.height ?? 0,
    stage: stageOf.get(node.id) ?? 0,
  }));
  return wrapIntoBands(nodes);
}

interface LaidNode extends NodeSize {
  id: string;
  x: number;
  y: number;
  stage: number;
}

interface Column {
  left: number;
  right: number;
  nodes: LaidNode[];
  /** The column starts a stage that the one before it does not hold. */
  startsStage: boolean;
}

function wrapIntoBands(nodes: readonly LaidNode[]): LifecycleLayout {
  const columns = columnsOf(nodes);
  let best: { bands: Column[][]; misfit: number } | null = null;
  for (let count = 1; count <= Math.min(MAX_BANDS, columns.length); count++) {
    const bands = splitColumns(columns, count);
    const size = bandsSize(bands);
    const misfit = Math.abs(Math.log(size.width / Math.max(1, size.height) / SCREEN_ASPECT));
    if (best === null || misfit < best.misfit - 1e-9) best = { bands, misfit };
  }
  const positions = new Map<string, Point>();
  const bands: string[][] = [];
  let top = 0;
  for (const band of best?.bands ?? []) {
    const bandNodes = band.flatMap((column) => column.nodes);
    const left = Math.min(...band.map((column) => column.left));
    const bandTop = Math.min(...bandNodes.map((node) => node.y));
    const bandBottom = Math.max(...bandNodes.map((node) => node.y + node.height));
    for (const node of bandNodes) positions.set(node.id, { x: node.x - left, y: node.y - bandTop + top });
    bands.push(bandNodes.map((node) => node.id));
    top += bandBottom - bandTop + BAND_GAP;
  }
  return { positions, bands };
}

/** Phases grouped into columns: those whose boxes share some x, in order from left to right. */
function columnsOf(nodes: readonly LaidNode[]): Column[] {
  const columns: Column[] = [];
  for (const node of [...nodes].sort((a, b) => a.x - b.x || a.y - b.y)) {
    const last = columns[columns.length - 1];
    if (last && node.x < last.right) {
      last.right = Math.max(last.right, node.x + node.width);
      last.nodes.push(node);
    } else {
      const stagesBefore = new Set(last?.nodes.map((n) => n.stage) ?? []);
      columns.push({
        left: node.x,
        right: node.x + node.width,
        nodes: [node],
        startsStage: !stagesBefore.has(node.stage),
      });
    }
  }
  return columns;
}

/** The columns cut into `count` bands of about equal width, each cut moved to a stage's edge when one is near. */
function splitColumns(columns: readonly Column[], count: number): Column[][] {
  const first = columns[0];
  const last = columns[columns.length - 1];
  if (!first || !last || count <= 1) return [columns.slice()];
  const width = last.right - first.left;
  const cuts: number[] = [];
  for (let band = 1; band < count; band++) {
    const target = first.left + (width * band) / count;
    const after = cuts[cuts.length - 1] ?? 0;
    let chosen = -1;
    let chosenScore = Number.POSITIVE_INFINITY;
    for (let i = after + 1; i < columns.length - (count - band - 1); i++) {
      const column = columns[i];
      if (!column) continue;
      const distance = Math.abs(column.left - target) / (width / count);
      const score = column.startsStage ? distance - STAGE_EDGE_PULL : distance;
      if (score < chosenScore) {
        chosen = i;
        chosenScore = score;
      }
    }
    if (chosen < 0) break;
    cuts.push(chosen);
  }
  const bands: Column[][] = [];
  let from = 0;
  for (const cut of cuts) {
    bands.push(columns.slice(from, cut));
    from = cut;
  }
  bands.push(columns.slice(from));
  return bands.filter((band) => band.length > 0);
}

function bandsSize(bands: readonly Column[][]): NodeSize {
  let width = 0;
  let height = 0;
  for (const band of bands) {
    const nodes = band.flatMap((column) => column.nodes);
    const left = Math.min(...band.map((column) => column.left));
    const right = Math.max(...band.map((column) => column.right));
    const top = Math.min(...nodes.map((node) => node.y));
    const bottom = Math.max(...nodes.map((node) => node.y + node.height));
    width = Math.max(width, right - left);
    height += bottom - top;
  }
  return { width, height: height + BAND_GAP * Math.max(0, bands.length - 1) };
}
