import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { createRoadmap } from "./createRoadmap";
import { addPhase, type Point } from "./edits";
import { addPhaseBeside, freeSpotNear, freeSpotRightOf, nextStageId, type Size } from "./placement";

const PHASE: Size = { width: 220, height: 104 };
const SPACING = { step: 20, gap: 20 };

/** Just what placement reads of a roadmap: where its phases are. */
const phasesAt = (...positions: Point[]) => ({
  phases: positions.map((position, i) => ({ id: `p${i}`, position })) as never,
});

const sameSize = () => PHASE;

/** Whether two phases' boxes come closer than the gap. */
function crowd(a: Point & Size, b: Point & Size, gap: number): boolean {
  return !(
    a.x + a.width + gap <= b.x ||
    b.x + b.width + gap <= a.x ||
    a.y + a.height + gap <= b.y ||
    b.y + b.height + gap <= a.y
  );
}

describe("freeSpotNear", () => {
  it("keeps the wanted spot when no phase is there", () => {
    expect(freeSpotNear(phasesAt(), { x: 40, y: 60 }, PHASE, sameSize, SPACING)).toEqual({ x: 40, y: 60 });
    expect(freeSpotNear(phasesAt({ x: 400, y: 60 }), { x: 40, y: 60 }, PHASE, sameSize, SPACING)).toEqual({
      x: 40,
      y: 60,
    });
  });

  it("puts a phase wanted on top of another just below it, a gap apart", () => {
    expect(freeSpotNear(phasesAt({ x: 0, y: 0 }), { x: 0, y: 0 }, PHASE, sameSize, SPACING)).toEqual({ x: 0, y: 140 });
  });

  it("goes round a phase taller than usual, as the canvas measured it", () => {
    const tall = (id: string) => (id === "p0" ? { width: 220, height: 300 } : PHASE);
    expect(freeSpotNear(phasesAt({ x: 0, y: 0 }), { x: 0, y: 100 }, PHASE, tall, SPACING)).toEqual({ x: 0, y: 320 });
  });

  it("fans phases added one after another at the same spot out, none on another", () => {
    let roadmap = phasesAt();
    const placed: Point[] = [];
    for (let i = 0; i < 12; i++) {
      placed.push(freeSpotNear(roadmap, { x: 500, y: 300 }, PHASE, sameSize, SPACING));
      roadmap = phasesAt(...placed);
    }
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1))
        expect(crowd({ ...a, ...PHASE }, { ...b, ...PHASE }, SPACING.gap)).toBe(false);
    }
    // Close to where they were wanted: within a few phases' reach, not pushed off to the far side of the canvas.
    for (const p of placed) expect(Math.hypot(p.x - 500, p.y - 300)).toBeLessThan(4 * PHASE.width);
  });

  it("always finds a spot that crowds no phase, and takes the wanted one when it is free", () => {
    const point = fc.record({ x: fc.integer({ min: -60, max: 60 }), y: fc.integer({ min: -60, max: 60 }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), point, (cells, cell) => {
        const existing = cells.map(({ x, y }) => ({ x: x * 20, y: y * 20 }));
        const wanted = { x: cell.x * 20, y: cell.y * 20 };
        const spot = freeSpotNear(phasesAt(...existing), wanted, PHASE, sameSize, SPACING);
        const crowded = (at: Point) =>
          existing.some((e) => crowd({ ...at, ...PHASE }, { ...e, ...PHASE }, SPACING.gap));
        expect(crowded(spot)).toBe(false);
        if (!crowded(wanted)) expect(spot).toEqual(wanted);
      }),
      propertyRuns(100),
    );
  });
});

const BESIDE = { step: 20, gap: 20, distance: 80 };

describe("a phase added beside another", () => {
  it("goes to its right, level with it, when that is free", () => {
    expect(freeSpotRightOf(phasesAt({ x: 100, y: 40 }), "p0", PHASE, sameSize, BESIDE)).toEqual({ x: 400, y: 40 });
  });

  it("moves down or up past a phase already on its right, and never to the left", () => {
    const spot = freeSpotRightOf(phasesAt({ x: 0, y: 0 }, { x: 300, y: 0 }), "p0", PHASE, sameSize, BESIDE);
    expect(spot).toEqual({ x: 300, y: 140 });
  });

  it("follows the selected phase in the next stage, joined to it, and the last stage stays", () => {
    let roadmap = createRoadmap({ name: "Beside", now: new Date("2027-01-15T00:00:00Z") });
    const [first, second] = roadmap.stages;
    const last = roadmap.stages.at(-1);
    if (!first || !second || !last) throw new Error("the blank roadmap has too few stages");
    expect(nextStageId(roadmap, first.id)).toBe(second.id);
    expect(nextStageId(roadmap, last.id)).toBe(last.id);
    const start = addPhase(roadmap, { stageId: first.id, position: { x: 0, y: 0 } });
    roadmap = start.roadmap;
    const added = addPhaseBeside(roadmap, start.phaseId, PHASE, sameSize, BESIDE);
    if (!added) throw new Error("not added");
    const phase = added.roadmap.phases.find((p) => p.id === added.phaseId);
    expect(phase).toMatchObject({ stageId: second.id, position: { x: 300, y: 0 } });
    expect(added.roadmap.transitions).toEqual([
      expect.objectContaining({ id: added.transitionId, from: start.phaseId, to: added.phaseId }),
    ]);
    expect(addPhaseBeside(roadmap, "no-such-phase", PHASE, sameSize, BESIDE)).toBeNull();
  });

  it("never lands on, or within the gap of, any phase, and always to the right of the one it follows", () => {
    const point = fc.record({ x: fc.integer({ min: -40, max: 40 }), y: fc.integer({ min: -40, max: 40 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), fc.nat(), (cells, which) => {
        const existing = cells.map(({ x, y }) => ({ x: x * 20, y: y * 20 }));
        const besideIndex = which % existing.length;
        const beside = existing[besideIndex] as Point;
        const spot = freeSpotRightOf(phasesAt(...existing), `p${besideIndex}`, PHASE, sameSize, BESIDE);
        if (!spot) throw new Error("no spot");
        for (const e of existing) expect(crowd({ ...spot, ...PHASE }, { ...e, ...PHASE }, BESIDE.gap)).toBe(false);
        expect(spot.x).toBeGreaterThanOrEqual(beside.x + PHASE.width + BESIDE.distance);
      }),
      propertyRuns(150),
    );
  });
});
