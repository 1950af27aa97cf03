import { generateRoadmap } from "../shared/model/testing/generateRoadmap";
import { createPlanEngine } from "../shared/engine/planEngine";
const roadmap = { ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 12, seed: 1 }), horizonMonths: 60 };
for (let i = 0; i < 150; i++) createPlanEngine().run(roadmap);
