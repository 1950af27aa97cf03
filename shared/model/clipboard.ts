import { z } from "zod";
import { err, ok, type Result } from "../result";
import { canvasPoint, type Point } from "./edits";
import { createId } from "./ids";
import { describeIssue, fromZodIssues } from "./issues";
import { customersAtStart } from "./queries";
import {
  ChannelSchema,
  type Communication,
  CommunicationSchema,
  LifecycleStageSchema,
  OwnerSchema,
  type Phase,
  PhaseSchema,
  type Roadmap,
  RoleSchema,
  SegmentSchema,
  type Transition,
  TransitionSchema,
} from "./schema";

export const CLIP_TYPE = "relationship-roadmap/phases";

/**
 * Phases on the clipboard, with the transitions between them, their
 * communications and everything those refer to, so that a paste into another
 * roadmap brings along the stages, owners, channels, segments and roles it needs.
 */
export const PhaseClipSchema = z.object({
  type: z.literal(CLIP_TYPE),
  version: z.literal(1),
  phases: z.array(PhaseSchema).min(1, { error: "must hold at least one phase" }),
  transitions: z.array(TransitionSchema),
  communications: z.array(CommunicationSchema),
  stages: z.array(LifecycleStageSchema),
  segments: z.array(SegmentSchema),
  owners: z.array(OwnerSchema),
  channels: z.array(ChannelSchema),
  roles: z.array(RoleSchema),
});
export type PhaseClip = z.infer<typeof PhaseClipSchema>;

/** Where copies of phases go when duplicated: a little down and right of the originals. */
export const DUPLICATE_OFFSET: Point = { x: 40, y: 40 };

export function copyPhases(roadmap: Roadmap, phaseIds: readonly string[]): PhaseClip | null {
  const ids = new Set(phaseIds);
  const phases = roadmap.phases.filter((p) => ids.has(p.id));
  if (phases.length === 0) return null;
  const communications = roadmap.communications.filter((c) => ids.has(c.phaseId));
  const stageIds = new Set(phases.map((p) => p.stageId));
  const transitions = roadmap.transitions.filter((t) => ids.has(t.from) && ids.has(t.to));
  const segmentIds = segmentsReferenced(phases, transitions, communications);
  return {
    type: CLIP_TYPE,
    version: 1,
    phases,
    transitions,
    communications,
    stages: roadmap.stages.filter((s) => stageIds.has(s.id)),
    segments: roadmap.segments.filter((s) => segmentIds.has(s.id)),
    owners: roadmap.owners.filter((o) => communications.some((c) => c.ownerId === o.id)),
    channels: roadmap.channels.filter((ch) => communications.some((c) => c.channelId === ch.id)),
    roles: roadmap.roles.filter((r) => communications.some((c) => c.audience.roleIds.includes(r.id))),
  };
}

/** Ids of the segments that phases, transitions and communications name. */
function segmentsReferenced(
  phases: readonly Phase[],
  transitions: readonly Transition[],
  communications: readonly Communication[],
): Set<string> {
  return new Set([
    ...phases.flatMap((p) => [...Object.keys(p.initialCustomers), ...Object.keys(p.arrivalsPerMonth)]),
    ...transitions.flatMap((t) => Object.keys(t.rateBySegment)),
    ...communications.flatMap((c) => c.audience.segmentIds),
  ]);
}

/**
 * The customers the clip's phases hold at the plan's start, in all and phase
 * by phase (those holding any): what a paste with them adds to the roadmap's
 * customer base.
 */
export function startingCustomersOf(clip: PhaseClip): {
  total: number;
  byPhase: { name: string; customers: number }[];
} {
  const byPhase = clip.phases
    .map((p) => ({ name: p.name, customers: customersAtStart(p) }))
    .filter((p) => p.customers > 0);
  return { total: byPhase.reduce((sum, p) => sum + p.customers, 0), byPhase };
}

/** Reads clipboard text; anything that is not a phase clip is refused with the reason. */
export function parsePhaseClip(text: string): Result<PhaseClip, string> {
  const notPhases = err("The clipboard does not hold phases from Relationship Roadmap.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return notPhases;
  }
  // Text that happens to be JSON (a number, a roadmap file, another app's data) is not a broken clip.
  if (typeof raw !== "object" || raw === null || !("type" in raw) || raw.type !== CLIP_TYPE) return notPhases;
  const parsed = PhaseClipSchema.safeParse(raw);
  if (!parsed.success) {
    const first = fromZodIssues(parsed.error.issues, raw)[0];
    return err(`The clipboard's phases could not be pasted: ${first ? describeIssue(first) : "unknown problem"}.`);
  }
  return ok(parsed.data);
}

/**
 * Pastes copies of the clip's phases under new ids, shifted by `offset`.
 * Stages, segments, owners, channels and roles the roadmap lacks (by id) are
 * added; ones it has are used as they are. The copies start the plan with no
 * customers unless `withStartingCustomers`: a paste that doubles the client's
 * customer base must be asked for.
 */
export function pastePhases(
  roadmap: Roadmap,
  copied: PhaseClip,
  offset: Point,
  { withStartingCustomers = false }: { withStartingCustomers?: boolean } = {},
): { roadmap: Roadmap; phaseIds: string[] } {
  const clip = withStartingCustomers ? copied : withoutStartingCustomers(copied);
  const newIds = new Map(clip.phases.map((p) => [p.id, createId()]));
  const missing = <T extends { id: string }>(have: readonly T[], bring: readonly T[]) => {
    const ids = new Set(have.map((item) => item.id));
    return bring.filter((item) => !ids.has(item.id));
  };
  const phases = clip.phases.map((p) => ({
    ...p,
    id: newIds.get(p.id) ?? createId(),
    position: canvasPoint({ x: p.position.x + offset.x, y: p.position.y + offset.y }),
  }));
  const transitions = clip.transitions.map((t) => ({
    ...t,
    id: createId(),
    from: newIds.get(t.from) ?? t.from,
    to: newIds.get(t.to) ?? t.to,
  }));
  const lastMonth = roadmap.horizonMonths - 1;
  const communications = clip.communications.map((c) => ({
    ...c,
    id: createId(),
    phaseId: newIds.get(c.phaseId) ?? c.phaseId,
    // A one-off send copied from a roadmap with a longer horizon would fall outside this one's.
    timing: c.timing.kind === "oneOff" && c.timing.month > lastMonth ? { ...c.timing, month: lastMonth } : c.timing,
  }));
  return {
    roadmap: {
      ...roadmap,
      stages: [...roadmap.stages, ...missing(roadmap.stages, clip.stages)],
      segments: [...roadmap.segments, ...missing(roadmap.segments, clip.segments)],
      owners: [...roadmap.owners, ...missing(roadmap.owners, clip.owners)],
      channels: [...roadmap.channels, ...missing(roadmap.channels, clip.channels)],
      roles: [...roadmap.roles, ...missing(roadmap.roles, clip.roles)],
      phases: [...roadmap.phases, ...phases],
      transitions: [...roadmap.transitions, ...transitions],
      communications: [...roadmap.communications, ...communications],
    },
    phaseIds: phases.map((p) => p.id),
  };
}

/** The clip with no starting customers on its phases, and without the segments only those customers named. */
function withoutStartingCustomers(clip: PhaseClip): PhaseClip {
  const phases = clip.phases.map((p) => ({ ...p, initialCustomers: {} }));
  const used = segmentsReferenced(phases, clip.transitions, clip.communications);
  return { ...clip, phases, segments: clip.segments.filter((s) => used.has(s.id)) };
}
