import { BASE_SCENARIO_ID, type Roadmap, resolveScenario } from "../../../shared/model";
import { useAppState } from "../../app/AppStoreContext";
import type { EditorSlice } from "./editorSlice";

/**
 * The roadmap the editor shows and edits: the open document as the active
 * scenario plans it. Views, the plan and exports of plan figures read this;
 * the file, autosave and the library keep the document itself. The same
 * object for as long as the document and the scenario stay the same.
 */
export function selectViewedRoadmap(state: Pick<EditorSlice, "document" | "activeScenarioId">): Roadmap | null {
  return state.document ? resolveScenario(state.document, state.activeScenarioId) : null;
}

export function useViewedRoadmap(): Roadmap | null {
  return useAppState(selectViewedRoadmap);
}

/** Whether the editor is in a scenario other than the roadmap's own plan. */
export function selectInScenario(state: Pick<EditorSlice, "activeScenarioId">): boolean {
  return state.activeScenarioId !== BASE_SCENARIO_ID;
}
