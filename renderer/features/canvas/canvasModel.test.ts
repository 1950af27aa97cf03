import { describe, expect, it } from "vitest";
import { movePhases, overflowingPhases, ROADMAP_TEMPLATES, updatePhase } from "../../../shared/model";
import { EMPTY_SELECTION } from "../editor/editorSlice";
import { buildPhaseNodes, buildTransitionEdges, nearestPhaseInDirection } from "./canvasModel";

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
