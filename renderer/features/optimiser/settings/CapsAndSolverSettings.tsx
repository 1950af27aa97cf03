import type { OptimiserSettings, Roadmap } from "../../../../shared/model";
import { useAppStoreApi } from "../../../app/AppStoreContext";
import { EMPTY_SELECTION } from "../../editor/editorSlice";
import { NumberField } from "../../inspector/fields";
import { useEditOptimiser } from "./optimiserEdit";

/** Whether the optimiser keeps to the contact caps, and which caps those are (edited where they belong). */
export function ContactCapSettings({ roadmap, settings }: { roadmap: Roadmap; settings: OptimiserSettings }) {
  const edit = useEditOptimiser();
  const store = useAppStoreApi();
  const capped = roadmap.channels.filter((channel) => channel.contactCap !== null);
  return (
    <section className="optimiser-section" aria-labelledby="optimiser-caps">
      <h3 id="optimiser-caps">Contact caps</h3>
      <label className="choice-option">
        <input
          type="checkbox"
          checked={settings.respectContactCaps}
          onChange={(event) => {
            const respectContactCaps = event.target.checked;
            edit((s) => ({ ...s, respectContactCaps }));
          }}
        />
        Keep every customer within the contact caps
      </label>
      <ul className="optimiser-caps muted" aria-label="Contact caps">
        <li>Every channel together: {roadmap.contactCap} a month (the roadmap's cap)</li>
        {capped.map((channel) => (
          <li key={channel.id}>
            {channel.name}: {channel.contactCap} a month
          </li>
        ))}
      </ul>
      <div className="optimiser-links">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            store.getState().select(EMPTY_SELECTION);
            store.getState().showView("canvas");
          }}
        >
          Edit the roadmap's cap
        </button>
        <button type="button" className="link-button" onClick={() => store.getState().showView("audiences")}>
          Edit the channels' caps
        </button>
      </div>
    </section>
  );
}

/** How long the solver may take, and how close to the best it must prove its plan. */
export function SolverSettings({ settings }: { settings: OptimiserSettings }) {
  const edit = useEditOptimiser();
  return (
    <section className="optimiser-section" aria-labelledby="optimiser-solver">
      <h3 id="optimiser-solver">Solver</h3>
      <div className="field-pair">
        <NumberField
          label="Time limit"
          unit="seconds"
          integer
          min={1}
          max={3600}
          value={settings.timeLimitSeconds}
          onCommit={(timeLimitSeconds) => timeLimitSeconds !== null && edit((s) => ({ ...s, timeLimitSeconds }))}
        />
        <NumberField
          label="Gap tolerance"
          percent
          min={0}
          max={0.5}
          value={settings.gapTolerance}
          hint="Stops once its plan is proven this close to the best."
          onCommit={(gapTolerance) => gapTolerance !== null && edit((s) => ({ ...s, gapTolerance }))}
        />
      </div>
    </section>
  );
}
