import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { MIN_PRINTED_TEXT_PT } from "../shared/export/diagramPages";
import { MAX_SUMMARY_PAGES } from "../shared/export/reportLayout";
import { serializeRoadmap } from "../shared/model";
import { surveyedB2bRoadmap } from "../shared/survey/testing/insightFixtures";
import { importRoadmapText, openTemplate, phaseNode, setUpAppInBrowser } from "./harness";
import { textSizesByPage } from "./pdfTextSizes";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-rsi-report-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const RSI_SECTION = "Relationship strength (survey)";

async function openExportDialog(page: Page) {
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Export “/ });
  await dialog.getByRole("radio", { name: /Executive report/ }).check();
  return dialog;
}

describe("the report's relationship strength pages", () => {
  it("print the survey's RSI grid and curve on one page, then what the answers say about the plan", async () => {
    const page = await app.open();
    const roadmap = { ...surveyedB2bRoadmap(), name: "Surveyed subscriptions" };
    await importRoadmapText(page, "surveyed.roadmap", serializeRoadmap(roadmap));
    await page.getByRole("button", { name: roadmap.name, exact: true }).click();
    await phaseNode(page, "Trial").waitFor();
    await page.evaluate(() => {
      window.print = () => {};
    });

    const dialog = await openExportDialog(page);
    expect(await dialog.getByRole("checkbox", { name: RSI_SECTION }).isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "Export", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.locator(".report-print-root .report-rsi-insights").waitFor({ state: "attached" });
    const pdfFile = path.join(folder, "rsi-report.pdf");
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(pdfFile, pdf);
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));

    const pages = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).split("\f");
    const count = pages.filter((text) => text.trim() !== "").length;
    expect(count).toBeLessThanOrEqual(MAX_SUMMARY_PAGES);
    const gridPage = pages.findIndex((text) => text.trimStart().startsWith("Relationship strength"));
    expect(gridPage, "the report has the RSI page").toBeGreaterThan(0);
    const grid = pages[gridPage] as string;
    expect(grid).toContain("The RSI along the lifecycle");
    expect(grid).toMatch(/Advocate\s+35 35–35 · n 6/);
    expect(grid).toContain("Small business (cost to serve)");

    const insights = (pages[gridPage + 1] as string).replace(/\s+/g, " ");
    expect(insights).toContain("What the survey says about the plan");
    expect(insights).toContain(
      "From Multi-product to Advocate the RSI falls 35 points (70 → 35); weakest there: Relevance of communications (10).",
    );
    expect(insights).toMatch(/Likelihood to recommend \(0–10\) 2\.5 8\.2/);
    expect(insights).toMatch(/Small business \(cost to serve\) wants ≤ 1 a month; the plan sends \d+ in /);

    // Legible on paper: nothing on either page smaller than the diagram's smallest type.
    const sizes = textSizesByPage(pdf);
    for (const p of [gridPage, gridPage + 1]) {
      expect(Math.min(...(sizes[p] ?? []))).toBeGreaterThanOrEqual(MIN_PRINTED_TEXT_PT - 0.05);
    }
  }, 300_000);

  it("is not offered for a roadmap without survey answers", async () => {
    const page = await app.open();
    await openTemplate(page);
    const dialog = await openExportDialog(page);
    await dialog.getByRole("checkbox", { name: "Contact-pressure heatmap" }).waitFor();
    expect(await dialog.getByRole("checkbox", { name: RSI_SECTION }).count()).toBe(0);
  });
});
