import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../../shared/engine";
import { compareScenarios } from "../../../shared/engine/scenarioComparison";
import { reportLayout, SUMMARY_LIMITS } from "../../../shared/export/reportLayout";
import { defaultReportOptions } from "../../../shared/export/reportOptions";
import { asIsAndToBeRoadmap } from "../../../shared/export/testing/scenarioRoadmaps";
import { diffRoadmaps, type Roadmap, resolveScenario } from "../../../shared/model";
import { formatCount } from "../../ui/format";
import { moneyFormat } from "../../ui/money";
import { ExecutiveReport } from "./ExecutiveReport";
import { REPORT_DIFFERENCES, REPORT_SEGMENTS, ScenarioPages } from "./ScenarioSection";

function renderReport(roadmap: Roadmap, includeCosts = true) {
  render(
    <ExecutiveReport
      roadmap={roadmap}
      plan={planRoadmap(roadmap)}
      options={{ ...defaultReportOptions(), includeCosts, sections: ["summary", "scenarios"] }}
      generatedAt={new Date("2027-04-01T09:00:00Z")}
    />,
  );
  return screen.getByRole("article");
}

const firstFigures = (table: HTMLElement, row: string) =>
  within(within(table).getByRole("rowheader", { name: row }).closest("tr") as HTMLElement)
    .getAllByRole("cell")
    .map((cell) => cell.querySelector(".compare-value")?.textContent);

describe("the report's scenario comparison", () => {
  it("prints the base plan against the first two scenarios with the engine's totals and budget by year", () => {
    const roadmap = asIsAndToBeRoadmap();
    const expected = compareScenarios(roadmap, ["base", "as-is", "lean"]);
    const report = renderReport(roadmap);
    expect(within(report).getByRole("heading", { name: "Scenario comparison" })).toBeInTheDocument();
    const totals = within(report).getByRole("table", { name: "Scenario totals" });
    expect(
      within(totals)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["", "To-be", "As-is", "Lean"]);
    const money = moneyFormat(roadmap.currency, true);
    expect(firstFigures(totals, "Budget")).toEqual(expected.scenarios.map((s) => money(s.totals.budget)));
    expect(firstFigures(totals, "Customers kept")).toEqual(
      expected.scenarios.map((s) => formatCount(s.totals.customersKept)),
    );
    const years = within(report).getByRole("table", { name: "Budget by year" });
    expect(
      within(years)
        .getAllByRole("rowheader")
        .map((th) => th.textContent),
    ).toEqual(expected.scenarios[0]?.byYear.map((year) => year.label));
    expect(within(report).getByRole("img", { name: /^Budget by year: To-be, As-is, Lean/ })).toBeInTheDocument();
  });

  it("lists at most its share of segments and differences, and says where the rest are", () => {
    const roadmap = asIsAndToBeRoadmap();
    const many = {
      ...roadmap,
      segments: Array.from({ length: REPORT_SEGMENTS + 2 }, (_, i) => ({
        ...(roadmap.segments[0] as Roadmap["segments"][number]),
        id: `segment-${i}`,
        name: `Segment ${i + 1}`,
      })),
    };
    const compared = compareScenarios(many, ["base", "lean"]);
    // What Lean does differently from To-be: communications left out, costs and churn rates; more than the report lists.
    const changes = diffRoadmaps(resolveScenario(many, "base"), resolveScenario(many, "lean"));
    expect(changes.length).toBeGreaterThan(REPORT_DIFFERENCES);
    const options = { ...defaultReportOptions(), sections: ["scenarios" as const] };
    render(
      <ScenarioPages
        roadmap={many}
        options={options}
        layout={reportLayout(many, planRoadmap(many), options, SUMMARY_LIMITS)}
        comparison={{ ...compared, differences: [{ from: "base", to: "lean", changes }] }}
      />,
    );
    expect(screen.getAllByRole("table", { name: /^Segment / })).toHaveLength(REPORT_SEGMENTS);
    expect(screen.getByText(/shows every segment \(2 more\)/)).toBeInTheDocument();
    expect(screen.getByText(`: ${formatCount(changes.length)} differences.`, { exact: false })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(REPORT_DIFFERENCES);
    expect(
      screen.getByText(
        `And ${formatCount(changes.length - REPORT_DIFFERENCES)} more: the app's Compare view lists them all.`,
      ),
    ).toBeInTheDocument();
  });

  it("prints customers and collisions but no money when the report leaves costs out", () => {
    const report = renderReport(asIsAndToBeRoadmap(), false);
    const totals = within(report).getByRole("table", { name: "Scenario totals" });
    expect(within(totals).queryByRole("rowheader", { name: "Budget" })).not.toBeInTheDocument();
    expect(within(totals).getByRole("rowheader", { name: "Customers kept" })).toBeInTheDocument();
    expect(within(report).queryByRole("table", { name: "Budget by year" })).not.toBeInTheDocument();
    const section = report.querySelector(".report-scenarios") as HTMLElement;
    expect(section.textContent).not.toMatch(/€/);
  });
});
