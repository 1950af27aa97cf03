import { bench, describe } from "vitest";
import type { Roadmap } from "../model/schema";
import { generateRoadmap } from "../model/testing/generateRoadmap";
import { createPlanEngine } from "./planEngine";

/**
 * The size: far beyond a workshop roadmap (tens of phases), so the
 * engine's own overhead shows against work no implementation can avoid.
 */
const roadmap: Roadmap = {
  ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 12, seed: 1 }),
  horizonMonths: 60,
};
const text = JSON.stringify(roadmap);

/** Two documents that differ from each other in one communication's cost, sharing every other object. */
const edited = [0.25, 0.5].map(
  (delta): Roadmap => ({
    ...roadmap,
    communications: roadmap.communications.map((c, i) =>
      i === 7 ? { ...c, costPerContact: (c.costPerContact ?? 0) + delta } : c,
    ),
  }),
);
const engine = createPlanEngine();
engine.run(roadmap);
for (const doc of edited) engine.run(doc);
if (engine.stats.flowSimulations !== 1) throw new Error("a cost edit re-simulated the customer flow");
let turn = 0;

// The baseline: the bare minimum of a flow simulation, populations times transition rates once a month,
// with no entries, churn or flows kept, no scaling and no per-segment rates.
const S = roadmap.segments.length;
const P = roadmap.phases.length;
const phaseIndex = new Map(roadmap.phases.map((phase, p) => [phase.id, p]));
const from = Int32Array.from(roadmap.transitions, (t) => phaseIndex.get(t.from) ?? 0);
const to = Int32Array.from(roadmap.transitions, (t) => phaseIndex.get(t.to) ?? 0);
const rates = Float64Array.from(roadmap.transitions, (t) => t.rate);
const stay = Float64Array.from(roadmap.phases, (phase, p) => {
  let out = phase.churnRate;
  from.forEach((f, r) => {
    if (f === p) out += rates[r] ?? 0;
  });
  return 1 - out;
});
const start = Float64Array.from({ length: S * P }, (_, i) => i % 1000);
/** Ends with the populations in `baselineEnd`, so the work has a result and cannot be optimised away. */
const baselineEnd = new Float64Array(S * P);
function multiplyByTransitionRates(): void {
  let now = Float64Array.from(start);
  let next = new Float64Array(S * P);
  for (let t = 0; t < roadmap.horizonMonths; t++) {
    for (let s = 0; s < S; s++) {
      const base = s * P;
      for (let p = 0; p < P; p++) next[base + p] = (now[base + p] ?? 0) * (stay[p] ?? 0);
      for (let r = 0; r < rates.length; r++) {
        const target = base + (to[r] ?? 0);
        next[target] = (next[target] ?? 0) + (now[base + (from[r] ?? 0)] ?? 0) * (rates[r] ?? 0);
      }
    }
    [now, next] = [next, now];
  }
  baselineEnd.set(now);
}

const options = { time: 2_000, warmupIterations: 5 };

describe("plan 300 phases, 450 transitions, 2,000 communications, 12 segments over 60 months", () => {
  bench(
    "full run: fresh engine (flow, schedules, budget, pressure, lifetime value, diagnostics)",
    () => {
      createPlanEngine().run(roadmap);
    },
    options,
  );
  bench(
    "incremental run: after one communication's cost changed",
    () => {
      turn = 1 - turn;
      engine.run(edited[turn] as Roadmap);
    },
    options,
  );
  bench("baseline: populations × transition rates, once a month", multiplyByTransitionRates, options);
  bench(
    "baseline: JSON.parse of the document",
    () => {
      JSON.parse(text);
    },
    options,
  );
});
