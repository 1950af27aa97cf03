import { it } from "vitest";
import { describeIssue } from "./issues";
import { parseRoadmap } from "./parse";
import type { Roadmap } from "./schema";
import { sampleRoadmap } from "./testing/sampleRoadmap";
import { readRoadmapFile } from "./roadmapFile";

function problems(change: (doc: Roadmap) => void): string[] {
  const doc = sampleRoadmap();
  change(doc);
  const r = parseRoadmap(JSON.parse(JSON.stringify(doc)));
  return r.ok ? [] : r.error.map(describeIssue);
}
it("explore", () => {
  const cases: [string, (d: Roadmap) => void][] = [
    ["timing weekly", (d) => { Reflect.set(d.communications[0]!, "timing", { kind: "weekly", every: 1 }); }],
    ["timing missing", (d) => { Reflect.deleteProperty(d.communications[0]!, "timing"); }],
    ["timing nokind", (d) => { Reflect.set(d.communications[0]!, "timing", { offsetMonths: 1 }); }],
    ["timing str", (d) => { Reflect.set(d.communications[0]!, "timing", "monthly"); }],
    ["timing bad offset", (d) => { Reflect.set(d.communications[0]!, "timing", { kind: "onEntry", offsetMonths: -1 }); }],
    ["empty stages", (d) => { d.stages = []; }],
    ["empty segments", (d) => { d.segments = []; }],
    ["enum", (d) => { Reflect.set(d.communications[0]!, "purpose", "spam"); }],
    ["type", (d) => { Reflect.set(d, "type", "other"); }],
    ["phases str", (d) => { Reflect.set(d, "phases", "none"); }],
    ["name num", (d) => { Reflect.set(d, "name", 42); }],
    ["name missing", (d) => { Reflect.deleteProperty(d.phases[0]!, "name"); }],
    ["name blank", (d) => { d.name = "   "; }],
    ["created", (d) => { d.createdAt = "yesterday"; }],
    ["int", (d) => { d.horizonMonths = 12.5; }],
    ["null", (d) => { Reflect.set(d.phases[0]!, "churnRate", null); }],
    ["rateBySeg", (d) => { d.transitions[0]!.rateBySegment = { "big one": 2 }; }],
    ["kpi target", (d) => { d.phases[0]!.kpis = [{ id: "k", name: "k", target: Number.NaN, unit: "", timeframe: "" }]; }],
    ["partner", (d) => { Reflect.set(d.owners[0]!, "partnerType", "wholesaler"); }],
    ["segkey", (d) => { d.phases[0]!.initialCustomers = { ghost: 3 }; }],
    ["extra", (d) => { Reflect.set(d, "colour", "blue"); }],
    ["phase not obj", (d) => { Reflect.set(d.phases, 0, 5); }],
  ];
  for (const [n, c] of cases) console.log(n, JSON.stringify(problems(c)));
  for (const t of ["[1,2]", "42", "null", '"x"', "{", "{\"schemaVersion\": 99}", "{}", "{\"schemaVersion\": \"1\"}"]) {
    const r = readRoadmapFile("f.roadmap", t);
    console.log(t, r.ok ? "ok" : r.error.summary);
  }
});
