import { z } from "zod";
import { err, ok, type Result } from "../result";
import type { Point } from "./edits";
import { createId } from "./ids";
import { describeIssue, fromZodIssues } from "./issues";
import {
  ChannelSchema,
  CommunicationSchema,
  LifecycleStageSchema,
  OwnerSchema,
  PhaseSchema,
  type Roadmap,
  RoleSchema,
  SegmentSchema,
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

export function copyPhases(roadmap: Roadmap, phaseIds: readonly string[]): PhaseClip | null {
  const ids = new Set(phaseIds);
  const phases = roadmap.phases.filter((p) => ids.has(p.id));
  if (phases.length === 0) return null;
  const communications = roadmap.communications.filter((c) => ids.has(c.phaseId));
  const used = (list: readonly string[]) => new Set(list);
  const stageIds = used(phases.map((p) => p.stageId));
  const segmentIds = used([
    ...phases.flatMap((p) => [...Object.keys(p.initialCustomers), ...Object.keys(p.arrivalsPerMonth)]),
    ...communications.flatMap((c) => c.audience.segmentIds),
  ]);
  const transitions = roadmap.transitions.filter((t) => ids.has(t.from) && ids.has(t.to));
  for (const t of transitions) for (const s of Object.keys(t.rateBySegment)) segmentIds.add(s);
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
 * added; ones it has are used as they are.
 */
export function pastePhases(
  roadmap: Roadmap,
  clip: PhaseClip,
  offset: Point,
): { roadmap: Roadmap; phaseIds: string[] } {
  const newIds = new Map(clip.phases.map((p) => [p.id, createId()]));
  const missing = <T extends { id: string }>(have: readonly T[], bring: readonly T[]) => {
    const ids = new Set(have.map((item) => item.id));
    return bring.filter((item) => !ids.has(item.id));
  };
  const phases = clip.phases.map((p) => ({
    ...p,
    id: newIds.get(p.id) ?? createId(),
    position: { x: Math.round(p.position.x + offset.x), y: Math.round(p.position.y + offset.y) },
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

/** Copies of phases next to the originals, as Duplicate (Ctrl/Cmd+D) makes them. */
export function duplicatePhases(
  roadmap: Roadmap,
  phaseIds: readonly string[],
): { roadmap: Roadmap; phaseIds: string[] } {
  const clip = copyPhases(roadmap, phaseIds);
  return clip ? pastePhases(roadmap, clip, { x: 40, y: 40 }) : { roadmap, phaseIds: [] };
}
