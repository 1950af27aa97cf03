import { readCellNumber } from "../import/mapping";
import type { TableCell } from "../import/table";
import type { SurveyScale } from "../model/schema";

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
/** "5 - Strongly agree", "5 = Strongly agree", "5 (Strongly agree)", "10: Extremely likely": a point with its label. */
const LABELLED_POINT = /^([+-]?\d+)\s*(?:[-–=:.)]|\()\s*\p{L}/u;

/**
 * The agreement labels survey tools export instead of the point, on the
 * scales that have them (English only; a 0–10 scale is written as numbers).
 */
export const AGREEMENT_LABELS: Readonly<Record<SurveyScale, ReadonlyMap<string, number>>> = {
  "1-5": labelMap([
    [["strongly disagree"], 1],
    [["disagree", "somewhat disagree", "slightly disagree"], 2],
    [["neither agree nor disagree", "neutral"], 3],
    [["agree", "somewhat agree", "slightly agree"], 4],
    [["strongly agree"], 5],
  ]),
  "1-7": labelMap([
    [["strongly disagree"], 1],
    [["disagree"], 2],
    [["somewhat disagree", "slightly disagree"], 3],
    [["neither agree nor disagree", "neutral"], 4],
    [["somewhat agree", "slightly agree"], 5],
    [["agree"], 6],
    [["strongly agree"], 7],
  ]),
  "0-10": new Map(),
};

function labelMap(entries: readonly (readonly [labels: readonly string[], point: number])[]): Map<string, number> {
  return new Map(entries.flatMap(([labels, point]) => labels.map((label) => [wordKey(label), point] as const)));
}

/**
 * A whole number from `min` to `max`: survey tools write answers and
 * likelihood to recommend as points of their scale, so "4", "4.0", "4 -
 * Agree" and, with `labels`, "Agree" are read, and "3.5" is refused (a half
 * point usually means a column of averages or another question was mapped).
 * Plain digits are read directly, the common case in a file of 300,000
 * answers; anything else in the user's locale.
 */
export function readWholeNumber(
  cell: TableCell | undefined,
  range: { min: number; max: number; labels?: ReadonlyMap<string, number> },
  locale: string | undefined,
): CellReading<number> {
  const { min, max, labels } = range;
  let number: number;
  if (typeof cell === "number") number = cell;
  else {
    const text = (cell ?? "").trim();
    if (text === "") return empty;
    const read = PLAIN_NUMBER.test(text) ? Number(text) : readPoint(text, labels, locale);
    if (read === null) {
      return problem(labels?.size ? 'not a number nor an agreement like "Agree"' : "not a number");
    }
    number = read;
  }
  if (!Number.isFinite(number)) return problem("not a number");
  if (!Number.isInteger(number)) return problem(`not a whole number from ${min} to ${max}`);
  if (number < min || number > max) return problem(`outside the scale ${min}–${max}`);
  return value(number);
}

/** A point written with its label, an agreement label alone, or a number in the user's locale. */
function readPoint(text: string, labels: ReadonlyMap<string, number> | undefined, locale: string | undefined) {
  const labelled = LABELLED_POINT.exec(text);
  if (labelled) return Number(labelled[1]);
  const label = labels?.get(wordKey(text));
  if (label !== undefined) return label;
  return localNumber(text, locale);
}

function localNumber(text: string, locale: string | undefined): number | null {
  const read = readCellNumber(text, locale);
  return read.ok ? read.value : null;
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
  let number: number | null;
  if (typeof cell === "number") number = cell;
  else {
    const text = (cell ?? "").trim();
    if (text === "") return empty;
    number = PLAIN_NUMBER.test(text)
      ? Number(text)
      : (FREQUENCY_BY_WORDS.get(wordKey(text)) ?? localNumber(text, locale));
  }
  if (number === null || !Number.isFinite(number)) {
    return problem(
      `not a number of contacts a month, nor one of: ${CONTACT_FREQUENCY_WORDS.map(([words]) => words[0]).join(", ")}`,
    );
  }
  if (number < 0 || number > MAX_PREFERRED_CONTACTS_PER_MONTH) {
    return problem(`outside 0–${MAX_PREFERRED_CONTACTS_PER_MONTH} contacts a month`);
  }
  return value(number);
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
      `ambiguous: it may be ${isoDate(year, second, first)} or ${isoDate(year, first, second)}; write dates as YYYY-MM-DD`,
    );
  }
  const monthFirst = order === "monthFirst" || (order === "mixed" && second > 12);
  return monthFirst ? calendarDate(year, first, second) : calendarDate(year, second, first);
}

const NOT_A_DATE = "not a date: write 2026-05-14, 14.05.2026 or 14/05/2026";

function calendarDate(year: number, month: number, day: number): CellReading<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists =
    year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? value(isoDate(year, month, day)) : problem("not a day of the calendar");
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The local calendar day of a moment, as the default date of a wave imported without respondent dates. */
export function localDay(moment: Date): string {
  return isoDate(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}
