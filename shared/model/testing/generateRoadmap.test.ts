import { describe, expect, it } from "vitest";
import { describeIssue } from "../issues";
import { parseRoadmap } from "../parse";
import { generateRoadmap } from "./generateRoadmap";

const BENCHMARK_SIZE = { phases: 3_000, transitionsPerPhase: 1.5, communications: 2_000, segments: 4, seed: 42 };

describe("generateRoadmap", () => {
  it("produces a valid roadmap of the benchmark's size", () => {
    const roadmap = generateRoadmap(BENCHMARK_SIZE);
    const result = parseRoadmap(roadmap);
    expect(result.ok ? [] : result.error.slice(0, 5).map(describeIssue)).toEqual([]);
    expect(roadmap.phases).toHaveLength(3_000);
    expect(roadmap.transitions).toHaveLength(4_500);
    expect(roadmap.communications).toHaveLength(2_000);
    expect(roadmap.segments).toHaveLength(4);
  });

  it("gives the same roadmap for the same seed and a different one for another", () => {
    const small = { phases: 50, transitionsPerPhase: 2, communications: 40, segments: 2 };
    expect(generateRoadmap({ ...small, seed: 7 })).toEqual(generateRoadmap({ ...small, seed: 7 }));
    expect(generateRoadmap({ ...small, seed: 8 })).not.toEqual(generateRoadmap({ ...small, seed: 7 }));
  });

  it("keeps every phase's outgoing rates plus churn below 100 % for every segment", () => {
    const roadmap = generateRoadmap({ ...BENCHMARK_SIZE, phases: 300, communications: 0 });
    const leaving = new Map(roadmap.phases.map((phase) => [phase.id, roadmap.segments.map(() => phase.churnRate)]));
    for (const transition of roadmap.transitions) {
      const sums = leaving.get(transition.from) ?? [];
      roadmap.segments.forEach((segment, i) => {
        sums[i] = (sums[i] ?? 0) + (transition.rateBySegment[segment.id] ?? transition.rate);
      });
    }
    expect(Math.max(...[...leaving.values()].flat())).toBeLessThan(1);
  });

  it("uses every timing kind and keeps one-off sends inside the horizon", () => {
    const roadmap = generateRoadmap({ ...BENCHMARK_SIZE, phases: 20, communications: 300 });
    expect(new Set(roadmap.communications.map((c) => c.timing.kind))).toEqual(
      new Set(["onEntry", "recurring", "oneOff"]),
    );
    expect(parseRoadmap(roadmap).ok).toBe(true);
  });

  it("handles the smallest roadmaps", () => {
    for (const phases of [0, 1, 2]) {
      const roadmap = generateRoadmap({ phases, transitionsPerPhase: 3, communications: 5, segments: 0, seed: 1 });
      expect(parseRoadmap(roadmap).ok, `${phases} phases`).toBe(true);
    }
  });
});
