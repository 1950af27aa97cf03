import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { scriptedOptimiser, withoutFirst } from "../../test/scriptedOptimiser";
import { createScenario } from "../scenarios/scenarioActions";
import { OptimiserTab } from "./OptimiserTab";

async function renderTab() {
  const optimiser = scriptedOptimiser((request) => withoutFirst(request));
  const app = createTestApp(undefined, { optimiser: optimiser.service });
  const id = await app.store
    .getState()
    .createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  render(
    <AppStoreProvider store={app.store}>
      <OptimiserTab />
    </AppStoreProvider>,
  );
  return { ...app, optimiser, user: userEvent.setup() };
}

describe("the Optimise tab", () => {
  it("names the scenario it optimises on its button", async () => {
    const { store } = await renderTab();
    expect(screen.getByRole("button", { name: "Optimise Plan" })).toBeEnabled();
    act(() => void createScenario(store.getState(), "To-be", false));
    expect(screen.getByRole("button", { name: "Optimise To-be" })).toBeEnabled();
  });

  it("shows the run's progress with its gap and time, and stops it on Esc", async () => {
    const { optimiser, user } = await renderTab();
    const frontier = screen.getByRole("checkbox", { name: "Also compute the efficient frontier (10 budgets)" });
    expect(frontier).toBeChecked();
    await user.click(frontier);
    await user.click(screen.getByRole("button", { name: "Optimise Plan" }));

    expect(screen.getByRole("button", { name: "Optimise Plan" })).toBeDisabled();
    expect(screen.getByRole("status")).toHaveTextContent("Preparing the programme…");
    act(() =>
      optimiser.report({ stage: "solving", step: 0, steps: 1, best: 10, bound: 12, gap: 0.125, seconds: 2.54 }),
    );
    expect(screen.getByRole("status")).toHaveTextContent(/Solving · gap 12\.5% · 2\.5 s/);
    act(() => optimiser.report({ stage: "frontier", step: 3, steps: 11, best: 10, bound: 10, gap: 0, seconds: 7 }));
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent(/Frontier point 3 of 11/);
    expect(within(status).getByRole("progressbar", { name: "Optimiser progress" })).toHaveAttribute("value", "3");

    fireEvent.keyDown(screen.getByRole("button", { name: "Stop" }), { key: "Escape" });
    expect(optimiser.cancelled).toEqual([1]);
    expect(optimiser.requests[0]?.withFrontier).toBe(false);
    act(() => optimiser.finish());
    await waitFor(() => expect(screen.getByRole("button", { name: "Optimise Plan" })).toBeEnabled());
    expect(screen.queryByRole("button", { name: "Stop" })).toBeNull();
  });
});
