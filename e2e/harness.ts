import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { type PreviewServer, preview } from "vite";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  await page.getByRole("heading", { name: "Roadmaps" }).waitFor();
  Object.assign(page, { appErrors: errors });
  return { context, page };
}

/** Console errors and uncaught exceptions the page reported since it opened. */
export function appErrors(page: Page): string[] {
  return (page as Page & { appErrors: string[] }).appErrors;
}

/**
 * One browser and one server for a test file, and a fresh profile for each
 * test: `open()` gives a page on the app; after each test the page must have
 * logged no errors, and its profile is thrown away.
 */
export function setUpAppInBrowser(): { open: (user?: BrowserUser) => Promise<Page> } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveBuiltApp>> | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    server = await serveBuiltApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    if (!page) return;
    const errors = appErrors(page);
    await page.context().close();
    page = undefined;
    expect(errors).toEqual([]);
  });

  return {
    open: async (user) => {
      if (!browser || !server)
        throw new Error("setUpAppInBrowser: the browser is not up yet (call open() inside a test)");
      page = (await openApp(browser, server.url, user)).page;
      return page;
    },
  };
}

/** A phase on the canvas, found by (part of) its name. */
export const phaseNode = (page: Page, name: string) => page.locator(".react-flow__node", { hasText: name });

/** The canvas itself, which takes the keyboard. */
export const canvasOf = (page: Page) => page.getByRole("application", { name: /Roadmap canvas/ });

/** The platform's command modifier, as Playwright names it. */
export const MOD = process.platform === "darwin" ? "Meta" : "Control";
