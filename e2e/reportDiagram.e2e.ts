import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { serializeRoadmap } from "../shared/model";
import { generateRoadmap } from "../shared/model/testing/generateRoadmap";
import { importRoadmapText, openTemplate, setUpAppInBrowser } from "./harness";
import { textSizesByPage } from "./pdfTextSizes";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-report-diagram-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TEMPLATE_PHASES = ["Trial", "First 90 days", "Active single-product", "Advocate", "At risk", "Lapsed"];

/** Prints the open roadmap's executive report on `paper` as the browser build does, and reads the PDF back. */
async function printReport(page: Page, paper: "A4" | "Letter") {
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Export “/ });
  await dialog.getByRole("radio", { name: /Executive report/ }).check();
  await dialog.getByRole("combobox", { name: "Paper" }).selectOption(paper);
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  const file = path.join(folder, `report-${paper}-${Date.now()}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect.poll(() => page.locator(".report-print-root").count()).toBe(0);

  const texts = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).split("\f");
  const sizes = textSizesByPage(readFileSync(file));
  const title = (text: string) => text.trim().split("\n")[0]?.trim() ?? "";
  const first = texts.findIndex((text) => title(text) === "The roadmap");
  expect(first, "the report has a diagram page").toBeGreaterThan(0);
  let last = first;
  while (/^Diagram \(\d+ of \d+\)$/.test(title(texts[last + 1] ?? ""))) last++;
  const pages = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return {
    /** The diagram's pages: its first, and those titled "Diagram (n of N)" after it. */
    titles: pages.map((p) => title(texts[p] ?? "")),
    text: pages
      .map((p) => texts[p] ?? "")
      .join("\n")
      .replace(/\s+/g, " "),
    smallestPt: Math.min(...pages.flatMap((p) => sizes[p] ?? [])),
    /** The cover's smallest type, 9.5 pt unless Chromium shrank every page to fit something too wide. */
    coverSmallestPt: Math.min(...(sizes[0] ?? [])),
  };
}

describe("the report's diagram on paper", () => {
  it("prints the template's diagram with no text under 7 pt, on A4 and on Letter", async () => {
    const page = await app.open();
    await openTemplate(page);
    for (const paper of ["A4", "Letter"] as const) {
      const diagram = await printReport(page, paper);
      console.info(
        `template, ${paper}: ${diagram.titles.length} diagram pages, smallest text ${diagram.smallestPt} pt`,
      );
      expect(diagram.smallestPt).toBeGreaterThanOrEqual(7);
      expect(diagram.coverSmallestPt).toBeCloseTo(9.5, 1);
      for (const phase of TEMPLATE_PHASES) expect(diagram.text).toContain(phase);
    }
  });

  it("splits a large roadmap over numbered pages after a key, no text under 7 pt, on A4 and on Letter", async () => {
    const large = {
      ...generateRoadmap({ phases: 60, transitionsPerPhase: 1.5, communications: 300, segments: 20, seed: 13 }),
      horizonMonths: 60,
    };
    const page = await app.open();
    await importRoadmapText(page, "large.roadmap", serializeRoadmap(large));
    await page.getByRole("button", { name: large.name, exact: true }).click();
    await page.locator(".react-flow__node").first().waitFor();
    for (const paper of ["A4", "Letter"] as const) {
      const diagram = await printReport(page, paper);
      console.info(
        `60 phases, ${paper}: ${diagram.titles.length} diagram pages, smallest text ${diagram.smallestPt} pt`,
      );
      const tiles = diagram.titles.length - 1;
      expect(tiles).toBeGreaterThan(1);
      expect(diagram.titles).toEqual([
        "The roadmap",
        ...Array.from({ length: tiles }, (_, i) => `Diagram (${i + 1} of ${tiles})`),
      ]);
      expect(diagram.text).toContain(`follows over ${tiles} pages, numbered as on this key`);
      expect(diagram.smallestPt).toBeGreaterThanOrEqual(7);
      expect(diagram.coverSmallestPt).toBeCloseTo(9.5, 1);
      for (const phase of large.phases) expect(diagram.text).toMatch(new RegExp(`\\b${phase.name}\\b`));
    }
  }, 300_000);
});
