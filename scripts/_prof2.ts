import { simulateCustomerFlow } from "../shared/engine/flow";
import { measureContactPressure } from "../shared/engine/pressure";
import { scheduleCommunications } from "../shared/engine/schedule";
import { generateRoadmap } from "../shared/model/testing/generateRoadmap";

const roadmap = {
  ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 12, seed: 1 }),
  horizonMonths: 60,
};
const flow = simulateCustomerFlow(roadmap);
const schedules = scheduleCommunications(flow, roadmap);
const best = (f: () => unknown) => {
  let m = Infinity;
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    f();
    m = Math.min(m, performance.now() - t0);
  }
  return m.toFixed(2);
};
console.log(
  "pressure min",
  best(() => measureContactPressure(flow, roadmap.communications, schedules, 4, roadmap.channels)),
  "cap100",
  best(() => measureContactPressure(flow, roadmap.communications, schedules, 100, roadmap.channels)),
  "schedules",
  best(() => scheduleCommunications(flow, roadmap)),
  "flow",
  best(() => simulateCustomerFlow(roadmap)),
);
