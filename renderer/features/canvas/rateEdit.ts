import { updateTransition } from "../../../shared/model";
import type { AppState } from "../../app/appStore";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";
import { type NumberRules, readNumberInput } from "../inspector/numberInput";

/** The rules of the inspector's "Monthly rate" field, so a rate typed on the canvas is read the same way. */
export const RATE_RULES: NumberRules = { label: "Monthly rate", percent: true, min: 0, max: 1 };

/**
 * Sets a transition's monthly rate from what was typed on its label on the
 * canvas, in the user's locale ("12,5 %" in German), as one undo step. Text
 * that is not a rate is told to the user, naming the transition and what was
 * typed, and changes nothing. Says whether the rate was taken.
 */
export function setRateFromText(state: AppState, transitionId: string, text: string, locale: string): boolean {
  const roadmap = selectViewedRoadmap(state);
  const transition = roadmap?.transitions.find((t) => t.id === transitionId);
  if (!roadmap || !transition) return false;
  const reading = readNumberInput(text, RATE_RULES, locale);
  if (!reading.ok) {
    const name = (phaseId: string) => roadmap.phases.find((p) => p.id === phaseId)?.name ?? "?";
    state.notify({
      tone: "error",
      message: `The rate of ${name(transition.from)} → ${name(transition.to)} stays as it was: ${reading.problem}`,
    });
    return false;
  }
  if (reading.value !== null && reading.value !== transition.rate) {
    const rate = reading.value;
    state.edit((current) => updateTransition(current, transitionId, { rate }));
  }
  return true;
}
