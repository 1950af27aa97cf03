import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_SUMMARY_PAGES } from "../shared/export/reportLayout";
import { readCsv } from "../shared/export/testing/readCsv";
import { serializeRoadmap } from "../shared/model";
import { generateRoadmap } from "../shared/model/testing/generateRoadmap";
import { budgetTotal, importRoadmapText, MOD, openTemplate, phaseNode, setUpAppInBrowser } from "./harness";
import { recalculatedWorkbookTotal } from "./workbookTotals";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-exports-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let downloads = 0;

const TEMPLATE_PHASES = [
  "Trial",
  "First 90 days",
  "Active single-product",
  "Multi-product",
  "Advocate",
  "Renewal due",
  "At risk",
  "Lapsed",
] as const;

async function openExportDialog(page: Page, format: string) {
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Export “/ });
  await dialog.getByRole("radio", { name: new RegExp(format) }).check();
  return dialog;
}

/** Exports through the dialog and returns the downloaded file's path and name. */
async function exportDownload(
  page: Page,
  format: string,
  prepare?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  const dialog = await openExportDialog(page, format);
  await prepare?.(dialog);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Export", exact: true }).click(),
  ]);
  // Numbered, so two exports under one name do not overwrite each other here.
  const file = path.join(folder, `${++downloads}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  await dialog.waitFor({ state: "detached" });
  return { file, name: download.suggestedFilename() };
}

function moneyInPage(page: Page, value: number): Promise<string> {
  return page.evaluate(
    (amount) =>
      new Intl.NumberFormat(undefined, {
        style: "currency",
        currency: "EUR",
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(amount),
    value,
  );
}

/** Prints the open roadmap's report through the dialog, with or without the appendix; its file and what the page held. */
async function printReport(page: Page, name: string, appendix: boolean) {
  await page.evaluate(() => {
    window.print = () => {};
  });
  const dialog = await openExportDialog(page, "Executive report");
  await dialog.getByRole("checkbox", { name: "Include full detail appendix" }).setChecked(appendix);
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  // What the appendix's phase pages list, read before printing ends and takes the report out of the page.
  const listed = await page
    .locator(".report-print-root .report-communications tbody tr td:first-child")
    .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ""));
  const pdfFile = path.join(folder, name);
  writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect.poll(() => page.locator(".report-print-root").count()).toBe(0);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" }))?.[1]);
  return { pages, text: execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" }), listed };
}

describe("the report of a large roadmap", () => {
  // Several times a workshop roadmap, over five years: the report must still be one an executive reads.
  const large = {
    ...generateRoadmap({ phases: 60, transitionsPerPhase: 1.5, communications: 300, segments: 20, seed: 13 }),
    horizonMonths: 60,
  };

  it(`summarises in at most ${MAX_SUMMARY_PAGES} pages; the appendix adds every phase and every communication`, async () => {
    const page = await app.open();
    await importRoadmapText(page, "large.roadmap", serializeRoadmap(large));
    await page.getByRole("button", { name: large.name, exact: true }).click();
    await page.locator(".react-flow__node").first().waitFor();

    const summary = await printReport(page, "large-report.pdf", false);
    expect(summary.pages).toBeLessThanOrEqual(MAX_SUMMARY_PAGES);
    expect(summary.text).toContain(`Page 2 of ${summary.pages}`);
    expect(summary.text).toContain("more phases: the budget workbook lists them all.");
    expect(summary.text).not.toContain("Full detail");

    const full = await printReport(page, "large-report-appendix.pdf", true);
    expect(full.pages).toBeGreaterThan(summary.pages);
    expect(full.text).toContain("Full detail");
    for (const phase of large.phases) expect(full.text).toMatch(new RegExp(`\\b${phase.name}\\b`));
    // The summary's phase pages list some communications again; the appendix lists each one.
    expect(new Set(full.listed)).toEqual(new Set(large.communications.map((c) => c.name)));
  }, 300_000);
});

describe("exports from the template", () => {
  it("prints the executive report: every phase, the budget total, numbered pages", async () => {
    const page = await app.open();
    await openTemplate(page);
    const total = await budgetTotal(page);
    // The browser build hands the laid-out report to the print dialog; here Playwright prints it instead.
    await page.evaluate(() => {
      Object.assign(window, { printRequests: 0 });
      window.print = () => {
        Object.assign(window, { printRequests: (window as unknown as { printRequests: number }).printRequests + 1 });
      };
    });

    await page.keyboard.press(`${MOD}+p`);
    const dialog = page.getByRole("dialog", { name: /^Export “/ });
    await expect.poll(() => dialog.getByRole("radio", { name: /Executive report/ }).isChecked()).toBe(true);
    await dialog.getByRole("combobox", { name: "Paper" }).selectOption("A4");
    await dialog.getByRole("button", { name: "Export", exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printRequests: number }).printRequests))
      .toBe(1);
    await dialog.waitFor({ state: "detached" });

    const pdfFile = path.join(folder, "report.pdf");
    writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });
    for (const phase of TEMPLATE_PHASES) expect(text).toContain(phase);
    expect(text).toContain(await moneyInPage(page, total));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" }))?.[1]);
    // Cover, summary, diagram, a page per phase, then budget, calendar, pressure, KPIs and assumptions.
    expect(pages).toBeGreaterThanOrEqual(2 + 1 + TEMPLATE_PHASES.length + 5);
    expect(text).toContain(`Page 2 of ${pages}`);
    expect(text).toContain("Example SaaS Ltd");

    // Closing the print dialog takes the report out of the page again.
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await expect.poll(() => page.locator(".report-print-root").count()).toBe(0);
  });

  it("leaves costs out of the report for audiences who should not see them", async () => {
    const page = await app.open();
    await openTemplate(page);
    const total = await budgetTotal(page);
    await page.evaluate(() => {
      window.print = () => {};
    });
    const dialog = await openExportDialog(page, "Executive report");
    await dialog.getByRole("checkbox", { name: "Include costs and the budget" }).uncheck();
    await expect.poll(() => dialog.getByRole("checkbox", { name: "Budget tables and charts" }).isDisabled()).toBe(true);
    await dialog.getByRole("button", { name: "Export", exact: true }).click();
    await dialog.waitFor({ state: "detached" });

    const pdfFile = path.join(folder, "report-no-costs.pdf");
    writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true }));
    const text = execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" });
    expect(text).toContain("First 90 days");
    expect(text).not.toContain(await moneyInPage(page, total));
    expect(text).not.toContain("Total budget");
  });

  it("exports the budget workbook whose recalculated total equals the engine's", async () => {
    const page = await app.open();
    await openTemplate(page);
    const total = await budgetTotal(page);
    const { file, name } = await exportDownload(page, "Budget workbook");
    expect(name).toMatch(/budget\.xlsx$/);
    const recalculated = await recalculatedWorkbookTotal(readFileSync(file));
    expect(recalculated).toBeCloseTo(total, 6);
  });

  it("exports the communication plan as CSV, one row per send, costs adding up to the total", async () => {
    const page = await app.open();
    await openTemplate(page);
    const total = await budgetTotal(page);
    const { file } = await exportDownload(page, "Communication plan");
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], ...rows] = readCsv(bytes.toString("utf8").slice(1));
    expect(header.join(",")).toMatch(
      /^Date,Month,Phase,Stage,Communication,Purpose,Channel,Owner,Audience,Reach,Cost \(EUR\),Timing,Status,/,
    );
    const costs = rows.map((row) => Number(row[header.indexOf("Cost (EUR)")]));
    const sum = costs.reduce((a, b) => a + b, 0);
    // Each row is rounded to the cent.
    expect(Math.abs(sum - total)).toBeLessThanOrEqual(costs.length * 0.005);
    for (const phase of ["Trial", "First 90 days", "Renewal"])
      expect(rows.some((row) => row[2]?.includes(phase))).toBe(true);
  });

  it("exports one owner's calendar, which an iCalendar parser reads event by event", async () => {
    const page = await app.open();
    await openTemplate(page);
    await budgetTotal(page);
    const all = await exportDownload(page, "Communication calendar");
    const owner = await exportDownload(page, "Communication calendar", async (dialog) => {
      await dialog.getByRole("combobox", { name: "Whose sends" }).selectOption({ index: 1 });
    });
    const events = (file: string) =>
      new ICAL.Component(ICAL.parse(readFileSync(file, "utf8"))).getAllSubcomponents("vevent");
    const everyone = events(all.file);
    const one = events(owner.file);
    expect(owner.name).not.toBe(all.name);
    expect(everyone.length).toBeGreaterThan(0);
    expect(one.length).toBeGreaterThan(0);
    expect(one.length).toBeLessThan(everyone.length);
    const uids = new Set(everyone.map((event) => event.getFirstPropertyValue("uid")));
    expect(uids.size).toBe(everyone.length);
    for (const event of one) expect(uids.has(event.getFirstPropertyValue("uid"))).toBe(true);

    const csv = await exportDownload(page, "Communication plan");
    // Every dated row is a send; a communication that never sends has one undated row.
    const [, ...rows] = readCsv(readFileSync(csv.file, "utf8").slice(1));
    expect(rows.filter((row) => row[0] !== "")).toHaveLength(everyone.length);
  });

  it("exports the diagram as SVG with every phase, and as a PNG at twice its size", async () => {
    const page = await app.open();
    await openTemplate(page);
    await budgetTotal(page);
    const svg = await exportDownload(page, "Roadmap diagram \\(SVG\\)");
    const drawing = readFileSync(svg.file, "utf8");
    expect(drawing).toMatch(/^<svg|^<\?xml/);
    for (const phase of TEMPLATE_PHASES) expect(drawing).toContain(phase);
    const width = Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(drawing)?.[1]);

    const png = await exportDownload(page, "Roadmap diagram \\(PNG\\)");
    const image = readFileSync(png.file);
    expect([...image.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(image.readUInt32BE(16)).toBe(Math.round(width * 2));
  });
});

describe("saving to a file", () => {
  it("marks changes the file does not have, and a saved file reopens identical", async () => {
    const page = await app.open();
    await openTemplate(page);
    const unsaved = page.getByText("Unsaved changes");

    const [first] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Save to file" }).click(),
    ]);
    const firstFile = path.join(folder, "first.roadmap");
    await first.saveAs(firstFile);
    await expect.poll(() => unsaved.count()).toBe(0);

    await phaseNode(page, "Trial").click();
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Free trial");
    await page.getByRole("textbox", { name: "Name", exact: true }).press("Enter");
    await expect.poll(() => unsaved.count()).toBe(1);
    await expect.poll(() => page.title()).toMatch(/^• /);
    await page.keyboard.press(`${MOD}+z`);
    await page.locator("body").click({ position: { x: 5, y: 5 } });

    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Roadmaps" }).click();
    await page.keyboard.press(`${MOD}+o`);
    await (await chooser).setFiles(firstFile);
    await page.getByRole("button", { name: /Replace/ }).click();
    await phaseNode(page, "Trial").waitFor();

    const [second] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Save to file" }).click(),
    ]);
    const secondFile = path.join(folder, "second.roadmap");
    await second.saveAs(secondFile);
    expect(readFileSync(secondFile, "utf8")).toBe(readFileSync(firstFile, "utf8"));
  });
});
