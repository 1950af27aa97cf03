// `npm run bench:scenarios`: a three-way scenario comparison (To-be, As-is, Lean) of the engine benchmark's
// roadmap (300 phases, 2,000 communications, 12 segments, 60 months), timed beside planning the base plan alone
// in the same run (the work no comparison can skip), with the memory it takes; then the same comparison through
// the app's comparison worker in headless Chromium, as the Compare view asks for it. Goal: ≤ 1 s in the worker.
import os from "node:os";
import { preview } from "vite";
import { launchChromium } from "../e2e/harness";
import { createComparer } from "../renderer/features/compare/comparer";
import { createPlanEngine, planRoadmap } from "../shared/engine";
import { compareScenarios } from "../shared/engine/scenarioComparison";
import { BENCHMARK_SCENARIO_IDS, scenarioBenchmarkRoadmap } from "../shared/engine/testing/scenarioBenchmark";
import { resolveScenario } from "../shared/model/scenarios";

const RUNS = 5;
const GOAL_MS = 1_000;

const collectGarbage = (globalThis as { gc?: () => void }).gc;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const time = (work: () => unknown) => {
  const started = performance.now();
  work();
  return performance.now() - started;
};

const roadmap = scenarioBenchmarkRoadmap();
const ids = [...BENCHMARK_SCENARIO_IDS];
const base = resolveScenario(roadmap, ids[0] as string);
const [asIs, lean] = roadmap.scenarios;
console.log(
  `${roadmap.communications.length} communications, ${roadmap.phases.length} phases, ${roadmap.segments.length} segments, ${roadmap.horizonMonths} months; ` +
    `As-is leaves out ${asIs?.excludedCommunicationIds.length}, Lean leaves out ${lean?.excludedCommunicationIds.length} and overrides ` +
    `${Object.keys(lean?.communications ?? {}).length} communications, ${Object.keys(lean?.transitions ?? {}).length} transitions and ` +
    `${Object.keys(lean?.phases ?? {}).length} phases' churn.\n`,
);
if (!collectGarbage) console.log("(run with node --expose-gc for the memory figures to be the comparison's alone)\n");

// Memory first, before anything else has pushed the process's peak up: what one comparison needs on top of the roadmap.
collectGarbage?.();
const rssBefore = process.resourceUsage().maxRSS * 1024;
const heapBefore = process.memoryUsage().heapUsed;
let comparison = compareScenarios(roadmap, ids);
const heapGrown = process.memoryUsage().heapUsed - heapBefore;
const rssPeak = process.resourceUsage().maxRSS * 1024 - rssBefore;
collectGarbage?.();
const heapHeld = process.memoryUsage().heapUsed - heapBefore;

/** The roadmap after an edit of one communication's response rate, `run` making each edit a new one. */
const editedFor = (run: number) => ({
  ...roadmap,
  communications: roadmap.communications.map((c, i) =>
    i === 7 ? { ...c, responseRate: Math.min(1, c.responseRate + (run + 1) / 1000) } : c,
  ),
});

const shared: number[] = [];
const firstInWorker: number[] = [];
const afterEdit: number[] = [];
const baseAlone: number[] = [];
for (let run = 0; run <= RUNS; run++) {
  // compareScenarios as it stands: one fresh engine for the three scenarios.
  const f = time(() => {
    comparison = compareScenarios(roadmap, ids);
  });
  // The worker's way: an engine per scenario, fresh, then kept for the comparison after an edit.
  const comparer = createComparer();
  const w = time(() => comparer({ roadmap, scenarioIds: ids }));
  // Copied as postMessage copies it: the worker's document shares no object with the one it compared before.
  const edited = structuredClone(editedFor(run));
  const e = time(() => comparer({ roadmap: edited, scenarioIds: ids }));
  const b = time(() => planRoadmap(base));
  // The first round warms the JIT up.
  if (run === 0) continue;
  shared.push(f);
  firstInWorker.push(w);
  afterEdit.push(e);
  baseAlone.push(b);
}
const engine = createPlanEngine();
compareScenarios(roadmap, ids, engine);

const baseline = median(baseAlone);
const line = (label: string, value: number) => `| ${label} | ${ms(value)} | ×${(value / baseline).toFixed(2)} |`;
console.log(
  `Load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(", ")} on ${os.availableParallelism()} cores.\n`,
);
console.log("| In node | median | × planning the base alone |");
console.log("|---|---:|---:|");
console.log(line("Planning the base plan alone (planRoadmap)", baseline));
console.log(line("Three-way comparison, one engine shared (compareScenarios)", median(shared)));
console.log(line("Three-way comparison in the worker's comparer, first request", median(firstInWorker)));
console.log(line("The same after editing one communication (the comparer's second request)", median(afterEdit)));
console.log(
  `\nOne shared-engine comparison: ${engine.stats.flowSimulations} customer-flow simulations and ${engine.stats.communicationSchedules} communication schedules for ${engine.stats.runs} scenarios; ` +
    `heap grown by ${mb(heapGrown)} while it ran (${mb(heapHeld)} still held by its result after collection), ` +
    `peak RSS ${rssPeak > 0 ? `+${mb(rssPeak)}` : "not above the roadmap's own"} over the process with the roadmap loaded.`,
);
for (const figures of comparison.scenarios) {
  console.log(
    `  ${figures.name}: budget ${figures.totals.budget.toFixed(2)}, value ${figures.totals.value.toFixed(2)}, customers kept ${figures.totals.customersKept.toFixed(0)}, collisions ${figures.totals.collisions}`,
  );
}

if (process.argv.includes("--node-only")) process.exit(0);

// The same comparison as the Compare view runs it: the roadmap posted to the comparison worker and the figures
// posted back, in the app's bundle (renderer/bench/compare.html, built by vite.bench.config.ts).
const server = await preview({
  configFile: "vite.bench.config.ts",
  logLevel: "warn",
  preview: { host: "127.0.0.1", port: 0, strictPort: false },
});
const address = server.resolvedUrls?.local[0];
if (!address) throw new Error("the preview server did not report its address");
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${address}bench/compare.html`);
  await page.waitForFunction(() => window.compareBench !== undefined, null, { timeout: 60_000 });
  const timings = await page.evaluate((runs) => window.compareBench.run(runs), RUNS);
  console.log("\n| In the Chromium worker | median | × planning the base alone there | goal |");
  console.log("|---|---:|---:|---|");
  const row = (label: string, value: number) =>
    `| ${label} | ${ms(value)} | ×${(value / timings.baseAlone).toFixed(2)} | ${value <= GOAL_MS ? "met" : "MISSED"} (≤ ${GOAL_MS / 1000} s) |`;
  console.log(`| Planning the base plan alone, in the page | ${ms(timings.baseAlone)} | ×1.0 | |`);
  console.log(row("Three-way comparison in a new worker (it starts, engines fresh)", timings.first));
  console.log(row("The same after editing one communication (engines kept)", timings.afterEdit));
  console.log(
    `\nMedians of ${RUNS} runs after one warm-up; each worker timing runs from compare() to the figures in the page, the roadmap posted and the result posted back.`,
  );
} finally {
  await browser.close();
  server.httpServer.close();
}
