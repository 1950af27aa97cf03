import { sameJsonValue } from "./roadmapDiff";
import { SCENARIO_FIELDS, type ScenarioItemKind } from "./scenarioEdits";
import { findScenario, resolveScenario } from "./scenarios";
import { BASE_SCENARIO_ID, type OptimisationRecord, type Roadmap, type Scenario } from "./schema";

/** The id the roadmap's own plan takes when another scenario becomes the base. */
const FORMER_BASE_ID = "former-base";

/**
 * The same roadmap with one of its scenarios as the base plan: that scenario's
 * communications and values become the roadmap's own, and every other
 * scenario — the former base among them, first — is re-expressed against it,
 * so each still plans exactly what it planned before.
 *
 * Exports use it: a report or workbook made while a scenario is shown plans
 * that scenario, and its scenario comparison still has every scenario, as a
 * valid document (a resolved view is not one: the other scenarios would name
 * communications it leaves out).
 */
export function scenarioAsBase(document: Roadmap, scenarioId: string): Roadmap {
  const chosen = findScenario(document, scenarioId);
  if (!chosen) return document;
  const plan = resolveScenario(document, scenarioId);
  const formerBaseId = freeId(document);
  // Records name the scenario they were optimised from by id: the chosen one is the base now, the base is the former base.
  const renamed = (record: OptimisationRecord | null): OptimisationRecord | null => {
    if (!record) return null;
    if (record.fromScenarioId === BASE_SCENARIO_ID) return { ...record, fromScenarioId: formerBaseId };
    if (record.fromScenarioId === scenarioId) return { ...record, fromScenarioId: BASE_SCENARIO_ID };
    return record;
  };
  const planned = new Map(plan.communications.map((c) => [c.id, c]));
  // Every communication of the roadmap stays in it, with the chosen scenario's values where it has them.
  const pool: Roadmap = {
    ...plan,
    communications: document.communications.map((c) => planned.get(c.id) ?? c),
    baseScenario: {
      name: chosen.name,
      notes: chosen.notes,
      excludedCommunicationIds: document.communications.filter((c) => !planned.has(c.id)).map((c) => c.id),
      optimisation: renamed(chosen.optimisation),
    },
  };
  const formerBase = againstBase(pool, resolveScenario(document, BASE_SCENARIO_ID), {
    id: formerBaseId,
    name: document.baseScenario.name,
    notes: document.baseScenario.notes,
    optimisation: renamed(document.baseScenario.optimisation),
  });
  const others = document.scenarios
    .filter((scenario) => scenario.id !== scenarioId)
    .map((scenario) =>
      againstBase(pool, resolveScenario(document, scenario.id), {
        ...scenario,
        optimisation: renamed(scenario.optimisation),
      }),
    );
  return { ...pool, scenarios: [formerBase, ...others] };
}

/** A scenario that, resolved against `base`, plans exactly `plans`. */
function againstBase(
  base: Roadmap,
  plans: Roadmap,
  { id, name, notes, optimisation }: Pick<Scenario, "id" | "name" | "notes" | "optimisation">,
): Scenario {
  const kept = new Set(plans.communications.map((c) => c.id));
  return {
    id,
    name,
    notes,
    excludedCommunicationIds: base.communications.filter((c) => !kept.has(c.id)).map((c) => c.id),
    communications: overrides("communication", base.communications, plans.communications) as Scenario["communications"],
    transitions: overrides("transition", base.transitions, plans.transitions) as Scenario["transitions"],
    phases: overrides("phase", base.phases, plans.phases) as Scenario["phases"],
    optimisation,
  };
}

function overrides<Item extends { id: string }>(
  kind: ScenarioItemKind,
  baseItems: readonly Item[],
  planItems: readonly Item[],
): Record<string, Record<string, unknown>> {
  const byId = new Map(baseItems.map((item) => [item.id, item as Record<string, unknown>]));
  const result: Record<string, Record<string, unknown>> = {};
  for (const item of planItems) {
    const base = byId.get(item.id);
    if (!base || base === item) continue;
    const own = Object.fromEntries(
      SCENARIO_FIELDS[kind]
        .filter((field) => !sameJsonValue((item as Record<string, unknown>)[field], base[field]))
        .map((field) => [field, (item as Record<string, unknown>)[field]]),
    );
    if (Object.keys(own).length > 0) result[item.id] = own;
  }
  return result;
}

function freeId(document: Roadmap): string {
  const taken = new Set(document.scenarios.map((scenario) => scenario.id));
  let id = FORMER_BASE_ID;
  for (let n = 2; taken.has(id); n++) id = `${FORMER_BASE_ID}-${n}`;
  return id;
}
