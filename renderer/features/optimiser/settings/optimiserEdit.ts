import type { CommunicationLock, OptimiserSettings } from "../../../../shared/model";
import { useAppState, useAppStoreApi } from "../../../app/AppStoreContext";

/** How the optimiser's lock reads where the user sets it. */
export const LOCK_LABELS: Readonly<Record<CommunicationLock, string>> = {
  free: "Free",
  in: "Keep",
  out: "Leave out",
};

export const LOCK_OPTIONS = (["free", "in", "out"] as const).map((value) => ({ value, label: LOCK_LABELS[value] }));

/** The optimiser's settings of the open roadmap: every scenario shares them. */
export function useOptimiserSettings(): OptimiserSettings | null {
  return useAppState((state) => state.document?.optimiser ?? null);
}

/**
 * Changes the optimiser's settings as one undo step. They belong to the
 * document, not to the scenario shown, so the change is made to the document
 * itself and the scenario stays shown.
 */
export function useEditOptimiser(): (change: (settings: OptimiserSettings) => OptimiserSettings) => void {
  const store = useAppStoreApi();
  return (change) =>
    store.getState().edit(
      (document) => {
        const optimiser = change(document.optimiser);
        return optimiser === document.optimiser ? document : { ...document, optimiser };
      },
      { document: {} },
    );
}
