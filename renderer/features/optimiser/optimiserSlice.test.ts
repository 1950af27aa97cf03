import { describe, expect, it } from "vitest";
import { BASE_SCENARIO_ID, findScenario } from "../../../shared/model";
import type { SolveProgress } from "../../../shared/optimise/types";
import { err, ok } from "../../../shared/result";
import { createTestApp } from "../../test/fakes";
import { scriptedOptimiser, withoutFirst } from "../../test/scriptedOptimiser";
import { createScenario } from "../scenarios/scenarioActions";
import type { OptimiserService } from "./optimiserService";

const progress: SolveProgress = { stage: "solving", step: 0, steps: 1, best: 100, bound: 120, gap: 0.2, seconds: 2 };

async function openB2B(optimiser: OptimiserService) {
  const app = createTestApp(undefined, { optimiser });
  const id = await app.store
    .getState()
    .createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  return app;
}

describe("the optimiser in the store", () => {
  it("writes the plan found as a new scenario in one undo step, keeps a version before, and compares it with the plan", async () => {
    const optimiser = scriptedOptimiser((request) => withoutFirst(request));
    const { store } = await openB2B(optimiser.service);
    const before = store.getState().document;
    const undoSteps = store.getState().past.length;

    const running = store.getState().runOptimiser();
    expect(store.getState().optimiser.status).toBe("running");
    optimiser.report(progress);
    expect(store.getState().optimiser.progress).toEqual(progress);
    optimiser.finish();
    await running;

    const state = store.getState();
    const written = state.optimiser.writtenScenarioId ?? "";
    const scenario = state.document && findScenario(state.document, written);
    expect(scenario?.name).toMatch(/^Optimised/);
    expect(scenario?.optimisation?.fromScenarioId).toBe(BASE_SCENARIO_ID);
    expect(state.optimiser).toMatchObject({ status: "done", error: null });
    expect(state.document?.communications).toEqual(before?.communications);
    expect(state.activeScenarioId).toBe(BASE_SCENARIO_ID);
    expect(state.past).toHaveLength(undoSteps + 1);
    expect(state.versions.map((v) => v.name)).toContain("Before optimisation");
    expect(state.view).toBe("compare");
    expect(state.comparedScenarioIds).toEqual([BASE_SCENARIO_ID, written]);
    expect(optimiser.requests[0]).toMatchObject({ scenarioId: BASE_SCENARIO_ID, withFrontier: true });

    state.undo();
    expect(store.getState().document?.scenarios).toEqual(before?.scenarios);
  });

  it("optimises the scenario shown, with the roadmap's settings, and compares the result with that scenario", async () => {
    const optimiser = scriptedOptimiser((request) => withoutFirst(request));
    const { store } = await openB2B(optimiser.service);
    createScenario(store.getState(), "To-be", false);
    const toBe = store.getState().activeScenarioId;
    expect(toBe).not.toBe(BASE_SCENARIO_ID);
    store.getState().setOptimiseWithFrontier(false);

    const running = store.getState().runOptimiser();
    optimiser.finish();
    await running;

    expect(optimiser.requests[0]).toMatchObject({ scenarioId: toBe, withFrontier: false });
    expect(optimiser.requests[0]?.settings).toEqual(store.getState().document?.optimiser);
    const written = store.getState().optimiser.writtenScenarioId;
    expect(store.getState().comparedScenarioIds).toEqual([toBe, written]);
    expect(store.getState().activeScenarioId).toBe(toBe);
  });

  it("keeps an infeasible run to explain it, and writes no scenario", async () => {
    const optimiser = scriptedOptimiser((request) => {
      const found = withoutFirst(request);
      if (!found.ok) return found;
      const conflict = [{ kind: "budget", budget: 1 } as const];
      return ok({ ...found.value, outcome: { ...found.value.outcome, status: "infeasible", choice: [], conflict } });
    });
    const { store } = await openB2B(optimiser.service);
    const before = store.getState().document;
    const running = store.getState().runOptimiser();
    optimiser.finish();
    await running;

    const state = store.getState();
    expect(state.optimiser.status).toBe("done");
    expect(state.optimiser.run?.outcome.conflict).toEqual([{ kind: "budget", budget: 1 }]);
    expect(state.optimiser.writtenScenarioId).toBeNull();
    expect(state.document).toBe(before);
    expect(state.view).not.toBe("compare");
  });

  it("shows why a run failed, changing nothing", async () => {
    const optimiser = scriptedOptimiser(() => err("The optimiser's worker stopped working (out of memory)."));
    const { store } = await openB2B(optimiser.service);
    const before = store.getState().document;
    const running = store.getState().runOptimiser();
    optimiser.finish();
    await running;

    expect(store.getState().optimiser).toMatchObject({
      status: "failed",
      error: "The optimiser's worker stopped working (out of memory).",
      run: null,
      writtenScenarioId: null,
    });
    expect(store.getState().document).toBe(before);
  });

  it("writes a stopped run's best plan, saying it was stopped", async () => {
    const optimiser = scriptedOptimiser((request) => withoutFirst(request, "stopped"));
    const { store } = await openB2B(optimiser.service);
    const running = store.getState().runOptimiser();
    store.getState().cancelOptimiser();
    expect(optimiser.cancelled).toEqual([1]);
    optimiser.finish();
    await running;

    const state = store.getState();
    const scenario = state.document && findScenario(state.document, state.optimiser.writtenScenarioId ?? "");
    expect(scenario?.optimisation?.status).toBe("stopped");
  });

  it("drops the answer of a run a newer one replaced", async () => {
    let answers = 0;
    const optimiser = scriptedOptimiser((request) =>
      ++answers === 1 ? err("The optimiser was stopped before it found any plan.") : withoutFirst(request),
    );
    const { store } = await openB2B(optimiser.service);
    const first = store.getState().runOptimiser();
    optimiser.finish();
    const second = store.getState().runOptimiser();
    await first;
    expect(store.getState().optimiser.status).toBe("running");
    optimiser.finish();
    await second;
    expect(store.getState().optimiser.status).toBe("done");
    expect(store.getState().document?.scenarios).toHaveLength(1);
  });
});
