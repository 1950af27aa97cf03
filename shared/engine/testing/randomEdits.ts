import fc from "fast-check";
import { setCustomerCount } from "../../grids/customersGrid";
import { setSegmentRate, setTransitionField } from "../../grids/transitionsTable";
import { copyPhases, DUPLICATE_OFFSET, type PhaseClip, parsePhaseClip, pastePhases } from "../../model/clipboard";
import {
  type Alignment,
  addPhase,
  alignPhases,
  connectPhases,
  deleteElements,
  distributePhases,
  movePhases,
  type OrphanedCommunications,
  replaceStages,
  updateCommunication,
  updatePhase,
} from "../../model/edits";
import {
  addCommunication,
  addListItem,
  deleteCommunication,
  duplicateCommunication,
  moveCommunication,
  type OrganisationList,
  removeListItem,
  updateListItem,
} from "../../model/organisation";
import {
  addScenario,
  applyToAllScenarios,
  asIsFromExisting,
  communicationsLeftOut,
  editInScenario,
  freeScenarioName,
  includeInScenario,
  // Not a React hook, whatever its name says: renamed so the linter does not take it for one.
  inheritBaseValue,
  removeScenario,
  SCENARIO_FIELDS,
  type ScenarioField,
  type ScenarioItemKind,
} from "../../model/scenarioEdits";
import { findScenario, resolveScenario, scenarioChoices } from "../../model/scenarios";
import {
  BASE_SCENARIO_ID,
  COMMUNICATION_STATUSES,
  type Communication,
  PERSONALISATION_LEVELS,
  type Roadmap,
  type Timing,
} from "../../model/schema";

/**
 * Random user edits for property tests, made with the same edit functions the
 * views call. An edit names what it touches by index, taken modulo the list
 * as it is when the edit runs, so any edit applies to any roadmap (or leaves
 * it as it is when there is nothing to touch). Figures are what a user types:
 * whole numbers scaled down, never float extremes.
 */

/** The item at `index` (modulo the list), or undefined for an empty list. */
export function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** The distinct ids of the items at those indices. */
export function pickIds(items: readonly { id: string }[], indices: readonly number[]): string[] {
  return [...new Set(indices.flatMap((i) => pick(items, i)?.id ?? []))];
}

const index = fc.nat({ max: 1_000 });
const indices = fc.array(index, { minLength: 1, maxLength: 3 });
const share = fc.integer({ min: 0, max: 1_000 }).map((n) => n / 1_000);
const amount = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
const point = fc.record({ x: fc.integer({ min: -2_000, max: 2_000 }), y: fc.integer({ min: -2_000, max: 2_000 }) });

/** A timing; a one-off's month is an index, taken modulo the horizon when applied. */
const timing = fc.oneof(
  fc.record({ kind: fc.constant("onEntry" as const), offsetMonths: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant("recurring" as const), everyMonths: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("oneOff" as const), month: index }),
);

/** What the inspector and the plan table change of a communication, one field at a time. */
export type CommunicationChange =
  | { field: "timing"; timing: Timing }
  | { field: "fixedCost" | "costPerContact"; value: number | null }
  | { field: "responseRate" | "valuePerResponse"; value: number }
  | { field: "audience"; segments: number[]; everyone: boolean; share: number }
  | { field: "status"; status: Communication["status"] }
  | { field: "personalisation"; personalisation: Communication["personalisation"] }
  | { field: "phase" | "owner" | "channel"; index: number };

const communicationChange: fc.Arbitrary<CommunicationChange> = fc.oneof(
  fc.record({ field: fc.constant("timing" as const), timing }),
  fc.record({
    field: fc.constantFrom("fixedCost" as const, "costPerContact" as const),
    value: fc.option(amount(2_000)),
  }),
  fc.record({ field: fc.constant("responseRate" as const), value: share }),
  fc.record({ field: fc.constant("valuePerResponse" as const), value: amount(1_000) }),
  fc.record({ field: fc.constant("audience" as const), segments: indices, everyone: fc.boolean(), share }),
  fc.record({ field: fc.constant("status" as const), status: fc.constantFrom(...COMMUNICATION_STATUSES) }),
  fc.record({
    field: fc.constant("personalisation" as const),
    personalisation: fc.constantFrom(...PERSONALISATION_LEVELS),
  }),
  fc.record({ field: fc.constantFrom("phase" as const, "owner" as const, "channel" as const), index }),
);

export type RandomEdit =
  | { kind: "addPhase"; stage: number; at: { x: number; y: number } }
  | { kind: "renamePhase"; phase: number; name: string }
  | { kind: "connect"; from: number; to: number; rate: number }
  | { kind: "delete"; phases: number[]; transitions: number[]; moveTo: number | null }
  | { kind: "duplicate"; phases: number[]; withCustomers: boolean }
  | { kind: "copy"; phases: number[] }
  | { kind: "paste"; offset: { x: number; y: number }; withCustomers: boolean }
  | { kind: "move"; phase: number; to: { x: number; y: number } }
  | { kind: "align"; phases: number[]; alignment: Alignment }
  | { kind: "distribute"; phases: number[]; axis: "horizontal" | "vertical" }
  | { kind: "churn"; phase: number; churnRate: number }
  | { kind: "customers"; phase: number; segment: number; arrivals: boolean; count: number }
  | { kind: "rate"; transition: number; rate: number }
  | { kind: "segmentRate"; transition: number; segment: number; rate: number | null }
  | { kind: "stages"; keep: number[] }
  | { kind: "communication"; communication: number; change: CommunicationChange }
  | { kind: "addCommunication"; phase: number; name: string }
  | { kind: "duplicateCommunication"; communication: number }
  | { kind: "deleteCommunication"; communication: number }
  | { kind: "moveCommunication"; communication: number; direction: "up" | "down" }
  | { kind: "bulkOwner"; communications: number[]; owner: number }
  | { kind: "channelCosts"; channel: number; fixedCost: number; costPerContact: number }
  | { kind: "channelCap"; channel: number; contactCap: number | null }
  | { kind: "segmentValue"; segment: number; annualValue: number }
  | { kind: "addListItem"; list: OrganisationList }
  | { kind: "removeListItem"; list: OrganisationList; item: number; reassignTo: number | null }
  | { kind: "horizon"; months: number }
  | { kind: "contactCap"; contactCap: number }
  | { kind: "discountRate"; rate: number }
  | { kind: "startMonth"; month: string };

const EVERY_KIND: Record<RandomEdit["kind"], true> = {
  addPhase: true,
  renamePhase: true,
  connect: true,
  delete: true,
  duplicate: true,
  copy: true,
  paste: true,
  move: true,
  align: true,
  distribute: true,
  churn: true,
  customers: true,
  rate: true,
  segmentRate: true,
  stages: true,
  communication: true,
  addCommunication: true,
  duplicateCommunication: true,
  deleteCommunication: true,
  moveCommunication: true,
  bulkOwner: true,
  channelCosts: true,
  channelCap: true,
  segmentValue: true,
  addListItem: true,
  removeListItem: true,
  horizon: true,
  contactCap: true,
  discountRate: true,
  startMonth: true,
};

/** Every kind of edit, for tests that check their sequences made them all. */
export const randomEditKinds = Object.keys(EVERY_KIND) as RandomEdit["kind"][];

const name = fc.constantFrom("Onboarding", "At risk", "Renewal", "Welcome email", "QBR", "");

/** One edit a user can make, weighted towards the figures a plan reads. */
export const randomEdit: fc.Arbitrary<RandomEdit> = fc.oneof(
  fc.record({ kind: fc.constant("addPhase" as const), stage: index, at: point }),
  fc.record({ kind: fc.constant("renamePhase" as const), phase: index, name }),
  fc.record({ kind: fc.constant("connect" as const), from: index, to: index, rate: share.map((r) => r / 4) }),
  fc.record({
    kind: fc.constant("delete" as const),
    phases: fc.array(index, { maxLength: 2 }),
    transitions: fc.array(index, { maxLength: 2 }),
    moveTo: fc.option(index),
  }),
  fc.record({ kind: fc.constant("duplicate" as const), phases: indices, withCustomers: fc.boolean() }),
  fc.record({ kind: fc.constant("copy" as const), phases: indices }),
  fc.record({ kind: fc.constant("paste" as const), offset: point, withCustomers: fc.boolean() }),
  fc.record({ kind: fc.constant("move" as const), phase: index, to: point }),
  fc.record({
    kind: fc.constant("align" as const),
    phases: fc.array(index, { minLength: 2, maxLength: 4 }),
    alignment: fc.constantFrom<Alignment>("left", "centerX", "right", "top", "middle", "bottom"),
  }),
  fc.record({
    kind: fc.constant("distribute" as const),
    phases: fc.array(index, { minLength: 3, maxLength: 5 }),
    axis: fc.constantFrom("horizontal" as const, "vertical" as const),
  }),
  fc.record({ kind: fc.constant("churn" as const), phase: index, churnRate: share.map((r) => r / 4) }),
  fc.record({
    kind: fc.constant("customers" as const),
    phase: index,
    segment: index,
    arrivals: fc.boolean(),
    count: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000 })),
  }),
  fc.record({ kind: fc.constant("rate" as const), transition: index, rate: share.map((r) => r / 4) }),
  fc.record({
    kind: fc.constant("segmentRate" as const),
    transition: index,
    segment: index,
    rate: fc.option(share.map((r) => r / 4)),
  }),
  fc.record({ kind: fc.constant("stages" as const), keep: fc.array(index, { minLength: 1, maxLength: 6 }) }),
  {
    arbitrary: fc.record({
      kind: fc.constant("communication" as const),
      communication: index,
      change: communicationChange,
    }),
    weight: 6,
  },
  fc.record({ kind: fc.constant("addCommunication" as const), phase: index, name }),
  fc.record({ kind: fc.constant("duplicateCommunication" as const), communication: index }),
  fc.record({ kind: fc.constant("deleteCommunication" as const), communication: index }),
  fc.record({
    kind: fc.constant("moveCommunication" as const),
    communication: index,
    direction: fc.constantFrom("up" as const, "down" as const),
  }),
  fc.record({ kind: fc.constant("bulkOwner" as const), communications: indices, owner: index }),
  fc.record({
    kind: fc.constant("channelCosts" as const),
    channel: index,
    fixedCost: amount(2_000),
    costPerContact: amount(5),
  }),
  fc.record({
    kind: fc.constant("channelCap" as const),
    channel: index,
    contactCap: fc.option(fc.integer({ min: 1, max: 4 })),
  }),
  fc.record({ kind: fc.constant("segmentValue" as const), segment: index, annualValue: amount(20_000) }),
  fc.record({
    kind: fc.constant("addListItem" as const),
    list: fc.constantFrom<OrganisationList>("segments", "owners", "channels", "roles"),
  }),
  fc.record({
    kind: fc.constant("removeListItem" as const),
    list: fc.constantFrom<OrganisationList>("segments", "owners", "channels", "roles"),
    item: index,
    reassignTo: fc.option(index),
  }),
  fc.record({ kind: fc.constant("horizon" as const), months: fc.integer({ min: 1, max: 48 }) }),
  fc.record({ kind: fc.constant("contactCap" as const), contactCap: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant("discountRate" as const), rate: share.map((r) => r / 4) }),
  fc.record({
    kind: fc.constant("startMonth" as const),
    month: fc
      .record({ year: fc.integer({ min: 2025, max: 2030 }), month: fc.integer({ min: 1, max: 12 }) })
      .map(({ year, month }) => `${year}-${String(month).padStart(2, "0")}`),
  }),
);

/** Phases as the canvas draws them, for aligning and distributing. */
const sizeOf = () => ({ width: 220, height: 104 });

/** What edits remember between them: the phases last copied, as the clipboard holds them. */
export interface EditContext {
  clip: PhaseClip | null;
}

/** The month a one-off can be sent in: inside the horizon, which the schema requires. */
function withinHorizon(roadmap: Roadmap, timing: Timing): Timing {
  return timing.kind === "oneOff" ? { kind: "oneOff", month: timing.month % roadmap.horizonMonths } : timing;
}

function changeCommunication(roadmap: Roadmap, communication: Communication, change: CommunicationChange): Roadmap {
  const patch = ((): Partial<Omit<Communication, "id">> | null => {
    switch (change.field) {
      case "timing":
        return { timing: withinHorizon(roadmap, change.timing) };
      case "fixedCost":
      case "costPerContact":
      case "responseRate":
      case "valuePerResponse":
        return { [change.field]: change.value };
      case "audience":
        return {
          audience: {
            ...communication.audience,
            segmentIds: change.everyone ? [] : pickIds(roadmap.segments, change.segments),
            share: change.share,
          },
        };
      case "status":
        return { status: change.status };
      case "personalisation":
        return { personalisation: change.personalisation };
      case "phase": {
        const phase = pick(roadmap.phases, change.index);
        return phase ? { phaseId: phase.id } : null;
      }
      case "owner": {
        const owner = pick(roadmap.owners, change.index);
        return owner ? { ownerId: owner.id } : null;
      }
      case "channel": {
        const channel = pick(roadmap.channels, change.index);
        return channel ? { channelId: channel.id } : null;
      }
    }
  })();
  return patch ? updateCommunication(roadmap, communication.id, patch) : roadmap;
}

/** Applies one edit as the view that makes it would; the roadmap itself when the edit has nothing to act on. */
export function applyEdit(roadmap: Roadmap, edit: RandomEdit, context: EditContext): Roadmap {
  switch (edit.kind) {
    case "addPhase": {
      const stage = pick(roadmap.stages, edit.stage);
      return stage ? addPhase(roadmap, { stageId: stage.id, position: edit.at }).roadmap : roadmap;
    }
    case "renamePhase": {
      const phase = pick(roadmap.phases, edit.phase);
      return phase && edit.name !== "" ? updatePhase(roadmap, phase.id, { name: edit.name }) : roadmap;
    }
    case "connect": {
      const from = pick(roadmap.phases, edit.from);
      const to = pick(roadmap.phases, edit.to);
      if (!from || !to) return roadmap;
      const result = connectPhases(roadmap, from.id, to.id, edit.rate);
      return result.ok ? result.value.roadmap : roadmap;
    }
    case "delete": {
      const target = edit.moveTo === null ? undefined : pick(roadmap.phases, edit.moveTo);
      const orphans: OrphanedCommunications = target ? { kind: "moveTo", phaseId: target.id } : { kind: "delete" };
      return deleteElements(
        roadmap,
        {
          phaseIds: pickIds(roadmap.phases, edit.phases),
          transitionIds: pickIds(roadmap.transitions, edit.transitions),
        },
        orphans,
      );
    }
    case "duplicate": {
      const clip = copyPhases(roadmap, pickIds(roadmap.phases, edit.phases));
      return clip
        ? pastePhases(roadmap, clip, DUPLICATE_OFFSET, { withStartingCustomers: edit.withCustomers }).roadmap
        : roadmap;
    }
    case "copy": {
      // Through the clipboard's text, as Copy and Paste take it.
      const clip = copyPhases(roadmap, pickIds(roadmap.phases, edit.phases));
      if (!clip) return roadmap;
      const read = parsePhaseClip(JSON.stringify(clip));
      if (!read.ok) throw new Error(read.error);
      context.clip = read.value;
      return roadmap;
    }
    case "paste":
      return context.clip
        ? pastePhases(roadmap, context.clip, edit.offset, { withStartingCustomers: edit.withCustomers }).roadmap
        : roadmap;
    case "move": {
      const phase = pick(roadmap.phases, edit.phase);
      return phase ? movePhases(roadmap, new Map([[phase.id, edit.to]])) : roadmap;
    }
    case "align":
      return alignPhases(roadmap, pickIds(roadmap.phases, edit.phases), edit.alignment, sizeOf);
    case "distribute":
      return distributePhases(roadmap, pickIds(roadmap.phases, edit.phases), edit.axis, sizeOf);
    case "churn": {
      const phase = pick(roadmap.phases, edit.phase);
      return phase ? updatePhase(roadmap, phase.id, { churnRate: edit.churnRate }) : roadmap;
    }
    case "customers": {
      const phase = pick(roadmap.phases, edit.phase);
      const segment = pick(roadmap.segments, edit.segment);
      if (!phase || !segment) return roadmap;
      const measure = edit.arrivals ? "arrivalsPerMonth" : "initialCustomers";
      return setCustomerCount(roadmap, measure, phase.id, segment.id, edit.count);
    }
    case "rate": {
      const transition = pick(roadmap.transitions, edit.transition);
      return transition ? setTransitionField(roadmap, transition.id, { rate: edit.rate }) : roadmap;
    }
    case "segmentRate": {
      const transition = pick(roadmap.transitions, edit.transition);
      const segment = pick(roadmap.segments, edit.segment);
      return transition && segment ? setSegmentRate(roadmap, transition.id, segment.id, edit.rate) : roadmap;
    }
    case "stages": {
      // As the stages dialog does: keep some stages, in a new order; the first one takes the rest's phases.
      const stages = [...new Set(edit.keep.flatMap((i) => pick(roadmap.stages, i) ?? []))];
      const fallback = stages[0];
      return fallback ? replaceStages(roadmap, stages, fallback.id) : roadmap;
    }
    case "communication": {
      const communication = pick(roadmap.communications, edit.communication);
      return communication ? changeCommunication(roadmap, communication, edit.change) : roadmap;
    }
    case "addCommunication": {
      const phase = pick(roadmap.phases, edit.phase);
      if (!phase) return roadmap;
      const added = addCommunication(roadmap, phase.id, edit.name || "New communication");
      return "problem" in added ? roadmap : added.roadmap;
    }
    case "duplicateCommunication": {
      const communication = pick(roadmap.communications, edit.communication);
      return (communication && duplicateCommunication(roadmap, communication.id)?.roadmap) || roadmap;
    }
    case "deleteCommunication": {
      const communication = pick(roadmap.communications, edit.communication);
      return communication ? deleteCommunication(roadmap, communication.id) : roadmap;
    }
    case "moveCommunication": {
      const communication = pick(roadmap.communications, edit.communication);
      return communication ? moveCommunication(roadmap, communication.id, edit.direction) : roadmap;
    }
    case "bulkOwner": {
      // As the plan table's bulk action does.
      const owner = pick(roadmap.owners, edit.owner);
      const ids = new Set(pickIds(roadmap.communications, edit.communications));
      if (!owner || ids.size === 0) return roadmap;
      return {
        ...roadmap,
        communications: roadmap.communications.map((c) => (ids.has(c.id) ? { ...c, ownerId: owner.id } : c)),
      };
    }
    case "channelCosts": {
      const channel = pick(roadmap.channels, edit.channel);
      const { fixedCost, costPerContact } = edit;
      return channel ? updateListItem(roadmap, "channels", channel.id, { fixedCost, costPerContact }) : roadmap;
    }
    case "channelCap": {
      const channel = pick(roadmap.channels, edit.channel);
      return channel ? updateListItem(roadmap, "channels", channel.id, { contactCap: edit.contactCap }) : roadmap;
    }
    case "segmentValue": {
      const segment = pick(roadmap.segments, edit.segment);
      return segment ? updateListItem(roadmap, "segments", segment.id, { annualValue: edit.annualValue }) : roadmap;
    }
    case "addListItem":
      return addListItem(roadmap, edit.list).roadmap;
    case "removeListItem": {
      const items: readonly { id: string }[] = roadmap[edit.list];
      const item = pick(items, edit.item);
      if (!item) return roadmap;
      const to = edit.reassignTo === null ? undefined : pick(items, edit.reassignTo);
      return removeListItem(roadmap, edit.list, item.id, to ? { kind: "reassign", to: to.id } : { kind: "remove" });
    }
    case "horizon": {
      // The settings refuse a horizon that would leave a one-off communication after its end.
      const latest = Math.max(
        0,
        ...roadmap.communications.map((c) => (c.timing.kind === "oneOff" ? c.timing.month + 1 : 0)),
      );
      const horizonMonths = Math.max(edit.months, latest);
      return horizonMonths === roadmap.horizonMonths ? roadmap : { ...roadmap, horizonMonths };
    }
    case "contactCap":
      return { ...roadmap, contactCap: edit.contactCap };
    case "discountRate":
      return { ...roadmap, annualDiscountRate: edit.rate };
    case "startMonth":
      return { ...roadmap, startMonth: edit.month };
  }
}

/** What a user does with scenarios: add one (a copy, or As-is), show another, delete one, or settle a value. */
export type ScenarioAction =
  | { kind: "addScenario"; copyOf: number }
  | { kind: "asIsFromExisting" }
  | { kind: "showScenario"; scenario: number }
  | { kind: "removeScenario"; scenario: number }
  | { kind: "applyToAll"; target: ScenarioItemKind; item: number }
  | { kind: "useBaseValue"; target: ScenarioItemKind; item: number; field: number }
  | { kind: "includeAgain"; communication: number };

const scenarioItem = fc.constantFrom<ScenarioItemKind>("communication", "transition", "phase");

export const randomScenarioAction: fc.Arbitrary<ScenarioAction> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("addScenario" as const), copyOf: index }), weight: 2 },
  fc.constant({ kind: "asIsFromExisting" as const }),
  { arbitrary: fc.record({ kind: fc.constant("showScenario" as const), scenario: index }), weight: 3 },
  fc.record({ kind: fc.constant("removeScenario" as const), scenario: index }),
  fc.record({ kind: fc.constant("applyToAll" as const), target: scenarioItem, item: index }),
  {
    arbitrary: fc.record({
      kind: fc.constant("useBaseValue" as const),
      target: scenarioItem,
      item: index,
      field: index,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("includeAgain" as const), communication: index }), weight: 2 },
);

const ITEMS = { communication: "communications", transition: "transitions", phase: "phases" } as const;

/**
 * Does a scenario action on the document while `viewing` is shown: the next
 * document, and the scenario shown after it (a scenario just added is shown).
 * Items are picked from the roadmap as the scenario shown plans it.
 */
export function applyScenarioAction(
  document: Roadmap,
  viewing: string,
  action: ScenarioAction,
): { document: Roadmap; viewing: string } {
  const plans = scenarioChoices(document);
  const viewed = resolveScenario(document, viewing);
  const unchanged = { document, viewing };
  switch (action.kind) {
    case "addScenario": {
      const copyOf = pick(plans, action.copyOf)?.id;
      const added = addScenario(document, { name: freeScenarioName(document, "Lean"), copyOf });
      return added.ok ? { document: added.value.roadmap, viewing: added.value.scenarioId } : unchanged;
    }
    case "asIsFromExisting": {
      const added = asIsFromExisting(document, freeScenarioName(document, "As-is"));
      return added.ok ? { document: added.value.roadmap, viewing: added.value.scenarioId } : unchanged;
    }
    case "showScenario":
      return { document, viewing: pick(plans, action.scenario)?.id ?? viewing };
    case "removeScenario": {
      const scenario = pick(document.scenarios, action.scenario);
      const removed = scenario && removeScenario(document, scenario.id);
      if (!scenario || !removed?.ok) return unchanged;
      return { document: removed.value, viewing: scenario.id === viewing ? BASE_SCENARIO_ID : viewing };
    }
    case "applyToAll": {
      const item = pick<{ id: string }>(viewed[ITEMS[action.target]], action.item);
      return item
        ? { document: applyToAllScenarios(document, viewing, { kind: action.target, id: item.id }), viewing }
        : unchanged;
    }
    case "useBaseValue": {
      // Of the items the scenario sets values for, as the inspector offers it only there.
      const overrides: Record<string, Record<string, unknown>> = findScenario(document, viewing)?.[
        ITEMS[action.target]
      ] ?? {};
      const [id, override] = pick(Object.entries(overrides), action.item) ?? [];
      const fields = SCENARIO_FIELDS[action.target].filter((field: ScenarioField) => override?.[field] !== undefined);
      const field = pick<ScenarioField>(fields, action.field);
      return id && field
        ? { document: inheritBaseValue(document, viewing, { kind: action.target, id }, field), viewing }
        : unchanged;
    }
    case "includeAgain": {
      const communication = pick(communicationsLeftOut(document, viewing), action.communication);
      return communication ? { document: includeInScenario(document, viewing, communication.id), viewing } : unchanged;
    }
  }
}

/**
 * Whether the editor makes this edit to the document itself rather than through the scenario shown:
 * removing a segment, owner or channel also changes communications the scenario leaves out, which
 * `editInScenario` never sees (written back, they would name what was removed).
 */
export function editsTheDocument(edit: RandomEdit): boolean {
  return edit.kind === "removeListItem";
}

/** An ordinary edit made while a scenario is shown: made to the roadmap it plans, written back as the editor does. */
export function applyEditInScenario(
  document: Roadmap,
  viewing: string,
  edit: RandomEdit,
  context: EditContext,
): Roadmap {
  if (editsTheDocument(edit)) return applyEdit(document, edit, context);
  const viewed = resolveScenario(document, viewing);
  return editInScenario(document, viewing, viewed, applyEdit(viewed, edit, context));
}
