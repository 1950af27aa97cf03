import { describe, expect, it } from "vitest";
import { copyPhases, pastePhases } from "./clipboard";
import { movePhases } from "./edits";
import { describeIssue } from "./issues";
import { LIMITS } from "./limits";
import { parseRoadmap } from "./parse";
import type { Roadmap } from "./schema";
import { generateRoadmap } from "./testing/generateRoadmap";
import { sampleRoadmap } from "./testing/sampleRoadmap";

/** Generating and validating roadmaps of ten thousand phases takes seconds on a busy machine. */
const LARGE_TIMEOUT_MS = 60_000;

function problems(doc: unknown): string[] {
  const result = parseRoadmap(JSON.parse(JSON.stringify(doc)));
  return result.ok ? [] : result.error.map(describeIssue);
}

function withFirstPhase(edit: (phase: Roadmap["phases"][number]) => Roadmap["phases"][number]): Roadmap {
  const doc = sampleRoadmap();
  return { ...doc, phases: doc.phases.map((phase, i) => (i === 0 ? edit(phase) : phase)) };
}

describe("what a roadmap file may hold", () => {
  it("refuses a phase far off the canvas, naming the field, the value and the limit", () => {
    expect(problems(withFirstPhase((p) => ({ ...p, position: { x: 1e19, y: -1_000_001 } })))).toEqual([
      "phases[0].position.x: must be between -1,000,000 and 1,000,000, got 10000000000000000000",
      "phases[0].position.y: must be between -1,000,000 and 1,000,000, got -1000001",
    ]);
    expect(
      problems(withFirstPhase((p) => ({ ...p, position: { x: LIMITS.coordinate, y: -LIMITS.coordinate } }))),
    ).toEqual([]);
  });

  it("refuses money and customer counts no business has", () => {
    const doc = sampleRoadmap();
    const segment = doc.segments[0]?.id ?? "";
    const rich = {
      ...doc,
      channels: doc.channels.map((c, i) => (i === 0 ? { ...c, fixedCost: 1e308 } : c)),
      phases: doc.phases.map((p, i) => (i === 0 ? { ...p, initialCustomers: { [segment]: 2e9 } } : p)),
    };
    expect(problems(rich)).toEqual([
      `phases[0].initialCustomers.${segment}: must be at most 1,000,000,000, got 2000000000`,
      "channels[0].fixedCost: must be at most 1,000,000,000,000, got 1e+308",
    ]);
  });

  it("refuses more phases than the limit, saying how many there are", { timeout: LARGE_TIMEOUT_MS }, () => {
    const doc = generateRoadmap({
      phases: LIMITS.phases + 1,
      transitionsPerPhase: 0,
      communications: 0,
      segments: 1,
      seed: 1,
    });
    expect(problems(doc)).toEqual(["phases: must have at most 10,000 items, got a list of 10001 items"]);
  });

  it("accepts the limit itself and the benchmarks' roadmaps", { timeout: LARGE_TIMEOUT_MS }, () => {
    expect(
      problems(
        generateRoadmap({ phases: LIMITS.phases, transitionsPerPhase: 1, communications: 500, segments: 1, seed: 1 }),
      ),
    ).toEqual([]);
    const benchmark = generateRoadmap({
      phases: 300,
      transitionsPerPhase: 1.5,
      communications: 2_000,
      segments: 12,
      seed: 1,
    });
    expect(problems({ ...benchmark, horizonMonths: 60 })).toEqual([]);
  });

  it("refuses a plan whose collections multiply past what a laptop holds", () => {
    const doc = generateRoadmap({ phases: 200, transitionsPerPhase: 1, communications: 300, segments: 100, seed: 2 });
    expect(problems({ ...doc, horizonMonths: 600 })).toEqual([
      "horizonMonths: makes the plan too large: 100 segments × 600 months × 400 phases and transitions is 24,000,000 figures, more than the 12,000,000 a roadmap may have; shorten the horizon or use fewer segments",
      "horizonMonths: makes the plan too large: 300 communications × 600 months is 180,000, more than the 120,000 a roadmap may have; shorten the horizon or split the roadmap",
    ]);
  });
});

describe("edits keep phases inside the canvas a file may hold", () => {
  it("a phase dragged far out stops at the edge, and the roadmap still saves and opens", () => {
    const doc = sampleRoadmap();
    const id = doc.phases[0]?.id ?? "";
    const moved = movePhases(doc, new Map([[id, { x: 5e12, y: -Infinity }]]));
    expect(moved.phases[0]?.position).toEqual({ x: LIMITS.coordinate, y: -LIMITS.coordinate });
    expect(problems(moved)).toEqual([]);
  });

  it("a paste at the edge lands inside it", () => {
    const doc = withFirstPhase((p) => ({ ...p, position: { x: LIMITS.coordinate, y: 0 } }));
    const clip = copyPhases(doc, [doc.phases[0]?.id ?? ""]);
    if (!clip) throw new Error("nothing copied");
    const pasted = pastePhases(doc, clip, { x: 40, y: 40 });
    const phase = pasted.roadmap.phases.find((p) => p.id === pasted.phaseIds[0]);
    expect(phase?.position).toEqual({ x: LIMITS.coordinate, y: 40 });
    expect(problems(pasted.roadmap)).toEqual([]);
  });
});
