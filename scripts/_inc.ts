import { generateRoadmap } from "../shared/model/testing/generateRoadmap";
import { createPlanEngine } from "../shared/engine/planEngine";
import type { Roadmap } from "../shared/model/schema";
const roadmap: Roadmap = { ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 2_000, segments: 12, seed: 1 }), horizonMonths: 60 };
const edited = [0.25, 0.5].map((delta): Roadmap => ({ ...roadmap, communications: roadmap.communications.map((c, i) => i === 7 ? { ...c, costPerContact: ((c.costPerContact as number | null) ?? 0) + delta } : c) }));
const engine = createPlanEngine(); engine.run(roadmap);
const samples: number[] = []; let turn = 0;
for (let i = 0; i < Number(process.env.N ?? 3000); i++) { turn = 1 - turn; const t0 = performance.now(); engine.run(edited[turn] as Roadmap); samples.push(performance.now() - t0); }
samples.sort((a, b) => a - b);
const full: number[] = [];
for (let i = 0; i < 60; i++) { const t0 = performance.now(); createPlanEngine().run(roadmap); full.push(performance.now() - t0); }
full.sort((a, b) => a - b);
console.log(`incremental min ${samples[0]!.toFixed(3)} median ${samples[1500]!.toFixed(3)} | full min ${full[0]!.toFixed(1)} median ${full[30]!.toFixed(1)}`);
