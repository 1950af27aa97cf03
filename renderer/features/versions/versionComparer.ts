import type { Result } from "../../../shared/result";
import { createWorkerCall } from "../../workers/workerCall";
import type { RoadmapComparison, RoadmapComparisonRequest } from "./compareRoadmaps";

/**
 * Compares two states of a roadmap. Two full plans of a large roadmap take a
 * good tenth of a second, so the app runs them in a worker of their own.
 */
export interface VersionComparer {
  compare(request: RoadmapComparisonRequest): Promise<Result<RoadmapComparison, string>>;
}

/** Runs comparisons in a Web Worker, created the first time the user compares. */
export function createWorkerVersionComparer(createWorker: () => Worker): VersionComparer {
  const call = createWorkerCall<RoadmapComparisonRequest, RoadmapComparison>(
    createWorker,
    "the comparison worker failed",
  );
  return { compare: call };
}

/** Compares on the calling thread, for tests and tools. */
export function createInProcessVersionComparer(): VersionComparer {
  return { compare: async (request) => (await import("./compareRoadmaps")).compareRoadmapsSafely(request) };
}
