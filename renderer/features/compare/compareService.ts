import type { ScenarioComparison } from "../../../shared/engine";
import type { Roadmap } from "../../../shared/model";
import type { Result } from "../../../shared/result";
import { createWorkerCall } from "../../workers/workerCall";

/**
 * Plans two or three scenarios side by side for the Compare view. Scenario
 * ids must be the roadmap's (`scenarioChoices`). The promise rejects only when
 * the computation itself fails (the worker crashed or ran out of memory, or an
 * id is unknown): a bug, whose message the view shows.
 */
export interface CompareService {
  compare(roadmap: Roadmap, scenarioIds: readonly string[]): Promise<ScenarioComparison>;
}

export interface CompareRequest {
  roadmap: Roadmap;
  scenarioIds: readonly string[];
}

/** Compares in a Web Worker, created on first use, so a large roadmap's comparison never freezes the window. */
export function createWorkerCompareService(createWorker: () => Worker): CompareService {
  const call = createWorkerCall<CompareRequest, ScenarioComparison>(createWorker, "the comparison worker failed");
  return { compare: async (roadmap, scenarioIds) => comparisonOf(await call({ roadmap, scenarioIds })) };
}

/** Compares on the calling thread, for tests and tools; the engine's code loads with the first comparison. */
export function createInProcessCompareService(): CompareService {
  let comparer: Promise<(request: CompareRequest) => Result<ScenarioComparison, string>> | undefined;
  return {
    compare: async (roadmap, scenarioIds) => {
      comparer ??= import("./comparer").then(({ createComparer }) => createComparer());
      return comparisonOf((await comparer)({ roadmap, scenarioIds }));
    },
  };
}

function comparisonOf(result: Result<ScenarioComparison, string>): ScenarioComparison {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
