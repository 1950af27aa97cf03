import { readCellNumber } from "../import/mapping";
import type { TableCell } from "../import/table";

/**
 * How the survey import reads one cell of an answers file: respondent dates,
 * whole-number answers and the preferred contact frequency. Each reader
 * returns the value, null for an empty cell, or the problem in words the
 * preview shows next to the row, column and cell.
 */

export type CellReading<T> = { ok: true; value: T | null } | { ok: false; problem: string };

const empty = { ok: true, value: null } as const;
const value = <T>(v: T): CellReading<T> => ({ ok: true, value: v });
const problem = (text: string): CellReading<never> => ({ ok: false, problem: text });

const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A whole number from `min` to `max`: survey tools write answers and
 * likelihood to recommend as points of their scale, so "4" and "4.0" are read
 * and "3.5" is refused (a half point usually means a column of averages or
 * another question was mapped). Plain digits are read directly, the common
 * case in a file of 300,000 answers; anything else in the user's locale.
 */
export function readWholeNumber(
  cell: TableCell | undefined,
  min: number,
  max: number,
  locale: string | undefined,
  what: string,
): CellReading<number> {
  let number: number;
  if (typeof cell === "number") number = cell;
  else {
    const text = (cell ?? "").trim();
    if (text === "") return empty;
    if (PLAIN_NUMBER.test(text)) number = Number(text);
    else {
      const read = readCellNumber(text, locale);
      if (!read.ok || read.value === null) return problem(`${what} is not a number`);
      number = read.value;
    }
  }
  if (!Number.isFinite(number)) return problem(`${what} is not a number`);
  if (!Number.isInteger(number)) return problem(`${what} must be a whole number from ${min} to ${max}`);
  if (number < min || number > max) return problem(`${what} is outside the scale ${min}–${max}`);
  return value(number);
}

/**
 * Words a survey tool's frequency question may be answered with, as
 * contacts a month (a year has 52 weeks, so "weekly" is 52 / 12 ≈ 4.33).
 * English only: another language's answers are mapped by writing numbers, or
 * by recoding the column in the survey tool before export.
 */
export const CONTACT_FREQUENCY_WORDS: readonly (readonly [words: readonly string[], perMonth: number])[] = [
  [["never", "not at all", "none"], 0],
  [["yearly", "once a year", "annually", "every year"], 0.08],
  [["twice a year", "every six months", "half yearly", "half-yearly"], 0.17],
  [["quarterly", "every three months", "every quarter", "once a quarter"], 0.33],
  [["monthly", "once a month", "every month"], 1],
  [["every two weeks", "fortnightly", "twice a month"], 2.17],
  [["weekly", "once a week", "every week"], 4.33],
];

const FREQUENCY_BY_WORDS = new Map(
  CONTACT_FREQUENCY_WORDS.flatMap(([words, perMonth]) => words.map((w) => [wordKey(w), perMonth] as const)),
);

function wordKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/** The most contacts a month a respondent may ask for: the file format's bound. */
export const MAX_PREFERRED_CONTACTS_PER_MONTH = 100;

/** Contacts a month: a number (in the user's locale or with a decimal point) or one of `CONTACT_FREQUENCY_WORDS`. */
export function readContactsPerMonth(cell: TableCell | undefined, locale: string | undefined): CellReading<number> {
  const text = typeof cell === "number" ? "" : (cell ?? "").trim();
  if (typeof cell !== "number") {
    if (text === "") return empty;
    const word = FREQUENCY_BY_WORDS.get(wordKey(text));
    if (word !== undefined) return value(word);
  }
  const read = typeof cell === "number" ? { ok: true as const, value: cell } : readCellNumber(text, locale);
  if (!read.ok || read.value === null || !Number.isFinite(read.value)) {
    return problem(
      `is not a number of contacts a month, nor one of: ${CONTACT_FREQUENCY_WORDS.map(([words]) => words[0]).join(", ")}`,
    );
  }
  if (read.value < 0 || read.value > MAX_PREFERRED_CONTACTS_PER_MONTH) {
    return problem(`contacts a month must be from 0 to ${MAX_PREFERRED_CONTACTS_PER_MONTH}`);
  }
  return value(read.value);
}

/**
 * How a date column writes day and month in "03/04/2026": decided once for the
 * whole column, since one survey tool wrote it. A cell with a first number
 * above 12 shows day first; with a second above 12, month first (American).
 * With no such cell the column is read day first; with both, each cell must
 * be unambiguous on its own.
 */
export type SlashOrder = "dayFirst" | "monthFirst" | "mixed";

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}.*)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,? \d{1,2}:\d{2}.*)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,? \d{1,2}:\d{2}.*)?$/;

/** The slash order of a date column's cells (see `SlashOrder`), and whether any cell could be read either way. */
export function slashOrderOf(cells: Iterable<TableCell | undefined>): { order: SlashOrder; ambiguous: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  let ambiguous = false;
  for (const cell of cells) {
    if (typeof cell !== "string") continue;
    const match = SLASHED.exec(cell.trim());
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12) dayFirst = true;
    else if (second > 12) monthFirst = true;
    else if (first !== second) ambiguous = true;
  }
  const order: SlashOrder = dayFirst && monthFirst ? "mixed" : monthFirst ? "monthFirst" : "dayFirst";
  return { order, ambiguous };
}

/**
 * A respondent's date as YYYY-MM-DD. Accepted: 2026-05-14 (what a workbook's
 * date cells arrive as), 14.05.2026, 14/05/2026 and 5/14/2026 as the column's
 * `SlashOrder` says; a time after the date ("2026-05-14 10:22", as survey
 * tools stamp submissions) is ignored. Days that do not exist are refused.
 */
export function readRespondentDate(cell: TableCell | undefined, order: SlashOrder): CellReading<string> {
  if (typeof cell === "number") return problem(NOT_A_DATE);
  const text = (cell ?? "").trim();
  if (text === "") return empty;
  const iso = ISO.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED.exec(text);
  if (dotted) return calendarDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const slashed = SLASHED.exec(text);
  if (!slashed) return problem(NOT_A_DATE);
  const first = Number(slashed[1]);
  const second = Number(slashed[2]);
  const year = Number(slashed[3]);
  if (order === "mixed" && first <= 12 && second <= 12 && first !== second) {
    return problem(
      `is ambiguous: it may be ${isoDate(year, second, first)} or ${isoDate(year, first, second)}; write dates as YYYY-MM-DD`,
    );
  }
  const monthFirst = order === "monthFirst" || (order === "mixed" && second > 12);
  return monthFirst ? calendarDate(year, first, second) : calendarDate(year, second, first);
}

const NOT_A_DATE = "is not a date: write 2026-05-14, 14.05.2026 or 14/05/2026";

function calendarDate(year: number, month: number, day: number): CellReading<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists =
    year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? value(isoDate(year, month, day)) : problem(`is not a day of the calendar`);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The local calendar day of a moment, as the default date of a wave imported without respondent dates. */
export function localDay(moment: Date): string {
  return isoDate(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}
