import type { Point } from "../../../shared/model";

/**
 * What commands need from the mounted canvas (its viewport and measured
 * sizes), registered while the canvas is on screen. Commands that need it do
 * nothing when no canvas is shown.
 */
export interface CanvasController {
  fitView(): void;
  /** Zooms to the given level (1 is 100 %), keeping the centre of the view where it is. */
  zoomTo(zoom: number): void;
  /** Centre of the visible area, in canvas coordinates: where a new phase appears. */
  viewportCenter(): Point;
  /** A point on screen (client coordinates) in canvas coordinates. */
  screenToCanvas(point: Point): Point;
  sizeOf(phaseId: string): { width: number; height: number };
  revealPhase(phaseId: string): void;
  focus(): void;
}

let current: CanvasController | null = null;

export function registerCanvasController(controller: CanvasController): () => void {
  current = controller;
  return () => {
    if (current === controller) current = null;
  };
}

export function canvasController(): CanvasController | null {
  return current;
}
