import { useState } from "react";
import { PERSONALISATION_LABELS, type Roadmap } from "../../../../shared/model";
import {
  clearOptions,
  DEFAULT_OFFERED_INTERVALS,
  DEFAULT_PERSONALISATION_FACTORS,
  offerFrequencies,
  offerPersonalisation,
  type PersonalisationFactors,
} from "../../../../shared/optimise/optionPresets";
import { NumberField } from "../../inspector/fields";
import { useEditOptimiser } from "./optimiserEdit";

const INTERVALS = [1, 2, 3, 6, 12];

/**
 * Options for every communication at once: intervals for the recurring sends,
 * personalisation levels priced from each send's own figures by the factors
 * typed here, or no options at all. Each button is one undo step.
 */
export function OptionPresets({ roadmap }: { roadmap: Roadmap }) {
  const edit = useEditOptimiser();
  const [intervals, setIntervals] = useState<readonly number[]>(DEFAULT_OFFERED_INTERVALS);
  const [factors, setFactors] = useState<readonly (PersonalisationFactors & { on: boolean })[]>(() =>
    DEFAULT_PERSONALISATION_FACTORS.map((factor) => ({ ...factor, on: true })),
  );
  const setFactor = (
    level: PersonalisationFactors["level"],
    patch: Partial<PersonalisationFactors & { on: boolean }>,
  ) => setFactors((all) => all.map((f) => (f.level === level ? { ...f, ...patch } : f)));
  const offered = factors.filter((f) => f.on);
  return (
    <section className="optimiser-section" aria-labelledby="optimiser-presets">
      <h3 id="optimiser-presets">Options for every communication</h3>
      <fieldset className="optimiser-inline">
        <legend>Recurring sends may also go every … months</legend>
        {INTERVALS.map((months) => (
          <label key={months} className="choice-option">
            <input
              type="checkbox"
              checked={intervals.includes(months)}
              onChange={(event) =>
                setIntervals((all) =>
                  event.target.checked ? [...all, months].sort((a, b) => a - b) : all.filter((m) => m !== months),
                )
              }
            />
            {months}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="button button-small"
        disabled={intervals.length === 0}
        onClick={() => edit((s) => offerFrequencies(s, roadmap, intervals))}
      >
        Offer these intervals to every recurring send
      </button>
      <fieldset className="field optimiser-factors">
        <legend>Personalisation levels, against a mass send</legend>
        {factors.map((factor) => {
          const label = PERSONALISATION_LABELS[factor.level];
          return (
            <div key={factor.level} className="optimiser-factor">
              <label className="choice-option optimiser-factor-level">
                <input
                  type="checkbox"
                  checked={factor.on}
                  onChange={(event) => setFactor(factor.level, { on: event.target.checked })}
                />
                {label}
              </label>
              <NumberField
                label={`${label}: cost ×`}
                min={0.01}
                max={100}
                value={factor.costFactor}
                onCommit={(costFactor) => costFactor !== null && setFactor(factor.level, { costFactor })}
              />
              <NumberField
                label={`${label}: response ×`}
                min={0.01}
                max={100}
                value={factor.responseFactor}
                onCommit={(responseFactor) => responseFactor !== null && setFactor(factor.level, { responseFactor })}
              />
            </div>
          );
        })}
      </fieldset>
      <div className="optimiser-buttons">
        <button
          type="button"
          className="button button-small"
          disabled={offered.length === 0}
          onClick={() => edit((s) => offerPersonalisation(s, roadmap, offered))}
        >
          Offer these levels to every communication
        </button>
        <button type="button" className="button button-small" onClick={() => edit(clearOptions)}>
          Clear every option
        </button>
      </div>
    </section>
  );
}
