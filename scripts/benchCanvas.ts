// `npm run bench:canvas`: opens generated roadmaps in the app's real canvas and in a bare React Flow page
// (the library's own limit) in headless Chromium, and prints open time, drag and pan frame times and render counts.
import type { Page } from "playwright-core";
import { preview } from "vite";
import { launchChromium, settled } from "../e2e/harness";

interface Figures {
  openMs: number;
  drag: { median: number; p95: number };
  pan: { median: number; p95: number };
  renders?: {
    phases: string[];
    phaseRenders: number;
    transitions: number;
    outsideIncident: number;
    incident: number;
    dragged: string;
  };
}

const SIZES = [300, 3000];
/** The whole roadmap fitted to the screen (null), and 100 %, the zoom people work at. */
const ZOOMS = [null, 1];
const STEPS = 60;

const server = await preview({
  configFile: "vite.bench.config.ts",
  logLevel: "warn",
  preview: { host: "127.0.0.1", port: 0, strictPort: false },
});
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error("the preview server did not report its address");
const browser = await launchChromium();

const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

function stats(frames: number[]) {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

async function record(page: Page, act: () => Promise<void>) {
  await page.evaluate(() => {
    window.bench.frames = [];
    window.bench.renders.phase.clear();
    window.bench.renders.transition.clear();
    window.bench.recording = true;
  });
  await act();
  return page.evaluate(() => {
    window.bench.recording = false;
    return window.bench.frames.slice(1);
  });
}

async function measure(mode: "app" | "bare", phases: number, zoom: number | null): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}bench/canvas.html?mode=${mode}&phases=${phases}`);
  await page.waitForFunction(() => window.bench?.interactiveAt !== undefined, null, { timeout: 120_000 });
  const openMs = await page.evaluate(() => (window.bench.interactiveAt ?? 0) - (window.bench.openedAt ?? 0));
  // The plan arrives from its worker after the canvas is usable and repaints every phase's figures once; the
  // drag and pan are measured after that, so they measure dragging and panning.
  await page.waitForFunction(() => window.bench.planned, null, { timeout: 300_000 });
  if (zoom !== null) await page.evaluate((z) => window.bench.zoomTo(z), zoom);
  await settled(page);

  // Drag the node nearest the middle of the screen, one mouse move per frame.
  const node = await page.evaluate(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>(".react-flow__node")];
    let best: { id: string; x: number; y: number; d: number } | null = null;
    for (const n of nodes) {
      const box = n.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + Math.min(12, box.height / 2);
      const d = Math.hypot(x - 500, y - 400);
      if (!best || d < best.d) best = { id: n.dataset.id ?? "", x, y, d };
    }
    return best;
  });
  if (!node) throw new Error("no node on screen");
  const dragFrames = await record(page, async () => {
    await page.mouse.move(node.x, node.y);
    await page.mouse.down();
    for (let i = 1; i <= STEPS; i++) {
      await page.mouse.move(node.x + i * 3, node.y + i * 2);
      await nextFrame(page);
    }
    await page.mouse.up();
  });
  const renders =
    mode === "app"
      ? await page.evaluate((id) => {
          const incident = new Set(window.bench.incident(id));
          const transitions = [...window.bench.renders.transition.keys()];
          return {
            phases: [...window.bench.renders.phase.keys()],
            phaseRenders: [...window.bench.renders.phase.values()].reduce((a, b) => a + b, 0),
            transitions: transitions.length,
            outsideIncident: transitions.filter((t) => !incident.has(t)).length,
            incident: incident.size,
            dragged: id,
          };
        }, node.id)
      : undefined;

  // Pan with the wheel, one step per frame (the app pans on scroll; so does the bare page here).
  await page.mouse.move(640, 400);
  const panFrames = await record(page, async () => {
    for (let i = 0; i < STEPS; i++) {
      await page.mouse.wheel(8, 6);
      await nextFrame(page);
    }
  });
  await context.close();
  return { openMs, drag: stats(dragFrames), pan: stats(panFrames), renders };
}

const fmt = (n: number) => n.toFixed(1);

function describeRenders(renders: Figures["renders"]): string {
  if (!renders) return "";
  const others = renders.phases.filter((id) => id !== renders.dragged).length;
  return `dragged phase ${renders.phaseRenders - 0}× over ${STEPS} moves; other phases: ${others}; transitions: ${renders.transitions} of its ${renders.incident} (others: ${renders.outsideIncident})`;
}
/** Auto-arrange of the largest template in the app's layout worker, against elkjs alone on the same graph. */
async function measureLayout(): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}bench/canvas.html?mode=layout`);
  await page.waitForFunction(() => window.bench?.layout !== undefined, null, { timeout: 300_000 });
  const layout = await page.evaluate(() => window.bench.layout);
  await context.close();
  if (!layout) throw new Error("the layout page reported nothing");
  const ratio = layout.bareMs > 0 ? (layout.workerMs / layout.bareMs).toFixed(2) : "n/a";
  return [
    `Auto-arrange of the largest template, “${layout.roadmap}” (${layout.phases} phases, ${layout.transitions} transitions), goal under 500 ms in the worker:`,
    `  in the layout worker: ${fmt(layout.workerMs)} ms (median of warm runs; first run, loading the worker and elkjs: ${fmt(layout.firstMs)} ms)`,
    `  elkjs alone, same graph, on the page: ${fmt(layout.bareMs)} ms; worker / bare: ×${ratio}`,
  ].join("\n");
}

const rows: string[] = [];
let layoutReport = "";
try {
  layoutReport = await measureLayout();
  for (const [phases, zoom] of SIZES.flatMap((n) => ZOOMS.map((z) => [n, z] as const))) {
    const bare = await measure("bare", phases, zoom);
    const app = await measure("app", phases, zoom);
    const view = zoom === null ? "fit" : `${zoom * 100} %`;
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "n/a");
    rows.push(
      `| ${phases} | ${view} | bare React Flow | ${fmt(bare.openMs)} | ${fmt(bare.drag.median)} / ${fmt(bare.drag.p95)} | ${fmt(bare.pan.median)} / ${fmt(bare.pan.p95)} | — |`,
      `| ${phases} | ${view} | Relationship Roadmap | ${fmt(app.openMs)} | ${fmt(app.drag.median)} / ${fmt(app.drag.p95)} (×${ratio(app.drag.p95, bare.drag.p95)}) | ${fmt(app.pan.median)} / ${fmt(app.pan.p95)} (×${ratio(app.pan.p95, bare.pan.p95)}) | ${describeRenders(app.renders)} |`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  "| phases | view | page | open → interactive (ms) | drag frame median / p95 (ms) | pan frame median / p95 (ms) | renders during the drag |",
);
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
console.log(`\n${layoutReport}`);
