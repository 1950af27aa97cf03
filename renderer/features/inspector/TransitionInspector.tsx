import { isLoopTransition, type Roadmap, type Transition, updateTransition } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { deleteSelection } from "../canvas/canvasActions";
import { ScenarioValues } from "../scenarios/ScenarioValues";
import { NumberField, TextField } from "./fields";

export function TransitionInspector({ roadmap, transition }: { roadmap: Roadmap; transition: Transition }) {
  const store = useAppStoreApi();
  const name = (id: string) => roadmap.phases.find((p) => p.id === id)?.name ?? "?";
  const change = (patch: Parameters<typeof updateTransition>[2]) =>
    store.getState().edit((r) => updateTransition(r, transition.id, patch));
  return (
    <div className="inspector-body">
      <h2 className="inspector-title">Transition</h2>
      <p className="inspector-route">
        {name(transition.from)} → {name(transition.to)}
      </p>
      <ScenarioValues target={{ kind: "transition", id: transition.id }} />
      <NumberField
        label="Monthly rate"
        percent
        min={0}
        max={1}
        value={transition.rate}
        hint="Share of the phase's customers who move along this transition each month."
        onCommit={(rate) => change({ rate: rate ?? 0 })}
      />
      <TextField
        label="Trigger"
        value={transition.trigger}
        maxLength={200}
        hint="What moves the customer, e.g. “first purchase”, “contract end notice”."
        onCommit={(trigger) => change({ trigger })}
      />
      <LoopField roadmap={roadmap} transition={transition} onChange={(markedAsLoop) => change({ markedAsLoop })} />
      <h3 className="inspector-section">Rate by segment</h3>
      <p className="field-hint">Leave empty to use the monthly rate above.</p>
      {roadmap.segments.map((segment) => (
        <NumberField
          key={segment.id}
          label={segment.name}
          percent
          min={0}
          max={1}
          optional
          value={transition.rateBySegment[segment.id] ?? null}
          onCommit={(rate) => {
            const { [segment.id]: _, ...rest } = transition.rateBySegment;
            change({ rateBySegment: rate === null ? rest : { ...rest, [segment.id]: rate } });
          }}
        />
      ))}
      <button type="button" className="button button-danger" onClick={() => deleteSelection(store.getState())}>
        Delete transition
      </button>
    </div>
  );
}

/**
 * Whether the arrow is drawn in the "back" style. A transition to an earlier
 * stage always is; one to the same or a later stage is when the user says so
 * (a "re-engage" arrow that means going back, though it is drawn forwards).
 */
function LoopField({
  roadmap,
  transition,
  onChange,
}: {
  roadmap: Roadmap;
  transition: Transition;
  onChange: (markedAsLoop: boolean) => void;
}) {
  const toEarlierStage = isLoopTransition(roadmap, { ...transition, markedAsLoop: false });
  return (
    <div className="field">
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={toEarlierStage || transition.markedAsLoop}
          disabled={toEarlierStage}
          onChange={(event) => onChange(event.target.checked)}
        />
        Draw as a loop back
      </label>
      <p className="field-hint">
        {toEarlierStage
          ? "It goes to an earlier stage, so it is always drawn as a loop back."
          : "Transitions to an earlier stage always are; tick this for one that means going back though its stage comes later."}
      </p>
    </div>
  );
}
