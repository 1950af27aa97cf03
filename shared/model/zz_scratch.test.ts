import { it } from "vitest";
import { copyPhases } from "./clipboard";
import { ROADMAP_TEMPLATES } from "./templates";

it("scratch", async () => {
  const r = ROADMAP_TEMPLATES[0]!.create();
  console.log(r.transitions.map((t) => `${t.id}: ${t.from} -> ${t.to}`).join("\n"));
  const c = copyPhases(r, ["phase-lapsed", "phase-at-risk"])!;
  console.log(JSON.stringify({ ph: c.phases.map(p=>p.id), tr: c.transitions.map(t=>t.id), co: c.communications.map(x=>x.id), st: c.stages.map(x=>x.id), se: c.segments.map(x=>x.id), ow: c.owners.map(x=>x.id), ch: c.channels.map(x=>x.id), ro: c.roles.map(x=>x.id)}));
  console.log(r.phases.map(p => `${p.id} ${JSON.stringify(p.position)} ${p.churnRate} ${JSON.stringify(p.initialCustomers)}`).join("\n"));
  console.log(r.communications.filter(c => ["phase-lapsed", "phase-at-risk"].includes(c.phaseId)).map(c => JSON.stringify(c.audience)));
  console.log(0.1 + 0.2 + 0.7, 0.05+0.25+0.7, 0.205+0.8);
});
