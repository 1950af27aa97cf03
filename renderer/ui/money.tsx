import { useMemo } from "react";
import { formatLocaleAmount } from "../../shared/format/localeNumber";
import { useAppState } from "../app/AppStoreContext";

/**
 * Writes amounts of one currency the user's way. The only way the app writes
 * money: it is had from `moneyFormat` or `useMoneyFormat`, which give null
 * while costs are hidden, so a view cannot show a figure without deciding
 * what stands in its place.
 */
export interface MoneyFormat {
  /** "€12,400" or "12 400 €"; `precise` keeps the cents. */
  (value: number, options?: { precise?: boolean }): string;
  /** Short, for chart axes: "€12k", "€1.2M". */
  short(value: number): string;
  /** An amount someone typed, such as a cost per contact, with every decimal it has: "€0.125", "€25,000". */
  typed(value: number): string;
}

/** What stands where a money figure would be while costs are hidden. */
export const COSTS_HIDDEN = "Costs are hidden";

const formats = new Map<string, Intl.NumberFormat>();

function cached(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, options);
    formats.set(key, format);
  }
  return format;
}

/** Money in `currency` when `shown`; null when costs are hidden. */
export function moneyFormat(currency: string, shown: true): MoneyFormat;
export function moneyFormat(currency: string, shown: boolean): MoneyFormat | null;
export function moneyFormat(currency: string, shown: boolean): MoneyFormat | null {
  if (!shown) return null;
  const money = (value: number, options: { precise?: boolean } = {}) => {
    const digits = options.precise ? 2 : 0;
    return cached(`${currency}:${digits}`, {
      style: "currency",
      currency,
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    }).format(value);
  };
  return Object.assign(money, {
    short: (value: number) =>
      cached(`${currency}:short`, {
        style: "currency",
        currency,
        notation: "compact",
        maximumFractionDigits: 1,
      }).format(value),
    typed: (value: number) => formatLocaleAmount(value, undefined, { currency }),
  });
}

/** Whether the user shows costs (the "Show costs" preference). */
export function useShowCosts(): boolean {
  return useAppState((state) => state.preferences.showCosts);
}

/** Money in the open roadmap's currency, or null while the user hides costs. */
export function useMoneyFormat(currency: string): MoneyFormat | null {
  const shown = useShowCosts();
  return useMemo(() => moneyFormat(currency, shown), [currency, shown]);
}

/** Stands where a cost field or figure would be while costs are hidden. */
export function CostsHidden({ className = "" }: { className?: string }) {
  return <p className={`costs-hidden muted ${className}`.trim()}>{COSTS_HIDDEN}</p>;
}
