import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import type { Point } from "./edits";
import { freeSpotNear, type Size } from "./placement";

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
