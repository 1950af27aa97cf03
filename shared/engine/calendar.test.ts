import { describe, expect, it } from "vitest";
import { planCalendar } from "./calendar";

describe("planCalendar", () => {
  it("labels the months of the horizon across a year end", () => {
    expect(planCalendar("2026-11", 4).months).toEqual([
      { label: "2026-11", firstMonth: 0, monthCount: 1 },
      { label: "2026-12", firstMonth: 1, monthCount: 1 },
      { label: "2027-01", firstMonth: 2, monthCount: 1 },
      { label: "2027-02", firstMonth: 3, monthCount: 1 },
    ]);
  });

  it("follows calendar quarters and years, partial at either end", () => {
    const { quarters, years } = planCalendar("2026-12", 24);
    expect(quarters.map((q) => `${q.label}: ${q.firstMonth}+${q.monthCount}`)).toEqual([
      "2026 Q4: 0+1",
      "2027 Q1: 1+3",
      "2027 Q2: 4+3",
      "2027 Q3: 7+3",
      "2027 Q4: 10+3",
      "2028 Q1: 13+3",
      "2028 Q2: 16+3",
      "2028 Q3: 19+3",
      "2028 Q4: 22+2",
    ]);
    expect(years.map((y) => `${y.label}: ${y.firstMonth}+${y.monthCount}`)).toEqual([
      "2026: 0+1",
      "2027: 1+12",
      "2028: 13+11",
    ]);
  });

  it("refuses a start month the schema would not have let through", () => {
    expect(() => planCalendar("Jan 2027", 12)).toThrow(/not "YYYY-MM"/);
  });
});
