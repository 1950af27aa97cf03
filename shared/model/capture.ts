import type { Audience, CaptureDefaults, Communication, Roadmap } from "./schema";

/** What a communication captured quickly is given, every id pointing at something the roadmap has. */
export interface ResolvedCaptureDefaults {
  ownerId: string;
  channelId: string;
  audience: Audience;
}

const EVERYONE: Audience = { segmentIds: [], roleIds: [], share: 1 };

/**
 * The owner, channel and audience a new communication starts with: those last
 * used on this roadmap, each falling back on its own to the first owner, the
 * first channel and everyone when what was remembered has since been removed
 * (a segment or role no longer there is left out of the audience). Null when
 * the roadmap has no owner or no channel to send one.
 */
export function captureDefaultsFor(roadmap: Roadmap): ResolvedCaptureDefaults | null {
  const remembered = roadmap.captureDefaults;
  const owner = roadmap.owners.find((o) => o.id === remembered.ownerId) ?? roadmap.owners[0];
  const channel = roadmap.channels.find((c) => c.id === remembered.channelId) ?? roadmap.channels[0];
  if (!owner || !channel) return null;
  return { ownerId: owner.id, channelId: channel.id, audience: existingAudience(roadmap, remembered.audience) };
}

function existingAudience(roadmap: Roadmap, audience: Audience | null): Audience {
  if (!audience) return EVERYONE;
  const segments = new Set(roadmap.segments.map((s) => s.id));
  const roles = new Set(roadmap.roles.map((r) => r.id));
  const segmentIds = audience.segmentIds.filter((id) => segments.has(id));
  // A remembered audience of only removed segments would widen to "everyone"; the whole audience is dropped instead.
  if (audience.segmentIds.length > 0 && segmentIds.length === 0) return EVERYONE;
  return { segmentIds, roleIds: audience.roleIds.filter((id) => roles.has(id)), share: audience.share };
}

/**
 * Remembers what the user just chose for a communication's owner, channel or
 * audience, so the next one captured starts from it. Fields the change does not
 * name keep what was remembered; the roadmap is returned as it was when nothing changes.
 */
export function rememberCapture(
  roadmap: Roadmap,
  used: Partial<Pick<Communication, "ownerId" | "channelId" | "audience">>,
): Roadmap {
  const before = roadmap.captureDefaults;
  const next: CaptureDefaults = {
    ownerId: used.ownerId ?? before.ownerId,
    channelId: used.channelId ?? before.channelId,
    audience: used.audience ?? before.audience,
  };
  if (next.ownerId === before.ownerId && next.channelId === before.channelId && next.audience === before.audience) {
    return roadmap;
  }
  return { ...roadmap, captureDefaults: next };
}
