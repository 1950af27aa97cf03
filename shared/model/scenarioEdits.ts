import { err, ok, type Result } from "../result";
import { MAX_NAME_LENGTH } from "./fields";
import { createId } from "./ids";
import { LIMITS } from "./limits";
import { sameJsonValue } from "./roadmapDiff";
import { findScenario } from "./scenarios";
import {
  BASE_SCENARIO_ID,
  type BaseScenario,
  type Communication,
  type CommunicationOverride,
  type NoteAnchor,
  type Phase,
  type PhaseOverride,
  type Roadmap,
  type Scenario,
  type Transition,
  type TransitionOverride,
} from "./schema";
import { settleWorkshopReferences } from "./workshopReferences";

/**
 * Editing inside a scenario. The editor shows `resolveScenario(document, id)`
 * and applies every ordinary edit (`edits.ts`, the inspector's patches…) to
 * that view; `editInScenario` writes the result back into the document, so no
 * edit needs to know about scenarios.
 */

/** The fields a scenario may set for itself, by the kind of item they belong to. */
export const SCENARIO_FIELDS = {
  communication: [
    "timing",
    "personalisation",
    "fixedCost",
    "costPerContact",
    "responseRate",
    "valuePerResponse",
  ] as const satisfies readonly (keyof CommunicationOverride & keyof Communication)[],
  transition: ["rate", "rateBySegment"] as const satisfies readonly (keyof TransitionOverride & keyof Transition)[],
  phase: ["churnRate"] as const satisfies readonly (keyof PhaseOverride & keyof Phase)[],
};

export type ScenarioItemKind = keyof typeof SCENARIO_FIELDS;
export type ScenarioField = (typeof SCENARIO_FIELDS)[ScenarioItemKind][number];

/** A communication, transition or phase, as "Apply to all scenarios" names it. */
export interface ScenarioTarget {
  kind: ScenarioItemKind;
  id: string;
}

type Item = { id: string };
type Override = Record<string, unknown>;
type Overrides = Record<string, Override>;

const LIST = { communication: "communications", transition: "transitions", phase: "phases" } as const;

/**
 * Writes an edit made to the roadmap a scenario plans (`viewedBefore`, as
 * `resolveScenario` gave it, and `viewedAfter`, that view edited) back into
 * the document:
 * - a field a scenario may set (timing, costs, response rate, personalisation,
 *   value per response; transition rates; churn) goes to the edited scenario
 *   only — edited in the base plan, every other scenario that inherited the
 *   old value keeps it as its own, so an edit in one scenario never changes
 *   another;
 * - structure (phases, transitions, names, owners, channels, segments…) is
 *   shared, so it goes to the document itself;
 * - a communication added is left out of every other scenario, and one
 *   removed is left out of the edited scenario, deleted only when no scenario
 *   has it any more (or its phase is gone).
 *
 * With no scenarios, editing the base plan gives exactly `viewedAfter`: every
 * edit behaves as it did before scenarios existed.
 */
export function editInScenario(
  document: Roadmap,
  scenarioId: string,
  viewedBefore: Roadmap,
  viewedAfter: Roadmap,
): Roadmap {
  if (viewedBefore === viewedAfter) return document;
  const scenario = findScenario(document, scenarioId);
  const editedId = scenario ? scenario.id : BASE_SCENARIO_ID;
  if (!scenario && document.scenarios.length === 0 && document.baseScenario.excludedCommunicationIds.length === 0) {
    return viewedAfter;
  }
  const plans = new PlanMemberships(document);
  const phases = writeBack(document, "phase", viewedBefore.phases, viewedAfter.phases, editedId, plans);
  const transitions = writeBack(
    document,
    "transition",
    viewedBefore.transitions,
    viewedAfter.transitions,
    editedId,
    plans,
  );
  const communications = writeBack(
    document,
    "communication",
    viewedBefore.communications,
    viewedAfter.communications,
    editedId,
    plans,
  );
  const phaseIds = new Set(phases.items.map((p) => p.id));
  const placed = placeCommunications(document, communications.items, editedId, plans, phaseIds);
  const merged: Roadmap = {
    ...viewedAfter,
    phases: phases.items,
    transitions: transitions.items,
    communications: placed,
    stickyNotes: keepNoteAnchors(document, viewedAfter, placed),
    ...plans.written(),
  };
  const removedSomething =
    placed.length < document.communications.length + communications.added ||
    phases.items.length < document.phases.length + phases.added ||
    transitions.items.length < document.transitions.length + transitions.added ||
    viewedAfter.segments !== document.segments;
  return removedSomething ? settleWorkshopReferences(document, merged) : merged;
}

/** Which scenarios leave out which communications, and their overrides, as the write-back changes them. */
class PlanMemberships {
  private readonly excluded = new Map<string, Set<string>>();
  private readonly changedOverrides = new Map<
    string,
    Partial<Record<"communications" | "transitions" | "phases", Overrides>>
  >();

  constructor(private readonly document: Roadmap) {}

  /** Every plan: the base first, then the scenarios. */
  planIds(): string[] {
    return [BASE_SCENARIO_ID, ...this.document.scenarios.map((s) => s.id)];
  }

  excludedFrom(planId: string): Set<string> {
    let set = this.excluded.get(planId);
    if (!set) {
      set = new Set(planOf(this.document, planId)?.excludedCommunicationIds ?? []);
      this.excluded.set(planId, set);
    }
    return set;
  }

  overridesOf(planId: string, list: "communications" | "transitions" | "phases"): Overrides {
    let byList = this.changedOverrides.get(planId);
    if (!byList) {
      byList = {};
      this.changedOverrides.set(planId, byList);
    }
    let overrides = byList[list];
    if (!overrides) {
      const scenario = findScenario(this.document, planId);
      overrides = { ...((scenario?.[list] ?? {}) as Overrides) };
      byList[list] = overrides;
    }
    return overrides;
  }

  /** The document's base plan and scenarios with what changed; untouched scenarios keep their object. */
  written(): Pick<Roadmap, "baseScenario" | "scenarios"> {
    const baseExcluded = this.excluded.get(BASE_SCENARIO_ID);
    const baseScenario: BaseScenario = baseExcluded
      ? withExcluded(this.document.baseScenario, baseExcluded)
      : this.document.baseScenario;
    const scenarios = this.document.scenarios.map((scenario) => {
      const excluded = this.excluded.get(scenario.id);
      const overrides = this.changedOverrides.get(scenario.id);
      if (!excluded && !overrides) return scenario;
      const next = { ...(excluded ? withExcluded(scenario, excluded) : scenario) };
      for (const list of ["communications", "transitions", "phases"] as const) {
        const changed = overrides?.[list];
        if (changed) next[list] = withoutEmpty(changed) as never;
      }
      return next;
    });
    return { baseScenario, scenarios };
  }
}

function withExcluded<Plan extends BaseScenario>(plan: Plan, excluded: Set<string>): Plan {
  const same =
    excluded.size === plan.excludedCommunicationIds.length &&
    plan.excludedCommunicationIds.every((id) => excluded.has(id));
  return same ? plan : { ...plan, excludedCommunicationIds: [...excluded] };
}

function planOf(document: Roadmap, planId: string): BaseScenario | undefined {
  return planId === BASE_SCENARIO_ID ? document.baseScenario : findScenario(document, planId);
}

function withoutEmpty(overrides: Overrides): Overrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, override]) => Object.keys(override).length > 0));
}

/**
 * The document's items of one kind after the edit, in the view's order, with
 * each scenario's overrides updated. Items the view did not touch keep the
 * document's own object, so planning reuses its work.
 */
function writeBack<Kind extends ScenarioItemKind>(
  document: Roadmap,
  kind: Kind,
  before: readonly Item[],
  after: readonly Item[],
  editedId: string,
  plans: PlanMemberships,
): { items: ItemOf<Kind>[]; added: number } {
  const list = LIST[kind];
  const fields: readonly string[] = SCENARIO_FIELDS[kind];
  const own = new Map((document[list] as readonly Item[]).map((item) => [item.id, item]));
  const seen = new Map(before.map((item) => [item.id, item]));
  let added = 0;
  const items = after.map((item) => {
    const stored = own.get(item.id);
    if (!stored) {
      added += 1;
      return item;
    }
    if (seen.get(item.id) === item) return stored;
    const edited = item as Item & Record<string, unknown>;
    const base = stored as Item & Record<string, unknown>;
    if (editedId === BASE_SCENARIO_ID) {
      pinOldValues(plans, list, base, edited, fields);
      return item;
    }
    const shared = { ...edited };
    for (const field of fields) shared[field] = base[field];
    const overrides = plans.overridesOf(editedId, list);
    const override: Override = { ...(overrides[item.id] ?? {}) };
    for (const field of fields) {
      if (sameJsonValue(edited[field], base[field])) delete override[field];
      else override[field] = edited[field];
    }
    overrides[item.id] = override;
    return sameJsonValue(shared, base) ? stored : shared;
  });
  return { items: items as ItemOf<Kind>[], added };
}

type ItemOf<Kind extends ScenarioItemKind> = Kind extends "communication"
  ? Communication
  : Kind extends "transition"
    ? Transition
    : Phase;

/** The base plan's value changed: each scenario that inherited the old one keeps it as its own. */
function pinOldValues(
  plans: PlanMemberships,
  list: "communications" | "transitions" | "phases",
  before: Record<string, unknown> & Item,
  after: Record<string, unknown>,
  fields: readonly string[],
): void {
  const changed = fields.filter((field) => !sameJsonValue(before[field], after[field]));
  if (changed.length === 0) return;
  for (const planId of plans.planIds()) {
    if (planId === BASE_SCENARIO_ID) continue;
    if (list === "communications" && plans.excludedFrom(planId).has(before.id)) continue;
    const overrides = plans.overridesOf(planId, list);
    const override: Override = { ...(overrides[before.id] ?? {}) };
    for (const field of changed) {
      if (override[field] === undefined) override[field] = before[field];
    }
    overrides[before.id] = override;
  }
}

/**
 * The document's communications after the edit: those the view shows in the
 * view's order, and between them the ones it does not show (left out of this
 * scenario, or removed from it but still in another), each after the
 * communication it followed. A communication whose phase is gone is deleted.
 */
function placeCommunications(
  document: Roadmap,
  shown: readonly Communication[],
  editedId: string,
  plans: PlanMemberships,
  phaseIds: ReadonlySet<string>,
): Communication[] {
  const shownIds = new Set(shown.map((c) => c.id));
  const known = new Set(document.communications.map((c) => c.id));
  const excludedHere = plans.excludedFrom(editedId);
  for (const id of shownIds) excludedHere.delete(id);
  const hiddenAfter = new Map<string | null, Communication[]>();
  let previousShown: string | null = null;
  for (const communication of document.communications) {
    if (shownIds.has(communication.id)) {
      previousShown = communication.id;
      continue;
    }
    if (!phaseIds.has(communication.phaseId)) continue;
    if (!excludedHere.has(communication.id) && !keptElsewhere(plans, editedId, communication.id)) continue;
    excludedHere.add(communication.id);
    const group = hiddenAfter.get(previousShown) ?? [];
    group.push(communication);
    hiddenAfter.set(previousShown, group);
  }
  for (const communication of shown) {
    if (known.has(communication.id)) continue;
    for (const planId of plans.planIds()) {
      if (planId !== editedId) plans.excludedFrom(planId).add(communication.id);
    }
  }
  const placed = [...(hiddenAfter.get(null) ?? [])];
  for (const communication of shown) {
    placed.push(communication, ...(hiddenAfter.get(communication.id) ?? []));
  }
  return placed;
}

/** Whether a plan other than the edited one has this communication. */
function keptElsewhere(plans: PlanMemberships, editedId: string, communicationId: string): boolean {
  return plans.planIds().some((planId) => planId !== editedId && !plans.excludedFrom(planId).has(communicationId));
}

/**
 * A deletion in the view moves notes stuck to communications it does not show
 * onto the canvas; those communications are still in the document, so their
 * notes stay stuck to them.
 */
function keepNoteAnchors(document: Roadmap, viewedAfter: Roadmap, placed: readonly Communication[]) {
  if (viewedAfter.stickyNotes === document.stickyNotes) return viewedAfter.stickyNotes;
  const shown = new Set(viewedAfter.communications.map((c) => c.id));
  const kept = new Set(placed.map((c) => c.id));
  const anchors = new Map<string, NoteAnchor>();
  for (const note of document.stickyNotes) {
    const { anchor } = note;
    if (anchor.kind === "communication" && !shown.has(anchor.communicationId) && kept.has(anchor.communicationId)) {
      anchors.set(note.id, anchor);
    }
  }
  if (anchors.size === 0) return viewedAfter.stickyNotes;
  return viewedAfter.stickyNotes.map((note) => {
    const anchor = anchors.get(note.id);
    return anchor && note.anchor.kind === "canvas" ? { ...note, anchor } : note;
  });
}

/**
 * Whether an edit of a scenario's view removes a segment, owner, channel or
 * role. Communications the scenario leaves out may use it too, and the view
 * does not have them, so such an edit must be applied to the whole document.
 */
export function removesSharedItems(viewedBefore: Roadmap, viewedAfter: Roadmap): boolean {
  const lists = ["segments", "owners", "channels", "roles"] as const;
  return lists.some((list) => {
    if (viewedAfter[list] === viewedBefore[list]) return false;
    const kept = new Set(viewedAfter[list].map((item) => item.id));
    return viewedBefore[list].some((item) => !kept.has(item.id));
  });
}

/** A new scenario's name, or why it cannot have it. */
function checkName(document: Roadmap, name: string, ownId: string | null): Result<string, string> {
  const trimmed = name.trim();
  if (trimmed === "") return err("A scenario needs a name.");
  if (trimmed.length > MAX_NAME_LENGTH) {
    return err(`A scenario's name must be at most ${MAX_NAME_LENGTH} characters; this one has ${trimmed.length}.`);
  }
  const wanted = trimmed.toLowerCase();
  const clash = [
    { id: BASE_SCENARIO_ID, name: document.baseScenario.name },
    ...document.scenarios.map(({ id, name }) => ({ id, name })),
  ].find((choice) => choice.id !== ownId && choice.name.trim().toLowerCase() === wanted);
  if (clash) return err(`There is already a scenario called “${clash.name.trim()}”. Choose another name.`);
  return ok(trimmed);
}

/** The wanted name if it is free, else the wanted name numbered ("As-is 2"): for commands that name a scenario themselves. */
export function freeScenarioName(document: Roadmap, wanted: string): string {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? wanted : `${wanted} ${n}`;
    if (checkName(document, candidate, null).ok) return candidate;
  }
}

function roomForAnother(document: Roadmap): Result<void, string> {
  return document.scenarios.length >= LIMITS.scenarios
    ? err(`A roadmap can hold at most ${LIMITS.scenarios} scenarios besides its own plan; delete one first.`)
    : ok(undefined);
}

/**
 * Adds a scenario: a copy of `copyOf` (its communications and its own values),
 * or of the base plan when none is given. It then plans exactly what that one
 * plans, until it is edited.
 */
export function addScenario(
  document: Roadmap,
  { name, copyOf = BASE_SCENARIO_ID }: { name: string; copyOf?: string },
): Result<{ roadmap: Roadmap; scenarioId: string }, string> {
  const room = roomForAnother(document);
  if (!room.ok) return room;
  const checked = checkName(document, name, null);
  if (!checked.ok) return checked;
  const source = findScenario(document, copyOf);
  if (copyOf !== BASE_SCENARIO_ID && !source) return err("The scenario to copy is no longer in this roadmap.");
  const scenario: Scenario = {
    id: createId(),
    name: checked.value,
    notes: "",
    excludedCommunicationIds: [...(source ?? document.baseScenario).excludedCommunicationIds],
    communications: structuredClone(source?.communications ?? {}),
    transitions: structuredClone(source?.transitions ?? {}),
    phases: structuredClone(source?.phases ?? {}),
    // A copy is the user's own from here on: how the original was optimised does not describe it.
    optimisation: null,
  };
  return ok({ roadmap: { ...document, scenarios: [...document.scenarios, scenario] }, scenarioId: scenario.id });
}

/** Renames a scenario or the base plan. */
export function renameScenario(document: Roadmap, scenarioId: string, name: string): Result<Roadmap, string> {
  const checked = checkName(document, name, scenarioId);
  if (!checked.ok) return checked;
  if (scenarioId === BASE_SCENARIO_ID) {
    return ok({ ...document, baseScenario: { ...document.baseScenario, name: checked.value } });
  }
  if (!findScenario(document, scenarioId)) return err("That scenario is no longer in this roadmap.");
  return ok({
    ...document,
    scenarios: document.scenarios.map((s) => (s.id === scenarioId ? { ...s, name: checked.value } : s)),
  });
}

/** The communications only this scenario has: deleting the scenario deletes them. */
export function communicationsOnlyIn(document: Roadmap, scenarioId: string): Communication[] {
  const others = [document.baseScenario, ...document.scenarios.filter((s) => s.id !== scenarioId)];
  const target = planOf(document, scenarioId);
  if (!target || scenarioId === BASE_SCENARIO_ID) return [];
  const excludedByOthers = others.map((plan) => new Set(plan.excludedCommunicationIds));
  const excludedHere = new Set(target.excludedCommunicationIds);
  return document.communications.filter(
    (c) => !excludedHere.has(c.id) && excludedByOthers.every((excluded) => excluded.has(c.id)),
  );
}

/**
 * Deletes a scenario, with the communications no other scenario has. The base
 * plan cannot be deleted: every scenario starts from it.
 */
export function removeScenario(document: Roadmap, scenarioId: string): Result<Roadmap, string> {
  if (scenarioId === BASE_SCENARIO_ID) {
    return err(
      `“${document.baseScenario.name}” is the roadmap's own plan, which every scenario starts from; it cannot be deleted.`,
    );
  }
  if (!findScenario(document, scenarioId)) return err("That scenario is no longer in this roadmap.");
  const orphans = new Set(communicationsOnlyIn(document, scenarioId).map((c) => c.id));
  const without: Roadmap = { ...document, scenarios: document.scenarios.filter((s) => s.id !== scenarioId) };
  if (orphans.size === 0) return ok(without);
  return ok(
    settleWorkshopReferences(document, {
      ...without,
      communications: document.communications.filter((c) => !orphans.has(c.id)),
    }),
  );
}

/**
 * Adds a scenario of exactly the communications whose status is "existing":
 * what the client does today, to compare proposals against.
 */
export function asIsFromExisting(
  document: Roadmap,
  name = "As-is",
): Result<{ roadmap: Roadmap; scenarioId: string }, string> {
  if (!document.communications.some((c) => c.status === "existing")) {
    return err(
      "No communication has the status “Existing”, so an as-is scenario would plan nothing. Set the status of the communications the client sends today first.",
    );
  }
  const added = addScenario(document, { name });
  if (!added.ok) return added;
  const { roadmap, scenarioId } = added.value;
  const excluded = document.communications.filter((c) => c.status !== "existing").map((c) => c.id);
  return ok({
    roadmap: {
      ...roadmap,
      scenarios: roadmap.scenarios.map((s) =>
        s.id === scenarioId ? { ...s, excludedCommunicationIds: excluded, communications: {} } : s,
      ),
    },
    scenarioId,
  });
}

/** What one scenario says about one item: the fields it sets itself (none for the base plan). */
export function ownFields(document: Roadmap, scenarioId: string, target: ScenarioTarget): ScenarioField[] {
  const override = findScenario(document, scenarioId)?.[LIST[target.kind]][target.id] as Override | undefined;
  if (!override) return [];
  return (SCENARIO_FIELDS[target.kind] as readonly ScenarioField[]).filter((field) => override[field] !== undefined);
}

/**
 * The values a scenario plans for an item become the base plan's and every
 * scenario's: no scenario keeps a value of its own for it.
 */
export function applyToAllScenarios(document: Roadmap, scenarioId: string, target: ScenarioTarget): Roadmap {
  const list = LIST[target.kind];
  const stored = (document[list] as readonly Item[]).find((item) => item.id === target.id) as
    | (Item & Record<string, unknown>)
    | undefined;
  if (!stored) return document;
  const override = (findScenario(document, scenarioId)?.[list][target.id] ?? {}) as Override;
  const values = Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined));
  const item = Object.keys(values).length === 0 ? stored : { ...stored, ...values };
  const items = (document[list] as readonly Item[]).map((i) => (i.id === target.id ? item : i));
  const scenarios = document.scenarios.map((scenario) => {
    if (!(target.id in scenario[list])) return scenario;
    const { [target.id]: _dropped, ...rest } = scenario[list] as Overrides;
    return { ...scenario, [list]: rest };
  });
  return { ...document, [list]: items, scenarios };
}

/** The scenario stops setting this field of the item and plans the base plan's value again. */
export function inheritBaseValue(
  document: Roadmap,
  scenarioId: string,
  target: ScenarioTarget,
  field: ScenarioField,
): Roadmap {
  const list = LIST[target.kind];
  const scenario = findScenario(document, scenarioId);
  const override = scenario?.[list][target.id] as Override | undefined;
  if (!scenario || override?.[field] === undefined) return document;
  const { [field]: _dropped, ...rest } = override;
  const overrides = { ...(scenario[list] as Overrides) };
  if (Object.keys(rest).length === 0) delete overrides[target.id];
  else overrides[target.id] = rest;
  return {
    ...document,
    scenarios: document.scenarios.map((s) => (s.id === scenarioId ? { ...s, [list]: overrides } : s)),
  };
}

/** Puts a communication the scenario leaves out back into it. */
export function includeInScenario(document: Roadmap, scenarioId: string, communicationId: string): Roadmap {
  const plan = planOf(document, scenarioId);
  if (!plan?.excludedCommunicationIds.includes(communicationId)) return document;
  const excludedCommunicationIds = plan.excludedCommunicationIds.filter((id) => id !== communicationId);
  if (scenarioId === BASE_SCENARIO_ID) {
    return { ...document, baseScenario: { ...document.baseScenario, excludedCommunicationIds } };
  }
  return {
    ...document,
    scenarios: document.scenarios.map((s) => (s.id === scenarioId ? { ...s, excludedCommunicationIds } : s)),
  };
}

/** The communications of the roadmap a scenario leaves out, to list them for including again. */
export function communicationsLeftOut(document: Roadmap, scenarioId: string): Communication[] {
  const excluded = new Set(planOf(document, scenarioId)?.excludedCommunicationIds ?? []);
  if (excluded.size === 0) return [];
  return document.communications.filter((c) => excluded.has(c.id));
}
