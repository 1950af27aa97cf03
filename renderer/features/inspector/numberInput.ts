import { formatLocaleAmount, formatLocaleNumber, parseLocaleNumber } from "../../../shared/format/localeNumber";

/** What a number field accepts, and how it names the value in its messages. */
export interface NumberRules {
  label: string;
  min?: number;
  max?: number;
  integer?: boolean;
  /** An empty field is allowed and means null. */
  optional?: boolean;
  /** Stored as a share 0–1, typed and shown as a percentage. */
  percent?: boolean;
  /** Money in this currency (ISO code). */
  currency?: string;
  /** Words after the number, such as "months". */
  unit?: string;
  /** A rule of the roadmap beyond the range: why this value cannot be taken, as a sentence, or null. */
  validate?: (value: number) => string | null;
}

export type NumberReading = { ok: true; value: number | null } | { ok: false; problem: string };

const styleOf = (rules: NumberRules) => ({ percent: rules.percent, currency: rules.currency });

/** The field's text for a stored value: "" for none, otherwise every digit it has, in the user's locale. */
export function showNumber(value: number | null, rules: NumberRules, locale: string): string {
  return value === null ? "" : formatLocaleNumber(value, locale, styleOf(rules));
}

/** A value as a sentence names it: "20 %", "€0.12", "24 months", "empty". */
export function describeNumber(value: number | null, rules: NumberRules, locale: string): string {
  if (value === null) return "empty";
  const amount = formatLocaleAmount(value, locale, styleOf(rules));
  return rules.unit ? `${amount} ${rules.unit}` : amount;
}

/** What the text typed into a field means, or the sentence that says why it cannot be taken. */
export function readNumberInput(text: string, rules: NumberRules, locale: string): NumberReading {
  const { label, min, max } = rules;
  if (text.trim() === "")
    return rules.optional ? { ok: true, value: null } : { ok: false, problem: `${label} is required.` };
  const read = parseLocaleNumber(text, locale, styleOf(rules));
  if (!read.ok) return { ok: false, problem: `${label} must be a number, not “${text.trim()}”: ${read.error}.` };
  const value = read.value;
  const amount = (x: number) => formatLocaleAmount(x, locale, styleOf(rules));
  const unit = rules.unit ? ` ${rules.unit}` : "";
  const outside = (min !== undefined && value < min) || (max !== undefined && value > max);
  if (outside) {
    const range =
      min !== undefined && max !== undefined
        ? `between ${amount(min)} and ${amount(max)}${unit}`
        : min !== undefined
          ? `at least ${amount(min)}${unit}`
          : `at most ${amount(max ?? 0)}${unit}`;
    return { ok: false, problem: `${label} must be ${range}, not ${amount(value)}.` };
  }
  if (rules.integer && !Number.isInteger(value))
    return { ok: false, problem: `${label} must be a whole number, not ${amount(value)}.` };
  const problem = rules.validate?.(value) ?? null;
  return problem === null ? { ok: true, value } : { ok: false, problem };
}
