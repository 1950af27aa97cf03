import { describe, expect, it } from "vitest";
import { formatDecimal, formatPercent, formatTypedPercent } from "./format";
import { moneyFormat } from "./money";

describe("what the user typed is shown as typed", () => {
  it("shows a rate with every decimal it has, where a computed figure is rounded", () => {
    expect(formatTypedPercent(0.0125)).toMatch(/^1[.,]25\s?%$/);
    expect(formatPercent(0.0125)).toMatch(/^1[.,]3\s?%$/);
  });

  it("shows money and figures with every decimal they have", () => {
    const euros = moneyFormat("EUR", true);
    expect(euros.typed(0.125)).toMatch(/0[.,]125/);
    expect(euros.typed(1500.5)).toMatch(/1[.,\s\u202f]?500[.,]50/);
    expect(formatDecimal(2.345)).toMatch(/^2[.,]345$/);
  });
});

describe("money while costs are hidden", () => {
  it("cannot be written at all", () => {
    expect(moneyFormat("EUR", false)).toBeNull();
  });

  it("is written with its symbol and rounding while costs are shown", () => {
    const euros = moneyFormat("EUR", true);
    expect(euros(12400)).toMatch(/€/);
    expect(euros(12400.5, { precise: true })).toMatch(/[.,]50/);
    expect(euros.short(1_200_000)).toMatch(/1[.,]2\s?M/);
  });
});
