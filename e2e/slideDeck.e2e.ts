import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { deckFormats } from "../shared/export/slides/deckContext";
import { readDeck } from "../shared/export/slides/testing/readDeck";
import { createB2bSubscriptionRoadmap } from "../shared/model/templates/b2bSubscriptionSoftware";
import { HEAVY_TEST_TIMEOUT_MS } from "../test/budget";
import { budgetTotal, openTemplate, setUpAppInBrowser } from "./harness";
import { convertDeckToPdf } from "./libreOffice";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-deck-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const template = createB2bSubscriptionRoadmap();
const format = deckFormats(template.currency);

/** Export → Slide deck, with or without costs; the downloaded file and the name the app gave it. */
async function exportDeck(page: Page, includeCosts: boolean) {
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Export “/ });
  await dialog.getByRole("radio", { name: /Slide deck/ }).check();
  await dialog.getByRole("checkbox", { name: /^Include costs/ }).setChecked(includeCosts);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Export", exact: true }).click(),
  ]);
  const file = path.join(folder, `${includeCosts ? "with" : "without"}-costs.pptx`);
  await download.saveAs(file);
  await dialog.waitFor({ state: "detached" });
  return { file, name: download.suggestedFilename() };
}

/** The deck as LibreOffice Impress prints it, and the slides its XML holds. */
async function openedInImpress(file: string) {
  const deck = await readDeck(readFileSync(file));
  const pdf = await convertDeckToPdf(file, folder);
  // A phase's name may wrap inside its shape: compare words, not lines.
  return { slides: deck.slides.length, pages: pdf.pages, text: pdf.text.replace(/\s+/g, " ") };
}

// LibreOffice starts on a fresh profile and lays out every slide: on the loaded two-core gate that alone
// took half a minute of the one minute each test took.
describe("the slide deck, opened in LibreOffice Impress", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("exports the template as a deck Impress prints a page a slide of, with every phase and the budget total", async () => {
    const page = await app.open();
    await openTemplate(page);
    const total = await budgetTotal(page);
    const { file, name } = await exportDeck(page, true);
    expect(name).toMatch(/\.pptx$/);

    const impress = await openedInImpress(file);
    expect(impress.pages).toBe(impress.slides);
    for (const phase of template.phases) expect(impress.text).toContain(phase.name);
    expect(impress.text).toContain(format.money(total));
  });

  it("without costs, Impress finds no currency and no budget in it", async () => {
    const page = await app.open();
    await openTemplate(page);
    const total = await budgetTotal(page);
    const { file } = await exportDeck(page, false);

    const impress = await openedInImpress(file);
    expect(impress.pages).toBe(impress.slides);
    for (const phase of template.phases) expect(impress.text).toContain(phase.name);
    expect(impress.text).not.toMatch(/€|\bEUR\b/);
    expect(impress.text).not.toContain(format.wholeMoney(total).replace("€", ""));
  });
});
