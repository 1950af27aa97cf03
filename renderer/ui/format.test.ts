import { describe, expect, it } from "vitest";
import { formatDecimal, formatPercent, formatTypedMoney, formatTypedPercent } from "./format";

describe("what the user typed is shown as typed", () => {
  it("shows a rate with every decimal it has, where a computed figure is rounded", () => {
    expect(formatTypedPercent(0.0125)).toMatch(/^1[.,]25\s?%$/);
    expect(formatPercent(0.0125)).toMatch(/^1[.,]3\s?%$/);
  });

  it("shows money and figures with every decimal they have", () => {
    expect(formatTypedMoney(0.125, "EUR")).toMatch(/0[.,]125/);
    expect(formatTypedMoney(1500.5, "EUR")).toMatch(/1[.,\s\u202f]?500[.,]50/);
    expect(formatDecimal(2.345)).toMatch(/^2[.,]345$/);
  });
});
