import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { compareScenarios, type ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import { fakeScenarioFigures } from "../../../shared/export/testing/fakeScenarioFigures";
import {
  OPTIMISED_REASONS,
  OPTIMISED_SCENARIO_NAME,
  optimisedRoadmap,
} from "../../../shared/export/testing/optimisedRoadmap";
import { asIsAndToBeRoadmap } from "../../../shared/export/testing/scenarioRoadmaps";
import type { Roadmap } from "../../../shared/model";
import { createB2bSubscriptionRoadmap } from "../../../shared/model/templates/b2bSubscriptionSoftware";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { CompareView } from "./CompareView";
import type { CompareScenarios } from "./useScenarioComparison";

/** A comparison of whichever scenarios are asked for, with figures that differ by scenario. */
function figuresFor(roadmap: Roadmap, scenarioIds: readonly string[]): ScenarioComparison {
  const names = new Map([
    ["base", roadmap.baseScenario.name],
    ...roadmap.scenarios.map((s) => [s.id, s.name] as const),
  ]);
  const scenarios = scenarioIds.map((id, i) =>
    fakeScenarioFigures(id, names.get(id) ?? id, {
      totals: { budget: 100_000 - 20_000 * i, value: 250_000, roi: 1.5 + i, customersKept: 1_000 - 50 * i },
      byYear: [{ id: "2027", label: "2027", cost: 100_000 - 20_000 * i, value: 250_000 }],
      bySegment: [{ segmentId: "smb", name: "Small business", customersKept: 400 + i, worstContactsPerMonth: 3 + i }],
    }),
  );
  return {
    scenarios,
    differences: scenarioIds.slice(1).map((to) => ({
      from: scenarioIds[0] ?? "",
      to,
      changes: [
        {
          kind: "changed" as const,
          collection: "communications" as const,
          id: "c1",
          label: "Welcome email",
          field: "responseRate",
          before: 0.1,
          after: 0.12,
        },
      ],
    })),
  };
}

/** A compare function whose answers the test releases one by one, in any order. */
function heldCompare() {
  const asked: { scenarioIds: readonly string[]; answer: () => void }[] = [];
  const compare: CompareScenarios = (roadmap, scenarioIds) =>
    new Promise((resolve) => {
      asked.push({ scenarioIds, answer: () => resolve(figuresFor(roadmap, scenarioIds)) });
    });
  return { compare, asked };
}

function renderView(roadmap: Roadmap, compare: CompareScenarios, showCosts = true) {
  const app = createTestApp();
  app.store.getState().setPreference("showCosts", showCosts);
  render(
    <AppStoreProvider store={app.store}>
      <CompareView roadmap={roadmap} compare={compare} />
    </AppStoreProvider>,
  );
}

const cellsOf = (table: HTMLElement, row: string) =>
  within(within(table).getByRole("rowheader", { name: row }).closest("tr") as HTMLElement)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);

describe("the Compare view", () => {
  it("puts the base plan and the first two scenarios side by side, with each one's difference from the first", async () => {
    const { compare, asked } = heldCompare();
    renderView(asIsAndToBeRoadmap(), compare);
    expect(screen.getByRole("status")).toHaveTextContent("Comparing scenarios…");
    expect(asked.map((a) => a.scenarioIds)).toEqual([["base", "as-is", "lean"]]);
    await act(async () => asked[0]?.answer());

    const totals = screen.getByRole("table", { name: "Totals" });
    expect(
      within(totals)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["", "To-be", "As-is", "Lean"]);
    expect(cellsOf(totals, "Budget")).toEqual(["€100,000", "€80,000-€20,000 (-20%)", "€60,000-€40,000 (-40%)"]);
    expect(cellsOf(totals, "ROI")).toEqual(["150%", "250%+100 pts", "350%+200 pts"]);
    expect(cellsOf(totals, "Customers kept")).toEqual(["1,000", "950-50 (-5%)", "900-100 (-10%)"]);
    expect(cellsOf(totals, "Expected value")).toEqual(["€250,000", "€250,000same", "€250,000same"]);
    expect(screen.queryByRole("status")).not.toBeInTheDocument();

    const segment = screen.getByRole("table", { name: "Segment Small business" });
    expect(cellsOf(segment, "Most contacts a month")).toEqual(["3", "4+1 (+33.3%)", "5+2 (+66.7%)"]);
    expect(screen.getByRole("img", { name: /Budget by year: To-be, As-is, Lean/ })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "As-is against To-be" })).toHaveTextContent(
      "Changed · Welcome email · Response rate: 10 % → to 12 %",
    );
  });

  it("shows no money while costs are hidden: no budget, value or ROI, no budget breakdowns", async () => {
    const { compare, asked } = heldCompare();
    renderView(asIsAndToBeRoadmap(), compare, false);
    await act(async () => asked[0]?.answer());
    const totals = screen.getByRole("table", { name: "Totals" });
    expect(within(totals).queryByRole("rowheader", { name: "Budget" })).not.toBeInTheDocument();
    expect(within(totals).queryByRole("rowheader", { name: "ROI" })).not.toBeInTheDocument();
    expect(cellsOf(totals, "Customers kept")).toEqual(["1,000", "950-50 (-5%)", "900-100 (-10%)"]);
    expect(screen.queryByRole("table", { name: "Budget by owner" })).not.toBeInTheDocument();
    expect(screen.queryByText(/€/)).not.toBeInTheDocument();
    expect(screen.getByRole("img", { name: /Customers kept by segment/ })).toBeInTheDocument();
  });

  it("never shows an answer to an earlier choice of scenarios over the newest one", async () => {
    const { compare, asked } = heldCompare();
    const user = userEvent.setup();
    renderView(asIsAndToBeRoadmap(), compare);
    await user.selectOptions(screen.getByRole("combobox", { name: "Scenario 3" }), "");
    expect(asked.map((a) => a.scenarioIds)).toEqual([
      ["base", "as-is", "lean"],
      ["base", "as-is"],
    ]);
    // The newest answer first, then the stale one: the view keeps the newest.
    await act(async () => asked[1]?.answer());
    await act(async () => asked[0]?.answer());
    const totals = screen.getByRole("table", { name: "Totals" });
    expect(
      within(totals)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["", "To-be", "As-is"]);
  });

  it("says how to make a scenario when the roadmap has only its base plan", () => {
    const { compare, asked } = heldCompare();
    renderView(createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z")), compare);
    expect(screen.getByRole("heading", { name: "Nothing to compare yet" })).toBeInTheDocument();
    expect(screen.getByText(/New scenario/)).toBeInTheDocument();
    expect(asked).toHaveLength(0);
  });
});

const realCompare: CompareScenarios = (roadmap, scenarioIds) => Promise.resolve(compareScenarios(roadmap, scenarioIds));

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
    renderView(optimisedRoadmap(), realCompare);
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
    renderView(optimisedRoadmap(), realCompare, false);
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
    renderView({ ...roadmap, scenarios: scenario ? [{ ...scenario, optimisation: null }] : [] }, realCompare);
    const rows = await differenceRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.join("\n")).not.toContain("Why:");
    expect(screen.queryByRole("heading", { name: /How the optimiser made/ })).toBeNull();
  });
});
