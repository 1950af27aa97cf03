import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { planRoadmap } from "../engine";
import { LIMITS } from "../model/limits";
import { ROADMAP_TEMPLATES } from "../model/templates";
import { generateRoadmap } from "../model/testing/generateRoadmap";
import {
  cropSvg,
  type DiagramPages,
  type DrawingBox,
  type DrawingToPrint,
  drawDiagramKey,
  legibleScale,
  MIN_PRINTED_TEXT_PT,
  planDiagramPages,
  printableArea,
  printedTextPt,
  smallestFontSize,
} from "./diagramPages";
import { PAPER_SIZES } from "./reportOptions";
import { drawRoadmapDiagram } from "./roadmapDiagram";
import { assertWellFormed } from "./testing/wellFormedXml";

const toPrint = (roadmap: Parameters<typeof drawRoadmapDiagram>[0]) => {
  const diagram = drawRoadmapDiagram(roadmap, { plan: planRoadmap(roadmap) });
  const drawing: DrawingToPrint = {
    width: diagram.width,
    height: diagram.height,
    smallestFontPx: smallestFontSize(diagram.svg),
    phases: diagram.phases,
  };
  return { diagram, drawing };
};

const contains = (outer: DrawingBox, inner: DrawingBox) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-6;

/** Whether the tiles leave no gap along one axis: sorted by start, each begins where those before it reach. */
function covers(spans: { start: number; end: number }[], length: number): boolean {
  let reached = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start > reached + 1e-6) return false;
    reached = Math.max(reached, span.end);
  }
  return reached >= length - 1e-6;
}

/** What a reader of the printed page would notice, whatever the drawing: checked on every plan. */
function expectPrintable(drawing: DrawingToPrint, plan: DiagramPages, paper: (typeof PAPER_SIZES)[number]) {
  const area = printableArea(paper, plan.orientation);
  if (plan.kind === "too-large") return;
  expect(printedTextPt(drawing.smallestFontPx, plan.mmPerPx)).toBeGreaterThanOrEqual(MIN_PRINTED_TEXT_PT - 1e-9);
  if (plan.kind === "single") {
    expect(drawing.width * plan.mmPerPx).toBeLessThanOrEqual(area.width + 1e-6);
    expect(drawing.height * plan.mmPerPx).toBeLessThanOrEqual(area.height + 1e-6);
    return;
  }
  for (const tile of plan.tiles) {
    expect(tile.width * plan.mmPerPx).toBeLessThanOrEqual(area.width + 1e-6);
    expect(tile.height * plan.mmPerPx).toBeLessThanOrEqual(area.height + 1e-6);
    expect(contains({ x: 0, y: 0, width: drawing.width, height: drawing.height }, tile)).toBe(true);
  }
  const tiles = plan.tiles;
  expect(
    covers(
      tiles.map((t) => ({ start: t.x, end: t.x + t.width })),
      drawing.width,
    ),
  ).toBe(true);
  expect(
    covers(
      tiles.map((t) => ({ start: t.y, end: t.y + t.height })),
      drawing.height,
    ),
  ).toBe(true);
  for (const phase of drawing.phases) expect(tiles.some((tile) => contains(tile, phase))).toBe(true);
}

describe("the printed size of the diagram's type", () => {
  it("prints 11 px at 8.25 pt at the browser's own size, and at exactly 7 pt at the legible scale", () => {
    expect(printedTextPt(11, 25.4 / 96)).toBeCloseTo(8.25, 9);
    expect(printedTextPt(11, legibleScale(11))).toBeCloseTo(MIN_PRINTED_TEXT_PT, 9);
  });

  it("sizes pages inside the report's margins", () => {
    expect(printableArea("A4", "landscape")).toEqual({ width: 267, height: 176 });
    expect(printableArea("A4", "portrait")).toEqual({ width: 180, height: 263 });
    expect(printableArea("Letter", "landscape").width).toBeCloseTo(249.4, 6);
  });

  it("finds the diagram's smallest type in its markup", () => {
    expect(smallestFontSize('<text font-size="15.5">a</text><g font-size="11"><text font-size="13">b</text></g>')).toBe(
      11,
    );
  });
});

describe("the diagram's pages", () => {
  it("prints a small roadmap whole on one page, no larger than a little over its own size", () => {
    const { drawing } = toPrint(
      generateRoadmap({ phases: 3, transitionsPerPhase: 1, communications: 3, segments: 1, seed: 3 }),
    );
    for (const paper of PAPER_SIZES) {
      const plan = planDiagramPages(drawing, paper, 6);
      expect(plan.kind).toBe("single");
      expectPrintable(drawing, plan, paper);
      if (plan.kind === "single") expect(printedTextPt(drawing.smallestFontPx, plan.mmPerPx)).toBeLessThan(11);
    }
  });

  it("splits the template's diagram into tiles at 7 pt or more rather than shrinking it to 5 pt", () => {
    const template = ROADMAP_TEMPLATES[0]?.create(new Date("2027-01-01T00:00:00Z"));
    if (!template) throw new Error("no template");
    const { drawing } = toPrint(template);
    for (const paper of PAPER_SIZES) {
      const plan = planDiagramPages(drawing, paper, 6);
      expect(plan.kind).toBe("tiled");
      expectPrintable(drawing, plan, paper);
    }
  });

  it("prints the key alone for a roadmap that needs more pages than the report gives it, without listing them", () => {
    const roadmap = generateRoadmap({ phases: 4, transitionsPerPhase: 1, communications: 0, segments: 1, seed: 1 });
    const corners = roadmap.phases.map((phase, i) => ({
      ...phase,
      position: { x: (i % 2 ? -1 : 1) * LIMITS.coordinate, y: (i < 2 ? -1 : 1) * LIMITS.coordinate },
    }));
    const { drawing } = toPrint({ ...roadmap, phases: corners });
    const plan = planDiagramPages(drawing, "A4", 6);
    expect(plan.kind).toBe("too-large");
    if (plan.kind === "too-large") {
      expect(plan.pagesNeeded).toBeGreaterThan(1_000_000);
      const area = printableArea("A4", plan.orientation);
      expect(drawing.width * plan.keyMmPerPx).toBeLessThanOrEqual(area.width + 1e-6);
    }
  });

  it("crops the drawing to a tile by its view box alone", () => {
    const { diagram } = toPrint(
      generateRoadmap({ phases: 5, transitionsPerPhase: 1, communications: 2, segments: 1, seed: 5 }),
    );
    const tile = cropSvg(diagram.svg, { x: 100, y: 20.5, width: 300, height: 200 });
    assertWellFormed(tile);
    expect(tile).toMatch(/^<svg [^>]*width="300" height="200" viewBox="100 20.5 300 200"/);
    expect(tile.slice(tile.indexOf(">"))).toBe(diagram.svg.slice(diagram.svg.indexOf(">")));
  });

  it("numbers the tiles on the key in type that prints at 7 pt or more", () => {
    const roadmap = generateRoadmap({
      phases: 60,
      transitionsPerPhase: 1.5,
      communications: 30,
      segments: 2,
      seed: 13,
    });
    const { drawing } = toPrint(roadmap);
    const plan = planDiagramPages(drawing, "A4", 6);
    if (plan.kind !== "tiled") throw new Error(`expected tiles, got ${plan.kind}`);
    const key = drawDiagramKey(drawing, plan.tiles, plan.keyMmPerPx);
    assertWellFormed(key);
    const numbers = [...key.matchAll(/<text [^>]*>(\d+)<\/text>/g)].map((match) => Number(match[1]));
    expect(numbers).toEqual(plan.tiles.map((_, i) => i + 1));
    expect(printedTextPt(smallestFontSize(key), plan.keyMmPerPx)).toBeGreaterThanOrEqual(MIN_PRINTED_TEXT_PT);
    expect(key.match(/<rect [^>]*rx="8"/g)).toHaveLength(roadmap.phases.length);
  });

  it("prints any drawing legibly: every phase whole on a tile, the tiles covering it, type at 7 pt or more", () => {
    const cardHeight = fc.integer({ min: 60, max: 160 });
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 240, max: 30_000 }),
        fc.integer({ min: 180, max: 20_000 }),
        fc.constantFrom(9, 11, 12, 15.5),
        fc.array(fc.tuple(cardHeight, fraction, fraction), { maxLength: 40 }),
        fc.constantFrom(...PAPER_SIZES),
        (width, height, smallestFontPx, placed, paper) => {
          const phases = placed.map(([cardHeight, fx, fy]) => {
            const h = Math.min(cardHeight, height);
            return { x: fx * (width - 220), y: fy * (height - h), width: 220, height: h };
          });
          const drawing = { width, height, smallestFontPx, phases };
          const plan = planDiagramPages(drawing, paper, 400);
          expectPrintable(drawing, plan, paper);
          return true;
        },
      ),
      propertyRuns(300),
    );
  });
});
