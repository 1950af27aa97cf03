import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../../shared/engine/scenarioComparison";
import {
  OPTIMISED_REASONS,
  OPTIMISED_SCENARIO_NAME,
  optimisedRoadmap,
} from "../../../shared/export/testing/optimisedRoadmap";
import type { Roadmap } from "../../../shared/model";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { CompareView } from "./CompareView";
import type { CompareScenarios } from "./useScenarioComparison";

const compare: CompareScenarios = (roadmap, scenarioIds) => Promise.resolve(compareScenarios(roadmap, scenarioIds));

function renderView(roadmap: Roadmap, showCosts = true) {
  const app = createTestApp();
  app.store.getState().setPreference("showCosts", showCosts);
  render(
    <AppStoreProvider store={app.store}>
      <CompareView roadmap={roadmap} compare={compare} />
    </AppStoreProvider>,
  );
}

/** A row as the user reads it on screen: without the words only a screen reader hears. */
function visibleText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll(".visually-hidden")) hidden.remove();
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

async function differenceRows() {
  const list = await screen.findByRole("region", { name: `${OPTIMISED_SCENARIO_NAME} against Plan` });
  return within(within(list).getByRole("region", { name: /^Communications/ }))
    .getAllByRole("listitem")
    .map(visibleText);
}

describe("the Compare view of an optimised scenario", () => {
  it("says how the optimiser made it and why each communication differs", async () => {
    renderView(optimisedRoadmap());
    const made = await screen.findByRole("region", { name: `How ${OPTIMISED_SCENARIO_NAME} was made` });
    expect(made).toHaveTextContent("Optimised from “Plan”");
    expect(made).toHaveTextContent("Stopped at the time limit of 10 seconds: at most 0.42% below the best possible.");
    expect(made).toHaveTextContent(/Frontier\s*10 budgets from .+ to .+; “Plan” is below it/);
    const rows = await differenceRows();
    const newsletter = rows.filter((row) => row.includes("Monthly customer newsletter"));
    expect(newsletter[0]).toContain(`Why: ${OPTIMISED_REASONS["comm-customer-newsletter"]}`);
    const conference = rows.find((row) => row.startsWith("Removed · Customer conference invitation"));
    expect(conference).toContain(`Why: ${OPTIMISED_REASONS["comm-customer-conference"]}`);
  });

  it("keeps money out of the reasons and the frontier while costs are hidden", async () => {
    renderView(optimisedRoadmap(), false);
    const made = await screen.findByRole("region", { name: `How ${OPTIMISED_SCENARIO_NAME} was made` });
    expect(made.textContent?.replaceAll(OPTIMISED_SCENARIO_NAME, "")).not.toMatch(/€/);
    expect(made).toHaveTextContent("10 budgets, costs hidden");
    const rows = await differenceRows();
    expect(rows.find((row) => row.startsWith("Removed · Customer conference invitation"))).toContain(
      "Why: costs hidden",
    );
    expect(rows.join("\n")).not.toMatch(/€/);
  });

  it("gives no reasons between scenarios the optimiser did not make one from the other", async () => {
    const roadmap = optimisedRoadmap();
    const [scenario] = roadmap.scenarios;
    renderView({ ...roadmap, scenarios: scenario ? [{ ...scenario, optimisation: null }] : [] });
    const rows = await differenceRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.join("\n")).not.toContain("Why:");
    expect(screen.queryByRole("heading", { name: /How the optimiser made/ })).toBeNull();
  });
});
