import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../../shared/engine";
import { defaultReportOptions } from "../../../shared/export/reportOptions";
import type { Roadmap } from "../../../shared/model";
import { alike, b2bRoadmap, surveyedB2bRoadmap, withWave } from "../../../shared/survey/testing/insightFixtures";
import { ExecutiveReport } from "./ExecutiveReport";

function renderReport(roadmap: Roadmap) {
  render(
    <ExecutiveReport
      roadmap={roadmap}
      plan={planRoadmap(roadmap)}
      options={{ ...defaultReportOptions(), sections: ["summary", "rsi"] }}
      generatedAt={new Date("2026-04-01T09:00:00Z")}
    />,
  );
  return screen.getByRole("article");
}

/** The survey of the fixtures, with two answers from Renewal due: too few for a figure. */
function surveyed(): Roadmap {
  const roadmap = surveyedB2bRoadmap();
  const [wave] = roadmap.survey.waves;
  const extra = withWave(
    b2bRoadmap(),
    alike(2, { phaseId: "phase-renewal-due", segmentId: "enterprise", strength: 0 }),
  );
  const respondents = [...(wave?.respondents ?? []), ...(extra.survey.waves[0]?.respondents ?? [])];
  return { ...roadmap, survey: { ...roadmap.survey, waves: wave ? [{ ...wave, respondents }] : [] } };
}

describe("the report's relationship strength pages", () => {
  it("grids the RSI of each phase and segment with its interval and n, and says where there are too few answers", () => {
    const report = renderReport(surveyed());
    expect(within(report).getByRole("heading", { name: "Relationship strength" })).toBeInTheDocument();
    const grid = within(report).getByRole("table", { name: "RSI by phase and segment" });
    const headers = within(grid)
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    expect(headers).toEqual([
      "Phase",
      "All segments",
      "Enterprise (value creators)",
      "Mid-market",
      "Small business (cost to serve)",
    ]);
    const rows = within(grid).getAllByRole("row").slice(1);
    // Lifecycle order, only phases someone answered in.
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([
      "Trial",
      "First 90 days",
      "Active single-product",
      "Multi-product",
      "Advocate",
      "Renewal due",
      "At risk",
      "Lapsed",
    ]);
    const advocate = within(rows[4] as HTMLElement).getAllByRole("cell");
    expect(advocate[0]).toHaveTextContent("35 35–35 · n 6");
    expect(advocate[1]).toHaveTextContent("35 35–35 · n 6");
    expect(advocate[2]).toHaveTextContent("no answers");
    expect(within(rows[5] as HTMLElement).getAllByRole("cell")[0]).toHaveTextContent("too few answers n 2");
  });

  it("draws the RSI along the lifecycle, a line per segment labelled at its end", () => {
    const report = renderReport(surveyedB2bRoadmap());
    const chart = within(report).getByRole("img", { name: /RSI of each phase along the lifecycle/ });
    const lines = [...chart.querySelectorAll("[data-line]")].map((line) => line.getAttribute("data-line"));
    expect(lines).toEqual([
      "All segments",
      "Enterprise (value creators)",
      "Mid-market",
      "Small business (cost to serve)",
    ]);
    for (const name of ["All segments", "Enterprise (value creators)", "Mid-market"]) {
      expect(within(chart as unknown as HTMLElement).getByText(name)).toBeInTheDocument();
    }
    // Each line its own dashes, so they part on a grey printer.
    const dashes = [...chart.querySelectorAll("[data-line]")].map((line) =>
      line.querySelector("path")?.getAttribute("stroke-dasharray"),
    );
    expect(new Set(dashes).size).toBe(dashes.length);
  });

  it("names the places to act, what defectors say and where the plan sends more than customers want", () => {
    const report = renderReport(surveyedB2bRoadmap());
    expect(within(report).getByRole("heading", { name: "What the survey says about the plan" })).toBeInTheDocument();
    expect(report).toHaveTextContent(
      "From Multi-product to Advocate the RSI falls 35 points (70 → 35); weakest there: Relevance of communications (10).",
    );
    // A fall named over all segments is not named again for the one segment it happens in.
    expect(report.textContent?.match(/From Multi-product to Advocate/g)).toHaveLength(1);
    expect(report).toHaveTextContent(
      "From First 90 days to Lapsed for Small business (cost to serve) the RSI falls 50 points",
    );
    const defectors = within(report).getByRole("table", { name: "What defectors say" });
    const row = (label: string) =>
      within(within(defectors).getByRole("rowheader", { name: label }).closest("tr") as HTMLElement)
        .getAllByRole("cell")
        .map((cell) => cell.textContent);
    expect(row("Respondents")).toEqual(["12", "30"]);
    expect(row("Likelihood to recommend (0–10)")).toEqual(["2.5", "8.2"]);
    expect(row("Detractors (0–6)")).toEqual(["100%", "0%"]);
    expect(row("Trust")).toEqual(["20", "66"]);
    expect(report).toHaveTextContent(/Small business \(cost to serve\) wants ≤ 1 a month; the plan sends \d+ in /);
  });

  it("is left out of a report whose roadmap has no survey answers", () => {
    const report = renderReport(b2bRoadmap());
    expect(within(report).queryByRole("heading", { name: "Relationship strength" })).toBeNull();
    expect(within(report).getByRole("heading", { name: "Summary" })).toBeInTheDocument();
  });
});
