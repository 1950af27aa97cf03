import { type Edge, getViewportForBounds, type Node, type Viewport } from "@xyflow/react";
import type { RoutedTransition } from "../../../shared/layout/transitionGeometry";
import { type ChannelKind, customersAtStart, loopTransitionIds, type Roadmap } from "../../../shared/model";
import type { Selection } from "../editor/editorSlice";
import type { PhaseRsiBadge } from "../rsi/rsiFormat";

export interface PhaseNodeData extends Record<string, unknown> {
  name: string;
  stageName: string;
  color: string;
  customers: number;
  communicationCount: number;
  /** Outgoing rates plus churn, when they exceed 100 % for some segment. */
  overflow: number | null;
  /** Average cost a month from the plan; null until the plan is computed. */
  monthlyCost: number | null;
  currency: string;
  /** Short names of the channels its communications use, e.g. "Email · Phone". */
  channels: string;
  /** Some month, customers here get more communications than the roadmap's contact cap. */
  overContactCap: boolean;
  /** Its RSI badge (`phaseRsiBadges`), as primitives so an unchanged badge keeps the node as it was; null: none. */
  rsiDetail: string | null;
  /** Null with a badge: too few answers. */
  rsi: number | null;
  rsiCount: number;
  /** The colour scale's tint, while it is on. */
  rsiTint: string | null;
}

/** Short names, not emoji: emoji fonts are missing on some machines and print badly. */
const CHANNEL_MARKS: Record<ChannelKind, string> = {
  email: "Email",
  directMail: "Mail",
  phone: "Phone",
  fieldSales: "Visit",
  event: "Event",
  newsletter: "News",
  webInApp: "Web",
  sms: "SMS",
  social: "Social",
  survey: "Survey",
  other: "Other",
};

export interface TransitionEdgeData extends Record<string, unknown> {
  rate: number;
  trigger: string;
  /** Per-segment rates differ from the default. */
  hasSegmentRates: boolean;
  /** It loops back by what it means (`loopTransitionIds`), whatever way it is drawn. */
  loop: boolean;
  /** Its route and label box among all the roadmap's transitions; null until the phases are placed. */
  route: RoutedTransition | null;
}

export type PhaseFlowNode = Node<PhaseNodeData, "phase">;
export type TransitionFlowEdge = Edge<TransitionEdgeData, "transition">;

/** Width of a phase on the canvas; fixed, so the layout can place phases before they are drawn. */
export const PHASE_NODE_WIDTH = 220;
/** Height a phase usually takes, for layout before React Flow has measured it. */
export const PHASE_NODE_HEIGHT = 104;
export const GRID = 20;

/**
 * The canvas's nodes for the document. A node whose phase, stage, counts and
 * selection did not change is the very object of `previous`, so React Flow
 * re-renders only what changed (a drag of one phase re-renders that phase).
 */
export function buildPhaseNodes(
  roadmap: Roadmap,
  selection: Selection,
  overflow: ReadonlyMap<string, { outflow: number }>,
  previous: ReadonlyMap<string, PhaseFlowNode>,
  monthlyCosts: ReadonlyMap<string, number> = new Map(),
  overCapPhases: ReadonlySet<string> = new Set(),
  rsiBadges: ReadonlyMap<string, PhaseRsiBadge> = new Map(),
): PhaseFlowNode[] {
  const stages = new Map(roadmap.stages.map((s) => [s.id, s]));
  const communicationCounts = new Map<string, number>();
  const channelKinds = new Map<string, Set<ChannelKind>>();
  const channelKindById = new Map(roadmap.channels.map((c) => [c.id, c.kind]));
  for (const c of roadmap.communications) {
    communicationCounts.set(c.phaseId, (communicationCounts.get(c.phaseId) ?? 0) + 1);
    const kind = channelKindById.get(c.channelId);
    if (kind) channelKinds.set(c.phaseId, (channelKinds.get(c.phaseId) ?? new Set()).add(kind));
  }
  const selected = new Set(selection.phaseIds);

  return roadmap.phases.map((phase) => {
    const stage = stages.get(phase.stageId);
    const badge = rsiBadges.get(phase.id);
    const data: PhaseNodeData = {
      name: phase.name,
      stageName: stage?.name ?? "",
      color: stage?.color ?? "#888888",
      customers: customersAtStart(phase),
      communicationCount: communicationCounts.get(phase.id) ?? 0,
      overflow: overflow.get(phase.id)?.outflow ?? null,
      monthlyCost: monthlyCosts.get(phase.id) ?? null,
      currency: roadmap.currency,
      channels: [...(channelKinds.get(phase.id) ?? [])].map((kind) => CHANNEL_MARKS[kind]).join(" · "),
      overContactCap: overCapPhases.has(phase.id),
      rsiDetail: badge?.detail ?? null,
      rsi: badge?.rsi ?? null,
      rsiCount: badge?.n ?? 0,
      rsiTint: badge?.tint ?? null,
    };
    const isSelected = selected.has(phase.id);
    const old = previous.get(phase.id);
    if (
      old &&
      old.selected === isSelected &&
      old.position.x === phase.position.x &&
      old.position.y === phase.position.y &&
      shallowEqual(old.data, data)
    ) {
      return old;
    }
    return {
      id: phase.id,
      type: "phase",
      position: phase.position,
      data: old && shallowEqual(old.data, data) ? old.data : data,
      selected: isSelected,
      ariaLabel: `Phase ${data.name}, ${data.stageName}`,
      width: PHASE_NODE_WIDTH,
      // React Flow hides a node until it knows its height; a hidden rename box cannot take the focus.
      initialHeight: PHASE_NODE_HEIGHT,
      ...(old?.measured ? { measured: old.measured } : {}),
    };
  });
}

/**
 * The canvas's arrows for the document, each with its route from `routes`.
 * An arrow whose route and data did not change is the very object of
 * `previous`, so moving one phase re-renders only the arrows whose route moved.
 */
export function buildTransitionEdges(
  roadmap: Roadmap,
  selection: Selection,
  previous: ReadonlyMap<string, TransitionFlowEdge>,
  routes: ReadonlyMap<string, RoutedTransition> = new Map(),
): TransitionFlowEdge[] {
  const selected = new Set(selection.transitionIds);
  const loops = loopTransitionIds(roadmap);
  return roadmap.transitions.map((t) => {
    const old = previous.get(t.id);
    const route = routes.get(t.id) ?? null;
    const data: TransitionEdgeData = {
      rate: t.rate,
      trigger: t.trigger,
      hasSegmentRates: Object.keys(t.rateBySegment).length > 0,
      loop: loops.has(t.id),
      route: old?.data?.route && route && sameRoute(old.data.route, route) ? old.data.route : route,
    };
    const isSelected = selected.has(t.id);
    if (
      old &&
      old.selected === isSelected &&
      old.source === t.from &&
      old.target === t.to &&
      old.data &&
      shallowEqual(old.data, data)
    ) {
      return old;
    }
    return { id: t.id, type: "transition", source: t.from, target: t.to, data, selected: isSelected };
  });
}

/**
 * The view that shows every phase, as `fitView` would find it once the
 * phases are measured, but from their usual size, so it is known before the
 * canvas first draws them.
 */
export function viewportFitting(
  roadmap: Roadmap,
  width: number,
  height: number,
  { minZoom, maxZoom, padding }: { minZoom: number; maxZoom: number; padding: number },
): Viewport {
  if (roadmap.phases.length === 0) return { x: 0, y: 0, zoom: 1 };
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { position } of roadmap.phases) {
    left = Math.min(left, position.x);
    top = Math.min(top, position.y);
    right = Math.max(right, position.x + PHASE_NODE_WIDTH);
    bottom = Math.max(bottom, position.y + PHASE_NODE_HEIGHT);
  }
  return getViewportForBounds(
    { x: left, y: top, width: right - left, height: bottom - top },
    width,
    height,
    minZoom,
    maxZoom,
    padding,
  );
}

export type Direction = "left" | "right" | "up" | "down";

/**
 * The phase the arrow keys move to from `fromId`: the nearest one whose
 * centre lies in that direction, preferring phases straight ahead.
 */
export function nearestPhaseInDirection(roadmap: Roadmap, fromId: string, direction: Direction): string | null {
  const from = roadmap.phases.find((p) => p.id === fromId);
  if (!from) return null;
  let best: { id: string; score: number } | null = null;
  for (const phase of roadmap.phases) {
    if (phase.id === fromId) continue;
    const dx = phase.position.x - from.position.x;
    const dy = phase.position.y - from.position.y;
    const [ahead, aside] =
      direction === "right" ? [dx, dy] : direction === "left" ? [-dx, dy] : direction === "down" ? [dy, dx] : [-dy, dx];
    if (ahead <= 0) continue;
    const score = ahead + 2 * Math.abs(aside);
    if (!best || score < best.score) best = { id: phase.id, score };
  }
  return best?.id ?? null;
}

function sameRoute(a: RoutedTransition, b: RoutedTransition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
