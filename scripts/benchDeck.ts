// One deck build of `npm run bench:export` in a fresh process, as scripts/benchWorkbook.ts does the workbook:
// `ours OUT` writes our deck of the benchmark roadmap to OUT; `bare LOADS` writes the bare baseline with as
// much in it as the slide loads (JSON, scripts/bareDeck.ts) say. Prints the time, size and peak memory.
import { readFileSync, writeFileSync } from "node:fs";
import { planRoadmap } from "../shared/engine";
import { REPORT_SECTIONS } from "../shared/export/reportOptions";
import { buildSlideDeck } from "../shared/export/slides/slideDeck";
import { bareDeck, type SlideLoad } from "./bareDeck";
import { now, roadmap } from "./benchExportRoadmap";

const [which, file] = process.argv.slice(2);
if ((which !== "ours" && which !== "bare") || !file) throw new Error("usage: benchDeck.ts ours OUT | bare LOADS");
const plan = planRoadmap(roadmap);
const loads = which === "bare" ? (JSON.parse(readFileSync(file, "utf8")) as SlideLoad[]) : [];
const before = process.memoryUsage().rss / 2 ** 20;
const started = performance.now();
const bytes =
  which === "ours"
    ? await buildSlideDeck(roadmap, plan, { sections: [...REPORT_SECTIONS], includeCosts: true, now })
    : await bareDeck(loads);
const ms = performance.now() - started;
const peakMb = process.resourceUsage().maxRSS / 1024;
if (which === "ours") writeFileSync(file, bytes);
process.stdout.write(JSON.stringify({ ms, bytes: bytes.byteLength, peakMb, buildMb: peakMb - before }));
