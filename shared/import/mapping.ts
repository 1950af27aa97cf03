import { type NumberStyle, parseLocaleNumber } from "../format/localeNumber";
import type { ColumnMapping, ImportMapping, Roadmap, ValueMapping } from "../model/schema";
import { err, ok, type Result } from "../result";
import type { Table, TableCell } from "./table";

/**
 * The mapping step every import shares (survey answers, the communication
 * inventory): which column holds what, and which of the roadmap's phases,
 * segments, owners… each value of a mapped column stands for. An import kind
 * describes its targets; the user adjusts the guess; the kind previews the rows
 * and applies them in one edit. Mappings are plain data (`ImportMapping`) so
 * the roadmap remembers them for the next file.
 */

/** One of the roadmap's things a cell value may stand for. */
export interface ValueOption {
  id: string;
  name: string;
  /** Other spellings that mean it ("email", "e-mail"); the id and name always count. */
  aliases?: readonly string[];
}

/** What a column can hold, in one import kind's vocabulary. */
export interface ImportTarget {
  /** Stored in `ColumnMapping.target`: "phase", "item:trust-1", "owner". */
  id: string;
  label: string;
  /** Heading the target is listed under in the mapping step ("Questionnaire", "Respondent"). */
  group: string;
  /** The import cannot run until a column is mapped to it. */
  required: boolean;
  /** Header spellings that are this target, besides its id and label ("Lifecycle phase", "Stage"). */
  headerNames: readonly string[];
  /** When the column's values name the roadmap's things: the choices, and whether an unknown one may be created. */
  values?: { options: readonly ValueOption[]; creatable: boolean };
}

/** The id a value mapping has when the user chose to create a new owner, channel… named as the value. */
export const CREATE_FROM_VALUE = "+new";

/** A problem of one row (or the whole file), as the preview lists it and the CLI prints it. */
export interface ImportProblem {
  /** The file's row number as a spreadsheet shows it (header = 1); null for the whole file. */
  row: number | null;
  /** The column's header; null for the whole row. */
  column: string | null;
  /** The cell as written, when the problem is about one cell. */
  value: string | null;
  problem: string;
}

/** What the rows would do, shown before anything changes. */
export interface ImportPreview<Change> {
  /** What `apply` writes; only rows without problems are in it. */
  change: Change;
  problems: ImportProblem[];
  /** Rows that will be imported. */
  accepted: number;
  /** Rows refused for a problem (each listed in `problems`). */
  refused: number;
  /** One sentence for the top of the preview: what will be added, replaced or created. */
  summary: string;
}

/** One kind of import: what its columns can hold, how rows become a change, and how the change is applied. */
export interface ImportKind<Change> {
  /** Where the roadmap remembers this kind's mapping. */
  mappingKey: keyof Roadmap["importMappings"];
  targets(roadmap: Roadmap): ImportTarget[];
  preview(roadmap: Roadmap, table: Table, mapping: ImportMapping, locale?: string): ImportPreview<Change>;
  /** The roadmap with the change applied and the mapping remembered: one undo step. */
  apply(roadmap: Roadmap, change: Change, mapping: ImportMapping): Roadmap;
}

/** Lowercase letters and digits only, accents dropped, single spaces: "E-Mail " and "email" compare equal. */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Without spaces, so "e mail" and "email" meet. */
function compact(text: string): string {
  return normaliseLabel(text).replace(/ /g, "");
}

/**
 * How loosely `bestMatch` reads: a cell's value may be an abbreviation of a
 * name ("Onboard" for "Onboarding"); a header may not ("Respondent" is not
 * "Respondent date"), but may wrap a long label in words of its own, as survey
 * tools do ("How much do you agree? [I can rely on the company…]").
 */
export type MatchStyle = "value" | "header";

/** Shortest spelling a header may hold somewhere inside it: a statement, not a word like "phase". */
const MIN_CONTAINED_LENGTH = 12;

/**
 * The option a written value most likely means: equal to its id, name or an
 * alias once normalised; else the longest spelling the value starts with
 * ("Lapsed 6m+" is "Lapsed"), or — for a value — that starts with it, or —
 * for a header — that it contains when that spelling is long. Null when
 * nothing fits or two options fit equally.
 */
export function bestMatch(value: string, options: readonly ValueOption[], style: MatchStyle = "value"): string | null {
  const written = compact(value);
  if (written === "") return null;
  const spellings = (option: ValueOption) =>
    [option.id, option.name, ...(option.aliases ?? [])].map(compact).filter((s) => s !== "");
  const exact = options.filter((option) => spellings(option).includes(written));
  if (exact.length === 1) return exact[0]?.id ?? null;
  if (exact.length > 1) return null;
  const fits = (spelling: string) =>
    written.startsWith(spelling) ||
    (style === "value" && spelling.startsWith(written)) ||
    (style === "header" && spelling.length >= MIN_CONTAINED_LENGTH && written.includes(spelling));
  let best: { id: string; length: number; tied: boolean } | null = null;
  for (const option of options) {
    for (const spelling of spellings(option)) {
      if (!fits(spelling)) continue;
      const length = Math.min(spelling.length, written.length);
      if (length < 3) continue;
      if (!best || length > best.length) best = { id: option.id, length, tied: false };
      else if (length === best.length && best.id !== option.id) best.tied = true;
    }
  }
  return best && !best.tied ? best.id : null;
}

/**
 * A first mapping of the table's columns: the remembered mapping where a
 * header was seen before (and its target still exists), else the target whose
 * id, label or header names the header matches. Each target gets at most one
 * column; the rest are not stored.
 */
export function guessColumns(
  headers: readonly string[],
  targets: readonly ImportTarget[],
  remembered: readonly ColumnMapping[],
): ColumnMapping[] {
  const targetIds = new Set(targets.map((t) => t.id));
  const rememberedByHeader = new Map(remembered.map((m) => [compact(m.header), m.target]));
  const taken = new Set<string>();
  const chosen: (string | null)[] = headers.map((header) => {
    const target = rememberedByHeader.get(compact(header));
    if (target !== undefined && (target === "" || targetIds.has(target)) && !taken.has(target)) {
      if (target !== "") taken.add(target);
      return target;
    }
    return null;
  });
  const options: ValueOption[] = targets.map((t) => ({ id: t.id, name: t.label, aliases: t.headerNames }));
  headers.forEach((header, i) => {
    if (chosen[i] !== null) return;
    const target = bestMatch(header, options, "header");
    if (target !== null && !taken.has(target)) {
      taken.add(target);
      chosen[i] = target;
    }
  });
  return headers.map((header, i) => ({ header, target: chosen[i] ?? "" }));
}

/** The distinct non-empty values of each column mapped to a target with values, in order of first appearance. */
export function valuesToMap(
  table: Table,
  columns: readonly ColumnMapping[],
  targets: readonly ImportTarget[],
): { target: string; values: string[] }[] {
  const withValues = new Set(targets.filter((t) => t.values).map((t) => t.id));
  return columns.flatMap((column, index) => {
    if (!withValues.has(column.target)) return [];
    const seen = new Set<string>();
    for (const row of table.rows) {
      for (const value of splitValues(row[index], column.target)) seen.add(value);
    }
    return [{ target: column.target, values: [...seen] }];
  });
}

/**
 * A cell's values: list targets (`LIST_TARGETS`) may hold several, separated
 * by ";", "," or "|" ("Email; Phone"); any other target holds the whole cell.
 * A communication's audience as the app's exports describe it ("Enterprise,
 * SMB · Economic buyer · 60 %") names its segments before the first " · ".
 */
export function splitValues(cell: TableCell | undefined, target: string): string[] {
  const text = String(cell ?? "").trim();
  if (text === "") return [];
  if (!LIST_TARGETS.has(target)) return [text];
  return (target === "segments" ? (text.split(" · ")[0] ?? "") : text)
    .split(/[;,|]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** Targets whose cells may list several values: a respondent's preferred channels, a communication's segments. */
export const LIST_TARGETS: ReadonlySet<string> = new Set(["preferredChannels", "segments"]);

/**
 * A first reading of every value to map: the remembered choice when it still
 * names an option, else the best match, else nothing (the user picks; rows
 * with an unmapped value are refused).
 */
export function guessValues(
  table: Table,
  columns: readonly ColumnMapping[],
  targets: readonly ImportTarget[],
  remembered: readonly ValueMapping[],
): ValueMapping[] {
  const byTarget = new Map(targets.map((t) => [t.id, t]));
  const rememberedKey = (target: string, value: string) => `${target}\u0000${compact(value)}`;
  const before = new Map(remembered.map((m) => [rememberedKey(m.target, m.value), m.id]));
  return valuesToMap(table, columns, targets).flatMap(({ target, values }) => {
    const options = byTarget.get(target)?.values?.options ?? [];
    const optionIds = new Set(options.map((o) => o.id));
    return values.map((value) => {
      const earlier = before.get(rememberedKey(target, value));
      const id =
        earlier !== undefined && (earlier === null || optionIds.has(earlier)) ? earlier : bestMatch(value, options);
      return { target, value, id };
    });
  });
}

/** A first mapping of a table: columns, then the values of the mapped columns. */
export function guessMapping(table: Table, targets: readonly ImportTarget[], remembered: ImportMapping): ImportMapping {
  const columns = guessColumns(table.headers, targets, remembered.columns);
  return { columns, values: guessValues(table, columns, targets, remembered.values) };
}

/**
 * A cell as a number: a workbook's numbers as they are, text in the user's
 * locale ("3,5" in German) or, failing that, as English writes it (a dot for
 * decimals, "12.5 %"), as survey tools do. Empty cells are null; anything
 * else is the locale's reason it is not a number.
 */
export function readCellNumber(
  cell: TableCell | undefined,
  locale?: string,
  style: NumberStyle = {},
): Result<number | null, string> {
  if (cell === undefined) return ok(null);
  // A workbook's percentage cell already holds the share (0.12 for 12 %).
  if (typeof cell === "number") return ok(cell);
  const text = cell.trim();
  if (text === "") return ok(null);
  const local = parseLocaleNumber(text, locale, style);
  if (local.ok) return ok(local.value);
  // Survey tools write English numbers whatever the reader's locale: "3.5", "12.5 %".
  const dotted = parseLocaleNumber(text, "en-US", style);
  return dotted.ok ? dotted : err(local.error);
}

/** A cell as the text a problem quotes. */
export function cellText(cell: TableCell | undefined): string {
  return String(cell ?? "");
}
