import type { ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import type { Roadmap } from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";

export interface CompareSlice {
  /** The scenarios of `roadmap` (the document, not a scenario's view of it) side by side, worked out off the UI thread. */
  compareScenarios(roadmap: Roadmap, scenarioIds: readonly string[]): Promise<ScenarioComparison>;
}

export function createCompareSlice({ services }: SliceContext): CompareSlice {
  return { compareScenarios: (roadmap, scenarioIds) => services.comparer.compare(roadmap, scenarioIds) };
}
