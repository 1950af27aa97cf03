import type { Kpi } from "./schema";

/** How units write thousands, millions and billions before a currency code: kEUR, TEUR (German), MEUR, bnUSD. */
const MULTIPLIERS = "K|T|M|MN|MIO|BN|MRD";

/**
 * Whether a KPI's target is an amount of money: its unit holds a currency sign
 * ("€", "$k", "£ a month") or names the roadmap's currency as a word, perhaps
 * in thousands or millions ("EUR", "eur per customer", "kEUR"). Such targets
 * are hidden with the other money while costs are.
 */
export function isMoneyKpi(kpi: Pick<Kpi, "unit">, currency: string): boolean {
  if (/\p{Sc}/u.test(kpi.unit)) return true;
  const amount = new RegExp(`^(${MULTIPLIERS})?${currency}$`, "i");
  return kpi.unit.split(/[^\p{L}]+/u).some((word) => amount.test(word));
}
