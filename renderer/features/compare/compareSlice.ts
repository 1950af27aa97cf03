import type { ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import type { Roadmap } from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";

export interface CompareSlice {
  /** The scenarios of `roadmap` (the document, not a scenario's view of it) side by side, worked out off the UI thread. */
  compareScenarios(roadmap: Roadmap, scenarioIds: readonly string[]): Promise<ScenarioComparison>;
  /** The scenarios the Compare tab was last asked to show; null for its own choice (`defaultComparedScenarios`). */
  comparedScenarioIds: readonly string[] | null;
  /** Shows the Compare tab with these scenarios side by side (the optimised-from scenario and the optimised one). */
  openComparison(scenarioIds: readonly string[]): void;
}

export function createCompareSlice({ set, get, services }: SliceContext): CompareSlice {
  return {
    compareScenarios: (roadmap, scenarioIds) => services.comparer.compare(roadmap, scenarioIds),
    comparedScenarioIds: null,
    openComparison: (scenarioIds) => {
      set({ comparedScenarioIds: scenarioIds });
      get().showView("compare");
    },
  };
}
