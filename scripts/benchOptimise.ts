// `npm run bench:optimise`: the campaign optimiser on the 2,000-communication benchmark roadmap (300 phases,
// 12 segments, 24 months; two frequencies for every recurring send, three personalisation levels for every
// communication, owner budgets at 80 % of their plan's cost, a budget 30 % below the plan's, contact caps kept).
// Prints the model's build time and size, the solve's time and gap (10 s limit, 0.5 % gap asked), the ten-point
// frontier's time, peak memory, and in the same run the baselines: planning the roadmap once, and HiGHS solving
// the model's LP relaxation. Goals from issue 17: gap ≤ 0.5 % within 10 s; the frontier within 60 s.
import os from "node:os";
import loadHighs, { type Highs } from "highs";
import { planRoadmap } from "../shared/engine/planEngine";
import { BASE_SCENARIO_ID } from "../shared/model/schema";
import { computeFrontier } from "../shared/optimise/frontier";
import { modelData } from "../shared/optimise/highsModel";
import { buildOptimisationModel } from "../shared/optimise/optimisationModel";
import { solveOptimisation } from "../shared/optimise/solveOptimisation";
import { choiceJudge } from "../shared/optimise/testing/bruteForce";
import { optimiserBenchmarkRoadmap } from "../shared/optimise/testing/optimiserBenchmark";
import type { OptimisationModel } from "../shared/optimise/types";

const SOLVE_GOAL_S = 10;
const GAP_GOAL = 0.005;
const FRONTIER_GOAL_S = 60;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (share: number) => `${(share * 100).toFixed(2)} %`;
const money = (value: number) => Math.round(value).toLocaleString("en-GB");
const timed = <T>(work: () => T): { result: T; ms: number } => {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
};

/** RSS is sampled whenever the solver reports progress (the solve holds the thread), and at each stage's end. */
let peakSampledRss = 0;
const sample = () => {
  peakSampledRss = Math.max(peakSampledRss, process.memoryUsage().rss);
};

const load = os.loadavg().map((n) => n.toFixed(1));
console.log(`Load average ${load.join(", ")} on ${os.availableParallelism()} cores (the machine is shared).\n`);

const built = timed(() => optimiserBenchmarkRoadmap());
const roadmap = built.result;
const settings = roadmap.optimiser;
console.log(
  `${roadmap.communications.length} communications, ${roadmap.phases.length} phases, ${roadmap.segments.length} segments, ` +
    `${roadmap.horizonMonths} months; budget ${money(settings.budget ?? 0)}, ${settings.ownerBudgets.length} owner budgets, ` +
    `contact cap ${roadmap.contactCap} a month.`,
);

// The baseline: what planning the roadmap once takes (the optimiser's model plans every option of it).
const planTimes = [0, 1, 2].map(() => timed(() => planRoadmap(roadmap)));
const plan = planTimes[0]?.result ?? planRoadmap(roadmap);
const planMs = Math.min(...planTimes.map((t) => t.ms));
sample();

const loaded = timed(() => loadHighs());
const highs = await loaded.result;
const wasmMs = loaded.ms;

const modelBuild = timed(() => buildOptimisationModel(roadmap, BASE_SCENARIO_ID, settings));
if (!modelBuild.result.ok) throw new Error(modelBuild.result.error);
const model = modelBuild.result.value;
sample();
const nonzeros = model.rows.reduce((sum, row) => sum + row.indices.length, 0);
const rowsByKind = new Map<string, number>();
for (const row of model.rows) rowsByKind.set(row.constraint.kind, (rowsByKind.get(row.constraint.kind) ?? 0) + 1);

const lp = timed(() => solveRelaxation(highs, model));
sample();

let progressReports = 0;
const solve = timed(() =>
  solveOptimisation(highs, model, {
    timeLimitSeconds: SOLVE_GOAL_S,
    gapTolerance: GAP_GOAL,
    onProgress: () => {
      progressReports++;
      sample();
    },
  }),
);
const outcome = solve.result;
sample();
const wasmAfterSolve = highs.memoryBytes;

const contactModel = buildOptimisationModel(roadmap, BASE_SCENARIO_ID, settings, { extraContacts: 1 });
const frontier = timed(() =>
  computeFrontier(highs, model, {
    points: 10,
    contactModel: contactModel.ok ? contactModel.value : null,
    timeLimitSeconds: SOLVE_GOAL_S,
    gapTolerance: GAP_GOAL,
    onProgress: sample,
  }),
);
sample();

const judged = choiceJudge({ document: roadmap, scenarioId: BASE_SCENARIO_ID, settings }, model).judge(outcome.choice);
const kept = outcome.choice.filter((option) => option >= 0).length;

const verdict = (met: boolean) => (met ? "met" : "MISSED");
const solveMet = outcome.status !== "infeasible" && outcome.gap <= GAP_GOAL && solve.ms <= SOLVE_GOAL_S * 1000;
console.log(
  `Plan: cost ${money(plan.budget.totalCost)}, value ${money(plan.budget.totalValue)}, ${plan.pressure.collisions.length} contact-cap collisions.\n`,
);
console.log("| Step | time | × planning the roadmap once | goal |");
console.log("|---|---:|---:|---|");
const row = (label: string, ms: number, goal = "") =>
  `| ${label} | ${s(ms)} | ×${(ms / planMs).toFixed(1)} | ${goal} |`;
console.log(row("Planning the roadmap once (planRoadmap, best of 3)", planMs));
console.log(row("Loading the HiGHS WebAssembly", wasmMs));
console.log(row("Building the model (buildOptimisationModel)", modelBuild.ms));
console.log(row("HiGHS on the LP relaxation (no integrality)", lp.ms));
console.log(
  row(
    `Solving the MIP (${SOLVE_GOAL_S} s limit, gap ${pct(GAP_GOAL)} asked)`,
    solve.ms,
    `${verdict(solveMet)} (gap ≤ ${pct(GAP_GOAL)} in ≤ ${SOLVE_GOAL_S} s)`,
  ),
);
console.log(
  row(
    "The frontier, 10 points (computeFrontier)",
    frontier.ms,
    `${verdict(frontier.ms <= FRONTIER_GOAL_S * 1000)} (≤ ${FRONTIER_GOAL_S} s)`,
  ),
);
console.log(
  `\nModel: ${model.options.length} columns (${model.candidates.length} candidates), ${model.rows.length} rows ` +
    `(${[...rowsByKind].map(([kind, n]) => `${n} ${kind}`).join(", ")}), ${nonzeros} non-zeros.`,
);
console.log(
  `MIP: ${outcome.status}, gap ${pct(outcome.gap)}, objective ${money(outcome.objective)} ` +
    `(LP relaxation's bound ${money(lp.result.objective)}, ${lp.result.status}); ${kept} of ${model.candidates.length} communications kept; ` +
    `cost ${money(outcome.cost)}, value ${money(outcome.value)}; ${outcome.binding.length} rows binding; ${progressReports} progress reports; ` +
    `MIP ×${(solve.ms / Math.max(1, lp.ms)).toFixed(1)} the LP relaxation's time.`,
);
console.log(
  `Planned again by the engine: cost ${money(judged.cost)}, value ${money(judged.value)}, objective ${money(judged.objective)}; ` +
    `${judged.broken.length === 0 ? "keeps every rule" : `BREAKS ${judged.broken.slice(0, 3).join("; ")}`}.`,
);
console.log(
  `Frontier: ${frontier.result.points
    .map((p) => `${money(p.budget)} → ${p.feasible ? money(p.net) : "infeasible"}`)
    .join(", ")}; the plan is ${frontier.result.plan.onFrontier ? "on" : "not on"} it.`,
);
console.log(
  `\nMemory: peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (sampled at progress reports: ${mb(peakSampledRss)}); ` +
    `heap now ${mb(process.memoryUsage().heapUsed)}; HiGHS WebAssembly memory ${mb(wasmAfterSolve)} after the solve, ` +
    `${mb(highs.memoryBytes)} after the frontier (its linear memory only grows).`,
);

/** The model's LP relaxation: every 0/1 column allowed anywhere between 0 and 1, solved by HiGHS as it comes. */
function solveRelaxation(highs: Highs, model: OptimisationModel): { objective: number; status: string } {
  const lp = highs.createModel(modelData(highs, model, { integer: false }));
  try {
    lp.options.set({ output_flag: false });
    lp.run();
    const code = lp.getModelStatus();
    const status = Object.entries(highs.constants.modelStatus).find(([, value]) => value === code)?.[0] ?? String(code);
    return { objective: lp.getObjectiveValue(), status };
  } finally {
    lp.dispose();
  }
}
