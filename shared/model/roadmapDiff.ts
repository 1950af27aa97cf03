import { SETTING_LABELS } from "./differenceText";
import type { CommunicationOptions, OptimisationRecord, OptimiserSettings, Roadmap, Scenario } from "./schema";

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

/** What a comparison says about how a scenario was optimised: one line, never the whole record. */
export interface OptimisationSummary {
  readonly objective: OptimisationRecord["settings"]["objective"];
  /** The budget it kept to; null for none. */
  readonly budget: number | null;
  readonly status: OptimisationRecord["status"];
  readonly gap: number;
}

/** A communication's other frequencies and levels for the optimiser, as a comparison reports them. */
export type OptionsValue = Pick<CommunicationOptions, "everyMonths" | "personalisation">;

/** What a comparison says when the options of many communications changed at once (a bulk preset). */
export interface OptionsSummary {
  /** How many communications' options changed. */
  readonly communications: number;
  /** How many communications have other frequencies, and other levels. */
  readonly frequencies: number;
  readonly personalisation: number;
}

/** Beyond this many communications whose options changed, one summary says it instead of a line each. */
export const OPTIONS_LISTED = 10;

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
    if (!sameJsonValue(from, to)) out.push(settingChange(field, from, to));
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
      !sameJsonValue(before.survey.items, after.survey.items) ||
      !sameJsonValue(before.survey.dimensions, after.survey.dimensions)
    ) {
      out.push(settingChange("survey.questionnaire", questionnaireSummary(before), questionnaireSummary(after)));
    }
    if (!sameJsonValue(before.survey.waves, after.survey.waves)) {
      out.push(settingChange("survey.waves", wavesSummary(before), wavesSummary(after)));
    }
  }
  if (!sameJsonValue(before.stickyNotes, after.stickyNotes)) {
    out.push(settingChange("stickyNotes", notesSummary(before), notesSummary(after)));
  }
  if (before.optimiser !== after.optimiser) diffOptimiser(before.optimiser, after, out);
}

/**
 * The optimiser's settings: each field as one change, a communication's lock
 * and options as one change each (named after it), and the options of many
 * communications at once as one summary. The settings of a communication
 * removed in `after` are not reported: its removal says it.
 */
function diffOptimiser(from: OptimiserSettings, roadmap: Roadmap, out: Differences): void {
  const to = roadmap.optimiser;
  const setting = (field: keyof OptimiserSettings) => {
    if (!sameJsonValue(from[field], to[field])) out.push(settingChange(`optimiser.${field}`, from[field], to[field]));
  };
  setting("objective");
  setting("budget");
  setting("yearBudgets");
  setting("ownerBudgets");
  setting("respectContactCaps");
  if (from.communications !== to.communications) {
    const names = new Map(roadmap.communications.map((c) => [c.id, c.name]));
    const optionsChanged: [id: string, was: OptionsValue, is: OptionsValue][] = [];
    for (const [id, name] of names) {
      const was = from.communications[id];
      const is = to.communications[id];
      if (was === is) continue;
      const wasLock = was?.lock ?? "free";
      const isLock = is?.lock ?? "free";
      if (wasLock !== isLock)
        out.push({
          ...settingChange(`optimiser.communications.${id}.lock`, wasLock, isLock),
          label: `Optimiser's lock on ${name}`,
        });
      const wasOptions = optionsValue(was);
      const isOptions = optionsValue(is);
      if (!sameJsonValue(wasOptions, isOptions)) optionsChanged.push([id, wasOptions, isOptions]);
    }
    if (optionsChanged.length > OPTIONS_LISTED) {
      out.push({
        ...settingChange(
          "optimiser.options",
          optionsSummary(from, optionsChanged.length),
          optionsSummary(to, optionsChanged.length),
        ),
        label: `Optimiser's options of ${optionsChanged.length} communications`,
      });
    } else {
      for (const [id, was, is] of optionsChanged) {
        out.push({
          ...settingChange(`optimiser.communications.${id}.options`, was, is),
          label: `Optimiser's options for ${names.get(id) ?? id}`,
        });
      }
    }
  }
  setting("purposeCoverage");
  setting("exclusiveGroups");
  setting("timeLimitSeconds");
  setting("gapTolerance");
}

function optionsValue(options: CommunicationOptions | undefined): OptionsValue {
  return { everyMonths: options?.everyMonths ?? [], personalisation: options?.personalisation ?? [] };
}

function optionsSummary(settings: OptimiserSettings, communications: number): OptionsSummary {
  const all = Object.values(settings.communications);
  return {
    communications,
    frequencies: all.filter((options) => options.everyMonths.length > 0).length,
    personalisation: all.filter((options) => options.personalisation.length > 0).length,
  };
}

function optimisationSummary(record: OptimisationRecord | null): OptimisationSummary | null {
  if (record === null) return null;
  const { objective, budget } = record.settings;
  return {
    objective,
    // With no budget set, "most value" keeps to what the plan it started from cost.
    budget: budget ?? (objective === "value" ? record.planCost : null),
    status: record.status,
    gap: record.gap,
  };
}

function settingLabel(field: string): string {
  return SETTING_LABELS[field] ?? field;
}

function settingChange(field: string, from: Json, to: Json): RoadmapDifference {
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
      if (collection === "scenarios") diffOptimisation(undefined, item as Scenario, label(item), out);
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
      collection === "scenarios" ? [...ignored, "optimisation"] : ignored,
    );
    const name = label(item);
    for (const [field, was, is] of changes) {
      out.push({ kind: "changed", collection, id: item.id, label: name, field, before: was, after: is });
    }
    if (collection === "scenarios") diffOptimisation(previous as Scenario, item as Scenario, name, out);
  }
  for (const item of from) {
    if (!kept.has(item.id)) out.push({ kind: "removed", collection, id: item.id, label: label(item), field: null });
  }
}

/** How a scenario was optimised, as one line: a record's fields are a snapshot no one edits. */
function diffOptimisation(previous: Scenario | undefined, scenario: Scenario, label: string, out: Differences): void {
  const was = previous === undefined ? undefined : optimisationSummary(previous.optimisation);
  const is = optimisationSummary(scenario.optimisation);
  if (previous === undefined && is === null) return;
  if (previous !== undefined && sameJsonValue(previous.optimisation, scenario.optimisation)) return;
  out.push({
    kind: "changed",
    collection: "scenarios",
    id: scenario.id,
    label,
    field: "optimisation",
    before: was ?? undefined,
    after: is ?? undefined,
  });
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
  if (!sameJsonValue(from, to)) out.push([prefix + key, from, to]);
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values; `undefined` and a missing key are the same. */
export function sameJsonValue(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => sameJsonValue(value, b[i]));
  }
  const left = a as Record<string, Json>;
  const right = b as Record<string, Json>;
  for (const key of Object.keys(left)) if (!sameJsonValue(left[key], right[key])) return false;
  for (const key of Object.keys(right)) if (!Object.hasOwn(left, key) && right[key] !== undefined) return false;
  return true;
}
