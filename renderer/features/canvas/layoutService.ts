import type { NodeSize } from "../../../shared/layout/layoutLifecycle";
import type { Point, Roadmap } from "../../../shared/model";
import type { Result } from "../../../shared/result";
import { createWorkerCall } from "../../workers/workerCall";

/** Lays roadmaps out along the lifecycle; elkjs (1.4 MB) loads only when the user first asks. */
export interface LayoutService {
  layOut(roadmap: Roadmap, sizes: ReadonlyMap<string, NodeSize>): Promise<Result<Map<string, Point>, string>>;
}

export interface LayoutRequest {
  roadmap: Roadmap;
  /** Every phase's size as drawn, so the layout leaves room for tall phases. */
  sizes: ReadonlyMap<string, NodeSize>;
}

/** Runs the layout in a Web Worker, created on first use, so a large roadmap's layout never freezes the window. */
export function createWorkerLayoutService(createWorker: () => Worker): LayoutService {
  const call = createWorkerCall<LayoutRequest, Map<string, Point>>(createWorker, "the layout worker failed");
  return { layOut: (roadmap, sizes) => call({ roadmap, sizes }) };
}

/** Lays out on the calling thread, for tests and tools; elkjs still loads on first use. */
export function createInProcessLayoutService(): LayoutService {
  return {
    layOut: async (roadmap, sizes) => (await import("./layOutSafely")).layOutSafely({ roadmap, sizes }),
  };
}
