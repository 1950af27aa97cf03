import {
  BASE_SCENARIO_ID,
  type Communication,
  type CommunicationOverride,
  type Phase,
  type PhaseOverride,
  type Roadmap,
  type Scenario,
  type Transition,
  type TransitionOverride,
} from "./schema";

/** A scenario as pickers and comparisons list it: the base plan first, then the roadmap's scenarios in order. */
export interface ScenarioChoice {
  readonly id: string;
  readonly name: string;
}

export function scenarioChoices(roadmap: Roadmap): ScenarioChoice[] {
  return [
    { id: BASE_SCENARIO_ID, name: roadmap.baseScenario.name },
    ...roadmap.scenarios.map(({ id, name }) => ({ id, name })),
  ];
}

/** The scenario with this id, or undefined for the base plan and for an id the roadmap does not have. */
export function findScenario(roadmap: Roadmap, scenarioId: string): Scenario | undefined {
  return roadmap.scenarios.find((scenario) => scenario.id === scenarioId);
}

/** The id of the scenario with this name (case and surrounding spaces aside), the base plan's included. */
export function scenarioIdByName(roadmap: Roadmap, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return scenarioChoices(roadmap).find((choice) => choice.name.trim().toLowerCase() === wanted)?.id;
}

const resolvedByRoadmap = new WeakMap<Roadmap, Map<string, Roadmap>>();

/**
 * The roadmap a scenario plans: the base's phases, transitions and
 * communications, minus the communications the scenario leaves out, with the
 * scenario's own values where it sets them. Every other part of the roadmap
 * is the base's own object.
 *
 * The result is a view for planning, showing and exporting — never saved, since
 * it has the scenario's values where the base has its own. It is remembered per
 * document and scenario, and each communication, transition and phase a
 * scenario leaves alone is the base's own object, so the incremental planning
 * engine reuses its work across edits and across scenarios.
 *
 * An unknown scenario id resolves to the base plan.
 */
export function resolveScenario(roadmap: Roadmap, scenarioId: string): Roadmap {
  let byScenario = resolvedByRoadmap.get(roadmap);
  if (!byScenario) {
    byScenario = new Map();
    resolvedByRoadmap.set(roadmap, byScenario);
  }
  const known = byScenario.get(scenarioId);
  if (known) return known;
  const resolved = resolveAfresh(roadmap, findScenario(roadmap, scenarioId));
  byScenario.set(scenarioId, resolved);
  return resolved;
}

function resolveAfresh(roadmap: Roadmap, scenario: Scenario | undefined): Roadmap {
  const excluded = scenario ? scenario.excludedCommunicationIds : roadmap.baseScenario.excludedCommunicationIds;
  if (!scenario && excluded.length === 0) return roadmap;
  const left = new Set(excluded);
  const communications = roadmap.communications.filter((c) => !left.has(c.id));
  if (!scenario) return { ...roadmap, communications };
  return {
    ...roadmap,
    communications: withOverrides(communications, scenario.communications, overriddenCommunication),
    transitions: withOverrides(roadmap.transitions, scenario.transitions, overriddenTransition),
    phases: withOverrides(roadmap.phases, scenario.phases, overriddenPhase),
  };
}

/** The list itself when nothing in it is overridden, so planning sees an unchanged part as unchanged. */
function withOverrides<Item extends { id: string }, Override extends object>(
  items: readonly Item[],
  overrides: Record<string, Override>,
  apply: (item: Item, override: Override) => Item,
): Item[] {
  if (Object.keys(overrides).length === 0) return items as Item[];
  return items.map((item) => {
    const override = overrides[item.id];
    return override ? remembered(item, override, apply) : item;
  });
}

const mergedByItem = new WeakMap<object, WeakMap<object, object>>();

/** One merged object per base object and override object: an edit elsewhere leaves it the same object. */
function remembered<Item extends object, Override extends object>(
  item: Item,
  override: Override,
  apply: (item: Item, override: Override) => Item,
): Item {
  let byOverride = mergedByItem.get(item);
  if (!byOverride) {
    byOverride = new WeakMap();
    mergedByItem.set(item, byOverride);
  }
  const known = byOverride.get(override);
  if (known) return known as Item;
  const merged = apply(item, override);
  byOverride.set(override, merged);
  return merged;
}

function overriddenCommunication(communication: Communication, override: CommunicationOverride): Communication {
  return { ...communication, ...definedFields(override) };
}

function overriddenTransition(transition: Transition, override: TransitionOverride): Transition {
  return { ...transition, ...definedFields(override) };
}

function overriddenPhase(phase: Phase, override: PhaseOverride): Phase {
  return { ...phase, ...definedFields(override) };
}

/** An override's fields that are set: a key present with `undefined` (from code, never from a file) inherits too. */
function definedFields<Override extends object>(override: Override): Partial<Override> {
  return Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined)) as Partial<Override>;
}
