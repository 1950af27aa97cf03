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
for (let i = 0; i < 300; i++) measureContactPressure(flow, roadmap.communications, schedules, 4, roadmap.channels);
