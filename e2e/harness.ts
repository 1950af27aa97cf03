import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { type PreviewServer, preview } from "vite";
import { afterAll, beforeAll, expect } from "vitest";

/** Debian's Chromium, or whatever CHROMIUM_PATH names; Playwright's own browser download is never used. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`No Chromium found (looked at ${candidates.join(", ")}); install Debian's chromium`);
  return found;
}

/**
 * Console errors and uncaught exceptions of every browser context opened on a
 * browser from `launchChromium`, by context, until `takeBrowserErrors` reads them.
 */
const contextErrors = new Map<BrowserContext, string[]>();

function watchErrors(context: BrowserContext): BrowserContext {
  const errors: string[] = [];
  contextErrors.set(context, errors);
  // Context-wide, so pages a test opens itself, popups and workers are heard as well as the app's first page.
  context.on("weberror", (error) => errors.push(`uncaught: ${error.error().message}`));
  context.on("console", (message) => {
    const where = message.location().url;
    if (message.type() === "error") errors.push(`console.error: ${message.text()}${where ? ` (${where})` : ""}`);
  });
  return context;
}

/** Debian's Chromium, headless; every context opened on it, by whatever route, has its errors watched. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  // browser.newPage opens its context through newContext, so this one hook covers both.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchErrors(await newContext(options));
  return browser;
}

/** The errors watched contexts reported since the last call; reading them forgets them. */
export function takeBrowserErrors(): string[] {
  const all = [...contextErrors.values()].flat();
  for (const errors of contextErrors.values()) errors.length = 0;
  return all;
}

/**
 * Closes every watched context and returns what they reported: run after each
 * end-to-end test (e2e/setup.ts), so each test starts on a fresh profile and
 * fails on any console error or uncaught exception of any of its pages.
 */
export async function closeBrowserContexts(): Promise<string[]> {
  const contexts = [...contextErrors.keys()];
  await Promise.all(contexts.map((context) => context.close()));
  const errors = takeBrowserErrors();
  for (const context of contexts) contextErrors.delete(context);
  return errors;
}

/** Serves the built renderer (dist/renderer, made by `npm run build:web`) on a free loopback port. */
export async function serveBuiltApp(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync("dist/renderer/index.html"))
    throw new Error("dist/renderer is missing: run `npm run build:web` first");
  const server: PreviewServer = await preview({
    configFile: "vite.config.ts",
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("the preview server did not report its address");
  return { url, close: () => server.close() };
}

/** What the browser says about its user: the locale numbers are typed and shown in ("en-US" unless a test says). */
export interface BrowserUser {
  locale?: string;
}

/** A fresh browser profile (empty IndexedDB) at 1280×800, opened on the app. */
export async function openApp(
  browser: Browser,
  url: string,
  { locale = "en-US" }: BrowserUser = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole("heading", { name: "Roadmaps" }).waitFor();
  return { context, page };
}

/**
 * One browser and one server for a test file: `open()` gives a page on the
 * app in a fresh profile; a test that needs its own contexts opens them on
 * `browser()` at `url()`. Every context is checked for errors and closed after
 * each test (e2e/setup.ts).
 */
export function setUpAppInBrowser(): {
  open: (user?: BrowserUser) => Promise<Page>;
  browser: () => Browser;
  url: () => string;
} {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveBuiltApp>> | undefined;

  beforeAll(async () => {
    server = await serveBuiltApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const up = () => {
    if (!browser || !server) throw new Error("setUpAppInBrowser: the browser is not up yet (use it inside a test)");
    return { browser, server };
  };
  return {
    open: async (user) => {
      const { browser, server } = up();
      return (await openApp(browser, server.url, user)).page;
    },
    browser: () => up().browser,
    url: () => up().server.url,
  };
}

/**
 * Waits until the canvas has stopped moving — the viewport's transform the
 * same for ten frames in a row — and every CSS animation has finished, so a
 * picture or a measurement never catches a zoom or a panel half-way, however
 * busy the machine.
 */
export async function settled(page: Page) {
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((animation) => animation.finished));
    const viewport = () => document.querySelector(".react-flow__viewport")?.getAttribute("style") ?? "";
    let last = viewport();
    let still = 0;
    while (still < 10) {
      await new Promise((frame) => requestAnimationFrame(frame));
      const now = viewport();
      still = now === last ? still + 1 : 0;
      last = now;
    }
  });
}

/** A phase on the canvas, found by (part of) its name. */
export const phaseNode = (page: Page, name: string) => page.locator(".react-flow__node", { hasText: name });

/** The canvas itself, which takes the keyboard. */
export const canvasOf = (page: Page) => page.getByRole("application", { name: /Roadmap canvas/ });

/** From the library, a new blank roadmap of that name, open on its empty canvas. */
export async function newBlankRoadmap(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "New roadmap" }).click();
  const dialog = page.getByRole("dialog", { name: "New roadmap" });
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await dialog.getByRole("radio", { name: /Blank roadmap/ }).check();
  await dialog.getByRole("button", { name: "Create roadmap" }).click();
  await canvasOf(page).waitFor();
}

/** From the library, the B2B subscription template, open on its canvas. */
export async function openTemplate(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Start from “B2B subscription software”" }).click();
  await phaseNode(page, "Trial").waitFor();
}

/**
 * Waits until every change is in the library, as a user would before closing the window: on the
 * canvas, whose toolbar says "Saved" only once the last save has finished (autosave waits for a pause).
 */
export async function savedToLibrary(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Canvas" }).click();
  await expect.poll(() => page.locator(".save-status").textContent()).toBe("Saved");
}

/** The engine's total, as the Budget view shows it once the plan is current. */
export async function budgetTotal(page: Page): Promise<number> {
  await page.getByRole("tab", { name: "Budget" }).click();
  const total = page.getByTestId("budget-total");
  await total.waitFor();
  await expect.poll(() => page.locator(".plan-view.is-stale").count()).toBe(0);
  return Number(await total.getAttribute("data-value"));
}

/** Imports a roadmap file's text through the library's Import button, as a user picking the file would. */
export async function importRoadmapText(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import .roadmap…" }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

/** The open roadmap as "Save to file" writes it: what the user would hand on. */
export async function exportedDocument(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Save to file" }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

/**
 * Exports the executive report, checking `section` is offered and ticked, and
 * prints it to PDF as the browser's print would once `ready` (a selector in
 * the print root) is there. The app's own window.print is caught first, so
 * the test, not a print dialog, takes the page.
 */
export async function printExecutiveReport(page: Page, section: string, ready: string): Promise<Buffer> {
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Export “/ });
  await dialog.getByRole("radio", { name: /Executive report/ }).check();
  expect(await dialog.getByRole("checkbox", { name: section, exact: true }).isChecked()).toBe(true);
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  await page.locator(`.report-print-root ${ready}`).waitFor({ state: "attached" });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  return pdf;
}

/** Where each phase drawn on the canvas is on screen, with its text to tell them apart. */
export async function phaseBoxes(page: Page): Promise<PhaseBox[]> {
  return page
    .locator(".react-flow__node")
    .evaluateAll((nodes) =>
      nodes.map((node) => ({ text: node.textContent ?? "", ...node.getBoundingClientRect().toJSON() })),
    );
}

export interface PhaseBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The texts of the other phases whose boxes cover part of `box`. */
export function phasesCovering(boxes: readonly PhaseBox[], box: PhaseBox): string[] {
  return boxes
    .filter(
      (other) =>
        other !== box &&
        other.x < box.x + box.width &&
        box.x < other.x + other.width &&
        other.y < box.y + box.height &&
        box.y < other.y + other.height,
    )
    .map((other) => other.text);
}

/** The platform's command modifier, as Playwright names it. */
export const MOD = process.platform === "darwin" ? "Meta" : "Control";
