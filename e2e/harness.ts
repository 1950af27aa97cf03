import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { type PreviewServer, preview } from "vite";

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

/** A fresh browser profile (empty IndexedDB) at 1280×800, opened on the app. */
export async function openApp(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
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
