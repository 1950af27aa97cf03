import type { Highs } from "highs";
import type { OptimiserSettings, Roadmap } from "../model/schema";
import { err, ok, type Result } from "../result";
import { computeFrontier } from "./frontier";
import { buildOptimisationModel } from "./optimisationModel";
import { solveOptimisation } from "./solveOptimisation";
import type { OptimisationOutcome, OptimisationRun, SolveProgress } from "./types";

export interface RunOptions {
  /** Also the efficient frontier and the marginal values (about six plan solves' worth of time more). */
  readonly withFrontier: boolean;
  readonly onProgress?: (progress: SolveProgress) => void;
  readonly onImprovingSolution?: (outcome: OptimisationOutcome) => void;
  readonly shouldStop?: () => boolean;
}

/**
 * The frontier's ten points and the raised-cap solve together get this many
 * times the plan's own time limit: 60 s with the default 10 s, the goal.
 */
export const FRONTIER_TIME_FACTOR = 6;

/**
 * One whole optimiser run, as the worker and the CLI make it: the model of
 * the scenario under the settings, the solve, then — when asked and a plan
 * was found — the frontier. Infeasible settings are a result, not an error:
 * the run carries the rows that clash for `describeConflict`. An error is a
 * model that cannot be built, a solver that stops before it has any plan, or
 * HiGHS failing.
 */
export function runOptimisation(
  highs: Highs,
  document: Roadmap,
  scenarioId: string,
  settings: OptimiserSettings,
  options: RunOptions,
): Result<OptimisationRun, string> {
  options.onProgress?.({ stage: "model", step: 1, steps: 1, best: null, bound: null, gap: null, seconds: 0 });
  const built = buildOptimisationModel(document, scenarioId, settings);
  if (!built.ok) return built;
  const model = built.value;
  try {
    const outcome = solveOptimisation(highs, model, {
      timeLimitSeconds: settings.timeLimitSeconds,
      gapTolerance: settings.gapTolerance,
      ...callbacks(options),
    });
    if (outcome.status !== "infeasible" && !Number.isFinite(outcome.gap)) {
      return err(
        outcome.status === "stopped"
          ? "The optimiser was stopped before it found any plan."
          : `The optimiser found no plan within its time limit of ${settings.timeLimitSeconds} s. Allow it more time.`,
      );
    }
    const wanted = options.withFrontier && outcome.status !== "infeasible" && outcome.status !== "stopped";
    if (!wanted) return ok({ scenarioId, model, outcome, frontier: null });
    // Stopped while the frontier is drawn, the run keeps this plan: HiGHS may have found it without reporting it.
    options.onImprovingSolution?.(outcome);
    const raised = settings.respectContactCaps
      ? buildOptimisationModel(document, scenarioId, settings, { extraContacts: 1 })
      : null;
    const frontier = computeFrontier(highs, model, {
      contactModel: raised?.ok ? raised.value : null,
      timeLimitSeconds: settings.timeLimitSeconds * FRONTIER_TIME_FACTOR,
      gapTolerance: settings.gapTolerance,
      solved: outcome,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    });
    return ok({ scenarioId, model, outcome, frontier });
  } catch (error) {
    // HiGHS in WebAssembly can run out of memory or reject a model; the user gets a message, not a dead worker.
    return err(`The solver failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function callbacks(options: RunOptions) {
  return {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onImprovingSolution ? { onImprovingSolution: options.onImprovingSolution } : {}),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  };
}
