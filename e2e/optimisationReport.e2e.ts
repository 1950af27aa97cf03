import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { MIN_PRINTED_TEXT_PT } from "../shared/export/diagramPages";
import { MAX_SUMMARY_PAGES } from "../shared/export/reportLayout";
import {
  OPTIMISED_REASONS,
  OPTIMISED_SCENARIO_NAME,
  optimisedRoadmap,
} from "../shared/export/testing/optimisedRoadmap";
import { serializeRoadmap } from "../shared/model";
import { importRoadmapText, phaseNode, printExecutiveReport, setUpAppInBrowser } from "./harness";
import { textSizesByPage } from "./pdfTextSizes";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-optimisation-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function showScenario(page: Page, name: string) {
  const switcher = page.getByRole("button", { name: /^Scenario:/ });
  await switcher.click();
  await page.getByRole("menu", { name: "Scenarios" }).getByRole("menuitemradio", { name: name }).click();
  await expect.poll(() => switcher.textContent()).toContain(name);
}

/** Pixels of a page, rendered by pdftoppm as PPM, close to `rgb`: how much of a colour the page shows. */
function pixelsNear(pdfFile: string, pageNumber: number, rgb: readonly [number, number, number]): number {
  const base = path.join(folder, `page-${pageNumber}`);
  execFileSync("pdftoppm", [
    "-r",
    "60",
    "-f",
    String(pageNumber),
    "-l",
    String(pageNumber),
    "-singlefile",
    pdfFile,
    base,
  ]);
  const ppm = readFileSync(`${base}.ppm`);
  // "P6\n<width> <height>\n255\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("pdftoppm: not a binary PPM");
  const start = header[0].length;
  let near = 0;
  for (let i = start; i + 2 < ppm.length; i += 3) {
    const d =
      Math.abs((ppm[i] ?? 0) - rgb[0]) + Math.abs((ppm[i + 1] ?? 0) - rgb[1]) + Math.abs((ppm[i + 2] ?? 0) - rgb[2]);
    if (d < 40) near++;
  }
  return near;
}

describe("the optimisation in the Compare tab and the executive report", () => {
  it("shows why each change was made, and prints the settings, frontier and changes of the shown optimised scenario", async () => {
    const page = await app.open();
    const roadmap = { ...optimisedRoadmap(), name: "Optimised B2B" };
    await importRoadmapText(page, "optimised.roadmap", serializeRoadmap(roadmap));
    await page.getByRole("button", { name: roadmap.name, exact: true }).click();
    await phaseNode(page, "Trial").waitFor();
    await showScenario(page, OPTIMISED_SCENARIO_NAME);

    // Compare: how the optimiser made it, and the reason under each changed communication.
    await page.getByRole("tab", { name: "Compare" }).click();
    const made = page.getByRole("region", { name: `How ${OPTIMISED_SCENARIO_NAME} was made` });
    await made.waitFor();
    expect(await made.textContent()).toContain("Optimised from “Plan”");
    const differences = page.getByRole("region", { name: `${OPTIMISED_SCENARIO_NAME} against Plan` });
    await differences.getByText(`Why: ${OPTIMISED_REASONS["comm-customer-conference"]}`).waitFor();
    await differences.getByText(`Why: ${OPTIMISED_REASONS["comm-customer-newsletter"]}`).waitFor();

    // The report: the section is offered for a roadmap with an optimised scenario.
    const pdf = await printExecutiveReport(page, "Optimisation", ".report-optimisation-detail");
    const pdfFile = path.join(folder, "optimisation-report.pdf");
    writeFileSync(pdfFile, pdf);

    const pages = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).split("\f");
    expect(pages.filter((text) => text.trim() !== "").length).toBeLessThanOrEqual(MAX_SUMMARY_PAGES);
    const first = pages.findIndex((text) => text.trimStart().startsWith("Optimisation"));
    expect(first, "the report has the optimisation page").toBeGreaterThan(0);
    const settingsPage = (pages[first] as string).replace(/\s+/g, " ");
    expect(settingsPage).toContain(`The optimiser made “${OPTIMISED_SCENARIO_NAME}” from “Plan”`);
    expect(settingsPage).toContain("Stopped at the time limit of 10 seconds");
    expect(settingsPage).toContain("Reseller partners: €150,000");
    expect(settingsPage).toContain("Efficient frontier");
    expect(settingsPage).toContain("“Plan” is below the frontier");
    const changesPage = (pages[first + 1] as string).replace(/\s+/g, " ");
    expect(changesPage).toContain("What the optimiser changed, and why");
    expect(changesPage).toContain("Customer conference invitation");
    // Cells wrap in their columns, and pdftotext interleaves the wrapped lines: short phrases only.
    expect(changesPage).toContain("Monthly customer newsletter");
    expect(changesPage).toContain("By segment → One-to-one");
    expect(changesPage).toContain("slope between solves");
    expect(changesPage).toContain("LP dual");

    const sizes = textSizesByPage(pdf);
    for (const p of [first, first + 1]) {
      expect(Math.min(...(sizes[p] ?? []))).toBeGreaterThanOrEqual(MIN_PRINTED_TEXT_PT - 0.05);
    }
    // The frontier chart is drawn: the plan's orange diamond on the first page, none on the second.
    expect(pixelsNear(pdfFile, first + 1, [0xc5, 0x5a, 0x11])).toBeGreaterThan(20);
    expect(pixelsNear(pdfFile, first + 2, [0xc5, 0x5a, 0x11])).toBe(0);
  }, 300_000);
});
