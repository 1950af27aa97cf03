import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../../shared/engine";
import { defaultReportOptions } from "../../../shared/export/reportOptions";
import {
  OPTIMISED_REASONS,
  OPTIMISED_SCENARIO_ID,
  OPTIMISED_SCENARIO_NAME,
  optimisedRoadmap,
} from "../../../shared/export/testing/optimisedRoadmap";
import { type Roadmap, scenarioAsBase } from "../../../shared/model";
import { ExecutiveReport } from "./ExecutiveReport";
import { REPORT_OPTIMISATION_CHANGES } from "./OptimisationSection";

function renderReport(roadmap: Roadmap, includeCosts = true) {
  render(
    <ExecutiveReport
      roadmap={roadmap}
      plan={planRoadmap(roadmap)}
      options={{ ...defaultReportOptions(), includeCosts, sections: ["summary", "optimisation"] }}
      generatedAt={new Date("2027-04-01T09:00:00Z")}
    />,
  );
  return screen.getByRole("article");
}

const rowText = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .map((row) => (row.textContent ?? "").trim());

function optimisationPages(report: HTMLElement): HTMLElement {
  const first = report.querySelector(".report-optimisation") as HTMLElement;
  const second = report.querySelector(".report-optimisation-detail") as HTMLElement;
  const both = document.createElement("div");
  both.append(first.cloneNode(true), second.cloneNode(true));
  return both;
}

describe("the report's optimisation pages", () => {
  it("print the settings, the figures against the plan, the frontier, and each change with its reason", () => {
    const report = renderReport(optimisedRoadmap());
    expect(within(report).getByRole("heading", { name: "Optimisation" })).toBeInTheDocument();
    expect(within(report).getByText(/The optimiser made “Optimised, budget €292K” from “Plan”/)).toBeInTheDocument();
    expect(
      within(report).getByText(/Stopped at the time limit of 10 seconds: at most 0\.42% below/),
    ).toBeInTheDocument();
    const settings = rowText(within(report).getByRole("table", { name: "Optimiser settings" }));
    expect(settings).toContain("Budget by ownerReseller partners: €150,000");
    expect(settings).toContain("Locks2 locked in, 0 locked out");
    const figures = within(report).getByRole("table", { name: "Optimised against the plan" });
    expect(
      within(figures)
        .getAllByRole("rowheader")
        .map((th) => th.textContent),
    ).toEqual(["Expected value", "Cost", "Net value", "ROI"]);
    expect(within(report).getByRole("img", { name: /^Efficient frontier: the best value at 10 budgets/ })).toBeTruthy();
    expect(within(report).getByText(/“Plan” is below the frontier/)).toBeInTheDocument();
    expect(within(report).getByRole("table", { name: "Frontier" }).querySelectorAll("th.is-chosen")).toHaveLength(1);
    expect(
      within(report).getByText(/^◆ the budget “Optimised, budget €292K” was made with\. “Plan” costs €/),
    ).toBeTruthy();
    const changes = within(report).getByRole("table", { name: "Changes" });
    const newsletter = within(changes).getByRole("rowheader", { name: "Monthly customer newsletter" }).closest("tr");
    expect(newsletter?.textContent).toContain("every month → every 2 months");
    expect(newsletter?.textContent).toContain(OPTIMISED_REASONS["comm-customer-newsletter"]);
    const marginals = rowText(within(report).getByRole("table", { name: "Marginal values" }));
    expect(marginals[1]).toMatch(/One more unit of budget€1\.42 more expected value for each €1\.00 more.*slope/);
    expect(marginals[2]).toMatch(/LP dual$/);
    expect(within(report).getByText(/^Reseller partners's budget of €150,000$/)).toBeInTheDocument();
  });

  it("is about the shown scenario, which the export makes the base", () => {
    const exported = scenarioAsBase(optimisedRoadmap(), OPTIMISED_SCENARIO_ID);
    const report = renderReport(exported);
    expect(
      within(report).getByText(new RegExp(`The optimiser made “${OPTIMISED_SCENARIO_NAME}” from “Plan”`)),
    ).toBeInTheDocument();
    expect(within(within(report).getByRole("table", { name: "Changes" })).getAllByRole("row")).toHaveLength(
      1 + Object.keys(OPTIMISED_REASONS).length,
    );
  });

  it("hides every amount without costs, and draws the frontier in shares of the plan", () => {
    const report = renderReport(optimisedRoadmap(), false);
    const pages = optimisationPages(report);
    // The scenario's name is the user's to choose (the optimiser names it after its budget): everything else hides money.
    expect(pages.textContent?.replaceAll(OPTIMISED_SCENARIO_NAME, "")).not.toMatch(/€|EUR/);
    expect(within(report).queryByRole("table", { name: "Optimised against the plan" })).toBeNull();
    expect(within(report).getByText(/drawn in shares of “Plan”'s cost and value/)).toBeInTheDocument();
    const conference = within(within(report).getByRole("table", { name: "Changes" }))
      .getByRole("rowheader", { name: "Customer conference invitation" })
      .closest("tr");
    expect(conference?.textContent).toContain("costs hidden");
  });

  it("lists at most its share of changes and says where the rest are", () => {
    const roadmap = optimisedRoadmap();
    const [scenario] = roadmap.scenarios;
    if (!scenario?.optimisation) throw new Error("the fixture has an optimised scenario");
    const communications = [
      ...roadmap.communications,
      ...Array.from({ length: REPORT_OPTIMISATION_CHANGES }, (_, i) => ({
        ...(roadmap.communications[0] as Roadmap["communications"][number]),
        id: `comm-extra-${i}`,
        name: `Extra ${i}`,
      })),
    ];
    const dropped = communications.filter((c) => c.status !== "retired").map((c) => c.id);
    const everything: Roadmap = {
      ...roadmap,
      communications,
      scenarios: [{ ...scenario, excludedCommunicationIds: dropped }],
    };
    const report = renderReport(everything);
    const listed = within(within(report).getByRole("table", { name: "Changes" })).getAllByRole("row").length - 1;
    expect(listed).toBe(REPORT_OPTIMISATION_CHANGES);
    const total = dropped.length;
    expect(
      within(report).getByText(
        `And ${total - REPORT_OPTIMISATION_CHANGES} more: the app's Compare tab lists them all.`,
      ),
    ).toBeInTheDocument();
  });
});
