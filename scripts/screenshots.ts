// `npm run screenshots`: drives the built web app in Chromium and saves the README's pictures.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchChromium, openApp, serveBuiltApp, settled } from "../e2e/harness";
import { asIsAndToBeRoadmap } from "../shared/export/testing/scenarioRoadmaps";
import { serializeRoadmap } from "../shared/model";
import { generateRoadmap } from "../shared/model/testing/generateRoadmap";
import { b2bSurveyRoadmap } from "../shared/survey/testing/b2bSurvey";

const OUT = "docs/screenshots";

/**
 * Editing in a scenario: As-is made from the existing communications, its
 * Plan table with the communications it leaves out, the switcher's menu open.
 * Undone afterwards, so the scenes after it show the roadmap's own plan.
 */
async function scenarioScene(page: Page) {
  const switcher = page.getByRole("button", { name: /^Scenario:/ });
  await switcher.click();
  await page.getByRole("menuitem", { name: "As-is from existing communications" }).click();
  await page.getByRole("tab", { name: "Plan", exact: true }).click();
  await page.getByRole("region", { name: "Not in As-is" }).waitFor();
  await switcher.click();
  await page.getByRole("menu", { name: "Scenarios" }).waitFor();
  await settled(page);
  await page.screenshot({ path: `${OUT}/scenario-switcher.png` });
  await page.keyboard.press("Escape");
  await page.keyboard.press(process.platform === "darwin" ? "Meta+z" : "Control+z");
  await page.getByRole("button", { name: /^Scenario: Plan/ }).waitFor();
  await page.getByRole("tab", { name: "Canvas" }).click();
}

/** Sticky notes from a workshop: one on the canvas, one on a phase, and the Notes panel listing them. */
async function notesScene(page: Page) {
  await page.getByRole("application", { name: /Roadmap canvas/ }).focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("n");
  const ask = page.getByRole("dialog", { name: "Who is writing this note?" });
  await ask.getByRole("textbox", { name: /Your name/ }).fill("Ana Consultant");
  await ask.getByRole("button", { name: "Add note" }).click();
  const text = page.getByRole("textbox", { name: "Note text" });
  await text.fill("Who owns the renewal call: sales or customer success?");
  await text.press("Control+Enter");
  // Writing the note brought it up close; the whole roadmap is in view again to find the phase.
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  await page.locator(".react-flow__node", { hasText: "Trial" }).click({ button: "right" });
  await page.getByRole("menuitem", { name: "Add note" }).click();
  await text.fill("Trial length: 14 or 30 days?");
  await text.press("Control+Enter");
  await page.getByRole("toolbar", { name: "Canvas" }).getByRole("button", { name: "Notes" }).click();
  await page.getByRole("complementary", { name: "Notes panel" }).waitFor();
  await settled(page);
  await page.screenshot({ path: `${OUT}/notes.png` });
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await page.getByRole("button", { name: "Close the Notes panel" }).click();
}

/** The Survey tab, then its sample answers through the import wizard: the mapping step and the preview. */
async function surveyScene(page: Page) {
  await page.getByRole("tab", { name: "Survey" }).click();
  await page.getByRole("heading", { name: "Relationship survey" }).waitFor();
  await page.screenshot({ path: `${OUT}/survey.png` });
  await page.getByRole("button", { name: "Try sample answers" }).click();
  const wizard = page.getByRole("dialog", { name: "Import survey answers" });
  await wizard.getByRole("heading", { name: "What each column holds" }).waitFor();
  await page.screenshot({ path: `${OUT}/import-mapping.png` });
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("heading", { name: "What the values mean" }).waitFor();
  await page.screenshot({ path: `${OUT}/import-values.png` });
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("heading", { name: "Preview" }).waitFor();
  await wizard.getByRole("button", { name: /^Import \d+ respondents$/ }).click();
  await wizard.waitFor({ state: "detached" });
  await page.getByRole("tab", { name: "Canvas" }).click();
}

/** The B2B template with survey answers: RSI badges and the colour scale, a phase's breakdown, the RSI tab. */
async function rsiScene(page: Page) {
  const roadmap = b2bSurveyRoadmap();
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import .roadmap…" }).click(),
  ]);
  await chooser.setFiles({
    name: "survey.roadmap",
    mimeType: "application/json",
    buffer: Buffer.from(serializeRoadmap(roadmap)),
  });
  await page.getByRole("button", { name: roadmap.name, exact: true }).click();
  await page.locator(".react-flow__node").first().waitFor();
  await page.getByRole("checkbox", { name: "Colour by RSI" }).check();
  await page.getByLabel("RSI colour scale").waitFor();
  await page.locator(".react-flow__node", { hasText: "Multi-product" }).click();
  // Scrolled inside the inspector only: scrolling the page would shift the whole editor.
  await page.getByRole("region", { name: "Relationship strength" }).evaluate((section: HTMLElement) => {
    let panel = section.parentElement;
    while (panel && panel.scrollHeight <= panel.clientHeight) panel = panel.parentElement;
    if (panel) panel.scrollTop += section.getBoundingClientRect().top - panel.getBoundingClientRect().top - 12;
  });
  await page.getByRole("region", { name: "Relationship strength" }).getByText("Dimensions", { exact: true }).waitFor();
  await settled(page);
  await page.screenshot({ path: `${OUT}/rsi-canvas-inspector.png` });
  await page.getByRole("tab", { name: "RSI" }).click();
  await page.getByRole("grid", { name: "RSI by phase and segment" }).waitFor();
  await page.screenshot({ path: `${OUT}/rsi-grid.png` });
  await page.locator(".rsi-view").evaluate((view) => {
    view.scrollTop = view.scrollHeight;
  });
  await page.screenshot({ path: `${OUT}/rsi-curve.png` });
  await page.getByRole("tab", { name: "Canvas" }).click();
  await page.getByRole("checkbox", { name: "Colour by RSI" }).uncheck();
  await page.getByRole("button", { name: "Back to roadmaps" }).click();
}

/** A roadmap with As-is, To-be and Lean: the Compare tab with the three side by side. */
async function compareScene(page: Page) {
  const roadmap = { ...asIsAndToBeRoadmap(), name: "Scenarios: As-is against To-be" };
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import .roadmap…" }).click(),
  ]);
  await chooser.setFiles({
    name: "scenarios.roadmap",
    mimeType: "application/json",
    buffer: Buffer.from(serializeRoadmap(roadmap)),
  });
  await page.getByRole("button", { name: roadmap.name, exact: true }).click();
  await page.locator(".react-flow__node").first().waitFor();
  await page.getByRole("button", { name: "Dismiss message" }).click();
  await page.getByRole("tab", { name: "Compare" }).click();
  await page.getByRole("table", { name: "Totals" }).waitFor();
  await page.getByRole("status").filter({ hasText: "Comparing" }).waitFor({ state: "detached" });
  await page.screenshot({ path: `${OUT}/compare-scenarios.png` });
  await page.getByRole("tab", { name: "Canvas" }).click();
  await page.getByRole("button", { name: "Back to roadmaps" }).click();
}

/**
 * The Optimise tab after a run on the B2B template: the most value within a
 * budget 30 % below the plan's, typed in the settings; the result with the
 * optimised scenario's figures against the plan and the frontier, the plan marked.
 */
async function optimiserScene(page: Page) {
  await page.getByRole("button", { name: /Start from “B2B subscription software”/ }).click();
  await page.locator(".react-flow__node").first().waitFor();
  await page.getByRole("tab", { name: "Budget" }).click();
  const total = page.getByTestId("budget-total");
  await total.waitFor();
  await page.locator(".plan-view.is-stale").waitFor({ state: "detached" });
  const planBudget = Number(await total.getAttribute("data-value"));
  await page.getByRole("tab", { name: "Optimise" }).click();
  const settings = page.getByRole("region", { name: "Optimiser settings" });
  await settings.getByRole("combobox", { name: "Objective" }).selectOption({ label: "Most value within the budget" });
  const budget = settings.getByRole("textbox", { name: "Budget over the horizon" });
  await budget.fill(String(Math.round(planBudget * 0.7)));
  await budget.press("Enter");
  await page.getByRole("button", { name: "Optimise Plan" }).click();
  // Written, the scenario opens in Compare beside the plan; the solver's time limit bounds the wait.
  await page.getByRole("table", { name: "Totals" }).waitFor({ timeout: 240_000 });
  await page.getByRole("tab", { name: "Optimise" }).click();
  const result = page.getByRole("region", { name: "Optimiser result" });
  await result.getByRole("img", { name: /^Efficient frontier/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/optimiser.png` });
}

mkdirSync(OUT, { recursive: true });

const server = await serveBuiltApp();
const browser = await launchChromium();
try {
  const { page } = await openApp(browser, server.url);
  await shootGallery(page);
  await page.getByRole("button", { name: /Start from “B2B subscription software”/ }).click();
  await page.locator(".react-flow__node").first().waitFor();
  await settled(page);
  await page.screenshot({ path: `${OUT}/canvas.png` });

  await page.locator(".react-flow__node", { hasText: "Renewal due" }).click();
  await settled(page);
  await page.screenshot({ path: `${OUT}/canvas-inspector.png` });

  // Presentation mode as a projector shows it: a phase of the walk, then the plan's totals.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press("F5");
  const presentation = page.getByRole("dialog", { name: "Presentation" });
  for (let step = 0; step < 3; step++) await page.keyboard.press("ArrowRight");
  await presentation.locator(".present-card[aria-current=step]").waitFor();
  await page.screenshot({ path: `${OUT}/presentation-phase.png` });
  await page.keyboard.press("End");
  await presentation.locator("[data-total=customers]").waitFor();
  await page.screenshot({ path: `${OUT}/presentation-overview.png` });
  await page.keyboard.press("Escape");
  await presentation.waitFor({ state: "detached" });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("tab", { name: "Outline" }).click();
  await page.getByRole("article").first().waitFor();
  await page.screenshot({ path: `${OUT}/editor-outline.png` });

  await page.getByRole("tab", { name: "Plan", exact: true }).click();
  await page.getByRole("combobox", { name: "group by" }).selectOption("phase");
  await page.screenshot({ path: `${OUT}/plan-table.png` });

  await page.getByRole("tab", { name: "Calendar" }).click();
  await page.locator(".calendar-mark").first().waitFor();
  await page.screenshot({ path: `${OUT}/calendar.png` });

  await page.getByRole("tab", { name: "Audiences" }).click();
  await page.getByRole("button", { name: "Add segment" }).waitFor();
  await page.screenshot({ path: `${OUT}/audiences.png` });

  await page.getByRole("tab", { name: "Budget" }).click();
  await page.getByTestId("budget-total").waitFor();
  await page.screenshot({ path: `${OUT}/budget.png` });

  // Show costs off: the Budget view becomes whom the plan reaches.
  await page.getByRole("checkbox", { name: "Show costs" }).uncheck();
  await page.getByTestId("reach-contacts").waitFor();
  await page.screenshot({ path: `${OUT}/budget-costs-hidden.png` });
  await page.getByRole("checkbox", { name: "Show costs" }).check();
  await page.getByTestId("budget-total").waitFor();

  await page.getByRole("tab", { name: /Contact pressure/ }).click();
  await page
    .getByRole("button", { name: /over the cap$/ })
    .first()
    .click();
  await page.screenshot({ path: `${OUT}/contact-pressure.png` });

  // The transitions table, with the keyboard on a segment's own rate; then the customers grid.
  await page.getByRole("tab", { name: "Transitions", exact: true }).click();
  await page
    .getByRole("row", { name: "Transition Trial → First 90 days" })
    .locator('[data-column="segment:enterprise"]')
    .click();
  await page.screenshot({ path: `${OUT}/transitions-table.png` });
  await page.getByRole("tab", { name: "Customers", exact: true }).click();
  await page.getByRole("region", { name: "Customers at the start" }).getByRole("gridcell").first().click();
  await page.screenshot({ path: `${OUT}/customers-grid.png` });
  await page.getByRole("tab", { name: "Canvas" }).click();

  // A phase's capture table, a row being typed in it.
  await page.locator(".react-flow__node", { hasText: "Trial" }).first().click();
  await page.getByRole("button", { name: "Capture table…" }).click();
  const capture = page.getByRole("dialog", { name: /^Capture communications/ });
  await capture.getByRole("textbox", { name: "New communication: Name" }).fill("Day-7 check-in call");
  await capture.getByRole("combobox", { name: "New communication: Timing" }).fill("on entry +1");
  await page.screenshot({ path: `${OUT}/capture-table.png` });
  await capture.getByRole("button", { name: "Done" }).click();

  // The command palette, narrowed by a few letters.
  await page.keyboard.press(process.platform === "darwin" ? "Meta+k" : "Control+k");
  await page.getByRole("dialog", { name: "Command palette" }).getByRole("combobox").fill("zoom");
  await page.getByRole("option", { name: /Zoom to fit/ }).waitFor();
  await page.screenshot({ path: `${OUT}/command-palette.png` });
  await page.keyboard.press("Escape");

  await scenarioScene(page);
  await notesScene(page);
  await surveyScene(page);

  // The export dialog, then the executive report as the browser build prints it, pages turned into pictures.
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const exportDialog = page.getByRole("dialog", { name: /^Export “/ });
  await exportDialog.getByRole("radio", { name: /Executive report/ }).check();
  await page.screenshot({ path: `${OUT}/export-dialog.png` });
  await exportDialog.getByRole("button", { name: "Export", exact: true }).click();
  await exportDialog.waitFor({ state: "detached" });
  const folder = mkdtempSync(path.join(tmpdir(), "screenshots-"));
  const pdf = path.join(folder, "report.pdf");
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  for (const [page, name] of [
    [2, "report-summary"],
    [3, "report-diagram"],
    [5, "report-phase"],
  ] as const) {
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "80",
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      pdf,
      `${OUT}/${name}`,
    ]);
  }
  rmSync(folder, { recursive: true, force: true });

  await page.getByRole("button", { name: "Back to roadmaps" }).click();
  await page.getByRole("button", { name: "New roadmap" }).click();
  await page.getByRole("textbox", { name: "Name" }).fill("Retail bank — Young professionals");
  await page.getByRole("textbox", { name: "Client" }).fill("Northwind Bank");
  await page.getByRole("button", { name: "Create roadmap" }).click();
  await page.getByRole("button", { name: "Back to roadmaps" }).click();
  await page.getByRole("table").waitFor();
  await page.screenshot({ path: `${OUT}/home.png` });

  await page.getByRole("button", { name: "New roadmap" }).click();
  await page.screenshot({ path: `${OUT}/new-roadmap-dialog.png` });
  await page.keyboard.press("Escape");

  await rsiScene(page);
  await compareScene(page);

  const big = generateRoadmap({ phases: 3000, transitionsPerPhase: 1.5, communications: 2000, segments: 12, seed: 7 });
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import .roadmap…" }).click(),
  ]);
  await chooser.setFiles({
    name: "large.roadmap",
    mimeType: "application/json",
    buffer: Buffer.from(serializeRoadmap(big)),
  });
  await page.getByRole("button", { name: big.name, exact: true }).click();
  await page.locator(".react-flow__node").first().waitFor();
  await settled(page);
  await page.screenshot({ path: `${OUT}/canvas-3000-fit.png` });
  await page.getByRole("button", { name: "100 %" }).click();
  await settled(page);
  await page.screenshot({ path: `${OUT}/canvas-3000-100.png` });
  // The template auto-arranged for the wall, fitted to a laptop and to a projector.
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    const { page: wall, context } = await openApp(browser, server.url);
    await wall.setViewportSize({ width, height });
    await wall.getByRole("button", { name: /Start from “B2B subscription software”/ }).click();
    await wall.locator(".react-flow__node").first().waitFor();
    await wall.getByRole("button", { name: "Auto-arrange" }).click();
    await wall.getByText("Arranging phases…").waitFor({ state: "detached" });
    await wall.getByRole("button", { name: "Zoom to fit" }).click();
    await settled(wall);
    await wall.screenshot({ path: `${OUT}/canvas-arranged-${width}.png` });
    await context.close();
  }
  const { page: optimiser, context: optimiserContext } = await openApp(browser, server.url);
  await optimiserScene(optimiser);
  await optimiserContext.close();
  const { page: versions, context: versionsContext } = await openApp(browser, server.url);
  await versionsScene(versions);
  await versionsContext.close();
  console.log(`Saved screenshots to ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * Named versions: one saved before three changes, the Versions panel listing it, and its
 * comparison with the current state (the totals' movement, then each change with old and new values).
 */
async function versionsScene(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Start from “B2B subscription software”/ }).click();
  await page.locator(".react-flow__node", { hasText: "Trial" }).click();
  await page.keyboard.press(process.platform === "darwin" ? "Meta+Alt+KeyS" : "Control+Alt+KeyS");
  const save = page.getByRole("dialog", { name: "Save version" });
  await save.getByRole("textbox", { name: "Note" }).fill("Shown to the board: budget before the cuts");
  await save.getByRole("textbox", { name: "Name" }).fill("Board 12th");
  await save.getByRole("textbox", { name: "Name" }).press("Enter");
  await save.waitFor({ state: "detached" });
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  await name.fill("Free trial");
  await name.press("Enter");
  const item = page.getByRole("listitem", { name: /^Communication / }).first();
  await item.getByText("All fields").click();
  await item.getByRole("textbox", { name: "Response rate" }).fill("37");
  await item.getByRole("textbox", { name: "Response rate" }).press("Enter");
  await page.getByRole("textbox", { name: "New communication" }).fill("Board follow-up call");
  await page.getByRole("textbox", { name: "New communication" }).press("Enter");
  await page.getByRole("button", { name: "Versions", exact: true }).click();
  const panel = page.getByRole("complementary", { name: "Versions panel" });
  await panel.getByRole("listitem", { name: "Version Board 12th" }).getByRole("checkbox").check();
  await panel.getByRole("checkbox", { name: "Current state" }).check();
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await settled(page);
  await page.screenshot({ path: `${OUT}/versions-panel.png` });
  await panel.getByRole("button", { name: /^Compare/ }).click();
  await page
    .getByRole("dialog", { name: /^Compare/ })
    .getByRole("region", { name: "What changed" })
    .waitFor();
  await page.screenshot({ path: `${OUT}/versions-compare.png` });
}

/** The New roadmap gallery, once every preview has been drawn and decoded. */
async function shootGallery(page: Page): Promise<void> {
  await page.getByRole("button", { name: "New roadmap" }).click();
  const dialog = page.getByRole("dialog", { name: "New roadmap" });
  await dialog.getByRole("textbox", { name: "Client" }).fill("Contoso Bank");
  await dialog.getByRole("radio", { name: /^Retail banking/ }).check();
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLImageElement>(".template-preview")].every(
      (img) => img.tagName !== "IMG" || img.complete,
    ),
  );
  await page.screenshot({ path: `${OUT}/new-roadmap-gallery.png` });
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
}
