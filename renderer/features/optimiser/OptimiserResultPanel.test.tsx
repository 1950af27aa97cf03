import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { OPTIMISED_SCENARIO_ID, optimisedRoadmap } from "../../../shared/export/testing/optimisedRoadmap";
import { BASE_SCENARIO_ID } from "../../../shared/model";
import { buildOptimisationModel } from "../../../shared/optimise/optimisationModel";
import type { OptimisationRun } from "../../../shared/optimise/types";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { OptimiserResultPanel } from "./OptimiserResultPanel";
import type { OptimiserState } from "./optimiserSlice";

/** The B2B template open in the store, with the report fixture's optimised scenario in it. */
async function openOptimised() {
  const app = createTestApp();
  const id = await app.store
    .getState()
    .createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  const { scenarios } = optimisedRoadmap();
  app.store.getState().edit((roadmap) => ({ ...roadmap, scenarios }), { document: {} });
  render(
    <AppStoreProvider store={app.store}>
      <OptimiserResultPanel />
    </AppStoreProvider>,
  );
  return app;
}

const optimiserState = (state: Partial<OptimiserState>): { optimiser: OptimiserState } => ({
  optimiser: { status: "done", progress: null, run: null, error: null, writtenScenarioId: null, ...state },
});

describe("the Optimise tab's result panel", () => {
  it("explains an infeasible run by the constraints that clash, naming what to change", async () => {
    const app = await openOptimised();
    const document = app.store.getState().document;
    if (!document) throw new Error("a roadmap is open");
    const settings = {
      ...document.optimiser,
      budget: 1_000,
      communications: { "comm-save-call": { everyMonths: [], personalisation: [], lock: "in" as const } },
    };
    const model = buildOptimisationModel(document, BASE_SCENARIO_ID, settings);
    if (!model.ok) throw new Error(model.error);
    const run: OptimisationRun = {
      scenarioId: BASE_SCENARIO_ID,
      model: model.value,
      frontier: null,
      outcome: {
        status: "infeasible",
        objective: 0,
        value: 0,
        cost: 0,
        roi: null,
        gap: Number.POSITIVE_INFINITY,
        choice: [],
        binding: [],
        conflict: [
          { kind: "budget", budget: 1_000 },
          { kind: "oneOption", communicationId: "comm-save-call", lock: "in" },
        ],
        seconds: 0.1,
      },
    };
    app.store.setState(optimiserState({ run }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No plan keeps to these settings");
    expect(alert).toHaveTextContent("Save call with usage health review");
    expect(alert).toHaveTextContent(/budget/);
  });

  it("compares the scenario it wrote with the plan, or shows it, from the store", async () => {
    const app = await openOptimised();
    app.store.setState(optimiserState({ writtenScenarioId: OPTIMISED_SCENARIO_ID }));
    await userEvent.click(await screen.findByRole("button", { name: "Compare with Plan" }));
    expect(app.store.getState().view).toBe("compare");
    expect(app.store.getState().comparedScenarioIds).toEqual([BASE_SCENARIO_ID, OPTIMISED_SCENARIO_ID]);

    await userEvent.click(screen.getByRole("button", { name: "Show this scenario" }));
    expect(app.store.getState().activeScenarioId).toBe(OPTIMISED_SCENARIO_ID);
    expect(app.store.getState().view).toBe("canvas");
  });

  it("shows the run's progress as the store has it", async () => {
    const app = await openOptimised();
    app.store.setState(
      optimiserState({
        status: "running",
        progress: { stage: "frontier", step: 4, steps: 10, best: 1_000, bound: 1_100, gap: 0.1, seconds: 3 },
      }),
    );
    expect(await screen.findByText("Tracing the efficient frontier: budget 4 of 10")).toBeVisible();
  });
});
