// `npm run bench:export`: times every export of the 2,000-communication roadmap, each beside a bare
// baseline in the same run — the library doing the same amount of work without our logic — and prints
// the figures. The workbook is built in child processes (scripts/benchWorkbook.ts) so each peak memory is
// that build's alone, not this script's browser driver's; so is the slide deck (scripts/benchDeck.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { planRoadmap } from "../shared/engine";
import { communicationPlanCsv } from "../shared/export/communicationPlanCsv";
import { communicationPlanCalendar } from "../shared/export/communicationPlanIcs";
import { listSendOccasions } from "../shared/export/sendOccasions";
import { readDeck } from "../shared/export/slides/testing/readDeck";
import { serializeRoadmap } from "../shared/model";
import { slideLoads } from "./bareDeck";
import { now, roadmap } from "./benchExportRoadmap";

const RUNS = 5;

async function median(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

const plan = planRoadmap(roadmap);
const occasions = listSendOccasions(roadmap, plan);
const line = (label: string, ours: number, bare: number, unit = "ms") =>
  console.log(
    `${label.padEnd(34)} ${ours.toFixed(0).padStart(7)} ${unit}   bare ${bare.toFixed(0).padStart(7)} ${unit}   ×${(ours / bare).toFixed(2)}`,
  );

interface ChildBuild {
  ms: number;
  bytes: number;
  peakMb: number;
  /** The peak less what the process held before the build: Node, the modules and the planned roadmap. */
  buildMb: number;
}

/** One build in a fresh Node process, so its peak memory is its own: what the script printed. */
const buildInChild = (script: string, ...args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, ["scripts/run-ts.mjs", script, ...args], { encoding: "utf8" }),
  ) as ChildBuild;

console.log(
  `Roadmap: ${roadmap.phases.length} phases, ${roadmap.communications.length} communications, ${roadmap.horizonMonths} months, ${occasions.length} send occasions\n`,
);

// `--deck` times the slide deck alone, for working on its sections.
if (!process.argv.includes("--deck")) await benchCsvIcsWorkbook();
await benchDeck();
if (!process.argv.includes("--deck")) await benchPdf();

async function benchCsvIcsWorkbook(): Promise<void> {
  const csvMs = await median(() => communicationPlanCsv(roadmap, plan));
  const bareCsvMs = await median(() =>
    occasions.map((o) => [o.date, o.phaseName, o.communicationName, o.reach, o.cost].join(",")).join("\r\n"),
  );
  line("CSV (target < 500 ms)", csvMs, bareCsvMs);

  const icsMs = await median(() => communicationPlanCalendar(roadmap, plan, { now }));
  const bareIcsMs = await median(() => {
    const calendar = new ICAL.Component(["vcalendar", [], []]);
    for (const o of occasions) {
      const event = new ICAL.Component("vevent");
      event.addPropertyWithValue("uid", `${o.communicationId}-${o.monthLabel}`);
      event.addPropertyWithValue("summary", `${o.communicationName} — ${o.phaseName}`);
      event.addPropertyWithValue("dtstart", ICAL.Time.fromDateString(o.date));
      calendar.addSubcomponent(event);
    }
    return calendar.toString();
  });
  line("iCalendar (target < 500 ms)", icsMs, bareIcsMs);

  const ours = buildInChild("scripts/benchWorkbook.ts", "ours");
  const bare = buildInChild("scripts/benchWorkbook.ts", "bare");
  line("XLSX (target < 3,000 ms)", ours.ms, bare.ms);
  line("XLSX peak memory (target < 300 MB)", ours.peakMb, bare.peakMb, "MB");
  line("  of which the build itself", ours.buildMb, bare.buildMb, "MB");
  console.log(`${"".padEnd(34)} ${(ours.bytes / 1e6).toFixed(1)} MB file; bare ${(bare.bytes / 1e6).toFixed(1)} MB`);
}

/**
 * The slide deck with every section, costs shown. Baseline: pptxgenjs writing as many slides, shapes, table
 * cells and chart points as ours (counted from our file), with none of our layout. Each build is a fresh
 * process; times are the median of three.
 */
async function benchDeck(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), "bench-deck-"));
  try {
    const ourFile = path.join(folder, "deck.pptx");
    const loadsFile = path.join(folder, "loads.json");
    const build = (...args: string[]) => buildInChild("scripts/benchDeck.ts", ...args);
    const middle = (builds: ChildBuild[]) => {
      const of = (key: "ms" | "peakMb" | "buildMb") =>
        builds.map((b) => b[key]).sort((a, b) => a - b)[Math.floor(builds.length / 2)] as number;
      return { ms: of("ms"), peakMb: of("peakMb"), buildMb: of("buildMb"), bytes: builds[0]?.bytes ?? 0 };
    };
    const ours = middle([1, 2, 3].map(() => build("ours", ourFile)));
    const loads = slideLoads(await readDeck(readFileSync(ourFile)));
    writeFileSync(loadsFile, JSON.stringify(loads));
    const bare = middle([1, 2, 3].map(() => build("bare", loadsFile)));
    const sum = (count: (load: (typeof loads)[number]) => number) =>
      loads.reduce((total, load) => total + count(load), 0);
    line("Slide deck (target < 5,000 ms)", ours.ms, bare.ms);
    line("Deck peak memory (target < 400 MB)", ours.peakMb, bare.peakMb, "MB");
    line("  of which the build itself", ours.buildMb, bare.buildMb, "MB");
    console.log(
      `${"".padEnd(34)} ${loads.length} slides, ${sum((l) => l.shapes)} shapes, ${sum((l) => l.tables.reduce((n, t) => n + t.rows * t.columns, 0))} table cells, ${sum((l) => l.charts.length)} charts; ${(ours.bytes / 1e6).toFixed(1)} MB file, bare ${(bare.bytes / 1e6).toFixed(1)} MB`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The PDF as the browser build makes it: the app lays the report out in the page (what Electron's hidden
 * window does too), then Chromium prints it. Baseline: Chromium printing one bare table with as many rows and
 * cells as the report's tables.
 */
async function benchPdf(): Promise<void> {
  const { launchChromium, openApp, serveBuiltApp } = await import("../e2e/harness");
  const folder = mkdtempSync(path.join(tmpdir(), "bench-export-"));
  // `--keep-pdf <folder>` keeps the two reports, to look at.
  const keepAt = process.argv.indexOf("--keep-pdf");
  const keep = keepAt >= 0 ? process.argv[keepAt + 1] : undefined;
  const file = path.join(folder, "big.roadmap");
  writeFileSync(file, serializeRoadmap(roadmap));
  const server = await serveBuiltApp();
  const browser = await launchChromium();
  try {
    const { page } = await openApp(browser, server.url);
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import .roadmap…" }).click();
    await (await chooser).setFiles(file);
    await page.getByRole("button", { name: roadmap.name, exact: true }).click();
    await page.locator(".react-flow__node").first().waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      window.print = () => {};
    });
    const printed = async (appendix: boolean) => {
      await page.keyboard.press("Control+p");
      const dialog = page.getByRole("dialog", { name: /^Export “/ });
      await dialog.getByRole("checkbox", { name: "Include full detail appendix" }).setChecked(appendix);
      const started = performance.now();
      await dialog.getByRole("button", { name: "Export", exact: true }).click();
      await dialog.waitFor({ state: "detached", timeout: 120_000 });
      const laidOut = performance.now();
      // Printing fires "afterprint", which takes the report out of the page: count its rows first.
      const rows = await page.locator(".report-print-root tr").count();
      const cells = await page.locator(".report-print-root :is(td, th)").count();
      const counted = performance.now();
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const done = performance.now() - (counted - laidOut);
      await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
      const file = path.join(keep ?? folder, appendix ? "report-appendix.pdf" : "report.pdf");
      writeFileSync(file, pdf);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
      return { ms: done - started, layoutMs: laidOut - started, rows, cells, pages, mb: pdf.byteLength / 1e6 };
    };
    const report = await printed(false);
    const appendix = await printed(true);

    const barePage = await browser.newPage();
    // As many rows and cells as the report's tables, in one plain table.
    const bare = async ({ rows, cells }: { rows: number; cells: number }) => {
      const perRow = Math.max(1, Math.round(cells / rows));
      await barePage.setContent(
        `<table>${Array.from({ length: rows }, (_, i) => `<tr>${Array.from({ length: perRow }, (_, j) => `<td>${i * perRow + j}</td>`).join("")}</tr>`).join("")}</table>`,
        // The appendix's bare table has thousands of rows: on a loaded machine it loads in more than the default 30 s.
        { timeout: 300_000 },
      );
      const bareStarted = performance.now();
      await barePage.pdf();
      return performance.now() - bareStarted;
    };
    for (const [label, result] of [
      ["PDF, lay out + print (target < 3,000 ms)", report],
      ["PDF with the appendix", appendix],
    ] as const) {
      line(label, result.ms, await bare(result));
      console.log(
        `${"".padEnd(34)} layout ${result.layoutMs.toFixed(0)} ms, print ${(result.ms - result.layoutMs).toFixed(0)} ms; ${result.pages} pages, ${result.rows} table rows, ${result.cells} cells, ${result.mb.toFixed(1)} MB`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
