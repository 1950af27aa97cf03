import { compareScenarios, createPlanEngine, type PlanEngine, type ScenarioComparison } from "../../../shared/engine";
import { err, ok, type Result } from "../../../shared/result";
import type { CompareRequest } from "./compareService";

/**
 * What the comparison worker runs. Each scenario keeps a planning engine of
 * its own across requests, so comparing again after an edit (the Compare view
 * follows the document) replans only what the edit changed: tens of
 * milliseconds instead of the whole comparison on a large roadmap. Engines of
 * scenarios no longer compared, or of another roadmap, are let go.
 */
export function createComparer(): (request: CompareRequest) => Result<ScenarioComparison, string> {
  let roadmapId = "";
  let engines = new Map<string, PlanEngine>();
  return ({ roadmap, scenarioIds }) => {
    const kept = roadmap.id === roadmapId ? engines : new Map<string, PlanEngine>();
    engines = new Map(scenarioIds.map((id) => [id, kept.get(id) ?? createPlanEngine()]));
    roadmapId = roadmap.id;
    try {
      return ok(compareScenarios(roadmap, scenarioIds, (id) => engines.get(id) ?? createPlanEngine()));
    } catch (error) {
      return err(`The scenarios could not be compared: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
