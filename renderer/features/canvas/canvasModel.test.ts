import { describe, expect, it } from "vitest";
import { movePhases, overflowingPhases, ROADMAP_TEMPLATES, updatePhase } from "../../../shared/model";
import { EMPTY_SELECTION } from "../editor/editorSlice";
import {
  buildPhaseNodes,
  buildTransitionEdges,
  nearestPhaseInDirection,
  PHASE_NODE_HEIGHT,
  PHASE_NODE_WIDTH,
  viewportFitting,
} from "./canvasModel";

const template = () => {
  const first = ROADMAP_TEMPLATES[0];
  if (!first) throw new Error("no template");
  return first.create(new Date("2027-01-01T00:00:00Z"));
};

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));

describe("canvas nodes", () => {
  it("moving one phase gives one new node object; every other node is reused (so only it re-renders)", () => {
    const roadmap = template();
    const first = buildPhaseNodes(roadmap, EMPTY_SELECTION, overflowingPhases(roadmap), new Map());
    const moved = roadmap.phases[2];
    if (!moved) throw new Error("no phase");
    const next = movePhases(roadmap, new Map([[moved.id, { x: 999, y: 999 }]]));
    const second = buildPhaseNodes(next, EMPTY_SELECTION, overflowingPhases(next), byId(first));
    const changed = second.filter((node, i) => node !== first[i]).map((node) => node.id);
    expect(changed).toEqual([moved.id]);
  });

  it("marks a phase whose outflow passes 100 %, and only that phase", () => {
    const roadmap = template();
    const phase = roadmap.phases[1];
    if (!phase) throw new Error("no phase");
    const next = updatePhase(roadmap, phase.id, { churnRate: 0.95 });
    const nodes = buildPhaseNodes(next, EMPTY_SELECTION, overflowingPhases(next), new Map());
    expect(nodes.filter((n) => n.data.overflow !== null).map((n) => n.id)).toEqual([phase.id]);
  });

  it("selecting a transition re-creates only that edge", () => {
    const roadmap = template();
    const first = buildTransitionEdges(roadmap, EMPTY_SELECTION, new Map());
    const target = roadmap.transitions[3];
    if (!target) throw new Error("no transition");
    const second = buildTransitionEdges(roadmap, { phaseIds: [], transitionIds: [target.id] }, byId(first));
    expect(second.filter((edge, i) => edge !== first[i]).map((e) => e.id)).toEqual([target.id]);
    expect(second.find((e) => e.id === target.id)?.selected).toBe(true);
  });
});

describe("what a phase shows from its communications and the plan", () => {
  it("marks the channels its communications use, and phases over the contact cap", () => {
    const roadmap = template();
    const active = roadmap.phases.find((p) => p.name === "Active single-product");
    if (!active) throw new Error("no phase");
    const nodes = buildPhaseNodes(roadmap, EMPTY_SELECTION, new Map(), new Map(), new Map(), new Set([active.id]));
    const node = nodes.find((n) => n.id === active.id);
    expect(node?.data.overContactCap).toBe(true);
    expect(node?.data.channels).toContain("Email");
    expect(nodes.filter((n) => n.data.overContactCap)).toHaveLength(1);
  });
});

describe("the view a roadmap opens at", () => {
  const options = { minZoom: 0.05, maxZoom: 1, padding: 0.15 };

  it("shows every phase on screen, centred", () => {
    const original = template();
    const [first, second] = original.phases;
    if (!first || !second) throw new Error("no phases");
    const roadmap = movePhases(
      original,
      new Map([
        [first.id, { x: -3000, y: 200 }],
        [second.id, { x: 4000, y: 1500 }],
      ]),
    );
    const { x, y, zoom } = viewportFitting(roadmap, 1200, 700, options);
    expect(zoom).toBeLessThan(1);
    const onScreen = roadmap.phases.map((p) => ({
      left: p.position.x * zoom + x,
      right: (p.position.x + PHASE_NODE_WIDTH) * zoom + x,
      top: p.position.y * zoom + y,
      bottom: (p.position.y + PHASE_NODE_HEIGHT) * zoom + y,
    }));
    const left = Math.min(...onScreen.map((b) => b.left));
    const right = Math.max(...onScreen.map((b) => b.right));
    expect(left).toBeGreaterThan(0);
    expect(right).toBeLessThan(1200);
    expect(Math.abs(left - (1200 - right))).toBeLessThan(5);
    expect(Math.min(...onScreen.map((b) => b.top))).toBeGreaterThan(0);
    expect(Math.max(...onScreen.map((b) => b.bottom))).toBeLessThan(700);
  });

  it("never zooms in past 100 % on a small roadmap, nor out past the canvas's limit on a huge one", () => {
    const one = { ...template(), phases: template().phases.slice(0, 1) };
    expect(viewportFitting(one, 1200, 700, options).zoom).toBe(1);
    const original = template();
    const far = movePhases(original, new Map([[original.phases[0]?.id ?? "", { x: 1e6, y: 0 }]]));
    expect(viewportFitting(far, 1200, 700, options).zoom).toBe(0.05);
  });

  it("keeps 100 % at the origin for an empty roadmap", () => {
    expect(viewportFitting({ ...template(), phases: [] }, 1200, 700, options)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});

describe("arrow-key navigation", () => {
  const roadmap = template();
  const named = (name: string) => roadmap.phases.find((p) => p.name === name)?.id ?? "";

  it("moves right along the lifecycle and back left", () => {
    expect(nearestPhaseInDirection(roadmap, named("Trial"), "right")).toBe(named("First 90 days"));
    expect(nearestPhaseInDirection(roadmap, named("First 90 days"), "left")).toBe(named("Trial"));
  });

  it("finds nothing past the edge of the roadmap", () => {
    expect(nearestPhaseInDirection(roadmap, named("Trial"), "left")).toBeNull();
  });
});
