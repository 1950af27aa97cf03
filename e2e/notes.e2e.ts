import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { canvasOf, importRoadmapText, openTemplate, phaseNode, savedToLibrary, setUpAppInBrowser } from "./harness";

const app = setUpAppInBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-notes-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TEMPLATE_NAME = "B2B subscription software — customer lifecycle";
const CANVAS_QUESTION = "Who owns the renewal call?";
const PHASE_QUESTION = "Trial length: 14 or 30 days?";

const notesPanel = (page: Page) => page.getByRole("complementary", { name: "Notes panel" });
const panelItem = (page: Page, text: string) => notesPanel(page).getByRole("listitem").filter({ hasText: text });

async function openNotesPanel(page: Page) {
  if (await notesPanel(page).isVisible()) return;
  await page.getByRole("toolbar", { name: "Canvas" }).getByRole("button", { name: "Notes" }).click();
  await notesPanel(page).waitFor();
}

/** A canvas note (N, asking for the author name first) and a note on the phase "Trial" (its context menu). */
async function addTwoNotes(page: Page) {
  await canvasOf(page).focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("n");
  const ask = page.getByRole("dialog", { name: "Who is writing this note?" });
  await ask.getByRole("textbox", { name: /Your name/ }).fill("Ana Consultant");
  await ask.getByRole("button", { name: "Add note" }).click();
  const canvasNote = page.locator(".sticky-note");
  await canvasNote.getByRole("textbox", { name: "Note text" }).fill(CANVAS_QUESTION);
  await canvasNote.getByRole("textbox", { name: "Note text" }).press("Control+Enter");
  await canvasNote.getByText(CANVAS_QUESTION).waitFor();
  await expect.poll(() => canvasNote.locator(".note-byline").textContent()).toMatch(/^Ana Consultant · /);

  // Writing the note brought it up close; the whole roadmap is in view again to find the phase.
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  await phaseNode(page, "Trial").click({ button: "right" });
  await page.getByRole("menuitem", { name: "Add note" }).click();
  const popover = phaseNode(page, "Trial").getByRole("region", { name: "Notes" });
  await popover.getByRole("textbox", { name: "Note text" }).fill(PHASE_QUESTION);
  await popover.getByRole("textbox", { name: "Note text" }).press("Control+Enter");
  await popover.getByText(PHASE_QUESTION).waitFor();
  await phaseNode(page, "Trial").getByRole("button", { name: "1 open note" }).waitFor();
}

/** The panel shows the phase note open and, under "Show resolved", the canvas note resolved. */
async function expectStates(page: Page) {
  await openNotesPanel(page);
  await panelItem(page, PHASE_QUESTION).getByText("Phase “Trial”").waitFor();
  expect(await panelItem(page, PHASE_QUESTION).getByRole("button", { name: "Resolve" }).count()).toBe(1);
  expect(await panelItem(page, CANVAS_QUESTION).count()).toBe(0);
  await notesPanel(page)
    .getByRole("checkbox", { name: /Show resolved/ })
    .check();
  await panelItem(page, CANVAS_QUESTION).getByText("Resolved").waitFor();
  expect(await panelItem(page, CANVAS_QUESTION).getByRole("button", { name: "Reopen" }).count()).toBe(1);
  await notesPanel(page)
    .getByRole("checkbox", { name: /Show resolved/ })
    .uncheck();
}

/** Clicks a library button that downloads a file, and returns its name and text. */
async function download(page: Page, buttonName: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: buttonName }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

describe("sticky notes", () => {
  it("are added, resolved, kept in the library and in a .roadmap file, and jumped to from the Notes panel", async () => {
    const page = await app.open();
    await openTemplate(page);
    await addTwoNotes(page);

    await openNotesPanel(page);
    await panelItem(page, CANVAS_QUESTION).getByText("Canvas").waitFor();
    await panelItem(page, PHASE_QUESTION).waitFor();
    await panelItem(page, CANVAS_QUESTION).getByRole("button", { name: "Resolve" }).click();
    await expect.poll(() => panelItem(page, CANVAS_QUESTION).count()).toBe(0);
    // A resolved note leaves the canvas too, until resolved notes are shown.
    await expect.poll(() => page.locator(".sticky-note").count()).toBe(0);
    await expectStates(page);

    await savedToLibrary(page);
    await page.reload();
    await phaseNode(page, "Trial").waitFor();
    await expectStates(page);

    await page.getByRole("button", { name: "Back to roadmaps" }).click();
    const file = await download(page, `Export ${TEMPLATE_NAME}`);
    expect(file.name).toBe(`${TEMPLATE_NAME}.roadmap`);
    await importRoadmapText(page, file.name, file.text);
    await page
      .getByRole("alertdialog", { name: "This roadmap is already in your library" })
      .getByRole("button", { name: "Keep both" })
      .click();
    await page.getByRole("button", { name: `${TEMPLATE_NAME} (copy)`, exact: true }).click();
    await phaseNode(page, "Trial").waitFor();
    await expectStates(page);

    // Jump to the phase's note: the phase is selected and its notes open beside it.
    await page.getByRole("button", { name: "Zoom to fit" }).click();
    await panelItem(page, PHASE_QUESTION)
      .getByRole("button", { name: /Trial length/ })
      .click();
    await expect.poll(() => phaseNode(page, "Trial").getAttribute("class")).toMatch(/selected/);
    await phaseNode(page, "Trial").getByRole("region", { name: "Notes" }).getByText(PHASE_QUESTION).waitFor();
    // Jump to the resolved canvas note: it is shown, selected, in the middle of the canvas.
    await notesPanel(page)
      .getByRole("checkbox", { name: /Show resolved/ })
      .check();
    await panelItem(page, CANVAS_QUESTION)
      .getByRole("button", { name: /renewal call/ })
      .click();
    const note = page.locator(".sticky-note");
    await expect.poll(() => note.getAttribute("class")).toMatch(/is-selected/);
    await expect.poll(() => isInView(page, note)).toBe(true);
  });

  it("prints the open notes as the report's open-questions page", async () => {
    const page = await app.open();
    await openTemplate(page);
    await addTwoNotes(page);
    await openNotesPanel(page);
    await panelItem(page, CANVAS_QUESTION).getByRole("button", { name: "Resolve" }).click();
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: /^Export “/ });
    await dialog.getByRole("radio", { name: /Executive report/ }).check();
    expect(await dialog.getByRole("checkbox", { name: /Open questions/ }).isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "Export", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.locator(".report-print-root .report-open-questions").waitFor({ state: "attached" });
    const pdfFile = path.join(folder, "notes-report.pdf");
    writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    const text = execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" });
    const questions = text.slice(text.lastIndexOf("Open questions"));
    expect(questions).toContain(PHASE_QUESTION);
    expect(questions).toContain("Ana Consultant");
    expect(questions).toContain("Phase “Trial”");
    expect(text).not.toContain(CANVAS_QUESTION);
  });
});

async function isInView(page: Page, locator: ReturnType<Page["locator"]>): Promise<boolean> {
  const box = await locator.boundingBox();
  const canvas = await canvasOf(page).boundingBox();
  if (!box || !canvas) return false;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  return x > canvas.x && x < canvas.x + canvas.width && y > canvas.y && y < canvas.y + canvas.height;
}
