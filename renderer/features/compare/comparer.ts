import { compareScenarios, createPlanEngine, type ScenarioComparison } from "../../../shared/engine";
import { err, ok, type Result } from "../../../shared/result";
import type { CompareRequest } from "./compareService";

/**
 * What the comparison worker runs: one planning engine kept across requests,
 * so comparing again after an edit replans only what the edit changed.
 */
export function createComparer(): (request: CompareRequest) => Result<ScenarioComparison, string> {
  const engine = createPlanEngine();
  return ({ roadmap, scenarioIds }) => {
    try {
      return ok(compareScenarios(roadmap, scenarioIds, engine));
    } catch (error) {
      return err(`The scenarios could not be compared: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
