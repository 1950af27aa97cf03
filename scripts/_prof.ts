import { simulateCustomerFlow } from "../shared/engine/flow";
import { createPlanEngine } from "../shared/engine/planEngine";
import { measureContactPressure } from "../shared/engine/pressure";
import { scheduleCommunications } from "../shared/engine/schedule";
import { generateRoadmap } from "../shared/model/testing/generateRoadmap";

const roadmap = {
  ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 12, seed: 1 }),
  horizonMonths: 60,
};
const time = (label: string, f: () => unknown, n = 20) => {
  f();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(label, ((performance.now() - t0) / n).toFixed(2), "ms");
};
const flow = simulateCustomerFlow(roadmap);
const schedules = scheduleCommunications(flow, roadmap);
time("flow", () => simulateCustomerFlow(roadmap));
time("schedules", () => scheduleCommunications(flow, roadmap));
time("pressure", () => measureContactPressure(flow, roadmap.communications, schedules, 4, roadmap.channels));
time("full", () => createPlanEngine().run(roadmap));
const pr = measureContactPressure(flow, roadmap.communications, schedules, 4, roadmap.channels);
console.log("collisions", pr.collisions.length, "max", pr.maxCount);
time("pressure cap 100", () => measureContactPressure(flow, roadmap.communications, schedules, 100, roadmap.channels));
