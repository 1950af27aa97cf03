import { captureDefaultsFor, rememberCapture } from "./capture";
import { emptySegmentStrategy } from "./defaults";
import { createId } from "./ids";
import type { Communication, Purpose, Roadmap, Timing } from "./schema";
import { settleWorkshopReferences } from "./workshopReferences";

/**
 * Removing a segment, owner, channel or role that communications use: either
 * hand their part to another one, or remove it along with what depends on it.
 * Either way no reference is left dangling.
 */
export type RemovalPolicy = { kind: "reassign"; to: string } | { kind: "remove" };

/** Communications that send through, are owned by, or are addressed to the item. */
export function communicationsUsing(
  roadmap: Roadmap,
  kind: "segment" | "owner" | "channel" | "role",
  id: string,
): Communication[] {
  const uses: Record<typeof kind, (c: Communication) => boolean> = {
    segment: (c) => c.audience.segmentIds.includes(id),
    owner: (c) => c.ownerId === id,
    channel: (c) => c.channelId === id,
    role: (c) => c.audience.roleIds.includes(id),
  };
  return roadmap.communications.filter(uses[kind]);
}

/**
 * Removes a segment. Reassigning moves its customers (at start and arriving)
 * into the other segment and points audiences at it; removing drops them, and
 * deletes communications whose audience was that segment alone (an empty
 * audience would mean "everyone"). A roadmap keeps at least one segment.
 */
export function removeSegment(roadmap: Roadmap, segmentId: string, policy: RemovalPolicy): Roadmap {
  if (roadmap.segments.length <= 1 || !roadmap.segments.some((s) => s.id === segmentId)) return roadmap;
  const to =
    policy.kind === "reassign" && policy.to !== segmentId && roadmap.segments.some((s) => s.id === policy.to)
      ? policy.to
      : null;
  const moveCounts = (counts: Record<string, number>) => {
    const { [segmentId]: moved = 0, ...rest } = counts;
    if (to === null || moved === 0) return rest;
    return { ...rest, [to]: (rest[to] ?? 0) + moved };
  };
  const communications = roadmap.communications.flatMap((c) => {
    if (!c.audience.segmentIds.includes(segmentId)) return [c];
    const others = c.audience.segmentIds.filter((id) => id !== segmentId);
    const segmentIds = to === null ? others : [...new Set([...others, to])];
    if (segmentIds.length === 0) return [];
    return [{ ...c, audience: { ...c.audience, segmentIds } }];
  });
  return settleWorkshopReferences(roadmap, {
    ...roadmap,
    segments: roadmap.segments.filter((s) => s.id !== segmentId),
    phases: roadmap.phases.map((p) =>
      segmentId in p.initialCustomers || segmentId in p.arrivalsPerMonth
        ? { ...p, initialCustomers: moveCounts(p.initialCustomers), arrivalsPerMonth: moveCounts(p.arrivalsPerMonth) }
        : p,
    ),
    transitions: roadmap.transitions.map((t) => {
      if (!(segmentId in t.rateBySegment)) return t;
      const { [segmentId]: _removed, ...rest } = t.rateBySegment;
      return { ...t, rateBySegment: rest };
    }),
    communications,
  });
}

/** Removes an owner; their communications go to another owner or are removed. */
export function removeOwner(roadmap: Roadmap, ownerId: string, policy: RemovalPolicy): Roadmap {
  return removeReferenced(roadmap, "owners", "ownerId", ownerId, policy);
}

/** Removes a channel; its communications move to another channel or are removed. */
export function removeChannel(roadmap: Roadmap, channelId: string, policy: RemovalPolicy): Roadmap {
  return removeReferenced(roadmap, "channels", "channelId", channelId, policy);
}

/** Removes a role from the roadmap and from every audience; roles narrow who is addressed, not how many. */
export function removeRole(roadmap: Roadmap, roleId: string): Roadmap {
  return {
    ...roadmap,
    roles: roadmap.roles.filter((r) => r.id !== roleId),
    communications: roadmap.communications.map((c) =>
      c.audience.roleIds.includes(roleId)
        ? { ...c, audience: { ...c.audience, roleIds: c.audience.roleIds.filter((id) => id !== roleId) } }
        : c,
    ),
  };
}

/** Removes an item of any list, as the Audiences view's removal dialog does (roles need no policy). */
export function removeListItem(roadmap: Roadmap, list: OrganisationList, id: string, policy: RemovalPolicy): Roadmap {
  switch (list) {
    case "segments":
      return removeSegment(roadmap, id, policy);
    case "owners":
      return removeOwner(roadmap, id, policy);
    case "channels":
      return removeChannel(roadmap, id, policy);
    case "roles":
      return removeRole(roadmap, id);
  }
}

function removeReferenced(
  roadmap: Roadmap,
  collection: "owners" | "channels",
  field: "ownerId" | "channelId",
  id: string,
  policy: RemovalPolicy,
): Roadmap {
  const items: readonly { id: string }[] = roadmap[collection];
  if (!items.some((item) => item.id === id)) return roadmap;
  const to =
    policy.kind === "reassign" && policy.to !== id && items.some((item) => item.id === policy.to) ? policy.to : null;
  return settleWorkshopReferences(roadmap, {
    ...roadmap,
    [collection]: items.filter((item) => item.id !== id),
    communications: roadmap.communications.flatMap((c) => {
      if (c[field] !== id) return [c];
      return to === null ? [] : [{ ...c, [field]: to }];
    }),
  });
}

/** The lists of a roadmap's audiences and organisation, edited in the Audiences view. */
export type OrganisationList = "segments" | "owners" | "channels" | "roles";

/** Changes one item of a list; the others keep their objects. */
export function updateListItem<K extends OrganisationList>(
  roadmap: Roadmap,
  list: K,
  id: string,
  patch: Partial<Omit<Roadmap[K][number], "id">>,
): Roadmap {
  const items: readonly { id: string }[] = roadmap[list];
  return { ...roadmap, [list]: items.map((item) => (item.id === id ? { ...item, ...patch } : item)) };
}

const SEGMENT_COLORS = ["#1f4e79", "#2e86ab", "#f18f01", "#c73e1d", "#6a994e", "#7b2cbf", "#4f5d75", "#e76f51"];

/** Appends a new, empty item to a list, named so the user can find it: "New segment 2". */
export function addListItem(roadmap: Roadmap, list: OrganisationList): { roadmap: Roadmap; id: string } {
  const id = createId();
  const name = nextName(
    roadmap[list].map((item) => item.name),
    { segments: "New segment", owners: "New owner", channels: "New channel", roles: "New role" }[list],
  );
  switch (list) {
    case "segments":
      return {
        id,
        roadmap: {
          ...roadmap,
          segments: [
            ...roadmap.segments,
            {
              id,
              name,
              annualValue: 0,
              color: SEGMENT_COLORS[roadmap.segments.length % SEGMENT_COLORS.length] ?? "#4f5d75",
              strategy: emptySegmentStrategy(),
            },
          ],
        },
      };
    case "owners":
      return {
        id,
        roadmap: { ...roadmap, owners: [...roadmap.owners, { id, name, kind: "marketing", partnerType: null }] },
      };
    case "channels":
      return {
        id,
        roadmap: {
          ...roadmap,
          channels: [
            ...roadmap.channels,
            { id, name, kind: "email", fixedCost: 0, costPerContact: 0, contactCap: null },
          ],
        },
      };
    case "roles":
      return { id, roadmap: { ...roadmap, roles: [...roadmap.roles, { id, name }] } };
  }
}

function nextName(existing: readonly string[], base: string): string {
  const taken = new Set(existing);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/** One communication to capture: its name, and what the user chose instead of the remembered defaults. */
export interface CapturedCommunication {
  name: string;
  ownerId?: string;
  channelId?: string;
  timing?: Timing;
  purpose?: Purpose;
}

/**
 * A new communication on a phase, from the owner, on the channel and to the
 * audience last used on this roadmap (`captureDefaultsFor`), paying the
 * channel's default costs (and following them); the reason instead when the
 * roadmap has no channel or no owner to send it.
 */
export function addCommunication(
  roadmap: Roadmap,
  phaseId: string,
  name: string,
): { roadmap: Roadmap; id: string } | { problem: string } {
  const added = addCommunications(roadmap, phaseId, [{ name }]);
  return "problem" in added ? added : { roadmap: added.roadmap, id: added.ids[0] ?? "" };
}

/**
 * Adds communications to a phase in one edit, in order: what a row leaves out
 * comes from the remembered defaults, and the last row's owner and channel are
 * remembered for the next capture.
 */
export function addCommunications(
  roadmap: Roadmap,
  phaseId: string,
  rows: readonly CapturedCommunication[],
): { roadmap: Roadmap; ids: string[] } | { problem: string } {
  if (roadmap.channels.length === 0) {
    return { problem: "Add a channel in the Audiences view first: a communication is sent through one." };
  }
  const defaults = captureDefaultsFor(roadmap);
  if (!defaults) return { problem: "Add an owner in the Audiences view first: every communication has one." };
  const added = rows.map(
    (row): Communication => ({
      id: createId(),
      phaseId,
      name: row.name,
      purpose: row.purpose ?? "education",
      channelId: row.channelId ?? defaults.channelId,
      ownerId: row.ownerId ?? defaults.ownerId,
      audience: defaults.audience,
      timing: row.timing ?? { kind: "onEntry", offsetMonths: 0 },
      personalisation: "mass",
      fixedCost: null,
      costPerContact: null,
      responseRate: 0,
      valuePerResponse: 0,
      status: "proposed",
      notes: "",
    }),
  );
  const last = added.at(-1);
  const next = { ...roadmap, communications: [...roadmap.communications, ...added] };
  return {
    roadmap: last ? rememberCapture(next, { ownerId: last.ownerId, channelId: last.channelId }) : roadmap,
    ids: added.map((c) => c.id),
  };
}

/** A copy right after the original, "(copy)" added to its name. */
export function duplicateCommunication(roadmap: Roadmap, id: string): { roadmap: Roadmap; id: string } | null {
  const index = roadmap.communications.findIndex((c) => c.id === id);
  const original = roadmap.communications[index];
  if (!original) return null;
  const copy = { ...original, id: createId(), name: `${original.name} (copy)`.slice(0, 200) };
  const communications = [...roadmap.communications];
  communications.splice(index + 1, 0, copy);
  return { roadmap: { ...roadmap, communications }, id: copy.id };
}

export function deleteCommunication(roadmap: Roadmap, id: string): Roadmap {
  return settleWorkshopReferences(roadmap, {
    ...roadmap,
    communications: roadmap.communications.filter((c) => c.id !== id),
  });
}

/** Moves a communication before the previous (or after the next) one on the same phase. */
export function moveCommunication(roadmap: Roadmap, id: string, direction: "up" | "down"): Roadmap {
  const list = roadmap.communications;
  const index = list.findIndex((c) => c.id === id);
  const moving = list[index];
  if (!moving) return roadmap;
  const step = direction === "up" ? -1 : 1;
  let other = index + step;
  while (other >= 0 && other < list.length && list[other]?.phaseId !== moving.phaseId) other += step;
  const neighbour = list[other];
  if (!neighbour) return roadmap;
  const communications = [...list];
  communications[index] = neighbour;
  communications[other] = moving;
  return { ...roadmap, communications };
}
