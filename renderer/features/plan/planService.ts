import { createPlanEngine, type PlanResult } from "../../../shared/engine/planEngine";
import type { Roadmap } from "../../../shared/model/schema";
import { shareUnchanged } from "../../../shared/model/structuralSharing";

/**
 * Plans roadmaps off the UI thread. `request` never waits: the latest
 * document wins, and a result arrives through the listener when ready.
 */
export interface PlanService {
  request(roadmap: Roadmap): void;
  onResult(listener: (result: PlanOutcome) => void): () => void;
  dispose(): void;
}

/**
 * The plan as the views read it: everything but the raw customer-flow arrays,
 * which no view shows and which would be copied across the worker boundary
 * on every edit (megabytes for a large roadmap).
 */
export type PlanSummary = Omit<PlanResult, "flow">;

export type PlanOutcome = { roadmapId: string; result: PlanSummary } | { roadmapId: string; error: string };

/**
 * A document to plan, without its survey: with a large wave of answers the
 * survey is most of the document, and copying it to the worker on every edit
 * cost more than planning. It travels only when it is another object than
 * the last one sent; the worker keeps the last it got.
 */
export interface PlanRequestMessage {
  seq: number;
  roadmap: Omit<Roadmap, "survey">;
  survey?: Roadmap["survey"];
}

export type PlanResponseMessage = { seq: number } & PlanOutcome;

/** Runs the engine in a Web Worker; while it works, only the newest request waits. */
export function createWorkerPlanService(createWorker: () => Worker): PlanService {
  const worker = createWorker();
  const listeners = new Set<(result: PlanOutcome) => void>();
  let seq = 0;
  let busy = false;
  let waiting: Roadmap | null = null;
  let lastSentId = "";
  let lastSentSurvey: Roadmap["survey"] | null = null;

  const send = ({ survey, ...roadmap }: Roadmap) => {
    busy = true;
    lastSentId = roadmap.id;
    const message: PlanRequestMessage =
      survey === lastSentSurvey ? { seq: ++seq, roadmap } : { seq: ++seq, roadmap, survey };
    worker.postMessage(message);
    // Only once it is sure to have been copied: a failed post leaves the worker with the survey it had.
    lastSentSurvey = survey;
  };

  worker.addEventListener("message", (event: MessageEvent<PlanResponseMessage>) => {
    busy = false;
    if (waiting) {
      const next = waiting;
      waiting = null;
      send(next);
      // A newer document is on its way; this result is already stale.
      return;
    }
    const { seq: _seq, ...outcome } = event.data;
    for (const listener of listeners) listener(outcome);
  });
  worker.addEventListener("error", (event) => {
    busy = false;
    const failed = { roadmapId: lastSentId, error: event.message || "the planning worker failed" };
    for (const listener of listeners) listener(failed);
    if (waiting) {
      const next = waiting;
      waiting = null;
      send(next);
    }
  });

  return {
    request: (roadmap) => {
      if (busy) waiting = roadmap;
      else send(roadmap);
    },
    onResult: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => worker.terminate(),
  };
}

/** Plans on the calling thread, for tests and tools; results arrive in a microtask, as from a worker. */
export function createInProcessPlanService(): PlanService {
  const planner = createPlanner();
  const listeners = new Set<(result: PlanOutcome) => void>();
  return {
    request: (roadmap) => {
      const outcome = planner(roadmap);
      queueMicrotask(() => {
        for (const listener of listeners) listener(outcome);
      });
    },
    onResult: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => listeners.clear(),
  };
}

/**
 * The worker's side of `PlanRequestMessage`: puts the last survey received
 * back into each document. Keeping that one object also lets the engine reuse
 * its survey diagnostics until the survey changes.
 */
export function createPlanRequestHandler(): (message: PlanRequestMessage) => PlanResponseMessage {
  const plan = createPlanner();
  let survey: Roadmap["survey"] | null = null;
  return (message) => {
    survey = message.survey ?? survey;
    if (!survey) return { seq: message.seq, roadmapId: message.roadmap.id, error: "the planning worker got no survey" };
    return { seq: message.seq, ...plan({ ...message.roadmap, survey }) };
  };
}

/** One engine and the last document it saw, shared again with each new one so unchanged parts are reused. */
export function createPlanner(): (roadmap: Roadmap) => PlanOutcome {
  const engine = createPlanEngine();
  let previous: Roadmap | null = null;
  return (incoming) => {
    const roadmap = previous?.id === incoming.id ? shareUnchanged(previous, incoming) : incoming;
    previous = roadmap;
    try {
      const { flow: _flow, ...result } = engine.run(roadmap);
      return { roadmapId: roadmap.id, result };
    } catch (error) {
      return { roadmapId: roadmap.id, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
