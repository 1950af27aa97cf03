import { useStore } from "@xyflow/react";
import { createContext, createElement, type ReactNode, useContext } from "react";

/**
 * Below this zoom a phase's small print cannot be read anyway, so phases are
 * drawn as a coloured card with the name alone and transitions without
 * labels. A 3,000-phase roadmap seen whole then draws a fraction of the DOM.
 */
export const DETAIL_ZOOM = 0.45;

const ZoomedOutContext = createContext(false);

/**
 * Watches the zoom once for the whole canvas. Thousands of phases and
 * transitions each watching React Flow's store would each run a selector on
 * every frame of a drag or pan; a context reaches them only when the
 * threshold is crossed.
 */
export function LevelOfDetail({ children }: { children: ReactNode }) {
  const zoomedOut = useStore((state) => state.transform[2] < DETAIL_ZOOM);
  return createElement(ZoomedOutContext.Provider, { value: zoomedOut }, children);
}

/** True while the canvas is zoomed out past `DETAIL_ZOOM`; changes only when that threshold is crossed. */
export function useZoomedOut(): boolean {
  return useContext(ZoomedOutContext);
}
