/**
 * v2 changes three things, each so that a number means one thing:
 * - A communication's `fixedCost` and `costPerContact` may be null: the
 *   channel's default, followed when the channel or its costs change. A v1
 *   communication whose cost equals its channel's default becomes null (it
 *   was the default); any other keeps its number as its own.
 * - A segment's `size` goes: its customers at the start are the sum of its
 *   phases' initial customers. A size with no initial customers anywhere
 *   becomes the initial customers of the segment's entry phase.
 * - Ids that JavaScript objects already answer to (`__proto__`,
 *   `constructor`…) are renamed, with every reference to them, because as
 *   keys of per-segment records they read or replace the prototype.
 * Every change that is not a pure re-encoding is reported in a note.
 *
 * Frozen: like every migration, this one must keep working on the files of its
 * day, so it never imports today's schema or constants.
 */
export function migrateV1ToV2(doc: Record<string, unknown>, report: (note: string) => void): Record<string, unknown> {
  const migrated = moveSegmentSizes(inheritChannelCosts(renameReservedIds(doc, report)), report);
  return { ...migrated, schemaVersion: 2 };
}

type Item = Record<string, unknown>;

/** What v1's schema filled in for a missing cost. */
const V1_DEFAULT_COST = 0;

/** `Object.prototype`'s own names as of this migration's day, copied so the list never changes under it. */
const RESERVED_IDS: ReadonlySet<string> = new Set([
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
]);

const COLLECTIONS = [
  "stages",
  "phases",
  "transitions",
  "segments",
  "owners",
  "channels",
  "roles",
  "communications",
] as const;
type Collection = (typeof COLLECTIONS)[number];

function renameReservedIds(doc: Record<string, unknown>, report: (note: string) => void): Record<string, unknown> {
  const renames = new Map<Collection, Map<string, string>>();
  const next: Record<string, unknown> = { ...doc };
  for (const collection of COLLECTIONS) {
    const items = itemsOf(doc[collection]);
    const taken = new Set(items.map((item) => item.id).filter((id): id is string => typeof id === "string"));
    const renamed = new Map<string, string>();
    for (const item of items) {
      const id = item.id;
      if (typeof id !== "string" || !RESERVED_IDS.has(id) || renamed.has(id)) continue;
      let n = 1;
      while (taken.has(`${id}-${n}`)) n++;
      const replacement = `${id}-${n}`;
      taken.add(replacement);
      renamed.set(id, replacement);
      report(
        `The ${singular(collection)} “${typeof item.name === "string" ? item.name : id}” had the id “${id}”, which JavaScript reserves; it is now “${replacement}”.`,
      );
    }
    renames.set(collection, renamed);
  }
  const rename = (collection: Collection, id: unknown) =>
    typeof id === "string" ? (renames.get(collection)?.get(id) ?? id) : id;
  const renameKeys = (collection: Collection, record: unknown) =>
    record !== null && typeof record === "object" && !Array.isArray(record)
      ? Object.fromEntries(Object.entries(record).map(([key, value]) => [rename(collection, key), value]))
      : record;
  const renameList = (collection: Collection, ids: unknown) =>
    Array.isArray(ids) ? ids.map((id) => rename(collection, id)) : ids;

  if ([...renames.values()].every((map) => map.size === 0)) return doc;
  for (const collection of COLLECTIONS) {
    next[collection] = mapItems(doc[collection], (item) => ({ ...item, id: rename(collection, item.id) }));
  }
  next.phases = mapItems(next.phases, (phase) => ({
    ...phase,
    stageId: rename("stages", phase.stageId),
    initialCustomers: renameKeys("segments", phase.initialCustomers),
    arrivalsPerMonth: renameKeys("segments", phase.arrivalsPerMonth),
  }));
  next.transitions = mapItems(next.transitions, (transition) => ({
    ...transition,
    from: rename("phases", transition.from),
    to: rename("phases", transition.to),
    rateBySegment: renameKeys("segments", transition.rateBySegment),
  }));
  next.communications = mapItems(next.communications, (communication) => {
    const audience = communication.audience;
    return {
      ...communication,
      phaseId: rename("phases", communication.phaseId),
      channelId: rename("channels", communication.channelId),
      ownerId: rename("owners", communication.ownerId),
      ...(audience !== null && typeof audience === "object" && !Array.isArray(audience)
        ? {
            audience: {
              ...audience,
              segmentIds: renameList("segments", (audience as Item).segmentIds),
              roleIds: renameList("roles", (audience as Item).roleIds),
            },
          }
        : {}),
    };
  });
  return next;
}

function inheritChannelCosts(doc: Record<string, unknown>): Record<string, unknown> {
  const channels = new Map(itemsOf(doc.channels).map((channel) => [channel.id, channel]));
  return {
    ...doc,
    communications: mapItems(doc.communications, (communication) => {
      const channel = channels.get(communication.channelId);
      const inherit = (field: "fixedCost" | "costPerContact") => {
        const own = communication[field] ?? V1_DEFAULT_COST;
        const channelDefault = channel?.[field] ?? V1_DEFAULT_COST;
        // v2 reads a missing cost as "the channel's", so a v1 cost of its own is always written out.
        return typeof own === "number" && own === channelDefault && channel !== undefined ? null : own;
      };
      return { ...communication, fixedCost: inherit("fixedCost"), costPerContact: inherit("costPerContact") };
    }),
  };
}

function moveSegmentSizes(doc: Record<string, unknown>, report: (note: string) => void): Record<string, unknown> {
  let phases = itemsOf(doc.phases);
  const transitions = itemsOf(doc.transitions);
  const notes: string[] = [];
  const count = new Intl.NumberFormat("en");
  const segments = mapItems(doc.segments, ({ size, ...segment }) => {
    const name = typeof segment.name === "string" ? segment.name : String(segment.id);
    const id = segment.id;
    if (size === undefined || size === 0) return segment;
    if (typeof size !== "number" || typeof id !== "string") {
      report(`The segment “${name}” had a size of ${JSON.stringify(size)}, which is not a number; it is dropped.`);
      return segment;
    }
    const atStart = phases.reduce((sum, phase) => sum + ownNumber(phase.initialCustomers, id), 0);
    if (atStart === size) return segment;
    if (atStart > 0) {
      report(
        `The segment “${name}” had a size of ${count.format(size)} but ${count.format(atStart)} customers at the start in its phases; the app now uses the phases' figures, and the size is dropped.`,
      );
      return segment;
    }
    const entry = entryPhaseOf(phases, transitions, id);
    if (!entry) {
      const note = `The segment “${name}” had a size of ${count.format(size)} customers but the roadmap has no phases to hold them; add them as a phase's customers at the start.`;
      notes.push(note);
      report(`${note} This note is kept in the roadmap's notes.`);
      return segment;
    }
    phases = phases.map((phase) =>
      phase === entry ? { ...phase, initialCustomers: { ...recordOf(phase.initialCustomers), [id]: size } } : phase,
    );
    report(
      `The segment “${name}” had a size of ${count.format(size)} and no customers in any phase at the start; they are now the customers at the start of its entry phase “${String(entry.name)}”.`,
    );
    return segment;
  });
  const previousNotes = typeof doc.notes === "string" ? doc.notes : "";
  return {
    ...doc,
    segments,
    phases: Array.isArray(doc.phases) ? phases : doc.phases,
    ...(notes.length > 0 ? { notes: [previousNotes, ...notes].filter(Boolean).join("\n\n") } : {}),
  };
}

/** Where a segment's customers come in: where they arrive, else a phase nothing leads to, else the first phase. */
function entryPhaseOf(phases: readonly Item[], transitions: readonly Item[], segmentId: string): Item | undefined {
  const ledTo = new Set(transitions.map((transition) => transition.to));
  return (
    phases.find((phase) => ownNumber(phase.arrivalsPerMonth, segmentId) > 0) ??
    phases.find((phase) => !ledTo.has(phase.id)) ??
    phases[0]
  );
}

function itemsOf(value: unknown): Item[] {
  return Array.isArray(value)
    ? value.filter((item): item is Item => item !== null && typeof item === "object" && !Array.isArray(item))
    : [];
}

/** Maps the objects of a list, leaving anything that is not a list of objects for validation to name. */
function mapItems(value: unknown, map: (item: Item) => Item): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => (item !== null && typeof item === "object" && !Array.isArray(item) ? map(item) : item));
}

function recordOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function ownNumber(record: unknown, key: string): number {
  const values = recordOf(record);
  const value = Object.hasOwn(values, key) ? values[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function singular(collection: Collection): string {
  return {
    stages: "lifecycle stage",
    phases: "phase",
    transitions: "transition",
    segments: "segment",
    owners: "owner",
    channels: "channel",
    roles: "role",
    communications: "communication",
  }[collection];
}
