import { type Roadmap, resolveScenario } from "../../../shared/model";
import { describeConflict } from "../../../shared/optimise/constraintText";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { type OptimiserResultState, OptimiserResultView } from "./OptimiserResultView";
import type { OptimiserState } from "./optimiserSlice";

/** The Optimise tab's result: the last run's progress, its optimised scenario, or why there is none. */
export function OptimiserResultPanel() {
  const store = useAppStoreApi();
  const document = useAppState((state) => state.document);
  const optimiser = useAppState((state) => state.optimiser);
  if (!document) return null;
  return (
    <OptimiserResultView
      state={resultState(optimiser, document)}
      roadmap={document}
      onShowScenario={(scenarioId) => {
        store.getState().showScenario(scenarioId);
        store.getState().showView("canvas");
      }}
      onCompare={(scenarioIds) => store.getState().openComparison(scenarioIds)}
    />
  );
}

function resultState(optimiser: OptimiserState, document: Roadmap): OptimiserResultState {
  switch (optimiser.status) {
    case "idle":
      return { kind: "idle" };
    case "running":
      return { kind: "running", progress: optimiser.progress, objective: document.optimiser.objective };
    case "failed":
      return { kind: "failed", error: optimiser.error ?? "the run ended without an answer" };
    case "done": {
      const { run, writtenScenarioId } = optimiser;
      if (run?.outcome.status === "infeasible") {
        const viewed = resolveScenario(document, run.scenarioId);
        return { kind: "infeasible", conflict: describeConflict(run.outcome.conflict, run.model, viewed) };
      }
      return writtenScenarioId ? { kind: "written", scenarioId: writtenScenarioId } : { kind: "idle" };
    }
  }
}
