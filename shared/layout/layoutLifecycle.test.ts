import { describe, expect, it } from "vitest";
import { addPhase, type Point } from "../model/edits";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../model/testing/generateRoadmap";
import { type LifecycleLayout, layoutLifecycle, layoutLifecycleInBands } from "./layoutLifecycle";

const NOW = new Date("2026-11-23T10:00:00Z");
/** The size of a phase node on the canvas. */
const SIZE = { width: 220, height: 104 };
const sizeOf = () => SIZE;

function template(): Roadmap {
  return createB2bSubscriptionRoadmap(NOW);
}

function positionOf(positions: ReadonlyMap<string, Point>, phaseId: string): Point {
  const position = positions.get(phaseId);
  if (!position) throw new Error(`phase "${phaseId}" got no position`);
  return position;
}

/** Pairs of phases whose stage comes earlier in `roadmap.stages` but which do not come first in reading order: an earlier band, or left in the same one. */
function outOfStageOrder(roadmap: Roadmap, { positions, bands: bandList }: LifecycleLayout): string[] {
  const order = new Map(roadmap.stages.map((stage, i) => [stage.id, i]));
  const stageIndex = (stageId: string) => order.get(stageId) ?? -1;
  const bands = new Map(bandList.flatMap((ids, band) => ids.map((id) => [id, band] as const)));
  const wrong: string[] = [];
  for (const earlier of roadmap.phases) {
    for (const later of roadmap.phases) {
      if (stageIndex(earlier.stageId) >= stageIndex(later.stageId)) continue;
      const [bandOfEarlier, bandOfLater] = [bands.get(earlier.id) ?? 0, bands.get(later.id) ?? 0];
      const left = positionOf(positions, earlier.id).x + SIZE.width < positionOf(positions, later.id).x;
      if (!(bandOfEarlier < bandOfLater || (bandOfEarlier === bandOfLater && left))) {
        wrong.push(`${earlier.name} (${earlier.stageId}) does not come before ${later.name} (${later.stageId})`);
      }
    }
  }
  return wrong;
}

/** Width over height of the box around all phases. */
function aspect(positions: ReadonlyMap<string, Point>): number {
  const points = [...positions.values()];
  const width = Math.max(...points.map((p) => p.x)) + SIZE.width - Math.min(...points.map((p) => p.x));
  const height = Math.max(...points.map((p) => p.y)) + SIZE.height - Math.min(...points.map((p) => p.y));
  return width / height;
}

/** Pairs of phases whose boxes overlap. */
function overlaps(roadmap: Roadmap, positions: ReadonlyMap<string, Point>): string[] {
  const found: string[] = [];
  roadmap.phases.forEach((a, i) => {
    for (const b of roadmap.phases.slice(i + 1)) {
      const p = positionOf(positions, a.id);
      const q = positionOf(positions, b.id);
      const apart =
        p.x + SIZE.width <= q.x || q.x + SIZE.width <= p.x || p.y + SIZE.height <= q.y || q.y + SIZE.height <= p.y;
      if (!apart) found.push(`${a.name} overlaps ${b.name}`);
    }
  });
  return found;
}

describe("laying the template out along the lifecycle", () => {
  it("gives every phase a position, and nothing else", async () => {
    const roadmap = template();
    const positions = await layoutLifecycle(roadmap, sizeOf);
    expect([...positions.keys()].sort()).toEqual(roadmap.phases.map((p) => p.id).sort());
    for (const position of positions.values()) {
      expect(Number.isFinite(position.x) && Number.isFinite(position.y)).toBe(true);
    }
  });

  it("puts every phase of an earlier stage before every phase of a later one in reading order, despite the win-back loops", async () => {
    const roadmap = template();
    // The template loops back: lapsed → active, at risk → active, renewal due → active and multi-product.
    expect(roadmap.transitions.some((t) => t.from === "phase-lapsed" && t.to === "phase-active-single")).toBe(true);
    expect(outOfStageOrder(roadmap, await layoutLifecycleInBands(roadmap, sizeOf))).toEqual([]);
  });

  it("follows the order of the roadmap's stages, not their kind", async () => {
    const base = template();
    const roadmap = { ...base, stages: [...base.stages].reverse() };
    const layout = await layoutLifecycleInBands(roadmap, sizeOf);
    const { positions } = layout;
    expect(outOfStageOrder(roadmap, layout)).toEqual([]);
    const bandOf = (id: string) => layout.bands.findIndex((band) => band.includes(id));
    const [lapsed, trial] = [bandOf("phase-lapsed"), bandOf("phase-trial")];
    expect(
      lapsed < trial ||
        (lapsed === trial && positionOf(positions, "phase-lapsed").x < positionOf(positions, "phase-trial").x),
    ).toBe(true);
  });

  it("places no two phases on top of each other", async () => {
    const roadmap = template();
    expect(overlaps(roadmap, await layoutLifecycle(roadmap, sizeOf))).toEqual([]);
  });

  it("places phases without transitions too, in their stage's column", async () => {
    let roadmap = template();
    for (const stageId of ["acquire", "develop", "develop", "winBack"]) {
      roadmap = addPhase(roadmap, { stageId, position: { x: 0, y: 0 } }).roadmap;
    }
    const layout = await layoutLifecycleInBands(roadmap, sizeOf);
    const { positions } = layout;
    expect(positions.size).toBe(roadmap.phases.length);
    expect(outOfStageOrder(roadmap, layout)).toEqual([]);
    expect(overlaps(roadmap, positions)).toEqual([]);
  });

  it("gives the same layout for the same roadmap", async () => {
    const roadmap = template();
    const first = await layoutLifecycle(roadmap, sizeOf);
    const second = await layoutLifecycle(structuredClone(roadmap), sizeOf);
    expect(second).toEqual(first);
  });

  it("gives an empty layout for a roadmap without phases", async () => {
    const roadmap = { ...template(), phases: [], transitions: [], communications: [] };
    expect(await layoutLifecycle(roadmap, sizeOf)).toEqual(new Map());
  });
});

describe("laying out a larger roadmap with random back-and-forth transitions", () => {
  it("keeps the stages in order and the phases apart", async () => {
    const roadmap = generateRoadmap({ phases: 60, transitionsPerPhase: 1.5, communications: 0, segments: 2, seed: 7 });
    expect(roadmap.transitions.some((t) => Number(t.from.slice(6)) > Number(t.to.slice(6)))).toBe(true);
    const layout = await layoutLifecycleInBands(roadmap, sizeOf);
    const { positions } = layout;
    expect(positions.size).toBe(60);
    expect(outOfStageOrder(roadmap, layout)).toEqual([]);
    expect(overlaps(roadmap, positions)).toEqual([]);
  });

  it("wraps a lifecycle far wider than a 16:9 screen into bands that fit one", async () => {
    const roadmap = generateRoadmap({ phases: 60, transitionsPerPhase: 1.5, communications: 0, segments: 2, seed: 7 });
    const { positions, bands } = await layoutLifecycleInBands(roadmap, sizeOf);
    expect(bands.length).toBeGreaterThan(1);
    expect(aspect(positions)).toBeGreaterThan(16 / 9 / 2);
    expect(aspect(positions)).toBeLessThan((16 / 9) * 2);
  });
});
