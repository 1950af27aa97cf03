import ELK from "elkjs/lib/elk.bundled.js";
import type { Point } from "../model/edits";
import type { Roadmap } from "../model/schema";

export interface NodeSize {
  width: number;
  height: number;
}

const elk = new ELK();

/**
 * Lays the phases out left to right along the lifecycle: a layered layout in
 * which every stage is a partition, so Acquire phases stand left of Onboard
 * ones and so on, whatever loops (win-back → retain) the transitions make.
 */
export async function layoutLifecycle(
  roadmap: Roadmap,
  sizeOf: (phaseId: string) => NodeSize,
): Promise<Map<string, Point>> {
  const stageOrder = new Map(roadmap.stages.map((stage, index) => [stage.id, index]));
  const graph = await elk.layout({
    id: "roadmap",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.partitioning.activate": "true",
      "elk.layered.spacing.nodeNodeBetweenLayers": "70",
      "elk.spacing.nodeNode": "40",
      "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.separateConnectedComponents": "false",
    },
    children: roadmap.phases.map((phase) => ({
      id: phase.id,
      ...sizeOf(phase.id),
      layoutOptions: { "elk.partitioning.partition": String(stageOrder.get(phase.stageId) ?? 0) },
    })),
    edges: roadmap.transitions.map((t) => ({ id: t.id, sources: [t.from], targets: [t.to] })),
  });
  return new Map((graph.children ?? []).map((node) => [node.id, { x: node.x ?? 0, y: node.y ?? 0 }]));
}
