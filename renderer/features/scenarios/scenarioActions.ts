import {
  addScenario,
  applyToAllScenarios,
  asIsFromExisting,
  BASE_SCENARIO_ID,
  freeScenarioName,
  includeInScenario,
  inheritBaseValue,
  type Roadmap,
  removeScenario,
  renameScenario,
  type ScenarioField,
  type ScenarioTarget,
  scenarioChoices,
} from "../../../shared/model";
import type { Result } from "../../../shared/result";
import type { AppState } from "../../app/appStore";

/**
 * What the scenario switcher, its dialogs, the inspector and the commands do
 * to scenarios: each a change to the document itself (not to the plan shown),
 * one undo step. A refusal changes nothing and is given back in words, for a
 * dialog to show beside the name typed.
 */

/** Why the change was refused, or null once it is made. */
export type Refusal = string | null;

function changeDocument(
  state: AppState,
  change: (document: Roadmap) => Result<{ roadmap: Roadmap; scenarioId?: string }, string>,
): Refusal {
  const document = state.document;
  if (!document) return "No roadmap is open.";
  const result = change(document);
  if (!result.ok) return result.error;
  const { roadmap, scenarioId } = result.value;
  state.edit(() => roadmap, { document: { showScenario: scenarioId ?? state.activeScenarioId } });
  return null;
}

const withRoadmap = (result: Result<Roadmap, string>) =>
  result.ok ? { ok: true as const, value: { roadmap: result.value } } : result;

/** A new scenario named so, a copy of the base plan (or of the scenario shown, to duplicate it), then shown. */
export function createScenario(state: AppState, name: string, copyOfShown: boolean): Refusal {
  const copyOf = copyOfShown ? state.activeScenarioId : BASE_SCENARIO_ID;
  return changeDocument(state, (document) => addScenario(document, { name, copyOf }));
}

export function renameShownScenario(state: AppState, name: string): Refusal {
  return changeDocument(state, (document) => withRoadmap(renameScenario(document, state.activeScenarioId, name)));
}

/** Deletes the scenario shown and shows the base plan. */
export function deleteShownScenario(state: AppState): void {
  tellRefusal(
    state,
    changeDocument(state, (document) => {
      const removed = removeScenario(document, state.activeScenarioId);
      return removed.ok ? { ok: true, value: { roadmap: removed.value, scenarioId: BASE_SCENARIO_ID } } : removed;
    }),
  );
}

function tellRefusal(state: AppState, refusal: Refusal): void {
  if (refusal) state.notify({ tone: "error", message: refusal });
}

/** The as-is scenario ("As-is", or "As-is 2" when that name is taken), shown once made. */
export function createAsIsScenario(state: AppState): void {
  tellRefusal(
    state,
    changeDocument(state, (document) => asIsFromExisting(document, freeScenarioName(document, "As-is"))),
  );
}

export function applyToAll(state: AppState, target: ScenarioTarget): void {
  changeDocument(state, (document) => ({
    ok: true,
    value: { roadmap: applyToAllScenarios(document, state.activeScenarioId, target) },
  }));
}

export function inheritBasePlanValue(state: AppState, target: ScenarioTarget, field: ScenarioField): void {
  changeDocument(state, (document) => ({
    ok: true,
    value: { roadmap: inheritBaseValue(document, state.activeScenarioId, target, field) },
  }));
}

export function includeInShownScenario(state: AppState, communicationId: string): void {
  changeDocument(state, (document) => ({
    ok: true,
    value: { roadmap: includeInScenario(document, state.activeScenarioId, communicationId) },
  }));
}

/** Shows the next (or previous) scenario, wrapping around; the base plan is the first. */
export function showAdjacentScenario(state: AppState, step: 1 | -1): void {
  if (!state.document) return;
  const ids = scenarioChoices(state.document).map((choice) => choice.id);
  const at = ids.indexOf(state.activeScenarioId);
  const next = ids[(at + step + ids.length) % ids.length];
  if (next) state.showScenario(next);
}

/** The name of the scenario shown. */
export function shownScenarioName(state: Pick<AppState, "document" | "activeScenarioId">): string {
  if (!state.document) return "";
  return scenarioChoices(state.document).find((choice) => choice.id === state.activeScenarioId)?.name ?? "";
}

/**
 * What "Apply to all scenarios" acts on: the communication selected, else the
 * one transition selected, else the one phase selected.
 */
export function selectedScenarioTarget(
  state: Pick<AppState, "selectedCommunicationId" | "selection">,
): ScenarioTarget | null {
  const { phaseIds, transitionIds } = state.selection;
  if (state.selectedCommunicationId) return { kind: "communication", id: state.selectedCommunicationId };
  if (transitionIds.length === 1 && phaseIds.length === 0 && transitionIds[0]) {
    return { kind: "transition", id: transitionIds[0] };
  }
  if (phaseIds.length === 1 && transitionIds.length === 0 && phaseIds[0]) return { kind: "phase", id: phaseIds[0] };
  return null;
}
