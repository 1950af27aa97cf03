import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import type { Roadmap } from "../model/schema";
import { ROADMAP_TEMPLATES } from "../model/templates";
import { generateRoadmap } from "../model/testing/generateRoadmap";
import { layoutLifecycle } from "./layoutLifecycle";
import { type Box, type RoutedTransition, routeTransitions, transitionsToRoute } from "./transitionGeometry";

/** The canvas's phase size before it is measured; the exported diagram's cards are a little taller. */
const CANVAS_PHASE = { width: 220, height: 104 };
const DIAGRAM_PHASE = { width: 220, height: 117 };
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const formatPercent = (share: number) => percent.format(share);

async function arrangedGeometry(roadmap: Roadmap, size: { width: number; height: number }) {
  const positions = await layoutLifecycle(roadmap, () => size);
  const phases = new Map<string, Box>();
  for (const [id, point] of positions) phases.set(id, { ...point, ...size });
  return { phases, routed: routeTransitions(phases, transitionsToRoute(roadmap, formatPercent)) };
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every label that covers a phase or another label, named so a failure says which. */
function collisions(roadmap: Roadmap, phases: ReadonlyMap<string, Box>, routed: readonly RoutedTransition[]): string[] {
  const names = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  const found: string[] = [];
  routed.forEach((transition, index) => {
    for (const [phaseId, box] of phases) {
      if (overlap(transition.label.box, box))
        found.push(`label of ${transition.id} covers phase ${names.get(phaseId)}`);
    }
    for (const other of routed.slice(index + 1)) {
      if (overlap(transition.label.box, other.label.box)) found.push(`label of ${transition.id} covers ${other.id}'s`);
    }
  });
  return found;
}

/** Phases a route runs through, its own ends aside. */
function phasesCrossed(route: RoutedTransition, from: string, to: string, phases: ReadonlyMap<string, Box>): string[] {
  const crossed: string[] = [];
  for (const [id, box] of phases) {
    if (id === from || id === to) continue;
    const inner = { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 };
    route.points.slice(1).forEach((b, i) => {
      const a = route.points[i] ?? b;
      const segment = {
        x: Math.min(a.x, b.x),
        y: Math.min(a.y, b.y),
        width: Math.abs(a.x - b.x) || 0.01,
        height: Math.abs(a.y - b.y) || 0.01,
      };
      if (overlap(segment, inner)) crossed.push(id);
    });
  }
  return crossed;
}

describe("transitions drawn on an auto-arranged template", () => {
  for (const template of ROADMAP_TEMPLATES) {
    for (const [drawing, size] of [
      ["canvas", CANVAS_PHASE],
      ["diagram", DIAGRAM_PHASE],
    ] as const) {
      it(`${template.name} (${drawing}): no label covers a phase or another label`, async () => {
        const roadmap = template.create();
        const { phases, routed } = await arrangedGeometry(roadmap, size);
        expect(routed).toHaveLength(roadmap.transitions.length);
        expect(collisions(roadmap, phases, routed)).toEqual([]);
      });
    }

    it(`${template.name}: routes run from the source's right side to the target's left side in straight runs, around the phases`, async () => {
      const roadmap = template.create();
      const { phases, routed } = await arrangedGeometry(roadmap, CANVAS_PHASE);
      for (const route of routed) {
        const transition = roadmap.transitions.find((t) => t.id === route.id);
        const from = transition && phases.get(transition.from);
        const to = transition && phases.get(transition.to);
        if (!transition || !from || !to) throw new Error(`no phases for ${route.id}`);
        expect(route.points[0]).toEqual({ x: from.x + from.width, y: from.y + from.height / 2 });
        expect(route.points[route.points.length - 1]).toEqual({ x: to.x, y: to.y + to.height / 2 });
        route.points.slice(1).forEach((b, i) => {
          const a = route.points[i] ?? b;
          expect(a.x === b.x || a.y === b.y).toBe(true);
        });
        expect(phasesCrossed(route, transition.from, transition.to, phases)).toEqual([]);
      }
    });
  }
});

describe("what makes a transition a loop", () => {
  const roadmap = (ROADMAP_TEMPLATES[0] ?? fail()).create();

  it("is what it means, not where it is drawn: a loop back stays one when its target is moved to the right", () => {
    const loop = transitionsToRoute(roadmap, formatPercent).find((t) => t.loop) ?? fail();
    const target = roadmap.phases.find((p) => p.id === loop.to) ?? fail();
    const moved = {
      ...roadmap,
      phases: roadmap.phases.map((p) => (p.id === target.id ? { ...p, position: { x: 99_999, y: 0 } } : p)),
    };
    const phases = new Map(moved.phases.map((p) => [p.id, { ...p.position, ...CANVAS_PHASE }]));
    const routed = routeTransitions(phases, transitionsToRoute(moved, formatPercent));
    expect(routed.find((r) => r.id === loop.id)?.loop).toBe(true);
  });

  it("is a forward transition the user marked as one", () => {
    const forward = transitionsToRoute(roadmap, formatPercent).find((t) => !t.loop) ?? fail();
    const marked = {
      ...roadmap,
      transitions: roadmap.transitions.map((t) => (t.id === forward.id ? { ...t, markedAsLoop: true } : t)),
    };
    expect(transitionsToRoute(marked, formatPercent).find((t) => t.id === forward.id)?.loop).toBe(true);
  });
});

describe("transitions drawn on auto-arranged random roadmaps", () => {
  it(
    "keeps every label off the phases and off every other label, for 10 to 60 phases",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 10, max: 60 }),
          fc.integer({ min: 1, max: 1_000_000 }),
          fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 8 }),
          async (count, seed, triggers) => {
            const generated = generateRoadmap({
              phases: count,
              transitionsPerPhase: 1.6,
              communications: 0,
              segments: 2,
              seed,
            });
            const roadmap = {
              ...generated,
              transitions: generated.transitions.map((t, i) => ({
                ...t,
                trigger: triggers[i % triggers.length] ?? "",
              })),
            };
            const { phases, routed } = await arrangedGeometry(roadmap, CANVAS_PHASE);
            expect(collisions(roadmap, phases, routed)).toEqual([]);
          },
        ),
        propertyRuns(25),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it("keeps labels apart even where phases are piled on one spot", () => {
    const generated = generateRoadmap({ phases: 30, transitionsPerPhase: 2, communications: 0, segments: 1, seed: 3 });
    const phases = new Map(generated.phases.map((p) => [p.id, { x: 0, y: 0, ...CANVAS_PHASE }]));
    const routed = routeTransitions(phases, transitionsToRoute(generated, formatPercent));
    expect(collisions(generated, phases, routed)).toEqual([]);
  });
});

function fail(): never {
  throw new Error("the template has no such transition");
}
