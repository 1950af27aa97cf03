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

async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

window.compareBench = {
  run: async (runs) => {
    const first: number[] = [];
    const afterEdit: number[] = [];
    const baseAlone: number[] = [];
    const base = resolveScenario(roadmap, ids[0] as string);
    for (let run = 0; run <= runs; run++) {
      // A worker of its own each round, so its first comparison starts from nothing, as when the tab first opens.
      const service = createWorkerCompareService(
        () => new Worker(new URL("../features/compare/compareWorker.ts", import.meta.url), { type: "module" }),
      );
      const f = await timed(() => service.compare(roadmap, ids));
      // Then an edit of one communication's response rate: the engines the worker kept replan only that.
      const edited = {
        ...roadmap,
        communications: roadmap.communications.map((c, i) =>
          i === 7 ? { ...c, responseRate: Math.min(1, c.responseRate + (run + 1) / 1000) } : c,
        ),
      };
      const e = await timed(() => service.compare(edited, ids));
      const b = await timed(() => planRoadmap(base));
      // The first round warms the browser's caches and JIT up.
      if (run === 0) continue;
      first.push(f);
      afterEdit.push(e);
      baseAlone.push(b);
    }
    return { first: median(first), afterEdit: median(afterEdit), baseAlone: median(baseAlone) };
  },
};
