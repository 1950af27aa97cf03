import { describe, expect, it } from "vitest";
import { LIMITS } from "../model/limits";
import { generateRoadmap } from "../model/testing/generateRoadmap";
import { drawRoadmapDiagram } from "./roadmapDiagram";
import { assertWellFormed } from "./testing/wellFormedXml";

/** Thousands of cards and labels on a busy machine: seconds, not the default 5. */
const LARGE_TIMEOUT_MS = 60_000;

const count = (svg: string, marker: string) => svg.split(marker).length - 1;

describe("the diagram of a roadmap at the file format's limits", () => {
  it("draws phases at the canvas's far corners at the size they span", () => {
    const roadmap = generateRoadmap({ phases: 4, transitionsPerPhase: 1, communications: 0, segments: 1, seed: 1 });
    const corners = roadmap.phases.map((phase, i) => ({
      ...phase,
      position: { x: (i % 2 ? -1 : 1) * LIMITS.coordinate, y: (i < 2 ? -1 : 1) * LIMITS.coordinate },
    }));
    const diagram = drawRoadmapDiagram({ ...roadmap, phases: corners });
    assertWellFormed(diagram.svg);
    expect(diagram.width).toBeGreaterThan(2 * LIMITS.coordinate);
    expect(diagram.width).toBeLessThan(2 * LIMITS.coordinate + 2_000);
    expect(diagram.height).toBeLessThan(2 * LIMITS.coordinate + 2_000);
    expect(count(diagram.svg, '<g class="phase">')).toBe(4);
  });

  it("draws every card and label when thousands of phases sit on one spot", { timeout: LARGE_TIMEOUT_MS }, () => {
    const roadmap = generateRoadmap({
      phases: 2_000,
      transitionsPerPhase: 1.5,
      communications: 0,
      segments: 1,
      seed: 2,
    });
    const stacked = { ...roadmap, phases: roadmap.phases.map((phase) => ({ ...phase, position: { x: 0, y: 0 } })) };
    const diagram = drawRoadmapDiagram(stacked);
    expect(count(diagram.svg, '<g class="phase">')).toBe(2_000);
    expect(diagram.svg.match(/<g class="transition-label( is-loop)?">/g)).toHaveLength(roadmap.transitions.length);
    expect(diagram.width).toBeLessThan(2_000);
  });
});
