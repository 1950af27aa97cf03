import { describe, expect, it } from "vitest";
import { describeNumber, type NumberRules, readNumberInput, showNumber } from "./numberInput";

const cost: NumberRules = { label: "Cost per contact", min: 0, currency: "EUR" };
const rate: NumberRules = { label: "Response rate", percent: true, min: 0, max: 1 };
const horizon: NumberRules = { label: "Horizon", unit: "months", integer: true, min: 1, max: 600 };

describe("reading what was typed into a number field", () => {
  it.each([
    ["en-US", "30,000", 30000],
    ["en-US", "1,234.5", 1234.5],
    ["en-US", "€30,000", 30000],
    ["de-DE", "30.000", 30000],
    ["de-DE", "1,5", 1.5],
    ["de-DE", "1.500,50", 1500.5],
    ["de-DE", "1.500,50 €", 1500.5],
  ])("in %s, a cost typed %j is %d", (locale, text, value) => {
    expect(readNumberInput(text, cost, locale)).toEqual({ ok: true, value });
  });

  it.each([
    ["15", 0.15],
    ["15 %", 0.15],
    ["15%", 0.15],
    ["0", 0],
    ["100", 1],
  ])("in a percent field, %j is the share %d", (text, value) => {
    expect(readNumberInput(text, rate, "en-US")).toEqual({ ok: true, value });
  });

  it.each([
    [rate, "150", "Response rate must be between 0% and 100%, not 150%."],
    [rate, "-5", "Response rate must be between 0% and 100%, not -5%."],
    [cost, "-2", "Cost per contact must be at least €0, not -€2."],
    [cost, "12abc", "Cost per contact must be a number, not “12abc”: “abc” is not part of a number."],
    [cost, "--5", "Cost per contact must be a number, not “--5”: it has more than one sign."],
    [
      cost,
      "1,2,3",
      "Cost per contact must be a number, not “1,2,3”: “,” separates groups of digits here, as in 1,234,567.89; the decimal separator is “.”.",
    ],
    [cost, "$3", "Cost per contact must be a number, not “$3”: the amount is in EUR, not “$”."],
    [horizon, "0", "Horizon must be between 1 and 600 months, not 0."],
    [horizon, "2.5", "Horizon must be a whole number, not 2.5."],
    [horizon, "", "Horizon is required."],
  ])("refuses what %j cannot take: %j", (rules, text, problem) => {
    expect(readNumberInput(text, rules, "en-US")).toEqual({ ok: false, problem });
  });

  it("names the range in the user's locale", () => {
    expect(readNumberInput("150", rate, "de-DE")).toEqual({
      ok: false,
      problem: "Response rate must be between 0\u00a0% and 100\u00a0%, not 150\u00a0%.",
    });
  });

  it("takes an empty optional field as no value", () => {
    expect(readNumberInput("  ", { label: "Target", optional: true }, "en-US")).toEqual({ ok: true, value: null });
  });

  it("applies the roadmap's own rule after the range", () => {
    const rules: NumberRules = { ...horizon, validate: (months) => (months < 12 ? "Too short for the plan." : null) };
    expect(readNumberInput("6", rules, "en-US")).toEqual({ ok: false, problem: "Too short for the plan." });
    expect(readNumberInput("12", rules, "en-US")).toEqual({ ok: true, value: 12 });
  });
});

describe("showing a stored number in its field", () => {
  it("shows every digit the value has, in the user's locale", () => {
    expect(showNumber(30000, cost, "en-US")).toBe("30,000");
    expect(showNumber(1500.5, cost, "de-DE")).toBe("1.500,50");
    expect(showNumber(0.0425, rate, "en-US")).toBe("4.25");
    expect(showNumber(null, { label: "Target", optional: true }, "en-US")).toBe("");
  });

  it("names a value with its sign or unit for messages", () => {
    expect(describeNumber(0.2, rate, "en-US")).toBe("20%");
    expect(describeNumber(1500.5, cost, "de-DE")).toBe("1.500,50\u00a0€");
    expect(describeNumber(24, horizon, "en-US")).toBe("24 months");
    expect(describeNumber(null, { label: "Target", optional: true }, "en-US")).toBe("empty");
  });
});
