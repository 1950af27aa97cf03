import { planRoadmap } from "../../../shared/engine";
import { type PlanMovement, planMovement } from "../../../shared/engine/planMovement";
import type { Roadmap } from "../../../shared/model";
import { diffRoadmaps, type RoadmapDifference } from "../../../shared/model/roadmapDiff";
import { err, ok, type Result } from "../../../shared/result";

/** What changed from one state of a roadmap to another, and how its totals moved. */
export interface RoadmapComparison {
  differences: RoadmapDifference[];
  movement: PlanMovement;
}

export interface RoadmapComparisonRequest {
  before: Roadmap;
  after: Roadmap;
}

/**
 * Diffs two states of a roadmap and plans each from scratch. A bug in the
 * engine on an old version's data becomes a message, never a crash of the view.
 */
export async function compareRoadmapsSafely({
  before,
  after,
}: RoadmapComparisonRequest): Promise<Result<RoadmapComparison, string>> {
  try {
    return ok({
      differences: diffRoadmaps(before, after),
      movement: planMovement(planRoadmap(before), planRoadmap(after)),
    });
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}
