import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  OPTIMISED_REASONS,
  OPTIMISED_SCENARIO_NAME,
  optimisedRoadmap,
} from "../../../shared/export/testing/optimisedRoadmap";
import type { FrontierPoint, OptimisationRecord, Roadmap } from "../../../shared/model";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { formatPercent } from "../../ui/format";
import { moneyFormat } from "../../ui/money";
import { OptimisationSummary } from "./OptimisationSummary";

const money = moneyFormat("EUR", true);

/** Ten budgets of 100 to 1,000 whose best value is twice the budget, capped at 1,400. */
const FRONTIER: FrontierPoint[] = Array.from({ length: 10 }, (_, i) => {
  const budget = 100 * (i + 1);
  const value = Math.min(2 * budget, 1_400);
  return { budget, cost: budget, value, net: value - budget, feasible: true };
});

function recordOf(roadmap: Roadmap): OptimisationRecord {
  const record = roadmap.scenarios[0]?.optimisation;
  if (!record) throw new Error("the fixture has an optimised scenario");
  return record;
}

/** The report's optimised B2B fixture, with its record changed as the test says. */
function optimisedB2bRoadmap(changes: Partial<OptimisationRecord> = {}): Roadmap {
  const roadmap = optimisedRoadmap();
  return {
    ...roadmap,
    scenarios: roadmap.scenarios.map((scenario) =>
      scenario.optimisation ? { ...scenario, optimisation: { ...scenario.optimisation, ...changes } } : scenario,
    ),
  };
}

function renderSummary(record: Partial<OptimisationRecord> = {}, showCosts = true) {
  const roadmap = optimisedB2bRoadmap(record);
  const app = createTestApp();
  app.store.getState().setPreference("showCosts", showCosts);
  render(
    <AppStoreProvider store={app.store}>
      <OptimisationSummary record={recordOf(roadmap)} roadmap={roadmap} />
    </AppStoreProvider>,
  );
  return recordOf(roadmap);
}

const section = (name: string) => screen.getByRole("region", { name });

describe("an optimised scenario's summary", () => {
  it.each([
    [{ status: "optimal", gap: 0 }, "Proven best."],
    [{ status: "optimal", gap: 0.004 }, "Best within the gap asked for: at most 0.4% below the best possible."],
    [
      { status: "timeLimit", gap: 0.032 },
      "Stopped at the time limit of 10 seconds: at most 3.2% below the best possible.",
    ],
    [
      { status: "stopped", gap: 0.15 },
      "Stopped by the user, keeping the best plan found so far: at most 15% below the best possible.",
    ],
  ] as const)("says how the run ended: %o", (record, words) => {
    renderSummary(record);
    expect(screen.getByText(words)).toBeVisible();
  });

  it("sets the optimised plan's value, cost, net and ROI against the plan's, with the differences", () => {
    renderSummary({ planValue: 1_000, planCost: 500, value: 1_200, cost: 400 });
    const table = screen.getByRole("table", { name: "Optimised against the plan" });
    const row = (name: string) =>
      within(within(table).getByRole("rowheader", { name }).closest("tr") as HTMLElement)
        .getAllByRole("cell")
        .map((cell) => cell.textContent);
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["", "Plan", OPTIMISED_SCENARIO_NAME, "Difference"]);
    expect(row("Expected value")).toEqual([money(1_000), money(1_200), `+${money(200)} (+${formatPercent(0.2)})`]);
    expect(row("Cost")).toEqual([money(500), money(400), `${money(-100)} (${formatPercent(-0.2)})`]);
    expect(row("Net value")).toEqual([money(500), money(800), `+${money(300)} (+${formatPercent(0.6)})`]);
    expect(row("ROI").slice(0, 2)).toEqual([formatPercent(1), formatPercent(2)]);
  });

  it("groups what changed, each communication with its reason, and counts what was kept", () => {
    renderSummary();
    const changes = section("What changed, and why");
    const dropped = within(changes).getByRole("region", { name: "Dropped" });
    expect(within(dropped).getByRole("heading")).toHaveTextContent("Dropped (3)");
    expect(dropped).toHaveTextContent("Customer conference invitation");
    expect(dropped).toHaveTextContent(`Why: ${OPTIMISED_REASONS["comm-customer-conference"]}`);
    const lessOften = within(changes).getByRole("region", { name: "Sent less often" });
    expect(lessOften).toHaveTextContent("Monthly customer newsletter every month → every 2 months");
    expect(lessOften).toHaveTextContent(`Why: ${OPTIMISED_REASONS["comm-customer-newsletter"]}`);
    expect(lessOften).toHaveTextContent("Reseller seat-expansion call every 3 months → every 6 months");
    expect(within(changes).getByRole("region", { name: "Made more personal" })).toHaveTextContent(
      "Win-back offer: three months at half price By segment → One-to-one",
    );
    expect(within(changes).queryByRole("region", { name: "Sent more often" })).toBeNull();
    expect(within(changes).queryByRole("region", { name: "Made less personal" })).toBeNull();
    expect(changes).toHaveTextContent(/Kept as is: \d+ communications\./);
  });

  it("names the constraints that bind in words", () => {
    renderSummary({ binding: ["the budget of €300,000", "Marketing's budget of €80,000"] });
    const items = within(section("What held it back")).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual(["The budget of €300,000", "Marketing's budget of €80,000"]);
  });

  it("puts the settings in words: the goal, the budget, the caps and the locks", () => {
    renderSummary();
    const settings = section("What it was asked");
    const setting = (term: string) => within(settings).getByText(term, { selector: "dt" }).nextElementSibling;
    expect(setting("Optimised from")).toHaveTextContent("Plan");
    expect(setting("Objective")).toHaveTextContent("the most expected value within the budget");
    expect(setting("Budget by owner")).toHaveTextContent(`Reseller partners: ${money(150_000)}`);
    expect(setting("Locks")).toHaveTextContent("2 locked in, 0 locked out");
    expect(setting("Contact caps")).toHaveTextContent("respected: 4 contacts a month per customer");
  });

  it("hides every money figure while costs are hidden, and still says what changed and why", () => {
    renderSummary({}, false);
    expect(screen.queryByRole("table", { name: "Optimised against the plan" })).toBeNull();
    expect(screen.queryByRole("img", { name: /Efficient frontier/ })).toBeNull();
    expect(within(section("Figures")).getByText("Costs are hidden")).toBeVisible();
    expect(within(section("Efficient frontier")).getByText("Costs are hidden")).toBeVisible();
    expect(screen.queryByText(/€/)).toBeNull();
    expect(section("What changed, and why")).toHaveTextContent(OPTIMISED_REASONS["comm-customer-newsletter"] ?? "");
  });
});

describe("the efficient frontier", () => {
  const escaped = (text: string) => text.replace(/[$.()]/g, "\\$&");

  it("marks a plan the optimiser placed on the frontier as such", () => {
    renderSummary({
      frontier: FRONTIER,
      planCost: 500,
      planValue: 1_000,
      planOnFrontier: { net: 500, onFrontier: true, shortfall: 0 },
      settings: frontierSettings("value"),
    });
    expect(screen.getByRole("img", { name: /Plan: on the frontier\.$/ })).toBeVisible();
    expect(screen.getByText("Plan: on the frontier", { selector: ".chart-legend-item" })).toBeVisible();
  });

  it("marks a plan below the frontier by how much more the best plan within its cost gets", () => {
    renderSummary({
      frontier: FRONTIER,
      planCost: 550,
      planValue: 700,
      planOnFrontier: { net: 100, onFrontier: false, shortfall: 300 },
      settings: frontierSettings("value"),
    });
    const marker = `Plan: ${money(300)} below the frontier at its cost`;
    expect(
      screen.getByRole("img", { name: new RegExp(`best expected value at 10 budgets\\. ${escaped(marker)}\\.$`) }),
    ).toBeVisible();
    expect(screen.getByText(marker, { selector: ".chart-legend-item" })).toBeVisible();
  });

  it("says a plan no better plan beats is off the frontier when it breaks what the frontier keeps to", () => {
    renderSummary({
      frontier: FRONTIER,
      planCost: 500,
      planValue: 1_000,
      planOnFrontier: { net: 500, onFrontier: false, shortfall: 0 },
      settings: frontierSettings("value"),
    });
    expect(
      screen.getByText("Plan: off the frontier, as it breaks a cap or budget the frontier keeps to", {
        selector: ".chart-legend-item",
      }),
    ).toBeVisible();
  });

  it("draws net values for the net objective", () => {
    renderSummary({
      frontier: FRONTIER,
      planCost: 500,
      planValue: 1_000,
      planOnFrontier: { net: 300, onFrontier: false, shortfall: 200 },
      settings: frontierSettings("net"),
    });
    expect(screen.getByRole("img", { name: /^Efficient frontier: best net value/ })).toBeVisible();
  });

  it("marks the plan without a verdict when the record does not say where it stands", () => {
    renderSummary({ frontier: FRONTIER, planOnFrontier: undefined, settings: frontierSettings("net") });
    expect(
      screen.getByRole("img", { name: /^Efficient frontier: best expected value at 10 budgets\. Plan\.$/ }),
    ).toBeVisible();
  });

  it("has the chart's figures as a table, a row a budget, and says where no plan keeps to the budget", () => {
    const frontier = FRONTIER.map((point, i) => (i === 0 ? { ...point, feasible: false } : point));
    renderSummary({
      frontier,
      planCost: 500,
      planValue: 1_000,
      planOnFrontier: { net: 500, onFrontier: true, shortfall: 0 },
      settings: frontierSettings("value"),
    });
    const chart = screen.getByRole("img", { name: /Efficient frontier/ });
    const table = screen.getByRole("table", { name: "Efficient frontier (chart figures)" });
    expect(chart).toHaveAttribute("aria-describedby", table.id);
    const rows = within(table).getAllByRole("row");
    expect(rows.slice(1, 11).map((row) => within(row).getByRole("rowheader").textContent)).toEqual(
      FRONTIER.map((point) => money(point.budget)),
    );
    expect(rows[1]).toHaveTextContent("No plan keeps to this budget");
    expect(
      within(rows[2] as HTMLElement)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual([money(200), money(400), money(200)]);
    expect(rows.at(-1)).toHaveTextContent("Plan: on the frontier");
  });

  it("says what one more unit of budget and of contacts is worth, and how each was measured", () => {
    renderSummary({
      marginalBudget: { perUnit: 0.42, method: "dual" },
      marginalContact: { perUnit: 3_100, method: "slope" },
    });
    const marginal = screen.getAllByRole("listitem").map((item) => item.textContent);
    expect(marginal).toContain(
      `One more unit of budget: ${money(0.42, { precise: true })} more expected value for each ${money(1, { precise: true })} more (LP dual).`,
    );
    expect(marginal).toContain(
      `One more allowed contact a month: ${money(3_100)} more expected value (slope between solves).`,
    );
  });
});

function frontierSettings(objective: "net" | "value"): OptimisationRecord["settings"] {
  return { ...recordOf(optimisedB2bRoadmap()).settings, objective, budget: 500 };
}
