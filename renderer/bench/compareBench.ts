import { planRoadmap } from "../../shared/engine/planEngine";
import { BENCHMARK_SCENARIO_IDS, scenarioBenchmarkRoadmap } from "../../shared/engine/testing/scenarioBenchmark";
import { resolveScenario } from "../../shared/model/scenarios";
import { createWorkerCompareService } from "../features/compare/compareService";

/**
 * The page `npm run bench:scenarios` drives: the benchmark's three-way
 * comparison through the app's own comparison worker, as the Compare view
 * asks for it, beside planning the base plan alone on the page's thread.
 */
const roadmap = scenarioBenchmarkRoadmap();
const ids = [...BENCHMARK_SCENARIO_IDS];
const service = createWorkerCompareService(
  () => new Worker(new URL("../features/compare/compareWorker.ts", import.meta.url), { type: "module" }),
);

async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

window.compareBench = {
  run: async (runs) => {
    const first = await timed(() => service.compare(roadmap, ids));
    const warm: number[] = [];
    const baseAlone: number[] = [];
    const base = resolveScenario(roadmap, ids[0] as string);
    for (let run = 0; run <= runs; run++) {
      // A new document each time, as after an edit: the worker's engine sees new objects, not the same ones again.
      const edited = { ...roadmap, name: `${roadmap.name} ${run}` };
      const w = await timed(() => service.compare(edited, ids));
      const b = await timed(() => planRoadmap(base));
      if (run === 0) continue;
      warm.push(w);
      baseAlone.push(b);
    }
    return { first, warm: median(warm), baseAlone: median(baseAlone) };
  },
};
