import { describe, expect, it } from "vitest";
import { BASE_SCENARIO_ID, type Roadmap } from "../../../shared/model";
import { defaultOptimiserSettings } from "../../../shared/model/defaults";
import { ROADMAP_TEMPLATES } from "../../../shared/model/templates";
import type { OptimisationModel, OptimisationOutcome, SolveProgress } from "../../../shared/optimise/types";
import { ok } from "../../../shared/result";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import {
  createInProcessOptimiserService,
  createWorkerOptimiserService,
  type OptimiserCommand,
  type OptimiserMessage,
  type OptimiserRequest,
  STOPPED_BEFORE_ANY_PLAN,
} from "./optimiserService";

/**
 * A worker the test speaks for: it records what it is asked and says what
 * the test tells it to, through a structured clone as postMessage makes.
 */
class ScriptedWorker extends EventTarget {
  readonly commands: OptimiserCommand[] = [];
  terminated = false;
  postMessage(command: OptimiserCommand) {
    this.commands.push(structuredClone(command));
  }
  say(message: OptimiserMessage) {
    this.dispatchEvent(new MessageEvent("message", { data: structuredClone(message) }));
  }
  crash(message: string) {
    this.dispatchEvent(Object.assign(new Event("error"), { message }));
  }
  terminate() {
    this.terminated = true;
  }
}

function scriptedService() {
  const workers: ScriptedWorker[] = [];
  const service = createWorkerOptimiserService(() => {
    const worker = new ScriptedWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { service, workers };
}

const request: OptimiserRequest = {
  document: { id: "r1", name: "Acme" } as Roadmap,
  scenarioId: BASE_SCENARIO_ID,
  settings: defaultOptimiserSettings(),
  withFrontier: true,
};

const model = {
  objective: "net",
  scenarioId: BASE_SCENARIO_ID,
  options: [],
  candidates: [],
} as unknown as OptimisationModel;

function outcome(objective: number): OptimisationOutcome {
  return {
    status: "timeLimit",
    objective,
    value: objective * 2,
    cost: objective,
    roi: 1,
    gap: 0.1,
    choice: [0, -1],
    binding: [],
    conflict: [],
    seconds: 1,
  };
}

const progress = (seconds: number): SolveProgress => ({
  stage: "solving",
  step: 0,
  steps: 1,
  best: 10,
  bound: 12,
  gap: 0.2,
  seconds,
});

describe("the optimiser service", () => {
  it("passes the worker's progress on and answers with its run, keeping the worker for the next run", async () => {
    const { service, workers } = scriptedService();
    const seen: number[] = [];
    const running = service.run(request, (p) => seen.push(p.seconds));
    const [worker] = workers;
    expect(worker?.commands).toEqual([{ kind: "optimise", request }]);
    worker?.say({ kind: "progress", progress: progress(1) });
    worker?.say({ kind: "progress", progress: progress(2) });
    const run = { model, outcome: outcome(5), frontier: null, scenarioId: BASE_SCENARIO_ID };
    worker?.say({ kind: "finished", result: ok(run) });
    expect(await running.result).toEqual(ok(run));
    expect(seen).toEqual([1, 2]);

    service.run(request, () => {});
    expect(workers).toHaveLength(1);
    expect(worker?.commands).toHaveLength(2);
  });

  it("on cancel, ends the worker and keeps the best plan found so far, as stopped", async () => {
    const { service, workers } = scriptedService();
    const running = service.run(request, () => {});
    const [solving] = workers;
    // HiGHS reports the plans it improves on while it solves as stopped there.
    solving?.say({ kind: "improving", outcome: { ...outcome(5), status: "stopped" } });
    solving?.say({ kind: "improving", outcome: { ...outcome(8), status: "stopped" } });
    running.cancel();
    expect(solving?.terminated).toBe(true);
    // The programme the plan is read against comes from a fresh worker, asked for it alone.
    const modelling = workers[1];
    expect(modelling?.commands).toEqual([{ kind: "model", request }]);
    modelling?.say({ kind: "model", result: ok(model) });
    expect(await running.result).toEqual(
      ok({ model, outcome: { ...outcome(8), status: "stopped" }, frontier: null, scenarioId: BASE_SCENARIO_ID }),
    );
  });

  it("stopped while the frontier is drawn, keeps the finished solve's plan and how it ended, without a frontier", async () => {
    const { service, workers } = scriptedService();
    const running = service.run(request, () => {});
    const [solving] = workers;
    const solved = { ...outcome(8), status: "optimal" as const, gap: 0 };
    solving?.say({ kind: "improving", outcome: solved });
    solving?.say({ kind: "progress", progress: { ...progress(3), stage: "frontier" } });
    running.cancel();
    workers[1]?.say({ kind: "model", result: ok(model) });
    expect(await running.result).toEqual(ok({ model, outcome: solved, frontier: null, scenarioId: BASE_SCENARIO_ID }));
  });

  it("says so when stopped before any plan was found", async () => {
    const { service, workers } = scriptedService();
    const running = service.run(request, () => {});
    workers[0]?.say({ kind: "progress", progress: progress(1) });
    running.cancel();
    expect(await running.result).toEqual({ ok: false, error: STOPPED_BEFORE_ANY_PLAN });
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(1);
  });

  it("answers with a message naming the crash when the worker dies, and starts a new worker next time", async () => {
    const { service, workers } = scriptedService();
    const running = service.run(request, () => {});
    workers[0]?.say({ kind: "improving", outcome: outcome(5) });
    workers[0]?.crash("Out of memory");
    const result = await running.result;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/worker stopped working \(Out of memory\)/);
    expect(workers[0]?.terminated).toBe(true);

    service.run(request, () => {});
    expect(workers).toHaveLength(2);
    expect(workers[1]?.commands).toEqual([{ kind: "optimise", request }]);
  });

  it("stops the run under way when another starts, which then goes on alone", async () => {
    const { service, workers } = scriptedService();
    const first = service.run(request, () => {});
    const secondProgress: number[] = [];
    const second = service.run({ ...request, withFrontier: false }, (p) => secondProgress.push(p.seconds));
    expect(await first.result).toEqual({ ok: false, error: STOPPED_BEFORE_ANY_PLAN });
    expect(workers[0]?.terminated).toBe(true);
    const solving = workers[1];
    expect(solving?.commands).toEqual([{ kind: "optimise", request: { ...request, withFrontier: false } }]);
    solving?.say({ kind: "progress", progress: progress(3) });
    const run = { model, outcome: outcome(7), frontier: null, scenarioId: BASE_SCENARIO_ID };
    solving?.say({ kind: "finished", result: ok(run) });
    expect(await second.result).toEqual(ok(run));
    expect(secondProgress).toEqual([3]);
  });

  it("keeps one worker for the next run and ends any other once it is done", async () => {
    const { service, workers } = scriptedService();
    const first = service.run(request, () => {});
    workers[0]?.say({ kind: "improving", outcome: outcome(5) });
    first.cancel();
    const second = service.run(request, () => {});
    const [, modelling, solving] = workers;
    modelling?.say({ kind: "model", result: ok(model) });
    expect((await first.result).ok).toBe(true);
    solving?.say({ kind: "finished", result: ok({ model, outcome: outcome(6), frontier: null, scenarioId: "" }) });
    await second.result;
    expect(workers.map((worker) => worker.terminated)).toEqual([true, false, true]);

    service.run(request, () => {});
    expect(workers).toHaveLength(3);
    expect(modelling?.commands.at(-1)).toEqual({ kind: "optimise", request });
  });

  it("cancelling a finished run changes nothing", async () => {
    const { service, workers } = scriptedService();
    const running = service.run(request, () => {});
    const run = { model, outcome: outcome(5), frontier: null, scenarioId: BASE_SCENARIO_ID };
    workers[0]?.say({ kind: "finished", result: ok(run) });
    expect(await running.result).toEqual(ok(run));
    running.cancel();
    expect(workers[0]?.terminated).toBe(false);
  });
});

describe("the optimiser on the calling thread", () => {
  const b2b = () => {
    const template = ROADMAP_TEMPLATES.find((t) => t.id === "b2b-subscription-software");
    if (!template) throw new Error("no B2B template");
    return template.create(new Date("2026-12-01T10:00:00Z"));
  };

  it(
    "runs HiGHS on the scenario asked for and reports its progress",
    async () => {
      const document = b2b();
      const stages = new Set<string>();
      const running = createInProcessOptimiserService().run(
        {
          document,
          scenarioId: BASE_SCENARIO_ID,
          settings: { ...document.optimiser, timeLimitSeconds: 60 },
          withFrontier: false,
        },
        (p) => stages.add(p.stage),
      );
      const result = await running.result;
      if (!result.ok) throw new Error(result.error);
      expect(result.value.scenarioId).toBe(BASE_SCENARIO_ID);
      expect(result.value.outcome.choice).toHaveLength(result.value.model.candidates.length);
      expect(result.value.frontier).toBeNull();
      expect(stages).toContain("model");
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it("says so when stopped before it started", async () => {
    const document = b2b();
    const running = createInProcessOptimiserService().run(
      { document, scenarioId: BASE_SCENARIO_ID, settings: document.optimiser, withFrontier: true },
      () => {},
    );
    running.cancel();
    expect(await running.result).toEqual({ ok: false, error: STOPPED_BEFORE_ANY_PLAN });
  });
});
