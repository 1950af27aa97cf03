import { createStore, type StoreApi } from "zustand/vanilla";
import { type ArrangeSlice, createArrangeSlice } from "../features/canvas/arrangeSlice";
import { type CompareSlice, createCompareSlice } from "../features/compare/compareSlice";
import { createEditorSlice, type EditorSlice } from "../features/editor/editorSlice";
import { selectViewedRoadmap } from "../features/editor/viewedRoadmap";
import { createExportSlice, type ExportSlice } from "../features/export/exportSlice";
import { createImportSlice, type ImportSlice } from "../features/import/importSlice";
import { createLibrarySlice, type LibrarySlice } from "../features/library/librarySlice";
import { createNotesSlice, type NotesSlice } from "../features/notes/notesSlice";
import { createOptimiserSlice, type OptimiserSlice } from "../features/optimiser/optimiserSlice";
import { createPlanSlice, type PlanSlice } from "../features/plan/planSlice";
import { createPresentationSlice, type PresentationSlice } from "../features/presentation/presentationSlice";
import { createRsiSlice, type RsiSlice } from "../features/rsi/rsiSlice";
import { createSurveySlice, type SurveySlice } from "../features/survey/surveySlice";
import { createVersionsSlice, type VersionsSlice } from "../features/versions/versionsSlice";
import { createVersionViewingSlice, type VersionViewingSlice } from "../features/versions/versionViewingSlice";
import { createPreferencesSlice, type PreferencesSlice } from "./preferencesSlice";
import type { Services } from "./services";
import { createShellSlice, type ShellSlice } from "./shellSlice";

export type AppState = ShellSlice &
  PreferencesSlice &
  LibrarySlice &
  EditorSlice &
  PlanSlice &
  ExportSlice &
  ArrangeSlice &
  NotesSlice &
  PresentationSlice &
  ImportSlice &
  SurveySlice &
  RsiSlice &
  CompareSlice &
  VersionsSlice &
  VersionViewingSlice &
  OptimiserSlice;
export type AppStore = StoreApi<AppState>;

/** Set and get of the whole store, handed to each slice with the services it may use. */
export interface SliceContext {
  set: StoreApi<AppState>["setState"];
  get: StoreApi<AppState>["getState"];
  services: Services;
}

export function createAppStore(services: Services): AppStore {
  const store = createStore<AppState>()((set, get) => {
    const context: SliceContext = { set, get, services };
    return {
      ...createShellSlice(context),
      ...createPreferencesSlice(context),
      ...createLibrarySlice(context),
      ...createEditorSlice(context),
      ...createNotesSlice(context),
      ...createPlanSlice(context),
      ...createExportSlice(context),
      ...createArrangeSlice(context),
      ...createPresentationSlice(context),
      ...createImportSlice(context),
      ...createSurveySlice(context),
      ...createRsiSlice(context),
      ...createCompareSlice(context),
      ...createVersionsSlice(context),
      ...createVersionViewingSlice(context),
      ...createOptimiserSlice(context),
    };
  });
  // Data flows one way: each new version of the roadmap shown (the document as the active scenario plans it,
  // or a version open read only) goes to the engine; views read its plan.
  store.subscribe((state, previous) => {
    if (state.document?.id !== previous.document?.id && (state.readOnlyVersion || state.versionComparison)) {
      // A version open read-only, or a comparison, belongs to the roadmap that was open.
      store.setState({ readOnlyVersion: null, versionComparison: null });
      return;
    }
    const viewed = selectViewedRoadmap(state);
    const viewedBefore = selectViewedRoadmap(previous);
    if (viewed === viewedBefore) return;
    if (!state.document || !viewed) {
      store.setState({ plan: null, planStale: false, planError: null });
      return;
    }
    const otherRoadmap = viewed.id !== viewedBefore?.id;
    store.setState(otherRoadmap ? { plan: null, planStale: true, planError: null } : { planStale: true });
    services.planner.request(viewed);
  });
  return store;
}
