import { compareScenarios, createPlanEngine, type PlanEngine, type ScenarioComparison } from "../../../shared/engine";
import { type Roadmap, shareUnchanged } from "../../../shared/model";
import { err, ok, type Result } from "../../../shared/result";
import type { CompareRequest } from "./compareService";

/**
 * What the comparison worker runs. A scenario keeps the planning engine that
 * last planned it across requests, so comparing again after an edit (the
 * Compare view follows the document) replans only what the edit changed.
 * Scenarios without one yet share a fresh engine, as `compareScenarios` does,
 * so a first comparison reuses the customer flow between them; that engine
 * stays with the last of them, and the others get theirs in later requests.
 * Engines of scenarios no longer compared, or of another roadmap, are let go.
 */
export function createComparer(): (request: CompareRequest) => Result<ScenarioComparison, string> {
  let previous: Roadmap | null = null;
  let engines = new Map<string, PlanEngine>();
  return ({ roadmap: incoming, scenarioIds }) => {
    const sameRoadmap = previous?.id === incoming.id;
    // A document posted to the worker arrives as new objects throughout: the engines reuse only what is shared again.
    const roadmap = sameRoadmap ? shareUnchanged(previous, incoming) : incoming;
    previous = roadmap;
    const kept = sameRoadmap ? engines : new Map<string, PlanEngine>();
    const fresh = createPlanEngine();
    const engineFor = (id: string) => kept.get(id) ?? fresh;
    const lastWithoutOne = scenarioIds.findLast((id) => !kept.has(id));
    engines = new Map(
      scenarioIds.flatMap((id) => {
        const engine = kept.get(id) ?? (id === lastWithoutOne ? fresh : undefined);
        return engine ? [[id, engine] as const] : [];
      }),
    );
    try {
      return ok(compareScenarios(roadmap, scenarioIds, engineFor));
    } catch (error) {
      return err(`The scenarios could not be compared: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
