import { useStore } from "@xyflow/react";

/**
 * Below this zoom a phase's small print cannot be read anyway, so phases are
 * drawn as a coloured card with the name alone and transitions without
 * labels. A 3,000-phase roadmap seen whole then draws a fraction of the DOM.
 */
export const DETAIL_ZOOM = 0.45;

/** True while the canvas is zoomed out past `DETAIL_ZOOM`; changes only when that threshold is crossed. */
export function useZoomedOut(): boolean {
  return useStore((state) => state.transform[2] < DETAIL_ZOOM);
}
