import {
  BASE_SCENARIO_ID,
  communicationsLeftOut,
  ownFields,
  type ScenarioField,
  type ScenarioTarget,
} from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { applyToAll, includeInShownScenario, inheritBasePlanValue, shownScenarioName } from "./scenarioActions";

const FIELD_LABELS: Record<ScenarioField, string> = {
  timing: "Timing",
  personalisation: "Personalisation",
  fixedCost: "Fixed cost per send",
  costPerContact: "Cost per contact",
  responseRate: "Response rate",
  valuePerResponse: "Value per response",
  rate: "Monthly rate",
  rateBySegment: "Rate by segment",
  churnRate: "Churn",
};

/**
 * In a scenario, the fields of a communication, transition or phase that the
 * scenario sets itself (rather than following the base plan), each with the
 * way back to the base plan's value, and the way to give them to every scenario.
 */
export function ScenarioValues({ target }: { target: ScenarioTarget }) {
  const store = useAppStoreApi();
  const fields = useAppState((state) =>
    state.document && state.activeScenarioId !== BASE_SCENARIO_ID
      ? ownFields(state.document, state.activeScenarioId, target).join(",")
      : "",
  );
  const name = useAppState(shownScenarioName);
  if (fields === "") return null;
  return (
    <section className="scenario-values" aria-label={`${name}'s own values`}>
      <strong>{name}'s own values</strong>
      <ul>
        {(fields.split(",") as ScenarioField[]).map((field) => (
          <li key={field}>
            <span>{FIELD_LABELS[field]}</span>
            <button
              type="button"
              className="link-button"
              onClick={() => inheritBasePlanValue(store.getState(), target, field)}
            >
              Use the base plan's value
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-small" onClick={() => applyToAll(store.getState(), target)}>
        Apply to all scenarios
      </button>
    </section>
  );
}

/** The communications the scenario shown leaves out, each with the way to put it back in. */
export function LeftOutCommunications() {
  const store = useAppStoreApi();
  const document = useAppState((state) => state.document);
  const activeId = useAppState((state) => state.activeScenarioId);
  const name = useAppState(shownScenarioName);
  if (!document) return null;
  const leftOut = communicationsLeftOut(document, activeId);
  if (leftOut.length === 0) return null;
  return (
    <section className="left-out" aria-label={`Not in ${name}`}>
      <strong>Not in this scenario</strong>
      <ul>
        {leftOut.map((communication) => (
          <li key={communication.id}>
            <span>{communication.name}</span>
            <button
              type="button"
              className="button button-small"
              aria-label={`Include “${communication.name}” in ${name}`}
              onClick={() => includeInShownScenario(store.getState(), communication.id)}
            >
              Include
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
