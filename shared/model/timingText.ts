import { err, ok, type Result } from "../result";
import type { Roadmap, Timing } from "./schema";

/** The plan a one-off month is counted in: its first month and how many months it runs. */
export type TimingHorizon = Pick<Roadmap, "startMonth" | "horizonMonths">;

const MAX_MONTHS_AFTER_ENTRY = 120;
const MAX_EVERY_MONTHS = 120;

export const TIMING_EXAMPLES = '"on entry", "on entry +2", "every 3 months" or "once in month 5"';

/**
 * A timing as the capture table writes it, and reads it back with
 * `parseTimingText`: "on entry", "on entry +2", "every month", "every 3 months",
 * "once in month 5". One-off months count from 1 (the plan's first month), as a
 * person says them; the file counts from 0.
 */
export function formatTimingText(timing: Timing): string {
  switch (timing.kind) {
    case "onEntry":
      return timing.offsetMonths === 0 ? "on entry" : `on entry +${timing.offsetMonths}`;
    case "recurring":
      return timing.everyMonths === 1 ? "every month" : `every ${timing.everyMonths} months`;
    case "oneOff":
      return `once in month ${timing.month + 1}`;
  }
}

/**
 * Reads a timing typed in a short grammar, case and spacing aside: "on entry",
 * "on entry +2" (or "2 months after entry"), "every month", "every 3 months",
 * "once in month 5" or "once in 2027-06" (a calendar month inside the plan).
 * An empty text is "on entry". The error names the value and says what would do.
 */
export function parseTimingText(text: string, horizon: TimingHorizon): Result<Timing, string> {
  const value = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (value === "" || value === "on entry") return ok({ kind: "onEntry", offsetMonths: 0 });
  const afterEntry =
    /^on entry ?\+ ?(\d+)(?: ?months?)?$/.exec(value) ?? /^(\d+) months? after entry$/.exec(value) ?? undefined;
  if (afterEntry) {
    const offsetMonths = Number(afterEntry[1]);
    if (offsetMonths > MAX_MONTHS_AFTER_ENTRY) {
      return err(`Timing “${text.trim()}”: a send can come at most ${MAX_MONTHS_AFTER_ENTRY} months after entry.`);
    }
    return ok({ kind: "onEntry", offsetMonths });
  }
  if (value === "every month" || value === "monthly") return ok({ kind: "recurring", everyMonths: 1 });
  const every = /^every (\d+) months?$/.exec(value);
  if (every) {
    const everyMonths = Number(every[1]);
    if (everyMonths < 1 || everyMonths > MAX_EVERY_MONTHS) {
      return err(`Timing “${text.trim()}”: repeat every 1 to ${MAX_EVERY_MONTHS} months.`);
    }
    return ok({ kind: "recurring", everyMonths });
  }
  const inMonth = /^once,? (?:in )?month (\d+)$/.exec(value);
  const inCalendarMonth = /^once,? (?:in )?(\d{4})-(\d{1,2})$/.exec(value);
  if (inMonth || inCalendarMonth) {
    const month = inMonth ? Number(inMonth[1]) - 1 : monthsFromStart(horizon.startMonth, inCalendarMonth);
    if (month < 0 || month >= horizon.horizonMonths) {
      return err(
        `Timing “${text.trim()}” falls outside the plan: its months run from 1 (${horizon.startMonth}) to ${horizon.horizonMonths}.`,
      );
    }
    return ok({ kind: "oneOff", month });
  }
  return err(`Timing “${text.trim()}” is not understood: write ${TIMING_EXAMPLES}.`);
}

function monthsFromStart(startMonth: string, yearMonth: RegExpExecArray | null): number {
  const [startYear = 0, startOfYear = 1] = startMonth.split("-").map(Number);
  const year = Number(yearMonth?.[1]);
  const month = Number(yearMonth?.[2]);
  if (month < 1 || month > 12) return -1;
  return (year - startYear) * 12 + (month - startOfYear);
}
