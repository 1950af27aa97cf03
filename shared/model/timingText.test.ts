import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import type { Timing } from "./schema";
import { formatTimingText, parseTimingText } from "./timingText";

const PLAN = { startMonth: "2027-01", horizonMonths: 24 };
const parsed = (text: string) => parseTimingText(text, PLAN);

describe("timing typed in the capture table", () => {
  it("reads each form of the grammar, whatever the case and spacing", () => {
    expect(parsed("on entry")).toEqual({ ok: true, value: { kind: "onEntry", offsetMonths: 0 } });
    expect(parsed("")).toEqual({ ok: true, value: { kind: "onEntry", offsetMonths: 0 } });
    expect(parsed("  On   Entry +2 ")).toEqual({ ok: true, value: { kind: "onEntry", offsetMonths: 2 } });
    expect(parsed("on entry + 3 months")).toEqual({ ok: true, value: { kind: "onEntry", offsetMonths: 3 } });
    expect(parsed("3 months after entry")).toEqual({ ok: true, value: { kind: "onEntry", offsetMonths: 3 } });
    expect(parsed("every 3 months")).toEqual({ ok: true, value: { kind: "recurring", everyMonths: 3 } });
    expect(parsed("Every month")).toEqual({ ok: true, value: { kind: "recurring", everyMonths: 1 } });
    expect(parsed("once in month 5")).toEqual({ ok: true, value: { kind: "oneOff", month: 4 } });
    expect(parsed("once in 2027-06")).toEqual({ ok: true, value: { kind: "oneOff", month: 5 } });
    expect(parsed("once in 2028-12")).toEqual({ ok: true, value: { kind: "oneOff", month: 23 } });
  });

  it("refuses what it cannot read, naming the value and saying what would do", () => {
    expect(parsed("next tuesday")).toEqual({
      ok: false,
      error:
        'Timing “next tuesday” is not understood: write "on entry", "on entry +2", "every 3 months" or "once in month 5".',
    });
    expect(parsed("every 0 months")).toEqual({
      ok: false,
      error: "Timing “every 0 months”: repeat every 1 to 120 months.",
    });
    expect(parsed("on entry +121")).toEqual({
      ok: false,
      error: "Timing “on entry +121”: a send can come at most 120 months after entry.",
    });
    expect(parsed("once in month 25")).toEqual({
      ok: false,
      error: "Timing “once in month 25” falls outside the plan: its months run from 1 (2027-01) to 24.",
    });
    expect(parsed("once in month 0").ok).toBe(false);
    expect(parsed("once in 2026-12").ok).toBe(false);
    expect(parsed("once in 2027-13").ok).toBe(false);
  });

  it("reads back every timing it writes", () => {
    const timing: fc.Arbitrary<Timing> = fc.oneof(
      fc.integer({ min: 0, max: 120 }).map((offsetMonths) => ({ kind: "onEntry" as const, offsetMonths })),
      fc.integer({ min: 1, max: 120 }).map((everyMonths) => ({ kind: "recurring" as const, everyMonths })),
      fc.integer({ min: 0, max: 23 }).map((month) => ({ kind: "oneOff" as const, month })),
    );
    fc.assert(
      fc.property(timing, (t) => {
        expect(parsed(formatTimingText(t))).toEqual({ ok: true, value: t });
      }),
      propertyRuns(300),
    );
  });

  it("never throws on any text, and an error always quotes what was typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const result = parsed(text);
        if (!result.ok) expect(result.error).toContain(`“${text.trim()}”`);
      }),
      propertyRuns(300),
    );
  });
});
