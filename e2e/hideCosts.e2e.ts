import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { planRoadmap } from "../shared/engine";
import { customerCounts, moneyAmounts, moneyFiguresIn, moneySpellings } from "../shared/export/testing/moneyFigures";
import { readRoadmapFile } from "../shared/model/roadmapFile";
import type { Roadmap } from "../shared/model/schema";
import { MOD, openTemplate, phaseNode, savedToLibrary, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-hide-costs-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The views a room might be shown, by their tab. */
const VIEWS = ["Canvas", "Outline", "Audiences", "Plan", "Calendar", "By owner", "Budget", "Contact pressure"] as const;

/** The open roadmap as its file, saved the way a user saves it (a download in the browser build). */
async function savedRoadmap(page: Page): Promise<Roadmap> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press(`${MOD}+s`)]);
  const file = path.join(folder, "saved.roadmap");
  await download.saveAs(file);
  const read = readRoadmapFile(file, readFileSync(file, "utf8"));
  if (!read.ok) throw new Error(read.error.summary);
  return read.value.roadmap;
}

/** Every word the editor shows: visible text, tooltips and names read aloud. */
function shownText(page: Page): Promise<string> {
  return page.locator(".editor-layout").evaluate((root) => {
    const element = root as HTMLElement;
    const attributes = [...element.querySelectorAll("[title], [aria-label]")].flatMap((node) => [
      node.getAttribute("title") ?? "",
      node.getAttribute("aria-label") ?? "",
    ]);
    return [element.innerText, ...attributes].join("\n");
  });
}

/** A view once its plan is current, so nothing is still to come. */
async function showView(page: Page, tab: (typeof VIEWS)[number]): Promise<void> {
  await page.getByRole("tab", { name: tab }).click();
  await expect.poll(() => page.getByRole("tab", { name: tab }).getAttribute("aria-selected")).toBe("true");
  await expect.poll(() => page.locator(".plan-view.is-stale").count()).toBe(0);
}

async function runCommandFromPalette(page: Page, label: string): Promise<void> {
  await page.keyboard.press(`${MOD}+k`);
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox").fill(label);
  await palette.getByRole("option", { name: new RegExp(`^${label}`) }).click();
  await palette.waitFor({ state: "detached" });
}

/** Selects a phase on the canvas and opens one of its communications in the inspector, all fields showing. */
async function inspectPhaseAndCommunication(page: Page, phase: string, communication: string): Promise<void> {
  await showView(page, "Canvas");
  await phaseNode(page, phase).click();
  const item = page.getByRole("listitem", { name: `Communication ${communication}` });
  await item.getByRole("button", { name: communication, exact: true }).click();
  await expect.poll(() => item.locator("details").getAttribute("open")).toBe("");
}

/** What the diagram export draws: the SVG a PNG is rasterised from is caught on its way to the image. */
async function catchDrawnSvgs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const drawn: string[] = [];
    Object.assign(window, { drawnSvgs: drawn });
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob && object.type.startsWith("image/svg+xml"))
        void object.text().then((t) => drawn.push(t));
      return create(object);
    };
  });
}

const drawnSvgs = (page: Page) => page.evaluate(() => (window as unknown as { drawnSvgs: string[] }).drawnSvgs);

async function exportDiagram(page: Page, format: "SVG" | "PNG"): Promise<string> {
  const before = (await drawnSvgs(page)).length;
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Export “/ });
  await dialog.getByRole("radio", { name: new RegExp(`Roadmap diagram \\(${format}\\)`) }).check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Export", exact: true }).click(),
  ]);
  const file = path.join(folder, `diagram.${format.toLowerCase()}`);
  await download.saveAs(file);
  await dialog.waitFor({ state: "detached" });
  await expect.poll(async () => (await drawnSvgs(page)).length).toBeGreaterThan(before);
  // The SVG export is the file itself; the PNG's is the drawing it was rasterised from.
  return format === "SVG" ? readFileSync(file, "utf8") : ((await drawnSvgs(page)).at(-1) ?? "");
}

/** The executive report as the print dialog would get it, as text. */
async function reportText(page: Page, name: string): Promise<string> {
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Export “/ });
  await dialog.getByRole("radio", { name: /Executive report/ }).check();
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  const file = path.join(folder, name);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect.poll(() => page.locator(".report-print-root").count()).toBe(0);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
}

/** The text of the SVG a reader sees, not its coordinates. */
const svgWords = (svg: string) => [...svg.matchAll(/>([^<]+)</g)].map((match) => match[1]).join(" ");

describe("Show costs off hides every money figure", () => {
  it("in every view and every picture exported, and brings them all back when turned on", async () => {
    const page = await app.open();
    await openTemplate(page);
    const roadmap = await savedRoadmap(page);
    const plan = planRoadmap(roadmap);
    // Amounts under 1,000 share their digits with contact counts and dates ("120 contacts", "2027"); every amount
    // the app writes carries the € sign, which is searched for too.
    const figures = moneySpellings(moneyAmounts(roadmap, plan), 1000, customerCounts(roadmap));
    expect(figures.length).toBeGreaterThan(20);
    const phase = roadmap.phases.find((p) => roadmap.communications.some((c) => c.phaseId === p.id));
    const communication = roadmap.communications.find((c) => c.phaseId === phase?.id);
    if (!phase || !communication) throw new Error("the template has no communication");
    /** Where money shows: the currency symbol, or any figure of the roadmap's money as the app or a file writes it. */
    const moneyIn = (text: string) => [...(text.includes("€") ? ["€"] : []), ...moneyFiguresIn(text, figures)];

    await catchDrawnSvgs(page);
    // With costs shown, money is there to hide: the checks below could fail.
    await inspectPhaseAndCommunication(page, phase.name, communication.name);
    expect(moneyIn(await shownText(page))).toContain("€");
    expect(moneyIn(svgWords(await exportDiagram(page, "SVG")))).toContain("€");

    await runCommandFromPalette(page, "Show costs");
    await expect.poll(() => page.getByRole("checkbox", { name: "Show costs" }).isChecked()).toBe(false);

    await inspectPhaseAndCommunication(page, phase.name, communication.name);
    const inspector = await shownText(page);
    expect(inspector).toContain("Costs are hidden");
    expect(moneyIn(inspector), "canvas and inspector").toEqual([]);
    for (const view of VIEWS) {
      await showView(page, view);
      expect(moneyIn(await shownText(page)), view).toEqual([]);
    }
    await showView(page, "Budget");
    await page.getByRole("heading", { name: "By owner", exact: true }).waitFor();

    expect(moneyIn(svgWords(await exportDiagram(page, "SVG"))), "SVG").toEqual([]);
    expect(moneyIn(svgWords(await exportDiagram(page, "PNG"))), "PNG").toEqual([]);
    const pdf = await reportText(page, "hidden.pdf");
    expect(pdf).toContain(phase.name);
    expect(moneyIn(pdf), "PDF").toEqual([]);

    // Kept for the next session.
    await savedToLibrary(page);
    await page.reload();
    await phaseNode(page, phase.name).waitFor();
    await catchDrawnSvgs(page);
    await expect.poll(() => page.getByRole("checkbox", { name: "Show costs" }).isChecked()).toBe(false);
    await showView(page, "Budget");
    await page.getByRole("heading", { name: "By owner", exact: true }).waitFor();
    expect(moneyIn(await shownText(page))).toEqual([]);

    await runCommandFromPalette(page, "Show costs");
    await expect.poll(() => page.getByRole("checkbox", { name: "Show costs" }).isChecked()).toBe(true);
    await page.getByTestId("budget-total").waitFor();
    expect(moneyIn(await shownText(page))).toContain("€");
    await inspectPhaseAndCommunication(page, phase.name, communication.name);
    expect(await shownText(page)).not.toContain("Costs are hidden");
    expect(moneyIn(svgWords(await exportDiagram(page, "PNG")))).toContain("€");
    expect(moneyIn(await reportText(page, "shown.pdf"))).toContain("€");
  }, 240_000);
});
