import type { Highs } from "highs";
import type { Roadmap } from "../../../shared/model";
import type { OptimiserSettings } from "../../../shared/model/schema";
import type {
  OptimisationModel,
  OptimisationOutcome,
  OptimisationRun,
  SolveProgress,
} from "../../../shared/optimise/types";
import { err, ok, type Result } from "../../../shared/result";

/** What to optimise: a scenario of the document (`BASE_SCENARIO_ID` for its own plan), with these settings. */
export interface OptimiserRequest {
  document: Roadmap;
  scenarioId: string;
  settings: OptimiserSettings;
  /** Also work out the efficient frontier (ten more solves). */
  withFrontier: boolean;
}

/** A run under way: its result, and how to stop it early. */
export interface OptimiserRunning {
  /**
   * The run, or why there is none, in words for the user; never rejects.
   * A run stopped by `cancel` resolves with the best plan found so far, as status "stopped".
   */
  result: Promise<Result<OptimisationRun, string>>;
  cancel(): void;
}

/**
 * Runs the campaign optimiser off the UI thread. Only one run at a time: a
 * new run stops the one under way, which then resolves as stopped.
 */
export interface OptimiserService {
  run(request: OptimiserRequest, onProgress: (progress: SolveProgress) => void): OptimiserRunning;
}

/** What the optimiser worker is asked: a whole run, or only the programme (to go with a stopped run's best plan). */
export type OptimiserCommand =
  | { kind: "optimise"; request: OptimiserRequest }
  | { kind: "model"; request: OptimiserRequest };

/** What the optimiser worker says, as values: progress and better plans while it runs, then its one answer. */
export type OptimiserMessage =
  | { kind: "progress"; progress: SolveProgress }
  | { kind: "improving"; outcome: OptimisationOutcome }
  | { kind: "finished"; result: Result<OptimisationRun, string> }
  | { kind: "model"; result: Result<OptimisationModel, string> };

export const STOPPED_BEFORE_ANY_PLAN = "The optimiser was stopped before it found any plan.";

/** Why a run has no answer when its worker dies: said to the user, with the browser's own words when it has some. */
export function workerCrashed(detail: string): string {
  return `The optimiser's worker stopped working (${detail || "it crashed or ran out of memory"}). Nothing was changed; run it again, perhaps with a shorter time limit.`;
}

/** Why nothing ran when HiGHS itself could not be loaded (a missing or damaged WebAssembly file). */
export function solverNotLoaded(error: unknown): string {
  return `The optimiser's solver could not be loaded: ${error instanceof Error ? error.message : String(error)}.`;
}

/**
 * Runs each optimisation in a Web Worker, created on first use: HiGHS (3.5 MB
 * of WebAssembly) loads only when the user first runs the optimiser. A worker
 * that finished is kept for the next run; one that is stopped is ended at
 * once, since the solver never pauses to read a message, so the best plan it
 * had reported is completed with the programme from a fresh worker.
 */
export function createWorkerOptimiserService(createWorker: () => Worker): OptimiserService {
  let idle: Worker | null = null;
  let stopCurrent: (() => void) | null = null;

  /** Sends one command and calls `onMessage` with what comes back until it returns true (the answer came). */
  const converse = (
    worker: Worker,
    command: OptimiserCommand,
    onMessage: (message: OptimiserMessage) => boolean,
    onCrash: (detail: string) => void,
  ) => {
    const listening = new AbortController();
    worker.addEventListener(
      "message",
      (event: MessageEvent<OptimiserMessage>) => {
        if (onMessage(event.data)) listening.abort();
      },
      { signal: listening.signal },
    );
    worker.addEventListener(
      "error",
      (event) => {
        listening.abort();
        worker.terminate();
        if (idle === worker) idle = null;
        onCrash(event.message);
      },
      { signal: listening.signal },
    );
    worker.postMessage(command);
    return () => listening.abort();
  };

  const takeWorker = () => {
    const worker = idle ?? createWorker();
    idle = null;
    return worker;
  };

  /** Keeps one worker that is done for the next run; any other is ended, with the memory HiGHS holds in it. */
  const release = (worker: Worker) => {
    if (idle === null) idle = worker;
    else worker.terminate();
  };

  const buildModel = (request: OptimiserRequest) =>
    new Promise<Result<OptimisationModel, string>>((resolve) => {
      const worker = takeWorker();
      converse(
        worker,
        { kind: "model", request },
        (message) => {
          if (message.kind !== "model") return false;
          release(worker);
          resolve(message.result);
          return true;
        },
        (detail) => resolve(err(workerCrashed(detail))),
      );
    });

  return {
    run: (request, onProgress) => {
      stopCurrent?.();
      const worker = takeWorker();
      let best: OptimisationOutcome | null = null;
      let settled = false;
      let resolve: (result: Result<OptimisationRun, string>) => void = () => {};
      const result = new Promise<Result<OptimisationRun, string>>((done) => {
        resolve = done;
      });
      const settle = (answer: Result<OptimisationRun, string>) => {
        if (settled) return;
        settled = true;
        if (stopCurrent === cancel) stopCurrent = null;
        resolve(answer);
      };
      const stopListening = converse(
        worker,
        { kind: "optimise", request },
        (message) => {
          if (message.kind === "progress") onProgress(message.progress);
          else if (message.kind === "improving") best = message.outcome;
          else if (message.kind === "finished") {
            release(worker);
            settle(message.result);
            return true;
          }
          return false;
        },
        (detail) => settle(err(workerCrashed(detail))),
      );
      const cancel = () => {
        if (settled) return;
        stopListening();
        worker.terminate();
        const plan = best;
        if (!plan) {
          settle(err(STOPPED_BEFORE_ANY_PLAN));
          return;
        }
        // Settled now, so a run started meanwhile is not stopped again; the answer follows once the programme is built.
        settled = true;
        if (stopCurrent === cancel) stopCurrent = null;
        void buildModel(request).then((model) =>
          resolve(model.ok ? ok(stoppedRun(request, model.value, plan)) : model),
        );
      };
      stopCurrent = cancel;
      return { result, cancel };
    },
  };
}

/** A run stopped early: the best plan found so far, and no frontier. */
export function stoppedRun(
  request: OptimiserRequest,
  model: OptimisationModel,
  best: OptimisationOutcome,
): OptimisationRun {
  // A plan whose solve had finished (stopped while the frontier was drawn) keeps how that solve ended.
  const status = best.status === "optimal" || best.status === "timeLimit" ? best.status : "stopped";
  return { model, outcome: { ...best, status }, frontier: null, scenarioId: request.scenarioId };
}

/**
 * Runs on the calling thread, for tests and tools: the solver and its code
 * load with the first run. It cannot be interrupted while it solves, so a
 * cancel takes effect at the solver's next progress report.
 */
export function createInProcessOptimiserService(): OptimiserService {
  let optimiser: Promise<typeof import("./optimiser")["optimise"]> | undefined;
  let highs: Promise<Highs> | undefined;
  let stopCurrent: (() => void) | null = null;
  return {
    run: (request, onProgress) => {
      stopCurrent?.();
      let stopped = false;
      const cancel = () => {
        stopped = true;
      };
      stopCurrent = cancel;
      const result = (async (): Promise<Result<OptimisationRun, string>> => {
        optimiser ??= import("./optimiser").then((module) => module.optimise);
        highs ??= import("highs").then((module) => module.default());
        try {
          const [optimise, solver] = await Promise.all([optimiser, highs]);
          if (stopped) return err(STOPPED_BEFORE_ANY_PLAN);
          return optimise(solver, request, { onProgress, shouldStop: () => stopped });
        } catch (error) {
          highs = undefined;
          return err(solverNotLoaded(error));
        }
      })();
      void result.finally(() => {
        if (stopCurrent === cancel) stopCurrent = null;
      });
      return { result, cancel };
    },
  };
}
