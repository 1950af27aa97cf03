import { bench, describe } from "vitest";
import type { Roadmap } from "../model/schema";
import { generateRoadmap } from "../model/testing/generateRoadmap";
import { createPlanEngine } from "./planEngine";
import { measureContactPressure } from "./pressure";

/**
 * Contact pressure alone, on engine.bench.ts's roadmap, against the bare
 * minimum it cannot avoid: one pass over every send of every communication,
 * counting them per segment, phase and month, with no cohorts, caps or
 * collisions. In a file of its own so the plan it keeps does not weigh on the
 * engine's own benchmarks.
 */
const roadmap: Roadmap = {
  ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 12, seed: 1 }),
  horizonMonths: 60,
};
const plan = createPlanEngine().run(roadmap);
const S = roadmap.segments.length;
const P = roadmap.phases.length;
const T = roadmap.horizonMonths;
const sendsPerCell = new Uint32Array(S * P * T);

function countSendsPerCell(): void {
  sendsPerCell.fill(0);
  for (const schedule of plan.communications) {
    const n = schedule.segmentIndices.length;
    for (let j = 0; j < n; j++) {
      const cell = ((schedule.segmentIndices[j] as number) * P + schedule.phaseIndex) * T;
      for (let t = 0; t < T; t++) {
        if ((schedule.reachBySegment[t * n + j] as number) > 0) {
          sendsPerCell[cell + t] = (sendsPerCell[cell + t] as number) + 1;
        }
      }
    }
  }
}

const options = { time: 2_000, warmupIterations: 5 };

describe("contact pressure of 300 phases, 2,000 communications, 12 segments over 60 months", () => {
  bench(
    "per cohort, with the roadmap's and channels' caps and every collision",
    () => {
      measureContactPressure(plan.flow, roadmap.communications, plan.communications, 4, roadmap.channels);
    },
    options,
  );
  bench("baseline: sends counted per segment, phase and month", countSendsPerCell, options);
});
