import { describe, expect, it } from "vitest";
import { isMoneyKpi } from "./kpiUnits";

const money = (unit: string, currency = "EUR") => isMoneyKpi({ unit }, currency);

describe("a KPI in money", () => {
  it("is one whose unit has a currency sign, whatever the roadmap's currency", () => {
    for (const unit of ["€", "$", "£ a month", "€k per customer", "¥", "₹/year", "R$"])
      expect(money(unit), unit).toBe(true);
  });

  it("is one whose unit names the roadmap's currency as a word, in any case", () => {
    for (const unit of ["EUR", "eur", "EUR per customer", "EUR/customer", "kEUR a month", "TEUR", "Mio. EUR"]) {
      expect(money(unit), unit).toBe(true);
    }
    expect(money("USD a year", "USD")).toBe(true);
  });

  it("is not a share, a count, a time or a word that only contains the currency's letters", () => {
    for (const unit of [
      "%",
      "% of licensed seats",
      "customers",
      "days",
      "products",
      "",
      "Euro-zone customers",
      "NEURONS",
      "KEURIG",
    ]) {
      expect(money(unit), unit).toBe(false);
    }
    expect(money("EUR", "USD")).toBe(false);
  });
});
