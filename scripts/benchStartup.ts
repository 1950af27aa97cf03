// `npm run bench:startup`: how much JavaScript the app's first screens load (the library, then a roadmap opened
// from a template), counted from what headless Chromium fetches, workers included, against the built app.
import { statSync } from "node:fs";
import type { Response } from "playwright-core";
import { launchChromium, openApp, openTemplate, serveBuiltApp } from "../e2e/harness";

const server = await serveBuiltApp();
const browser = await launchChromium();
const loaded = new Map<string, number>();
const countScript = (response: Response) => {
  const path = new URL(response.url()).pathname;
  if (!path.endsWith(".js") || loaded.has(path)) return;
  loaded.set(path, statSync(`dist/renderer${path}`).size);
};
const total = () => [...loaded.values()].reduce((sum, size) => sum + size, 0);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
const list = () => [...loaded].map(([path, size]) => `${path.split("/").pop()} ${kB(size)}`).join(", ");

try {
  const { context, page } = await openApp(browser, server.url, {});
  context.on("response", countScript);
  // Responses that arrived before the listener: the page's own scripts and its workers.
  await page.reload();
  await page.getByRole("heading", { name: "Roadmaps" }).waitFor();
  console.log(`library: ${kB(total())} of JavaScript (${list()})`);
  await openTemplate(page);
  console.log(`opened roadmap: ${kB(total())} of JavaScript (${list()})`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
