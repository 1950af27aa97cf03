import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import {
  formatLocaleAmount,
  formatLocaleNumber,
  type NumberStyle,
  numberAffix,
  numberConventions,
  parseLocaleNumber,
} from "./localeNumber";

const FAST_CHECK = propertyRuns(300);

const EURO: NumberStyle = { currency: "EUR" };
const PERCENT: NumberStyle = { percent: true };

const value = (text: string, locale: string, style: NumberStyle = {}) => {
  const read = parseLocaleNumber(text, locale, style);
  return read.ok ? read.value : `refused: ${read.error}`;
};

describe("the locale table", () => {
  it.each([
    // locale, decimal, group, digits in the group next to the decimal, in the groups before it
    ["en-US", ".", [","], 3, 3],
    ["de-DE", ",", ["."], 3, 3],
    ["fr-FR", ",", ["\u202f"], 3, 3],
    // CLDR moved Swiss German from the ASCII apostrophe to the typographic one; both are the same to a reader.
    ["de-CH", ".", ["'", "\u2019"], 3, 3],
    ["en-IN", ".", [","], 3, 2],
    ["ar-EG", "\u066b", ["\u066c"], 3, 3],
  ] as const)("%s writes %j for decimals and groups with one of %j", (locale, decimal, groups, primary, secondary) => {
    const conventions = numberConventions(locale);
    expect(conventions.decimal).toBe(decimal);
    expect(groups).toContain(conventions.group);
    expect(conventions.primaryGroupSize).toBe(primary);
    expect(conventions.secondaryGroupSize).toBe(secondary);
  });

  it("has the locale's own digits", () => {
    expect(numberConventions("en-US").digits.join("")).toBe("0123456789");
    expect(numberConventions("ar-EG").digits.join("")).toBe("٠١٢٣٤٥٦٧٨٩");
  });
});

describe("reading a number typed in a locale", () => {
  it.each([
    ["en-US", "30,000", 30000],
    ["en-US", "1,234.5", 1234.5],
    ["en-US", "1234.5", 1234.5],
    ["en-US", " 7 ", 7],
    ["en-US", ".5", 0.5],
    ["en-US", "-12.5", -12.5],
    ["en-US", "+3", 3],
    ["en-US", "\u22123", -3],
    ["en-US", "1 200", 1200],
    ["en-US", "-0", 0],
    ["de-DE", "30.000", 30000],
    ["de-DE", "1,5", 1.5],
    ["de-DE", "1.500,50", 1500.5],
    ["de-DE", "1500,5", 1500.5],
    ["fr-FR", "1\u202f234,5", 1234.5],
    ["fr-FR", "1\u00a0234,5", 1234.5],
    ["fr-FR", "1 234,5", 1234.5],
    ["de-CH", "1\u2019234.5", 1234.5],
    ["de-CH", "1'234.5", 1234.5],
    ["en-IN", "1,00,000", 100000],
    ["en-IN", "12,34,567.5", 1234567.5],
    ["en-IN", "100,000", 100000],
    ["ar-EG", "١٬٢٣٤٫٥", 1234.5],
    ["sv-SE", "\u22121\u00a0234,5", -1234.5],
  ])("%s reads %j as %d", (locale, text, expected) => {
    expect(value(text, locale)).toBe(expected);
  });

  it.each([
    ["en-US", "15", 0.15],
    ["en-US", "15 %", 0.15],
    ["en-US", "15%", 0.15],
    ["en-US", "12.3", 0.123],
    ["en-US", "0.5%", 0.005],
    ["de-DE", "2,5 %", 0.025],
    ["tr-TR", "%15", 0.15],
  ])("in a percent field, %s reads %j as the share %d", (locale, text, expected) => {
    expect(value(text, locale, PERCENT)).toBe(expected);
  });

  it.each([
    ["en-US", "€30,000", 30000],
    ["en-US", "€ 30,000.50", 30000.5],
    ["en-US", "30000 EUR", 30000],
    ["en-US", "eur 12", 12],
    ["en-US", "-€2", -2],
    ["de-DE", "1.500,50 €", 1500.5],
    ["de-DE", "1.500,50€", 1500.5],
    ["fr-FR", "12\u202f000,00\u00a0€", 12000],
  ])("in a euro field, %s reads %j as %d", (locale, text, expected) => {
    expect(value(text, locale, EURO)).toBe(expected);
  });

  it("takes the roadmap's currency however the locale spells it", () => {
    expect(value("US$12", "en-CA", { currency: "USD" })).toBe(12);
    expect(value("$12", "en-CA", { currency: "USD" })).toBe(12);
    expect(value("CHF 1’200", "de-CH", { currency: "CHF" })).toBe(1200);
  });

  it.each([
    ["en-US", {}, "12abc", "“abc” is not part of a number"],
    ["en-US", {}, "abc", "“abc” is not part of a number"],
    ["en-US", {}, "1a2", "“a” is not part of a number"],
    ["en-US", {}, "1e5", "“e” is not part of a number"],
    ["en-US", {}, "1,2,3", "“,” separates groups of digits here, as in 1,234,567.89; the decimal separator is “.”"],
    ["en-US", {}, "1,0000", "“,” separates groups of digits here"],
    ["en-US", {}, "1,5", "“,” separates groups of digits here"],
    ["en-US", {}, ",500", "“,” separates groups of digits here"],
    ["en-US", {}, "1,234 567", "“,” separates groups of digits here"],
    ["en-US", {}, "--5", "it has more than one sign"],
    ["en-US", {}, "+-5", "it has more than one sign"],
    ["en-US", {}, "5-", "the sign goes before the number"],
    ["en-US", {}, "1.2.3", "“.” is the decimal separator here and can appear only once"],
    ["en-US", {}, "1.500,50", "“,” groups digits and cannot come after the decimal separator “.”"],
    ["en-US", {}, "", "nothing was typed"],
    ["en-US", {}, "   ", "nothing was typed"],
    ["en-US", {}, ".", "it has no digits"],
    ["en-US", {}, "-", "it has no digits"],
    ["en-US", {}, "9".repeat(400), "it is too large"],
    ["en-US", {}, "15 %", "“%” does not belong here: this is not a percentage"],
    ["en-US", {}, "€5", "“€” does not belong here: this is not an amount of money"],
    ["de-DE", {}, "1.5", "“.” separates groups of digits here, as in 1.234.567,89; the decimal separator is “,”"],
    ["de-DE", {}, "1,234.5", "“.” groups digits and cannot come after the decimal separator “,”"],
    ["de-DE", {}, "1,2,3", "“,” is the decimal separator here and can appear only once"],
    ["de-CH", {}, "1,5", "“,” is not used in numbers here; the decimal separator is “.”"],
    ["en-IN", {}, "1,0,00", "“,” separates groups of digits here, as in 12,34,567.89"],
    ["en-US", PERCENT, "15 %%", "it has more than one “%”"],
    ["en-US", PERCENT, "€15", "“€” does not belong here: this is not an amount of money"],
    ["en-US", EURO, "$30", "the amount is in EUR, not “$”"],
    ["en-US", EURO, "30 USD", "the amount is in EUR, not “USD”"],
    ["en-US", EURO, "€30 €", "it has more than one currency"],
    ["en-US", EURO, "30 %", "“%” does not belong here: this is not a percentage"],
  ] as const)("%s %j refuses %j: %s", (locale, style, text, reason) => {
    const read = parseLocaleNumber(text, locale, style);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain(reason);
  });
});

describe("showing a stored number in a locale", () => {
  it.each([
    [30000, "en-US", {}, "30,000"],
    [1234.5, "en-US", {}, "1,234.5"],
    [0.30000000000000004, "en-US", {}, "0.30000000000000004"],
    [1e-7, "en-US", {}, "0.0000001"],
    [1e21, "en-US", {}, "1,000,000,000,000,000,000,000"],
    [-0, "en-US", {}, "0"],
    [1500.5, "de-DE", {}, "1.500,5"],
    [1234567, "en-IN", {}, "12,34,567"],
    [1234.5, "fr-FR", {}, "1\u202f234,5"],
    [0.123, "en-US", PERCENT, "12.3"],
    [0.07, "de-DE", PERCENT, "7"],
    [1500.5, "de-DE", EURO, "1.500,50"],
    [30000, "en-US", EURO, "30,000"],
    [0.125, "en-US", EURO, "0.125"],
  ] as const)("shows %d in %s (%j) as %j", (stored, locale, style, shown) => {
    expect(formatLocaleNumber(stored, locale, style)).toBe(shown);
  });

  it.each([
    [0.15, "en-US", PERCENT, "15%"],
    [0.15, "de-DE", PERCENT, "15\u00a0%"],
    [0.15, "tr-TR", PERCENT, "%15"],
    [1500.5, "en-US", EURO, "€1,500.50"],
    [1500.5, "de-DE", EURO, "1.500,50\u00a0€"],
    [12, "en-US", {}, "12"],
  ] as const)("writes %d in %s (%j) with its sign as %j", (stored, locale, style, shown) => {
    expect(formatLocaleAmount(stored, locale, style)).toBe(shown);
  });

  it("puts the percent sign and currency where the locale does", () => {
    expect(numberAffix("en-US", EURO)).toEqual({ text: "€", position: "before", spaced: false });
    expect(numberAffix("de-DE", EURO)).toEqual({ text: "€", position: "after", spaced: true });
    expect(numberAffix("de-DE", PERCENT)).toEqual({ text: "%", position: "after", spaced: true });
    expect(numberAffix("en-US", {})).toBeNull();
  });
});

describe("what is shown is what is stored", () => {
  const LOCALES = ["en-US", "de-DE", "fr-FR", "de-CH", "en-IN", "es-ES", "sv-SE", "tr-TR", "ar-EG", "ja-JP"];
  const locale = fc.constantFrom(...LOCALES);
  // Up to 20 decimals are shown, which covers every double from a thousandth up with all its digits.
  const figure = fc.oneof(
    fc.constant(0),
    fc.double({ min: 1e-3, max: 1e15, noNaN: true }),
    fc.double({ min: -1e15, max: -1e-3, noNaN: true }),
    fc.integer({ min: -1e9, max: 1e9 }).chain((n) => fc.integer({ min: 0, max: 6 }).map((k) => n / 10 ** k)),
  );
  const share = fc.oneof(
    fc.double({ min: 1e-5, max: 10, noNaN: true }),
    fc.integer({ min: 0, max: 100_000 }).map((n) => n / 10_000),
  );

  it("reads a plain figure back exactly as it was shown, in every locale", () => {
    fc.assert(
      fc.property(figure, locale, (x, l) => {
        expect(parseLocaleNumber(formatLocaleNumber(x, l), l)).toEqual({ ok: true, value: x });
      }),
      FAST_CHECK,
    );
  });

  it("reads a share back exactly from its percentage, with or without the percent sign", () => {
    fc.assert(
      fc.property(share, locale, (x, l) => {
        expect(parseLocaleNumber(formatLocaleNumber(x, l, PERCENT), l, PERCENT)).toEqual({ ok: true, value: x });
        expect(parseLocaleNumber(formatLocaleAmount(x, l, PERCENT), l, PERCENT)).toEqual({ ok: true, value: x });
      }),
      FAST_CHECK,
    );
  });

  it("reads money back exactly, with or without its currency", () => {
    fc.assert(
      fc.property(figure, locale, fc.constantFrom("EUR", "USD", "CHF", "JPY", "INR"), (x, l, currency) => {
        const style = { currency };
        expect(parseLocaleNumber(formatLocaleNumber(x, l, style), l, style)).toEqual({ ok: true, value: x });
        expect(parseLocaleNumber(formatLocaleAmount(x, l, style), l, style)).toEqual({ ok: true, value: x });
      }),
      FAST_CHECK,
    );
  });

  it("reads what Intl.NumberFormat writes for a typed decimal as that decimal", () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
      .map(([digits, places]) => {
        const text = digits.toString().padStart(places + 1, "0");
        return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
      });
    fc.assert(
      fc.property(decimal, locale, (typed, l) => {
        const shown = new Intl.NumberFormat(l, { maximumFractionDigits: 6 }).format(typed as `${number}`);
        expect(parseLocaleNumber(shown, l)).toEqual({ ok: true, value: Number(typed) });
      }),
      FAST_CHECK,
    );
  });
});
