import { err, ok, type Result } from "../result";

/**
 * Numbers as a person writes them in their locale: read what they type,
 * show what is stored. Everything comes from `Intl.NumberFormat`, so a
 * German consultant types "1.500,50" and an American "1,500.50" for the same
 * amount, and what a field shows reads back as exactly the stored number.
 */

/** How a field's number is meant: a plain figure, a share typed as a percentage, or money. */
export interface NumberStyle {
  /** The value is a share (0.15) typed and shown as a percentage ("15"). */
  percent?: boolean;
  /** The value is money in this ISO 4217 currency, whose code and symbols may be typed with it. */
  currency?: string;
}

/** What a locale writes around and inside its numbers. */
export interface NumberConventions {
  locale: string;
  decimal: string;
  /** The grouping separator; null when the locale does not group digits. */
  group: string | null;
  minusSign: string;
  /** "%" nearly everywhere; "٪" in Arabic. */
  percentSign: string;
  /** The locale's digits 0–9 (Latin for most locales, Arabic-Indic for ar-EG, …). */
  digits: readonly string[];
  /** Digits in the group next to the decimal separator (3 nearly everywhere). */
  primaryGroupSize: number;
  /** Digits in each group before that one (3; 2 in Indian grouping, "12,34,567"). */
  secondaryGroupSize: number;
  /** A large number as the locale writes it, for messages: "1,234,567.89". */
  example: string;
}

/** A percent sign or currency symbol and where the locale writes it. */
export interface NumberAffix {
  text: string;
  position: "before" | "after";
  /** Whether the locale puts a space between it and the digits ("15 %" in de-DE, "15%" in en-US). */
  spaced: boolean;
}

/** More fraction digits than Intl.NumberFormat can show everywhere; beyond "within reason" for typed figures. */
const MAX_FRACTION_DIGITS = 20;

const INVISIBLE_MARKS = /[\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/gu;
const SPACE = /\s/u;
const APOSTROPHES = ["'", "\u2019", "\u02bc"];
const MINUS_SIGNS = ["-", "\u2212", "\u2013"];
const LATIN_DIGIT = /[0-9]/;

const conventionsByLocale = new Map<string, NumberConventions>();

/** The separators, digits and grouping of a locale (the runtime's default locale when none is given). */
export function numberConventions(locale?: string): NumberConventions {
  const asked = conventionsByLocale.get(locale ?? "");
  if (asked) return asked;
  const resolved = new Intl.NumberFormat(locale).resolvedOptions().locale;
  const cached = conventionsByLocale.get(resolved);
  if (cached) {
    conventionsByLocale.set(locale ?? "", cached);
    return cached;
  }
  const format = new Intl.NumberFormat(resolved);
  const parts = format.formatToParts(-123456789.5);
  const part = (type: Intl.NumberFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  const groups = parts.filter((p) => p.type === "integer").map((p) => p.value.length);
  const primaryGroupSize = groups.at(-1) ?? 3;
  const conventions: NumberConventions = {
    locale: resolved,
    decimal: part("decimal") ?? ".",
    group: part("group") ?? null,
    minusSign: part("minusSign") ?? "-",
    percentSign:
      new Intl.NumberFormat(resolved, { style: "percent" }).formatToParts(1).find((p) => p.type === "percentSign")
        ?.value ?? "%",
    digits: Array.from({ length: 10 }, (_, digit) => format.format(digit)),
    primaryGroupSize,
    secondaryGroupSize: groups.length > 1 ? (groups.at(-2) ?? primaryGroupSize) : primaryGroupSize,
    example: new Intl.NumberFormat(resolved, { minimumFractionDigits: 2 }).format(1234567.89),
  };
  conventionsByLocale.set(resolved, conventions);
  conventionsByLocale.set(locale ?? "", conventions);
  return conventions;
}

/** A decimal number as text, digit for digit: no binary rounding on the way in or out. */
interface Decimal {
  negative: boolean;
  integer: string;
  fraction: string;
}

/** Moves the decimal point `places` to the right (left when negative): a percentage to a share and back, exactly. */
function shift({ negative, integer, fraction }: Decimal, places: number): Decimal {
  const digits = integer + fraction;
  const point = integer.length + places;
  const padded = point < 0 ? "0".repeat(-point) + digits : digits.padEnd(point, "0");
  const at = Math.max(point, 0);
  return tidy({ negative, integer: padded.slice(0, at), fraction: padded.slice(at) });
}

function tidy({ negative, integer, fraction }: Decimal): Decimal {
  return { negative, integer: integer.replace(/^0+(?=\d)/, "") || "0", fraction: fraction.replace(/0+$/, "") };
}

/** The shortest decimal that reads back as `value` (what `String` writes), without an exponent. */
function toDecimal(value: number): Decimal {
  const [mantissa = "0", exponent = "0"] = String(Math.abs(value)).split("e");
  const [integer = "0", fraction = ""] = mantissa.split(".");
  return shift({ negative: value < 0, integer, fraction }, Number(exponent));
}

const plain = ({ negative, integer, fraction }: Decimal): `${number}` =>
  `${negative ? "-" : ""}${integer}${fraction ? `.${fraction}` : ""}` as `${number}`;

/**
 * A number as files write it for any locale to read: every digit it has, a
 * dot for decimals, no grouping, no exponent (1e-7 is "0.0000001"); a share
 * as its percentage when `percent` ("0.123" → "12.3"), exactly.
 */
export function plainDecimal(value: number, style: Pick<NumberStyle, "percent"> = {}): string {
  if (!Number.isFinite(value)) return String(value);
  return plain(style.percent ? shift(toDecimal(value), 2) : toDecimal(value));
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** Digits after the decimal point that a currency's amounts are written with: 2 for EUR, 0 for JPY. */
function minorDigits(currency: string): number {
  return formatter("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Every decimal the shown figure has (up to 20); money with cents gets all of the currency's minor digits. */
function fractionDigits(shown: Decimal, style: NumberStyle): Intl.NumberFormatOptions {
  const digits = Math.min(shown.fraction.length, MAX_FRACTION_DIGITS);
  const fraction = style.currency && digits > 0 ? Math.max(digits, minorDigits(style.currency)) : digits;
  return { minimumFractionDigits: fraction, maximumFractionDigits: fraction };
}

/**
 * A stored number as the field shows it in `locale`: grouped, with the
 * locale's separators and every decimal the value has (up to 20), so that
 * `parseLocaleNumber(formatLocaleNumber(x))` gives back `x`. A share in a
 * percent field shows as its percentage (0.155 → "15.5"); money with cents
 * shows the currency's minor digits ("1,500.50", not "1,500.5").
 */
export function formatLocaleNumber(value: number, locale?: string, style: NumberStyle = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const decimal = style.percent ? shift(toDecimal(value), 2) : toDecimal(value);
  return formatter(numberConventions(locale).locale, fractionDigits(decimal, style)).format(plain(decimal));
}

/** A number with its percent sign or currency, as the locale writes it: "15 %", "-€2", "1.500,50 €". */
export function formatLocaleAmount(value: number, locale?: string, style: NumberStyle = {}): string {
  if (!Number.isFinite(value) || (!style.percent && !style.currency)) return formatLocaleNumber(value, locale, style);
  const decimal = toDecimal(value);
  return formatter(numberConventions(locale).locale, {
    ...(style.percent ? { style: "percent" } : { style: "currency", currency: style.currency }),
    ...fractionDigits(style.percent ? shift(decimal, 2) : decimal, style),
  }).format(plain(decimal));
}

/** The percent sign or currency symbol a field of this style shows beside its digits; null for plain figures. */
export function numberAffix(locale: string | undefined, style: NumberStyle): NumberAffix | null {
  if (!style.percent && !style.currency) return null;
  const parts = formatter(
    numberConventions(locale).locale,
    style.percent ? { style: "percent" } : { style: "currency", currency: style.currency },
  ).formatToParts(1);
  const at = parts.findIndex((p) => p.type === (style.percent ? "percentSign" : "currency"));
  const digitsAt = parts.findIndex((p) => p.type === "integer");
  const affix = parts[at];
  if (!affix) return null;
  const between = parts.slice(Math.min(at, digitsAt) + 1, Math.max(at, digitsAt));
  return {
    text: affix.value,
    position: at < digitsAt ? "before" : "after",
    spaced: between.some((p) => SPACE.test(p.value)),
  };
}

let currencyCodes: ReadonlySet<string> | undefined;

function isCurrencyCode(text: string): boolean {
  currencyCodes ??= new Set(Intl.supportedValuesOf("currency"));
  return currencyCodes.has(text);
}

const spellingsByCurrency = new Map<string, readonly string[]>();

/**
 * How a currency may be typed in a locale: its code and symbols, longest
 * first ("US$" before "$"). Kept once worked out: an import reads thousands
 * of amounts in one currency.
 */
function currencySpellings(currency: string, locale: string): readonly string[] {
  const key = `${currency}|${locale}`;
  const known = spellingsByCurrency.get(key);
  if (known) return known;
  const symbol = (currencyDisplay: "symbol" | "narrowSymbol") =>
    formatter(locale, { style: "currency", currency, currencyDisplay })
      .formatToParts(1)
      .find((p) => p.type === "currency")?.value ?? "";
  const spellings = [...new Set([currency.toUpperCase(), symbol("symbol"), symbol("narrowSymbol")])]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  spellingsByCurrency.set(key, spellings);
  return spellings;
}

type Affix =
  | { kind: "space" }
  | { kind: "percent" }
  | { kind: "sign"; minus: boolean }
  | { kind: "currency"; text: string; own: boolean };

/** The percent sign, sign, space or currency at the start (or end) of `text`, or why what is there is not a number. */
function affixAt(
  text: string,
  end: boolean,
  spellings: readonly string[],
  { minusSign, percentSign }: NumberConventions,
): Affix | { problem: string } | null {
  const char = end ? text.at(-1) : text[0];
  if (char === undefined) return null;
  if (SPACE.test(char)) return { kind: "space" };
  if (char === "%" || char === percentSign) return { kind: "percent" };
  if (char === "+" || char === minusSign || MINUS_SIGNS.includes(char)) return { kind: "sign", minus: char !== "+" };
  const upper = text.toUpperCase();
  const own = spellings.find((s) => (end ? upper.endsWith(s.toUpperCase()) : upper.startsWith(s.toUpperCase())));
  if (own) return { kind: "currency", text: end ? text.slice(-own.length) : text.slice(0, own.length), own: true };
  if (/\p{Sc}/u.test(char)) return { kind: "currency", text: char, own: false };
  const word = (end ? /\p{L}+\.?$/u : /^\p{L}+\.?/u).exec(text)?.[0];
  if (word) {
    // A code typed in capitals is a currency ("USD"); "12 all" is a typo, not Albanian lek.
    return word === word.toUpperCase() && isCurrencyCode(word)
      ? { kind: "currency", text: word, own: false }
      : { problem: `“${word}” is not part of a number` };
  }
  return null;
}

/**
 * Reads a number typed by a person in `locale` (the runtime's default when
 * none is given): "30,000" and "1,234.5" in en-US, "30.000" and "1.500,50" in
 * de-DE, "1 234,5" in fr-FR, "1’234.5" in de-CH, "1,00,000" in en-IN. Spaces,
 * a sign, and in a percent field a "%" (15, 15 % and 15% all give 0.15), in a
 * money field the currency's code or symbol, are accepted around the digits.
 * Anything else is refused with the reason, as a phrase to put in a sentence:
 * a misplaced or unknown separator, two decimal separators, two signs, letters.
 */
export function parseLocaleNumber(text: string, locale?: string, style: NumberStyle = {}): Result<number, string> {
  const conventions = numberConventions(locale);
  let rest = [...text.replace(INVISIBLE_MARKS, "")]
    .map((char) => {
      const digit = conventions.digits.indexOf(char);
      return digit >= 0 ? String(digit) : char;
    })
    .join("")
    .trim();
  if (rest === "") return err("nothing was typed");

  const spellings = style.currency ? currencySpellings(style.currency, conventions.locale) : [];
  const found: Affix[] = [];
  for (const end of [false, true]) {
    for (;;) {
      const affix = affixAt(rest, end, spellings, conventions);
      if (affix === null) break;
      if ("problem" in affix) return err(affix.problem);
      if (affix.kind === "sign" && end) return err("the sign goes before the number");
      if (affix.kind === "sign" && found.some((a) => a.kind === "sign")) return err("it has more than one sign");
      found.push(affix);
      const length = affix.kind === "currency" ? affix.text.length : 1;
      rest = end ? rest.slice(0, -length) : rest.slice(length);
    }
  }

  const percents = found.filter((a) => a.kind === "percent").length;
  if (percents > 1) return err("it has more than one “%”");
  if (percents === 1 && !style.percent) return err("“%” does not belong here: this is not a percentage");
  const currencies = found.flatMap((a) => (a.kind === "currency" ? [a] : []));
  if (currencies.length > 1) return err("it has more than one currency");
  const [currency] = currencies;
  if (currency && !currency.own) {
    return err(
      style.currency
        ? `the amount is in ${style.currency.toUpperCase()}, not “${currency.text}”`
        : `“${currency.text}” does not belong here: this is not an amount of money`,
    );
  }
  const digits = readDigits(rest, conventions);
  if (!digits.ok) return digits;
  const typed = tidy({ negative: found.some((a) => a.kind === "sign" && a.minus), ...digits.value });
  const value = Number(plain(style.percent ? shift(typed, -2) : typed));
  if (!Number.isFinite(value)) return err("it is too large");
  // "-0" is zero: a field never shows a negative zero.
  return ok(value === 0 ? 0 : value);
}

/** Whether `char` separates digit groups in `conventions`: the locale's own separator, or a space (as in SI). */
function separatorKind(char: string, conventions: NumberConventions): "group" | "space" | null {
  if (SPACE.test(char)) return "space";
  const { group } = conventions;
  if (group === null) return null;
  return char === group || (APOSTROPHES.includes(group) && APOSTROPHES.includes(char)) ? "group" : null;
}

const describeSeparator = (char: string) => (SPACE.test(char) ? "a space" : `“${char}”`);

/** Groups in the locale's pattern ("12,34,567" in en-IN) or in plain thousands, and one kind of separator. */
function wellGrouped(integer: string, conventions: NumberConventions): boolean {
  const separators = [...integer].filter((char) => !LATIN_DIGIT.test(char));
  if (separators.length === 0) return true;
  if (new Set(separators.map((char) => separatorKind(char, conventions))).size > 1) return false;
  const [first = "", ...others] = integer.split(/\D/);
  const last = others.at(-1) ?? "";
  const fits = (primary: number, secondary: number) =>
    first.length >= 1 &&
    first.length <= secondary &&
    last.length === primary &&
    others.slice(0, -1).every((group) => group.length === secondary);
  return fits(conventions.primaryGroupSize, conventions.secondaryGroupSize) || fits(3, 3);
}

/** The digits before and after the decimal separator, or why the text between the affixes is not a number. */
function readDigits(
  body: string,
  conventions: NumberConventions,
): Result<{ integer: string; fraction: string }, string> {
  const { decimal } = conventions;
  const stray = /[^0-9]+/g;
  for (const match of body.matchAll(stray)) {
    const run = [...match[0]].filter((char) => char !== decimal && separatorKind(char, conventions) === null);
    const [char] = run;
    if (char === undefined) continue;
    if (char === "." || char === ",")
      return err(`“${char}” is not used in numbers here; the decimal separator is “${decimal}”`);
    return err(`“${run.join("")}” is not part of a number`);
  }
  const pieces = body.split(decimal);
  if (pieces.length > 2) return err(`“${decimal}” is the decimal separator here and can appear only once`);
  const [integer = "", fraction = ""] = pieces;
  const late = [...fraction].find((char) => !LATIN_DIGIT.test(char));
  if (late !== undefined)
    return err(`${describeSeparator(late)} groups digits and cannot come after the decimal separator “${decimal}”`);
  if (!/[0-9]/.test(integer + fraction)) return err("it has no digits");
  if (!wellGrouped(integer, conventions)) {
    const separator = [...integer].find((char) => !LATIN_DIGIT.test(char)) ?? "";
    const confusable = separator === "." || separator === ",";
    return err(
      `${describeSeparator(separator)} separates groups of digits here, as in ${conventions.example}` +
        (confusable ? `; the decimal separator is “${decimal}”` : ""),
    );
  }
  return ok({ integer: integer.replace(/[^0-9]/g, ""), fraction });
}
