import type { Roadmap } from "../../../shared/model";
import type { AppState } from "../../app/appStore";

/**
 * The roadmap the editor's views show: a saved version while one is open
 * read only, the open roadmap otherwise. The file, autosave and versions
 * always work on `document`.
 */
export function selectViewedRoadmap(state: Pick<AppState, "document" | "readOnlyVersion">): Roadmap | null {
  return state.readOnlyVersion?.roadmap ?? state.document;
}
