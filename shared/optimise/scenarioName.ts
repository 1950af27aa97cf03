import type { OptimisationRecord, OptimiserSettings } from "../model/schema";

/** "Optimised, budget €1.2M", "Optimised for value, budget €850K", "Optimised, no budget limit". */
export function optimisedScenarioName(
  objective: OptimiserSettings["objective"],
  budget: number | null,
  currency: string,
): string {
  const amount = budget === null ? null : compactMoney(budget, currency);
  if (objective === "value") return amount === null ? "Optimised for value" : `Optimised for value, budget ${amount}`;
  return amount === null ? "Optimised, no budget limit" : `Optimised, budget ${amount}`;
}

/**
 * A scenario's name for an audience that must not see costs: the name the
 * optimiser gave it ("Optimised for value, budget €291.6K 2") without its
 * budget ("Optimised for value 2"). A name the user wrote is theirs and kept.
 */
export function nameWithoutBudget(name: string, record: OptimisationRecord | null, currency: string): string {
  if (record === null || record.settings.budget === null) return name;
  const { objective, budget } = record.settings;
  const given = optimisedScenarioName(objective, budget, currency);
  if (!name.startsWith(given)) return name;
  return (objective === "value" ? "Optimised for value" : "Optimised") + name.slice(given.length);
}

/** "€1.2M", "€850K": a scenario's name is short. */
function compactMoney(value: number, currency: string): string {
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency,
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value);
}
