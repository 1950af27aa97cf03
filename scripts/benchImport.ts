// `npm run bench:import`: times each import case end to end as the app runs it — readTable, guessMapping,
// the kind's preview and apply — beside a bare baseline in the same run (papaparse alone on the same
// text, the one step no implementation can skip), and prints the steps' medians, the heap the import
// holds at its peak and the ratio to the baseline. Goal: ≤ 2 s for each case. A case is one entry of
// CASES: another import kind adds its file and roadmap there.
import Papa from "papaparse";
import { inventoryImportKind } from "../shared/import/inventoryImport";
import { inventoryCsv } from "../shared/import/inventoryImportTesting";
import { guessMapping, type ImportKind } from "../shared/import/mapping";
import { readTable } from "../shared/import/table";
import type { Roadmap } from "../shared/model/schema";
import { createB2bSubscriptionRoadmap } from "../shared/model/templates/b2bSubscriptionSoftware";
import { surveyImportKind } from "../shared/survey/surveyImport";
import { surveyAnswersCsv } from "../shared/survey/surveyImportTesting";

const RUNS = 5;
const GOAL_MS = 2_000;

/** One file to import into one roadmap; `run` does what the app does with it and says how long each step took. */
interface ImportCase {
  name: string;
  /** The file as the user's disk holds it. */
  text: string;
  run(bytes: Uint8Array): Promise<Timings>;
}

/** A case for an import kind: the kind's own type of change stays inside. */
function kindCase<Change>(spec: {
  name: string;
  fileName: string;
  text: string;
  roadmap: Roadmap;
  kind: ImportKind<Change>;
  /** The user's locale, which numbers in the file are written for; en-US when not given. */
  locale?: string;
}): ImportCase {
  return { name: spec.name, text: spec.text, run: (bytes) => runOnce(spec, bytes) };
}

const surveyRoadmap = createB2bSubscriptionRoadmap(new Date("2026-05-01T09:00:00.000Z"));
const inventoryRoadmap = { ...surveyRoadmap, communications: [] };

const CASES: ImportCase[] = [
  kindCase({
    name: "Survey answers, 10,000 respondents × 30 columns",
    fileName: "answers.csv",
    text: surveyAnswersCsv(surveyRoadmap, { respondents: 10_000, seed: 1 }),
    roadmap: surveyRoadmap,
    kind: surveyImportKind,
  }),
  kindCase({
    name: "Communication inventory, 2,000 rows × 12 columns",
    fileName: "inventory.csv",
    text: inventoryCsv(inventoryRoadmap, { rows: 2_000, seed: 1 }),
    roadmap: inventoryRoadmap,
    kind: inventoryImportKind,
    locale: "de-DE",
  }),
];

interface Timings {
  read: number;
  guess: number;
  preview: number;
  apply: number;
  total: number;
  heapMb: number;
  accepted: number;
  refused: number;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

async function runOnce<Change>(
  c: { name: string; fileName: string; roadmap: Roadmap; kind: ImportKind<Change>; locale?: string },
  bytes: Uint8Array,
): Promise<Timings> {
  collectGarbage?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const read = await readTable(c.fileName, bytes);
  if (!read.ok) throw new Error(read.error);
  const t1 = performance.now();
  const mapping = guessMapping(read.value, c.kind.targets(c.roadmap), c.roadmap.importMappings[c.kind.mappingKey]);
  const t2 = performance.now();
  const preview = c.kind.preview(c.roadmap, read.value, mapping, c.locale ?? "en-US");
  const t3 = performance.now();
  const next = c.kind.apply(c.roadmap, preview.change, mapping);
  const t4 = performance.now();
  // Everything the import made is still reachable here: the table, the preview and the new roadmap.
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  if (next === c.roadmap) throw new Error(`${c.name}: nothing was imported (${preview.summary})`);
  return {
    read: t1 - t0,
    guess: t2 - t1,
    preview: t3 - t2,
    apply: t4 - t3,
    total: t4 - t0,
    heapMb,
    accepted: preview.accepted,
    refused: preview.refused,
  };
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

if (!collectGarbage) console.log("(run with node --expose-gc for the heap figures to be the import's alone)\n");
console.log("| Case | read | guess | preview | apply | total | papaparse alone | ratio | heap held (MB) | goal |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
for (const c of CASES) {
  const bytes = new TextEncoder().encode(c.text);
  await c.run(bytes);
  const runs: Timings[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await c.run(bytes));
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    Papa.parse<string[]>(c.text, { skipEmptyLines: false, delimitersToGuess: [",", ";", "\t", "|"] });
    bare.push(performance.now() - started);
  }
  const m = (pick: (t: Timings) => number) => median(runs.map(pick));
  const total = m((t) => t.total);
  const baseline = median(bare);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `| ${c.name} (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, ${runs[0]?.accepted} accepted, ${runs[0]?.refused} refused) | ${ms(m((t) => t.read))} | ${ms(m((t) => t.guess))} | ${ms(m((t) => t.preview))} | ${ms(m((t) => t.apply))} | ${ms(total)} | ${ms(baseline)} | ×${(total / baseline).toFixed(1)} | ${m((t) => t.heapMb).toFixed(0)} | ${total <= GOAL_MS ? "met" : "MISSED"} (≤ ${GOAL_MS / 1000} s) |`,
  );
}
const rss = process.resourceUsage().maxRSS / 1024;
console.log(`\nMedians of ${RUNS} runs after one warm-up. Peak RSS of the whole benchmark: ${rss.toFixed(0)} MB.`);
