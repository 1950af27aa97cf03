import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { studentT975 } from "./studentT";

/** Student's t at 97.5 %, as printed (three decimals) in the usual tables, by degrees of freedom. */
const PRINTED: Record<number, number> = {
  1: 12.706,
  2: 4.303,
  3: 3.182,
  4: 2.776,
  5: 2.571,
  6: 2.447,
  7: 2.365,
  8: 2.306,
  9: 2.262,
  10: 2.228,
  15: 2.131,
  20: 2.086,
  29: 2.045,
  30: 2.042,
  40: 2.021,
  60: 2.0,
  120: 1.98,
};

describe("Student's t at 97.5 %", () => {
  it("matches the printed tables to their three decimals", () => {
    for (const [df, printed] of Object.entries(PRINTED)) {
      expect(studentT975(Number(df)), `df ${df}`).toBeCloseTo(printed, 3);
    }
  });

  it("agrees with stdlib's general t quantile within 1e-9 for 1 to 1,000 degrees of freedom and far beyond", () => {
    const degrees = [...Array.from({ length: 1000 }, (_, i) => i + 1), 2500, 9999, 100_000, 10_000_000];
    const off = degrees
      .map((df) => ({ df, error: Math.abs(studentT975(df) - tQuantile(0.975, df)) }))
      .filter(({ error }) => !(error < 1e-9));
    expect(off).toEqual([]);
  });

  it("tends to the normal's 1.96 as the degrees of freedom grow", () => {
    expect(studentT975(1e12)).toBeCloseTo(1.959964, 6);
  });

  it("refuses degrees of freedom that are not whole and positive, a bug in the caller", () => {
    for (const df of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => studentT975(df)).toThrow(RangeError);
  });
});
