import { it } from "vitest";
import { parsePhaseClip, copyPhases } from "./clipboard";
import { ROADMAP_TEMPLATES } from "./templates";
import { layoutLifecycle } from "../layout/layoutLifecycle";

it("scratch", async () => {
  const r = ROADMAP_TEMPLATES[0]!.create();
  for (const t of ["hello", "", "42", "null", '"text"', "[]", '{"a":1}', '{"type":"relationship-roadmap/phases","version":1}',
    JSON.stringify({ ...copyPhases(r, ["phase-trial"]), phases: [] }),
    JSON.stringify({ ...copyPhases(r, ["phase-trial"]), version: 2 }),
    JSON.stringify(r),
  ]) console.log(JSON.stringify(t.slice(0, 60)), "=>", parsePhaseClip(t));
  const pos = await layoutLifecycle(r, () => ({ width: 220, height: 104 }));
  for (const p of r.phases) console.log(p.stageId, p.id, pos.get(p.id));
});
