import type { PlanResult } from "../../engine/planEngine";
import type { Roadmap } from "../../model/schema";

/**
 * Every amount of money a roadmap and its plan hold: what its channels,
 * communications and segments cost or are worth, and what the plan adds up
 * to. For tests that check money is hidden.
 */
export function moneyAmounts(
  roadmap: Roadmap,
  plan: Pick<PlanResult, "budget" | "phases" | "communications">,
): number[] {
  const amounts = [
    ...roadmap.channels.flatMap((c) => [c.fixedCost, c.costPerContact]),
    ...roadmap.communications.flatMap((c) => [c.fixedCost ?? 0, c.costPerContact ?? 0, c.valuePerResponse]),
    ...roadmap.segments.map((s) => s.annualValue),
    plan.budget.totalCost,
    plan.budget.totalValue,
    ...plan.phases.flatMap((p) => [p.totalCost, p.totalValue, p.averageMonthlyCost]),
    ...plan.communications.flatMap((s) => [s.totalCost, s.totalValue]),
  ];
  return [...new Set(amounts)];
}

/**
 * Customer counts the roadmap holds (per phase and segment, and their sums):
 * a count that happens to equal an amount (300 customers, a 300 € send) is
 * no sign of money, so the checks leave such amounts out.
 */
export function customerCounts(roadmap: Roadmap): Set<number> {
  const counts = new Set<number>();
  const add = (values: readonly number[]) => {
    for (const value of values) counts.add(value);
    counts.add(values.reduce((sum, value) => sum + value, 0));
  };
  for (const phase of roadmap.phases) {
    add(Object.values(phase.initialCustomers));
    add(Object.values(phase.arrivalsPerMonth));
  }
  for (const segment of roadmap.segments) {
    add(roadmap.phases.map((phase) => phase.initialCustomers[segment.id] ?? 0));
    add(roadmap.phases.map((phase) => phase.arrivalsPerMonth[segment.id] ?? 0));
  }
  return counts;
}

/**
 * How each amount might be written, without its currency symbol: raw
 * ("12400", "0.35") and grouped as en-US writes it ("12,400", "12,400.50").
 * Only amounts of at least `min` are listed: a "4" is in every text, and
 * its absence would prove nothing.
 */
export function moneySpellings(
  amounts: readonly number[],
  min = 1000,
  notMoney: ReadonlySet<number> = new Set(),
): string[] {
  const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  const cents = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const spellings = amounts
    .filter((amount) => amount >= min && !notMoney.has(amount))
    .flatMap((amount) => [String(amount), whole.format(amount), cents.format(amount)]);
  return [...new Set(spellings)];
}

/**
 * The spellings that stand in `text` as whole numbers: "202" in "202 €" or
 * "cost 202", not in "2027" or "1,202.50".
 */
export function moneyFiguresIn(text: string, spellings: readonly string[]): string[] {
  return spellings.filter((spelling) =>
    new RegExp(`(?<!\\d)(?<!\\d[.,])${spelling.replaceAll(/[.,]/g, "\\$&")}(?!\\d)(?![.,]\\d)`).test(text),
  );
}
