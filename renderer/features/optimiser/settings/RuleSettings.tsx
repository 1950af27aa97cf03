import { useId, useState } from "react";
import {
  createId,
  type ExclusiveGroup,
  ExclusiveGroupSchema,
  type OptimiserSettings,
  PURPOSE_LABELS,
  PURPOSES,
  type PurposeCoverage,
  type Roadmap,
} from "../../../../shared/model";
import { useAppStoreApi } from "../../../app/AppStoreContext";
import { TextField } from "../../inspector/fields";
import { RemoveButton } from "./BudgetSettings";
import { useEditOptimiser } from "./optimiserEdit";

const toggled = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list, item] : list.filter((x) => x !== item);

/** Rules that some purposes keep at least one communication in some phases (or in every phase). */
export function CoverageRules({ roadmap, settings }: { roadmap: Roadmap; settings: OptimiserSettings }) {
  const edit = useEditOptimiser();
  const store = useAppStoreApi();
  const change = (ruleId: string, patch: Partial<PurposeCoverage>) =>
    edit((s) => ({ ...s, purposeCoverage: s.purposeCoverage.map((r) => (r.id === ruleId ? { ...r, ...patch } : r)) }));
  return (
    <section className="optimiser-section" aria-labelledby="optimiser-coverage">
      <h3 id="optimiser-coverage">Purposes to keep</h3>
      {settings.purposeCoverage.length === 0 && (
        <p className="muted">No rule: the optimiser may drop every communication of a purpose.</p>
      )}
      {settings.purposeCoverage.map((rule, i) => {
        const name = `Rule ${i + 1}`;
        return (
          <fieldset key={rule.id} className="optimiser-rule" aria-label={name}>
            <legend>{name}: keep at least one communication of</legend>
            <fieldset className="optimiser-checks" aria-label={`${name}: purposes`}>
              {PURPOSES.map((purpose) => (
                <label key={purpose} className="choice-option">
                  <input
                    type="checkbox"
                    checked={rule.purposes.includes(purpose)}
                    onChange={(event) => {
                      const purposes = toggled(rule.purposes, purpose, event.target.checked);
                      if (purposes.length === 0) {
                        store.getState().notify({
                          tone: "error",
                          message: `${name} needs at least one purpose: “${PURPOSE_LABELS[purpose]}” is its last. Remove the rule instead.`,
                        });
                        return;
                      }
                      change(rule.id, { purposes });
                    }}
                  />
                  {PURPOSE_LABELS[purpose]}
                </label>
              ))}
            </fieldset>
            <label className="choice-option">
              <input
                type="checkbox"
                checked={rule.phaseIds.length === 0}
                onChange={(event) =>
                  change(rule.id, { phaseIds: event.target.checked ? [] : roadmap.phases.slice(0, 1).map((p) => p.id) })
                }
              />
              in every phase that has one
            </label>
            {rule.phaseIds.length > 0 && (
              <fieldset className="optimiser-checks optimiser-phase-list" aria-label={`${name}: phases`}>
                {roadmap.phases.map((phase) => (
                  <label key={phase.id} className="choice-option">
                    <input
                      type="checkbox"
                      checked={rule.phaseIds.includes(phase.id)}
                      onChange={(event) =>
                        change(rule.id, { phaseIds: toggled(rule.phaseIds, phase.id, event.target.checked) })
                      }
                    />
                    {phase.name}
                  </label>
                ))}
              </fieldset>
            )}
            <RemoveButton
              label={`Remove ${name.toLowerCase()}`}
              onClick={() =>
                edit((s) => ({ ...s, purposeCoverage: s.purposeCoverage.filter((r) => r.id !== rule.id) }))
              }
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          edit((s) => ({
            ...s,
            purposeCoverage: [...s.purposeCoverage, { id: createId(), purposes: ["retention"], phaseIds: [] }],
          }))
        }
      >
        Add a rule
      </button>
    </section>
  );
}

/** The file's rule for a group's name, said of the field. */
function groupNameProblem(value: string): string | null {
  const checked = ExclusiveGroupSchema.shape.name.safeParse(value.trim());
  return checked.success ? null : `Group name ${checked.error.issues[0]?.message ?? "is not valid"}.`;
}

/** Groups of communications of which the optimiser keeps at most one. */
export function AlternativeGroups({ roadmap, settings }: { roadmap: Roadmap; settings: OptimiserSettings }) {
  const edit = useEditOptimiser();
  const names = new Map(roadmap.communications.map((c) => [c.id, c.name]));
  const change = (groupId: string, patch: Partial<ExclusiveGroup>) =>
    edit((s) => ({ ...s, exclusiveGroups: s.exclusiveGroups.map((g) => (g.id === groupId ? { ...g, ...patch } : g)) }));
  return (
    <section className="optimiser-section" aria-labelledby="optimiser-alternatives">
      <h3 id="optimiser-alternatives">Alternatives</h3>
      <p className="muted">The optimiser keeps at most one communication of each group.</p>
      {settings.exclusiveGroups.map((group) => (
        <fieldset key={group.id} className="optimiser-rule" aria-label={`Alternatives ${group.name}`}>
          <TextField
            label="Group name"
            value={group.name}
            maxLength={200}
            validate={groupNameProblem}
            onCommit={(name) => change(group.id, { name: name.trim() })}
          />
          <ul className="optimiser-members">
            {group.communicationIds.map((id) => (
              <li key={id}>
                {names.get(id) ?? id}{" "}
                {group.communicationIds.length > 2 && (
                  <RemoveButton
                    label={`Take ${names.get(id) ?? id} out of ${group.name}`}
                    onClick={() =>
                      change(group.id, { communicationIds: group.communicationIds.filter((x) => x !== id) })
                    }
                  />
                )}
              </li>
            ))}
          </ul>
          <MemberPicker
            label={`Add to ${group.name}`}
            roadmap={roadmap}
            exclude={group.communicationIds}
            onPick={(id) => change(group.id, { communicationIds: [...group.communicationIds, id] })}
          />
          <RemoveButton
            label={`Remove the group ${group.name}`}
            onClick={() => edit((s) => ({ ...s, exclusiveGroups: s.exclusiveGroups.filter((g) => g.id !== group.id) }))}
          />
        </fieldset>
      ))}
      <NewGroup roadmap={roadmap} count={settings.exclusiveGroups.length} />
    </section>
  );
}

/** A communication to add to a group: a select of the shown scenario's communications not in it yet. */
function MemberPicker({
  label,
  roadmap,
  exclude,
  onPick,
}: {
  label: string;
  roadmap: Roadmap;
  exclude: readonly string[];
  onPick: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value=""
        onChange={(event) => {
          if (event.target.value) onPick(event.target.value);
        }}
      >
        <option value="">Choose a communication…</option>
        {roadmap.communications
          .filter((c) => c.status !== "retired" && !exclude.includes(c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
      </select>
    </div>
  );
}

/**
 * A group is only saved with two members: the first is picked here and kept
 * aside until the second is, so the file never holds a group of one.
 */
function NewGroup({ roadmap, count }: { roadmap: Roadmap; count: number }) {
  const edit = useEditOptimiser();
  const [first, setFirst] = useState<string | null>(null);
  const name = roadmap.communications.find((c) => c.id === first)?.name;
  if (first === null || name === undefined) {
    return (
      <MemberPicker
        label="New group of alternatives: first communication"
        roadmap={roadmap}
        exclude={[]}
        onPick={setFirst}
      />
    );
  }
  return (
    <div className="optimiser-rule">
      <p>
        New group with {name}{" "}
        <button type="button" className="link-button" onClick={() => setFirst(null)}>
          Cancel
        </button>
      </p>
      <MemberPicker
        label={`Its alternative to ${name}`}
        roadmap={roadmap}
        exclude={[first]}
        onPick={(second) => {
          edit((s) => ({
            ...s,
            exclusiveGroups: [
              ...s.exclusiveGroups,
              { id: createId(), name: `Alternatives ${count + 1}`, communicationIds: [first, second] },
            ],
          }));
          setFirst(null);
        }}
      />
    </div>
  );
}
