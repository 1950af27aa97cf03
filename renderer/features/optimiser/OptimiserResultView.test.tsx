import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { OPTIMISED_SCENARIO_ID, optimisedRoadmap } from "../../../shared/export/testing/optimisedRoadmap";
import { removeScenario } from "../../../shared/model";
import type { SolveProgress } from "../../../shared/optimise/types";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { formatPercent } from "../../ui/format";
import { moneyFormat } from "../../ui/money";
import { type OptimiserResultState, OptimiserResultView } from "./OptimiserResultView";

const money = moneyFormat("EUR", true);

function renderView(state: OptimiserResultState, { showCosts = true, roadmap = optimisedRoadmap() } = {}) {
  const app = createTestApp();
  app.store.getState().setPreference("showCosts", showCosts);
  const onShowScenario = vi.fn();
  const onCompare = vi.fn();
  render(
    <AppStoreProvider store={app.store}>
      <OptimiserResultView state={state} roadmap={roadmap} onShowScenario={onShowScenario} onCompare={onCompare} />
    </AppStoreProvider>,
  );
  return { onShowScenario, onCompare };
}

const FRONTIER_STEP: SolveProgress = {
  stage: "frontier",
  step: 3,
  steps: 10,
  best: 412_000,
  bound: 420_000,
  gap: 0.019,
  seconds: 12.4,
};

describe("the optimiser's result panel", () => {
  const detail = () => screen.getByRole("region", { name: "How the run is going" });
  const figure = (term: string) => within(detail()).getByText(term).nextElementSibling?.textContent;

  it("while running, shows the stage, the frontier's budget, the best value so far, the gap and the time taken", () => {
    renderView({ kind: "running", progress: FRONTIER_STEP, objective: "net" });
    expect(figure("Stage")).toBe("Tracing the efficient frontier: budget 3 of 10");
    expect(figure("Best net value so far")).toBe(money(412_000));
    expect(figure("Gap")).toBe(`within ${formatPercent(0.019)} of the best possible`);
    expect(figure("Elapsed")).toBe("12 s");
  });

  it("before the solver reports, says it is building the model and knows no gap yet", () => {
    renderView({ kind: "running", progress: null, objective: "value" });
    expect(figure("Stage")).toBe("Building the model from the plan");
    expect(figure("Gap")).toBe("not known yet");
  });

  it("keeps the best value so far to itself while costs are hidden", () => {
    renderView(
      { kind: "running", progress: { ...FRONTIER_STEP, stage: "solving" }, objective: "value" },
      { showCosts: false },
    );
    expect(figure("Stage")).toBe("Searching for the best plan");
    expect(within(detail()).queryByText("Best value so far")).toBeNull();
    expect(detail()).not.toHaveTextContent(money(412_000));
    expect(figure("Gap")).toBe(`within ${formatPercent(0.019)} of the best possible`);
  });

  it("puts the conflict of infeasible settings in words, as an alert", () => {
    const conflict =
      "The communications locked in cost €410,000, more than the budget of €300,000: raise the budget or unlock one of them.";
    renderView({ kind: "infeasible", conflict });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("No plan keeps to these settings");
    expect(alert).toHaveTextContent(conflict);
    expect(alert).not.toHaveTextContent(/infeasible/i);
  });

  it("says why the optimiser could not run", () => {
    renderView({ kind: "failed", error: "the optimiser's WebAssembly could not be loaded" });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The optimiser could not run: the optimiser's WebAssembly could not be loaded",
    );
  });

  it("names the scenario it wrote, compares it with the plan or shows it, and summarises how it was found", async () => {
    const { onShowScenario, onCompare } = renderView({ kind: "written", scenarioId: OPTIMISED_SCENARIO_ID });
    expect(screen.getByText(/^Written as scenario “Optimised, budget .+”$/)).toBeVisible();
    await userEvent.click(screen.getByRole("button", { name: "Compare with Plan" }));
    expect(onCompare).toHaveBeenCalledWith(["base", OPTIMISED_SCENARIO_ID]);
    await userEvent.click(screen.getByRole("button", { name: "Show this scenario" }));
    expect(onShowScenario).toHaveBeenCalledWith(OPTIMISED_SCENARIO_ID);
    expect(screen.getByRole("region", { name: "What changed, and why" })).toHaveTextContent(
      "Customer conference invitation",
    );
  });

  it("says so when the scenario it wrote has since been undone or deleted", () => {
    const roadmap = optimisedRoadmap();
    const removed = removeScenario(roadmap, OPTIMISED_SCENARIO_ID);
    if (!removed.ok) throw new Error(removed.error);
    renderView({ kind: "written", scenarioId: OPTIMISED_SCENARIO_ID }, { roadmap: removed.value });
    expect(screen.getByText("The optimised scenario is no longer in this roadmap (undone or deleted).")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Show this scenario" })).toBeNull();
  });
});
