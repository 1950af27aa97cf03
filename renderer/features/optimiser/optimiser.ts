import type { Highs } from "highs";
import { buildOptimisationModel } from "../../../shared/optimise/optimisationModel";
import { type RunOptions, runOptimisation } from "../../../shared/optimise/runOptimisation";
import type { OptimisationModel, OptimisationRun } from "../../../shared/optimise/types";
import { err, type Result } from "../../../shared/result";
import type { OptimiserRequest } from "./optimiserService";

/**
 * One optimiser run, as the worker and the in-process service make it. An
 * exception (a bug, or memory running out) comes back as a message, as the
 * worker's answers must, so the window always has something to say.
 */
export function optimise(
  highs: Highs,
  request: OptimiserRequest,
  callbacks: Omit<RunOptions, "withFrontier">,
): Result<OptimisationRun, string> {
  return failureAsMessage(() =>
    runOptimisation(highs, request.document, request.scenarioId, request.settings, {
      withFrontier: request.withFrontier,
      ...callbacks,
    }),
  );
}

/** The programme alone, without solving it: what a stopped run's best plan is read against. */
export function optimisationModel(request: OptimiserRequest): Result<OptimisationModel, string> {
  return failureAsMessage(() => buildOptimisationModel(request.document, request.scenarioId, request.settings));
}

function failureAsMessage<T>(work: () => Result<T, string>): Result<T, string> {
  try {
    return work();
  } catch (error) {
    return err(`The optimiser failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
