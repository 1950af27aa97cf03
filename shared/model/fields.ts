import { z } from "zod";
import { formatLimit, LIMITS } from "./limits";

/**
 * Field builders shared by the schemas. Each carries the human sentence that
 * `formatIssues` shows the user, so a rule and its message live together.
 */

/**
 * Names JavaScript objects already answer to (`__proto__`, `constructor`, `toString`…). An id is used as a
 * key of per-segment records and lookups, where such a name would read or replace the object's prototype
 * instead of a figure, so the file format refuses them.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set(["__proto__", ...Object.getOwnPropertyNames(Object.prototype)]);

export const id = () =>
  z
    .string()
    .min(1, { error: "must not be empty" })
    .max(100, { error: "must be at most 100 characters" })
    .refine((value) => !RESERVED_IDS.has(value), {
      error: (issue) => `cannot be ${JSON.stringify(issue.input)}: the name is reserved by JavaScript`,
    });

/** Longest name of anything in a roadmap, in UTF-16 code units as JavaScript counts them. */
export const MAX_NAME_LENGTH = 200;

export const name = () =>
  z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` });

export const text = (max = 10_000) =>
  z
    .string()
    .max(max, { error: `must be at most ${max} characters` })
    .default("");

/** A share of customers, stored as 0–1 and shown as a percentage. */
export const fraction = () =>
  z
    .number({ error: "must be a number" })
    .min(0, { error: "must be between 0 and 1" })
    .max(1, { error: "must be between 0 and 1" });

/** A finite number between the bounds, with the bounds in its message. */
export const boundedNumber = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .min(min, { error: `must be between ${formatLimit(min)} and ${formatLimit(max)}` })
    .max(max, { error: `must be between ${formatLimit(min)} and ${formatLimit(max)}` });

/** A figure from 0 up to `max`: an amount of money or of customers. */
const amount = (max: number) =>
  z
    .number({ error: "must be a number" })
    .min(0, { error: "must not be negative" })
    .max(max, { error: `must be at most ${formatLimit(max)}` });

export const money = () => amount(LIMITS.money);

export const customerCount = () => amount(LIMITS.customers);

/** A list of at most `max` items, saying so with the limit. */
export const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, { error: `must have at most ${formatLimit(max)} items` });

export const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be between ${min} and ${max}` })
    .max(max, { error: `must be between ${min} and ${max}` });

export const color = () => z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like "#3366cc"' });

/** Customers per segment id: how many are in a phase, or arrive each month. */
export const perSegment = () => z.record(id(), customerCount()).default({});

export const isoTimestamp = () => z.iso.datetime({ error: "must be an ISO date-time" });

/** A calendar day, as "2026-05-14". */
export const isoDate = () => z.iso.date({ error: 'must be a date like "2026-05-14"' });

/** Calendar months of the years 1000–9999, so every month label has four year digits and sorts as text. */
export const yearMonth = () =>
  z
    .string()
    .regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, { error: 'must be a month from 1000-01 to 9999-12, like "2027-01"' });
