import type { Highs } from "highs";
import { buildOptimisationModel } from "../../../shared/optimise/optimisationModel";
import { runOptimisation } from "../../../shared/optimise/runOptimisation";
import type {
  OptimisationModel,
  OptimisationOutcome,
  OptimisationRun,
  SolveProgress,
} from "../../../shared/optimise/types";
import { err, type Result } from "../../../shared/result";
import type { OptimiserRequest } from "./optimiserService";

export interface OptimiseCallbacks {
  onProgress(progress: SolveProgress): void;
  /** Each better plan of the scenario's own solve (not the frontier's), so a stop can keep the last one. */
  onImprovingSolution(outcome: OptimisationOutcome): void;
  shouldStop(): boolean;
}

/**
 * One optimiser run, as the worker and the in-process service make it. A
 * failure of the solver itself (an exception: a bug or out of memory) comes
 * back as a message, so the window always has something to say.
 */
export function optimise(
  highs: Highs,
  request: OptimiserRequest,
  callbacks: OptimiseCallbacks,
): Result<OptimisationRun, string> {
  let stage: SolveProgress["stage"] = "model";
  try {
    return runOptimisation(highs, request.document, request.scenarioId, request.settings, {
      withFrontier: request.withFrontier,
      onProgress: (progress) => {
        stage = progress.stage;
        callbacks.onProgress(progress);
      },
      onImprovingSolution: (outcome) => {
        if (stage !== "frontier") callbacks.onImprovingSolution(outcome);
      },
      shouldStop: callbacks.shouldStop,
    });
  } catch (error) {
    return err(`The optimiser failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The programme alone, without solving it: what a stopped run's best plan is read against. */
export function optimisationModel(request: OptimiserRequest): Result<OptimisationModel, string> {
  try {
    return buildOptimisationModel(request.document, request.scenarioId, request.settings);
  } catch (error) {
    return err(`The optimiser failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
