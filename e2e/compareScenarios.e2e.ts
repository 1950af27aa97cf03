import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { compareScenarios } from "../shared/engine/scenarioComparison";
import { MIN_PRINTED_TEXT_PT } from "../shared/export/diagramPages";
import { MAX_SUMMARY_PAGES } from "../shared/export/reportLayout";
import { defaultComparedScenarios } from "../shared/export/scenarioComparisonRows";
import { asIsAndToBeRoadmap } from "../shared/export/testing/scenarioRoadmaps";
import { serializeRoadmap } from "../shared/model";
import { importRoadmapText, phaseNode, printExecutiveReport, setUpAppInBrowser } from "./harness";
import { textSizesByPage } from "./pdfTextSizes";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-compare-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Money as the app writes it in the browser's own locale: whole units, the currency's symbol. */
function moneyInBrowser(page: Page, value: number, currency: string): Promise<string> {
  return page.evaluate(
    ([amount, code]) =>
      new Intl.NumberFormat(undefined, {
        style: "currency",
        currency: code,
        maximumFractionDigits: 0,
        minimumFractionDigits: 0,
      }).format(amount),
    [value, currency] as const,
  );
}

describe("comparing scenarios", () => {
  it("shows As-is, To-be and Lean side by side with the engine's figures, and prints them in the report", async () => {
    const page = await app.open();
    const roadmap = { ...asIsAndToBeRoadmap(), name: "As-is against To-be" };
    const expected = compareScenarios(roadmap, defaultComparedScenarios(roadmap));
    await importRoadmapText(page, "scenarios.roadmap", serializeRoadmap(roadmap));
    await page.getByRole("button", { name: roadmap.name, exact: true }).click();
    await phaseNode(page, "Trial").waitFor();

    await page.getByRole("tab", { name: "Compare" }).click();
    const totals = page.getByRole("table", { name: "Totals" });
    await totals.waitFor();
    await page.getByRole("status").filter({ hasText: "Comparing scenarios" }).waitFor({ state: "detached" });
    expect(await totals.getByRole("columnheader").allTextContents()).toEqual(["", "To-be", "As-is", "Lean"]);
    for (const [row, key] of [
      ["Budget", "budget"],
      ["Expected value", "value"],
      ["Customers kept", "customersKept"],
      ["Collisions", "collisions"],
    ] as const) {
      const cells = totals.getByRole("row", { name: new RegExp(`^${row}`) }).getByRole("cell");
      const shown = await cells.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))));
      expect(shown.map((value) => Math.round(value * 100))).toEqual(
        expected.scenarios.map((scenario) => Math.round(scenario.totals[key] * 100)),
      );
    }
    const asIsBudget = expected.scenarios[1]?.totals.budget ?? 0;
    await expect
      .poll(() =>
        totals
          .getByRole("row", { name: /^Budget/ })
          .getByRole("cell")
          .nth(1)
          .textContent(),
      )
      .toContain(await moneyInBrowser(page, asIsBudget, roadmap.currency));

    // The report: the section is offered for a roadmap with scenarios, and prints the same figures.
    const pdf = await printExecutiveReport(page, "Scenario comparison", ".report-scenarios-detail");
    const pdfFile = path.join(folder, "compare-report.pdf");
    writeFileSync(pdfFile, pdf);

    const pages = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).split("\f");
    expect(pages.filter((text) => text.trim() !== "").length).toBeLessThanOrEqual(MAX_SUMMARY_PAGES);
    const first = pages.findIndex((text) => text.trimStart().startsWith("Scenario comparison"));
    expect(first, "the report has the scenario comparison").toBeGreaterThan(0);
    const totalsPage = (pages[first] as string).replace(/\s+/g, " ");
    expect(totalsPage).toContain("“To-be” against “As-is” and “Lean”");
    expect(totalsPage).toMatch(/Budget by year/);
    for (const scenario of expected.scenarios) {
      expect(totalsPage).toContain(await moneyInBrowser(page, scenario.totals.budget, roadmap.currency));
    }
    const detail = (pages[first + 1] as string).replace(/\s+/g, " ");
    expect(detail).toContain("Scenarios by segment");
    expect(detail).toContain("Main differences");
    expect(detail).toContain("“As-is” against “To-be”");

    const sizes = textSizesByPage(pdf);
    for (const p of [first, first + 1]) {
      expect(Math.min(...(sizes[p] ?? []))).toBeGreaterThanOrEqual(MIN_PRINTED_TEXT_PT - 0.05);
    }
  }, 300_000);
});
