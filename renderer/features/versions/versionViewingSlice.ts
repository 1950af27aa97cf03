import type { Roadmap } from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";
import type { RoadmapComparison } from "./compareRoadmaps";

/** A saved version shown in the editor instead of the roadmap itself; nothing in it can be changed. */
export interface ReadOnlyVersion {
  versionId: string;
  name: string;
  /** When the version was saved (ISO), for the banner. */
  createdAt: string;
  roadmap: Roadmap;
}

/** One side of a comparison: a saved version, or the roadmap as it is now. */
export type ComparedState = { kind: "version"; versionId: string } | { kind: "current" };

/** A side of a comparison as the view titles it. */
export interface ComparedLabel {
  name: string;
  /** When that state was saved (ISO); null for the current state. */
  createdAt: string | null;
}

/** A comparison the user asked for: on its way, done, or why it could not be made. */
export type VersionComparison = { before: ComparedLabel; after: ComparedLabel } & (
  | { status: "loading" }
  /** `newer` is the roadmap compared to, which names the items the differences mention. */
  | { status: "ready"; result: RoadmapComparison; newer: Roadmap }
  | { status: "failed"; message: string }
);

/** How the user looks at a roadmap's saved versions: the panel, a version opened read-only, a comparison. */
export interface VersionViewingSlice {
  versionsPanelOpen: boolean;
  readOnlyVersion: ReadOnlyVersion | null;
  versionComparison: VersionComparison | null;
  setVersionsPanelOpen(open: boolean): void;
  /** Shows a saved version in the editor, read only, until `closeReadOnlyVersion`. */
  openVersionReadOnly(versionId: string): Promise<void>;
  closeReadOnlyVersion(): void;
  /**
   * While a version is open read-only, tells the user (once per version
   * opened) that it cannot be changed, and answers true: the edit is refused.
   */
  refuseEditWhileReadOnly(): boolean;
  /** Compares two states of the open roadmap; the older one is `before`. */
  compareVersions(before: ComparedState, after: ComparedState): Promise<void>;
  closeVersionComparison(): void;
}

export function createVersionViewingSlice({ set, get, services }: SliceContext): VersionViewingSlice {
  let refusalShown = false;

  const labelOf = (side: ComparedState): ComparedLabel => {
    if (side.kind === "current") return { name: "Current state", createdAt: null };
    const version = get().versions.find((v) => v.id === side.versionId);
    return { name: version?.name ?? "A saved version", createdAt: version?.createdAt ?? null };
  };

  return {
    versionsPanelOpen: false,
    readOnlyVersion: null,
    versionComparison: null,
    setVersionsPanelOpen: (versionsPanelOpen) => set({ versionsPanelOpen }),

    openVersionReadOnly: async (versionId) => {
      const openRoadmapId = get().document?.id;
      const roadmap = await get().loadVersionRoadmap(versionId);
      // The user may have left the roadmap while the version loaded.
      if (!roadmap || get().document?.id !== openRoadmapId) return;
      const summary = get().versions.find((v) => v.id === versionId);
      refusalShown = false;
      set({
        readOnlyVersion: {
          versionId,
          name: summary?.name ?? roadmap.name,
          createdAt: summary?.createdAt ?? roadmap.updatedAt,
          roadmap,
        },
        versionComparison: null,
        selection: { phaseIds: [], transitionIds: [] },
        selectedCommunicationId: null,
      });
    },

    closeReadOnlyVersion: () =>
      set({ readOnlyVersion: null, selection: { phaseIds: [], transitionIds: [] }, selectedCommunicationId: null }),

    refuseEditWhileReadOnly: () => {
      const viewing = get().readOnlyVersion;
      if (!viewing) return false;
      if (!refusalShown) {
        refusalShown = true;
        get().notify({
          tone: "error",
          message: `“${viewing.name}” is open read only: nothing in it can be changed. Go back to the roadmap to edit, or restore this version.`,
          action: { label: "Back to the roadmap", run: () => get().closeReadOnlyVersion() },
        });
      }
      return true;
    },

    compareVersions: async (before, after) => {
      const current = get().document;
      if (!current) return;
      const labels = { before: labelOf(before), after: labelOf(after) };
      set({ versionComparison: { ...labels, status: "loading" }, dialog: { kind: "versionComparison" } });
      const load = (side: ComparedState) =>
        side.kind === "current" ? Promise.resolve(current) : get().loadVersionRoadmap(side.versionId);
      const [from, to] = await Promise.all([load(before), load(after)]);
      if (!from || !to) {
        set({ versionComparison: null, dialog: null });
        return;
      }
      const compared = await services.versionComparer.compare({ before: from, after: to });
      // Closed, or another comparison asked for, while this one was computed.
      if (get().versionComparison?.before !== labels.before) return;
      set({
        versionComparison: compared.ok
          ? { ...labels, status: "ready", result: compared.value, newer: to }
          : { ...labels, status: "failed", message: compared.error },
      });
    },

    closeVersionComparison: () => set({ versionComparison: null }),
  };
}
