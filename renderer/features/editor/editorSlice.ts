import { type Roadmap, type RoadmapIssue, roadmapFileName, serializeRoadmap } from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";

/** The setting that brings the user back to the roadmap they had open. */
export const OPEN_ROADMAP_SETTING = "openRoadmapId";

/** The roadmap open in the editor. */
export interface EditorSlice {
  document: Roadmap | null;
  /** Why the roadmap chosen could not be opened, when it could not. */
  documentIssues: RoadmapIssue[] | null;
  /** The file the open roadmap was last saved to in this session, for Save without asking. */
  fileHandle: string | null;
  openRoadmap(id: string): Promise<void>;
  closeRoadmap(): Promise<void>;
  /** Writes the open roadmap to a file: its last file, or one the user picks (always with `saveAs`). */
  saveToFile(options: { saveAs: boolean }): Promise<void>;
  /** Reopens what was open when the app last closed, or shows the home screen. */
  restoreSession(): Promise<void>;
}

export function createEditorSlice({ set, get, services }: SliceContext): EditorSlice {
  const { repository } = services;
  return {
    document: null,
    documentIssues: null,
    fileHandle: null,

    openRoadmap: async (id) => {
      const loaded = await repository.loadRoadmap(id);
      if (!loaded.ok) {
        if (loaded.error.kind === "missing") {
          get().notify({ tone: "error", message: "That roadmap is no longer in the library." });
          await repository.setSetting(OPEN_ROADMAP_SETTING, null);
          get().showScreen({ kind: "home" });
          return;
        }
        set({ document: null, documentIssues: loaded.error.issues, screen: { kind: "editor", roadmapId: id } });
        return;
      }
      set({ document: loaded.value, documentIssues: null, fileHandle: null, screen: { kind: "editor", roadmapId: id } });
      await repository.setSetting(OPEN_ROADMAP_SETTING, id);
    },

    closeRoadmap: async () => {
      set({ document: null, documentIssues: null, fileHandle: null, screen: { kind: "home" } });
      await repository.setSetting(OPEN_ROADMAP_SETTING, null);
      await get().refreshLibrary();
    },

    saveToFile: async ({ saveAs }) => {
      const roadmap = get().document;
      if (!roadmap) return;
      const saved = await services.platform.saveFile({
        kind: "roadmap",
        text: serializeRoadmap(roadmap),
        suggestedName: roadmapFileName(roadmap),
        handle: saveAs ? null : get().fileHandle,
      });
      if ("error" in saved) get().notify({ tone: "error", message: saved.error });
      else if (!saved.canceled) {
        set({ fileHandle: saved.handle });
        get().notify({ tone: "info", message: `Saved “${roadmap.name}” as ${saved.name}.` });
      }
    },

    restoreSession: async () => {
      await get().refreshLibrary();
      const id = await repository.getSetting<string | null>(OPEN_ROADMAP_SETTING);
      const summary = id ? await repository.getSummary(id) : undefined;
      if (id && summary && summary.deletedAt === null) await get().openRoadmap(id);
    },
  };
}
