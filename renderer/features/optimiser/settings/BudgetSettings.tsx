import { useId, useState } from "react";
import { planCalendar } from "../../../../shared/engine";
import { LIMITS, type OptimiserSettings, type Roadmap, scenarioChoices } from "../../../../shared/model";
import { useAppState } from "../../../app/AppStoreContext";
import { useMoneyFormat } from "../../../ui/money";
import { NumberField, SelectField } from "../../inspector/fields";
import { useEditOptimiser } from "./optimiserEdit";

const OBJECTIVES = [
  { value: "net", label: "Most net value (value − cost, discounted)" },
  { value: "value", label: "Most value within the budget" },
] as const;

/** The objective, the budget over the horizon, and the budgets of each plan year and each owner. */
export function BudgetSettings({ roadmap, settings }: { roadmap: Roadmap; settings: OptimiserSettings }) {
  const edit = useEditOptimiser();
  const money = useMoneyFormat(roadmap.currency);
  const planCost = useAppState((state) => state.plan?.budget.totalCost ?? null);
  const shownName = useAppState((state) =>
    state.document ? scenarioChoices(state.document).find((s) => s.id === state.activeScenarioId)?.name : undefined,
  );
  const planCosts = money && planCost !== null ? `${shownName ?? "The plan"} costs ${money(planCost)} now.` : null;
  const empty = settings.objective === "value" ? "Empty: what the plan shown costs now." : "Empty: no limit.";
  return (
    <section className="optimiser-section" aria-labelledby="optimiser-budget">
      <h3 id="optimiser-budget">Objective and budget</h3>
      <SelectField
        label="Objective"
        value={settings.objective}
        options={OBJECTIVES}
        onCommit={(objective) => edit((s) => ({ ...s, objective }))}
      />
      <NumberField
        label="Budget over the horizon"
        currency={roadmap.currency}
        min={0}
        max={LIMITS.money}
        optional
        value={settings.budget}
        onCommit={(budget) => edit((s) => ({ ...s, budget }))}
        hint={
          <>
            {empty} {planCosts}
          </>
        }
      />
      <YearBudgets roadmap={roadmap} settings={settings} />
      <OwnerBudgets roadmap={roadmap} settings={settings} />
    </section>
  );
}

/** "Year 1 (Jan 2027 – Dec 2027)" for each year the horizon reaches into. */
function horizonYears(roadmap: Roadmap): string[] {
  const months = planCalendar(roadmap.startMonth, roadmap.horizonMonths).months;
  return Array.from({ length: Math.ceil(roadmap.horizonMonths / 12) }, (_, year) => {
    const first = months[year * 12]?.label ?? "";
    const last = months[Math.min(months.length, year * 12 + 12) - 1]?.label ?? "";
    return `Year ${year + 1} (${first} – ${last})`;
  });
}

function YearBudgets({ roadmap, settings }: { roadmap: Roadmap; settings: OptimiserSettings }) {
  const edit = useEditOptimiser();
  const years = horizonYears(roadmap);
  const budgeted = [...settings.yearBudgets].sort((a, b) => a.year - b.year);
  const free = years.flatMap((_, year) => (budgeted.some((b) => b.year === year) ? [] : [year]));
  return (
    <fieldset className="optimiser-rows">
      <legend>Budgets per plan year</legend>
      {budgeted.length === 0 && <p className="muted">No year has a budget of its own.</p>}
      {budgeted.map(({ year, budget }) => {
        const label = years[year] ?? `Year ${year + 1} (beyond the horizon)`;
        return (
          <BudgetRow
            key={year}
            label={label}
            currency={roadmap.currency}
            budget={budget}
            onCommit={(next) =>
              edit((s) => ({
                ...s,
                yearBudgets: s.yearBudgets.map((b) => (b.year === year ? { year, budget: next } : b)),
              }))
            }
            onRemove={() => edit((s) => ({ ...s, yearBudgets: s.yearBudgets.filter((b) => b.year !== year) }))}
          />
        );
      })}
      {free.length > 0 && (
        <NewBudget
          what="year"
          choices={free.map((year) => ({ value: String(year), label: years[year] ?? "" }))}
          currency={roadmap.currency}
          onAdd={(year, budget) =>
            edit((s) => ({ ...s, yearBudgets: [...s.yearBudgets, { year: Number(year), budget }] }))
          }
        />
      )}
    </fieldset>
  );
}

function OwnerBudgets({ roadmap, settings }: { roadmap: Roadmap; settings: OptimiserSettings }) {
  const edit = useEditOptimiser();
  const names = new Map(roadmap.owners.map((o) => [o.id, o.name]));
  const free = roadmap.owners.filter((owner) => !settings.ownerBudgets.some((b) => b.ownerId === owner.id));
  return (
    <fieldset className="optimiser-rows">
      <legend>Budgets per owner</legend>
      {settings.ownerBudgets.length === 0 && <p className="muted">No owner has a budget of its own.</p>}
      {settings.ownerBudgets.map(({ ownerId, budget }) => {
        const name = names.get(ownerId) ?? ownerId;
        return (
          <BudgetRow
            key={ownerId}
            label={name}
            currency={roadmap.currency}
            budget={budget}
            onCommit={(next) =>
              edit((s) => ({
                ...s,
                ownerBudgets: s.ownerBudgets.map((b) => (b.ownerId === ownerId ? { ownerId, budget: next } : b)),
              }))
            }
            onRemove={() => edit((s) => ({ ...s, ownerBudgets: s.ownerBudgets.filter((b) => b.ownerId !== ownerId) }))}
          />
        );
      })}
      {free.length > 0 && (
        <NewBudget
          what="owner"
          choices={free.map((owner) => ({ value: owner.id, label: owner.name }))}
          currency={roadmap.currency}
          onAdd={(ownerId, budget) => edit((s) => ({ ...s, ownerBudgets: [...s.ownerBudgets, { ownerId, budget }] }))}
        />
      )}
    </fieldset>
  );
}

/** The budget of one year or owner, and a way to take it away. */
function BudgetRow({
  label,
  currency,
  budget,
  onCommit,
  onRemove,
}: {
  label: string;
  currency: string;
  budget: number;
  onCommit: (budget: number) => void;
  onRemove: () => void;
}) {
  return (
    <div className="optimiser-row">
      <NumberField
        label={`Budget for ${label}`}
        currency={currency}
        min={0}
        max={LIMITS.money}
        value={budget}
        onCommit={(next) => next !== null && onCommit(next)}
      />
      <RemoveButton label={`Remove the budget for ${label}`} onClick={onRemove} />
    </div>
  );
}

/**
 * A budget for one more year or owner: pick which, type the amount, Enter.
 * Nothing is added until the amount is typed and good, so no row is ever
 * saved without a budget.
 */
function NewBudget({
  what,
  choices,
  currency,
  onAdd,
}: {
  what: "year" | "owner";
  choices: readonly { value: string; label: string }[];
  currency: string;
  onAdd: (choice: string, budget: number) => void;
}) {
  const pickId = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const choice = choices.find((c) => c.value === picked) ?? choices[0];
  if (!choice) return null;
  return (
    <div className="optimiser-row optimiser-new-row">
      <div className="field">
        <label htmlFor={pickId}>{what === "year" ? "Add a budget for" : "Add a budget for owner"}</label>
        <select id={pickId} value={choice.value} onChange={(event) => setPicked(event.target.value)}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <NumberField
        key={choice.value}
        label={`New budget for ${choice.label}`}
        currency={currency}
        min={0}
        max={LIMITS.money}
        optional
        value={null}
        onCommit={(budget) => budget !== null && onAdd(choice.value, budget)}
      />
    </div>
  );
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="button button-small optimiser-remove"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      Remove
    </button>
  );
}
