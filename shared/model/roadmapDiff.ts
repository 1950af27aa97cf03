import { SETTING_LABELS } from "./differenceText";
import type { Roadmap } from "./schema";

export * from "./differenceText";

/** The parts of a roadmap a comparison walks, each listed by id; "settings" are the roadmap's own fields. */
export type DiffCollection =
  | "settings"
  | "stages"
  | "phases"
  | "transitions"
  | "segments"
  | "owners"
  | "channels"
  | "roles"
  | "communications"
  | "scenarios";

/** One thing that differs between two roadmaps, or two scenarios of one. */
export interface RoadmapDifference {
  readonly kind: "added" | "removed" | "changed";
  readonly collection: DiffCollection;
  /** The item's id; null for a setting. */
  readonly id: string | null;
  /** The item's name as the user knows it (a transition's "Trial → Customer"), or the setting's label. */
  readonly label: string;
  /** For a change: the field's path inside the item, e.g. "timing.everyMonths" or "rateBySegment.enterprise". */
  readonly field: string | null;
  /** The old and new values as JSON; undefined for an added or removed item. */
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface DiffOptions {
  /**
   * Leave out where phases sit on the canvas. A phase dragged aside is a real
   * change between two versions, but only noise between two scenarios, which
   * share their drawing.
   */
  readonly ignoreLayout?: boolean;
}

/** The collections listed by id, in the order differences are reported (after the settings). */
export const ITEM_COLLECTIONS = [
  "stages",
  "phases",
  "transitions",
  "segments",
  "owners",
  "channels",
  "roles",
  "communications",
  "scenarios",
] as const satisfies readonly DiffCollection[];

type ItemCollection = (typeof ITEM_COLLECTIONS)[number];

/** The order a list of differences groups by: settings first, then the collections as the roadmap lists them. */
export const DIFF_COLLECTIONS: readonly DiffCollection[] = ["settings", ...ITEM_COLLECTIONS];

/** What a comparison says about the survey's questionnaire: it is summarised, never item by item. */
export interface QuestionnaireSummary {
  readonly items: number;
  readonly dimensions: number;
}

/** What a comparison says about the survey's answers: summarised, never respondent by respondent. */
export interface SurveyWavesSummary {
  readonly waves: number;
  readonly respondents: number;
}

/** What a comparison says about the sticky notes: how many there are and how many are still open. */
export interface StickyNotesSummary {
  readonly notes: number;
  readonly open: number;
}

/** Fields of an item that a comparison never reports. */
const LAYOUT_FIELDS: Partial<Record<ItemCollection, readonly string[]>> = { phases: ["position"] };

type Json = unknown;
type Differences = RoadmapDifference[];

/**
 * What differs between two roadmaps: settings, then each collection by id
 * (stages, phases, transitions, segments, owners, channels, roles,
 * communications, scenarios). Within a collection, changed and added items
 * in the order `after` lists them, then removed ones in the order `before`
 * did. A changed item gives one difference per field that changed, with
 * nested paths ("timing.everyMonths", "rateBySegment.enterprise",
 * "communications.comm-1.responseRate" in a scenario); a list of values, or
 * a value whose `kind` changed (a timing from "on entry" to "recurring"),
 * is one change of the whole. The survey and sticky notes are summarised.
 * Objects the two roadmaps share (an edit's structural sharing) are skipped
 * without a look inside, so comparing a document with its next edit is cheap.
 */
export function diffRoadmaps(before: Roadmap, after: Roadmap, options: DiffOptions = {}): RoadmapDifference[] {
  const out: Differences = [];
  if (before === after) return out;
  diffSettings(before, after, out);
  for (const collection of ITEM_COLLECTIONS) {
    diffCollection(collection, before, after, options, out);
  }
  return out;
}

function diffSettings(before: Roadmap, after: Roadmap, out: Differences): void {
  const setting = (field: string, from: Json, to: Json) => {
    if (!sameValue(from, to)) {
      out.push({
        kind: "changed",
        collection: "settings",
        id: null,
        label: settingLabel(field),
        field,
        before: from,
        after: to,
      });
    }
  };
  for (const field of [
    "name",
    "client",
    "preparedBy",
    "currency",
    "startMonth",
    "horizonMonths",
    "annualDiscountRate",
    "contactCap",
    "notes",
  ] as const) {
    setting(field, before[field], after[field]);
  }
  setting("presentation.walkOrder", before.presentation.walkOrder, after.presentation.walkOrder);
  if (before.baseScenario !== after.baseScenario) {
    setting("baseScenario.name", before.baseScenario.name, after.baseScenario.name);
    setting("baseScenario.notes", before.baseScenario.notes, after.baseScenario.notes);
    setting(
      "baseScenario.excludedCommunicationIds",
      before.baseScenario.excludedCommunicationIds,
      after.baseScenario.excludedCommunicationIds,
    );
  }
  if (before.survey !== after.survey) {
    setting("survey.scale", before.survey.scale, after.survey.scale);
    setting("survey.minimumRespondents", before.survey.minimumRespondents, after.survey.minimumRespondents);
    if (
      !sameValue(before.survey.items, after.survey.items) ||
      !sameValue(before.survey.dimensions, after.survey.dimensions)
    ) {
      out.push(summaryChange("survey.questionnaire", questionnaireSummary(before), questionnaireSummary(after)));
    }
    if (!sameValue(before.survey.waves, after.survey.waves)) {
      out.push(summaryChange("survey.waves", wavesSummary(before), wavesSummary(after)));
    }
  }
  if (!sameValue(before.stickyNotes, after.stickyNotes)) {
    out.push(summaryChange("stickyNotes", notesSummary(before), notesSummary(after)));
  }
}

function settingLabel(field: string): string {
  return SETTING_LABELS[field] ?? field;
}

function summaryChange(field: string, from: Json, to: Json): RoadmapDifference {
  return {
    kind: "changed",
    collection: "settings",
    id: null,
    label: settingLabel(field),
    field,
    before: from,
    after: to,
  };
}

function questionnaireSummary(roadmap: Roadmap): QuestionnaireSummary {
  return { items: roadmap.survey.items.length, dimensions: roadmap.survey.dimensions.length };
}

function wavesSummary(roadmap: Roadmap): SurveyWavesSummary {
  const respondents = roadmap.survey.waves.reduce((sum, wave) => sum + wave.respondents.length, 0);
  return { waves: roadmap.survey.waves.length, respondents };
}

function notesSummary(roadmap: Roadmap): StickyNotesSummary {
  const open = roadmap.stickyNotes.filter((note) => note.status === "open").length;
  return { notes: roadmap.stickyNotes.length, open };
}

interface Item {
  readonly id: string;
}

function diffCollection(
  collection: ItemCollection,
  before: Roadmap,
  after: Roadmap,
  options: DiffOptions,
  out: Differences,
): void {
  const from: readonly Item[] = before[collection];
  const to: readonly Item[] = after[collection];
  if (from === to) return;
  const ignored = options.ignoreLayout ? (LAYOUT_FIELDS[collection] ?? []) : [];
  const label = itemLabeller(collection, before, after);
  const old = new Map<string, Item>();
  for (const item of from) old.set(item.id, item);
  const kept = new Set<string>();
  for (const item of to) {
    const previous = old.get(item.id);
    if (previous === undefined) {
      out.push({ kind: "added", collection, id: item.id, label: label(item), field: null });
      continue;
    }
    kept.add(item.id);
    if (previous === item) continue;
    const changes: [string, Json, Json][] = [];
    diffObject(
      "",
      previous as unknown as Record<string, Json>,
      item as unknown as Record<string, Json>,
      changes,
      ignored,
    );
    if (changes.length === 0) continue;
    const name = label(item);
    for (const [field, was, is] of changes) {
      out.push({ kind: "changed", collection, id: item.id, label: name, field, before: was, after: is });
    }
  }
  for (const item of from) {
    if (!kept.has(item.id)) out.push({ kind: "removed", collection, id: item.id, label: label(item), field: null });
  }
}

/** The name an item is known by: its own name, a transition's "From → To". */
function itemLabeller(collection: ItemCollection, before: Roadmap, after: Roadmap): (item: Item) => string {
  if (collection !== "transitions") return (item) => (item as Item & { name?: string }).name ?? item.id;
  const names = new Map<string, string>();
  for (const phase of before.phases) names.set(phase.id, phase.name);
  for (const phase of after.phases) names.set(phase.id, phase.name);
  return (item) => {
    const { from, to } = item as Item & { from: string; to: string };
    return `${names.get(from) ?? from} → ${names.get(to) ?? to}`;
  };
}

/**
 * Collects the paths where two JSON objects differ. An object missing on one
 * side is read as empty, so a scenario's first override of a communication
 * reports the fields it sets, not one opaque object.
 */
function diffObject(
  prefix: string,
  from: Record<string, Json>,
  to: Record<string, Json>,
  out: [string, Json, Json][],
  ignored: readonly string[] = [],
): void {
  for (const key in from) {
    if (ignored.length > 0 && ignored.includes(key)) continue;
    diffValue(prefix, key, from[key], to[key], out);
  }
  for (const key in to) {
    if (Object.hasOwn(from, key) || (ignored.length > 0 && ignored.includes(key))) continue;
    diffValue(prefix, key, undefined, to[key], out);
  }
}

/** The path is only spelled out where something differs: most fields of most items are equal. */
function diffValue(prefix: string, key: string, from: Json, to: Json, out: [string, Json, Json][]): void {
  if (from === to) return;
  const fromObject = isRecord(from);
  const toObject = isRecord(to);
  const descend =
    (fromObject && toObject && from.kind === to.kind) ||
    (fromObject && to === undefined && from.kind === undefined) ||
    (toObject && from === undefined && to.kind === undefined);
  if (descend) {
    diffObject(`${prefix}${key}.`, (from ?? {}) as Record<string, Json>, (to ?? {}) as Record<string, Json>, out);
    return;
  }
  if (!sameValue(from, to)) out.push([prefix + key, from, to]);
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values; `undefined` and a missing key are the same. */
export function sameValue(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  }
  const left = a as Record<string, Json>;
  const right = b as Record<string, Json>;
  for (const key of Object.keys(left)) if (!sameValue(left[key], right[key])) return false;
  for (const key of Object.keys(right)) if (!Object.hasOwn(left, key) && right[key] !== undefined) return false;
  return true;
}
