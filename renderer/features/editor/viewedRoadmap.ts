import { BASE_SCENARIO_ID, type Roadmap, resolveScenario, scenarioAsBase } from "../../../shared/model";
import { useAppState } from "../../app/AppStoreContext";
import type { AppState } from "../../app/appStore";
import type { EditorSlice } from "./editorSlice";

/**
 * The roadmap the editor shows and edits: a saved version while one is open
 * read only (edits are refused then), otherwise the open document as the
 * active scenario plans it. Views, the plan and exports of plan figures read this;
 * the file, autosave and the library keep the document itself. The same
 * object for as long as the document and the scenario stay the same.
 */
export function selectViewedRoadmap(
  state: Pick<AppState, "document" | "activeScenarioId" | "readOnlyVersion">,
): Roadmap | null {
  if (state.readOnlyVersion) return state.readOnlyVersion.roadmap;
  return state.document ? resolveScenario(state.document, state.activeScenarioId) : null;
}

/**
 * The roadmap an export writes: the shown scenario's plan, as a whole
 * document (the shown scenario as its base, every other scenario kept), so a
 * report made while a scenario is shown plans that scenario and still
 * compares it with the rest. A read-only version is exported as it is.
 */
export function selectExportedRoadmap(
  state: Pick<AppState, "document" | "activeScenarioId" | "readOnlyVersion">,
): Roadmap | null {
  if (state.readOnlyVersion) return state.readOnlyVersion.roadmap;
  return state.document ? scenarioAsBase(state.document, state.activeScenarioId) : null;
}

export function useViewedRoadmap(): Roadmap | null {
  return useAppState(selectViewedRoadmap);
}

/** Whether the editor is in a scenario other than the roadmap's own plan. */
export function selectInScenario(state: Pick<EditorSlice, "activeScenarioId">): boolean {
  return state.activeScenarioId !== BASE_SCENARIO_ID;
}
