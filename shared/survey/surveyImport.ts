import {
  type ImportKind,
  type ImportPreview,
  type ImportProblem,
  type ImportTarget,
  normaliseLabel,
  splitValues,
  type ValueOption,
} from "../import/mapping";
import { fileRowNumber, isEmptyRow, type Table, type TableCell } from "../import/table";
import { createId } from "../model/ids";
import { CHANNEL_KIND_LABELS } from "../model/labels";
import { LIMITS } from "../model/limits";
import type { ImportMapping, Roadmap, SurveyRespondent, SurveyWave, ValueMapping } from "../model/schema";
import { SCALE_RANGE } from "../model/vocabulary";
import { settleWorkshopReferences } from "../model/workshopReferences";
import { itemHeader, itemIdOfTarget, itemTarget, RESPONDENT_COLUMNS } from "./responseColumns";
import {
  AGREEMENT_LABELS,
  type CellReading,
  localDay,
  readContactsPerMonth,
  readRespondentDate,
  readWholeNumber,
  type SlashOrder,
  slashOrderOf,
} from "./surveyImportCells";

/**
 * The survey answers import: one row per respondent, one column per
 * questionnaire item, plus the respondent's phase, segment, date, likelihood
 * to recommend and preferred channels and frequency (`RESPONDENT_COLUMNS`).
 * The rows become one wave of the survey.
 *
 * The wave's date and name, and the moment of the import, are the fifth
 * argument of `preview` (`SurveyImportOptions`), which the generic mapping step
 * does not know about: a caller that shows the wave (the import wizard, the
 * CLI's `--wave`) passes them. `now` is the caller's clock (shared code reads
 * none): the wave's `importedAt`, and its date when neither the options nor
 * the file give one. Defaults: the date is the latest respondent date in the
 * file, else the local day of `now`; the name "Wave 2026-05-14", or the name
 * of the wave it replaces. Without `now`, `importedAt` is the wave's date at
 * midnight UTC, and a file without dates needs `waveDate`.
 *
 * Importing a wave with the date of one the roadmap has replaces it (keeping
 * its id, so views showing it stay on it). Answers are whole points of the
 * questionnaire's current scale: "4", "4.0", "4 - Agree" and, on 1–5 and 1–7
 * scales, the English agreement labels ("Strongly agree"); "3.5" is refused,
 * as a half point usually means a column of averages or another question was
 * mapped. An empty answer is unanswered. Respondent dates are 2026-05-14,
 * 14.05.2026, 14/05/2026, or 5/14/2026 when the column shows it is month
 * first (`readRespondentDate`). The preferred frequency is a number of
 * contacts a month or English words (`CONTACT_FREQUENCY_WORDS`). A row with
 * any other problem is refused, each problem listed by row, column and value
 * (the first `MAX_LISTED_PROBLEMS`); respondents who answered fewer than half
 * of the mapped items are left out and counted in the wave's `excluded`.
 * Columns mapped to nothing are never read. Phases, segments and channels are
 * never created by this import.
 */

export interface SurveyImportOptions {
  /** The caller's clock: the wave's `importedAt`, and its date when the file has no respondent dates. */
  now?: Date;
  /** YYYY-MM-DD; by default the latest respondent date in the file. */
  waveDate?: string;
  /** By default "Wave 2026-05-14", or the name of the wave of that date it replaces. */
  waveName?: string;
}

export interface SurveyImportChange {
  /** The wave to add, or to put in place of the roadmap's wave of the same date; null when nothing can be imported. */
  wave: SurveyWave | null;
  /** The roadmap's wave of the same date, as it was when previewed. */
  replaces: { id: string; name: string; respondents: number } | null;
}

/** The survey import: `ImportKind`'s `preview` with the wave's date, name and the clock as a fifth argument. */
export interface SurveyImportKind extends ImportKind<SurveyImportChange> {
  preview(
    roadmap: Roadmap,
    table: Table,
    mapping: ImportMapping,
    locale?: string,
    options?: SurveyImportOptions,
  ): ImportPreview<SurveyImportChange>;
}

/** Problems listed one by one; beyond this, a last line says how many more there are (every refused row is counted). */
export const MAX_LISTED_PROBLEMS = 1_000;

const RECOMMEND_RANGE = { min: 0, max: 10 };
const RESPONDENT_GROUP = "Respondent";
const QUESTIONNAIRE_GROUP = "Questionnaire";

/** Channel kinds as respondents write them, besides the kind's id and label. */
const CHANNEL_KIND_SPELLINGS: Partial<Record<keyof typeof CHANNEL_KIND_LABELS, readonly string[]>> = {
  email: ["E-mail"],
  directMail: ["Post", "Letter", "Postal mail"],
  phone: ["Phone", "Telephone", "Call"],
  fieldSales: ["Visit", "Sales visit"],
  newsletter: ["Newsletter", "Magazine"],
  webInApp: ["Web", "Website", "In-app", "App"],
  sms: ["Text message", "Text"],
  social: ["Social media"],
};

function respondentTargets(roadmap: Roadmap): ImportTarget[] {
  const phases: ValueOption[] = roadmap.phases.map((p) => ({ id: p.id, name: p.name }));
  const segments: ValueOption[] = roadmap.segments.map((s) => ({ id: s.id, name: s.name }));
  const channels = channelOptions(roadmap);
  const valuesOf: Partial<Record<string, readonly ValueOption[]>> = {
    phase: phases,
    segment: segments,
    preferredChannels: channels,
  };
  return RESPONDENT_COLUMNS.map((column) => {
    const options = valuesOf[column.target];
    return {
      id: column.target,
      label: column.header,
      group: RESPONDENT_GROUP,
      required: column.target === "phase",
      headerNames: [column.header, ...column.headerNames],
      ...(options ? { values: { options, creatable: false } } : {}),
    };
  });
}

/**
 * Channels by name and id, and by their kind where only one channel has it:
 * "E-mail" is the Email channel, unless the roadmap has two e-mail channels.
 */
function channelOptions(roadmap: Roadmap): ValueOption[] {
  const perKind = new Map<string, number>();
  for (const channel of roadmap.channels) perKind.set(channel.kind, (perKind.get(channel.kind) ?? 0) + 1);
  return roadmap.channels.map((channel) => ({
    id: channel.id,
    name: channel.name,
    aliases:
      perKind.get(channel.kind) === 1
        ? [channel.kind, CHANNEL_KIND_LABELS[channel.kind], ...(CHANNEL_KIND_SPELLINGS[channel.kind] ?? [])]
        : [],
  }));
}

function itemTargets(roadmap: Roadmap): ImportTarget[] {
  return roadmap.survey.items.map((item) => ({
    id: itemTarget(item.id),
    label: item.text,
    group: QUESTIONNAIRE_GROUP,
    required: false,
    headerNames: [itemHeader(item), item.id, item.text],
  }));
}

/** What each column of the table is read as: a target id, or "" for a column not stored. */
function columnTargets(table: Table, mapping: ImportMapping): string[] {
  const byHeader = new Map<string, string>();
  const byLabel = new Map<string, string>();
  for (const column of mapping.columns) {
    if (!byHeader.has(column.header)) byHeader.set(column.header, column.target);
    const label = normaliseLabel(column.header);
    if (!byLabel.has(label)) byLabel.set(label, column.target);
  }
  return table.headers.map((header, i) => {
    const aligned = mapping.columns[i];
    if (aligned && aligned.header === header) return aligned.target;
    return byHeader.get(header) ?? byLabel.get(normaliseLabel(header)) ?? "";
  });
}

/** The mapping's values of one target, by the value as written and, failing that, as normalised (case, spaces, punctuation). */
class ValueLookup {
  private readonly exact = new Map<string, string | null>();
  private readonly loose = new Map<string, string | null>();

  constructor(values: readonly ValueMapping[], target: string, known: ReadonlySet<string>) {
    for (const mapping of values) {
      if (mapping.target !== target) continue;
      const id = mapping.id !== null && known.has(mapping.id) ? mapping.id : null;
      if (!this.exact.has(mapping.value)) this.exact.set(mapping.value, id);
      const loose = looseKey(mapping.value);
      // Another spelling borrows a mapping to a phase, segment or channel, never a refusal meant for one spelling.
      if ((this.loose.get(loose) ?? null) === null) this.loose.set(loose, id);
    }
  }

  /** The id the value stands for; null when it is unmapped, mapped to nothing, or to something since removed. */
  get(value: string): string | null {
    if (this.exact.has(value)) return this.exact.get(value) ?? null;
    return this.loose.get(looseKey(value)) ?? null;
  }
}

function looseKey(value: string): string {
  return normaliseLabel(value).replace(/ /g, "");
}

interface Columns {
  items: { index: number; itemId: string }[];
  phase: number | null;
  segment: number | null;
  date: number | null;
  recommend: number | null;
  preferredChannels: number | null;
  preferredContactsPerMonth: number | null;
}

/** The columns each target reads from, or the mapping's problems with the whole file. */
function readColumns(roadmap: Roadmap, table: Table, mapping: ImportMapping): { columns: Columns; problems: string[] } {
  const targets = columnTargets(table, mapping);
  const itemIds = new Set(roadmap.survey.items.map((item) => item.id));
  const respondentTargetIds = new Set<string>(RESPONDENT_COLUMNS.map((c) => c.target));
  const columns: Columns = {
    items: [],
    phase: null,
    segment: null,
    date: null,
    recommend: null,
    preferredChannels: null,
    preferredContactsPerMonth: null,
  };
  const problems: string[] = [];
  const headersOf = new Map<string, string[]>();
  targets.forEach((target, index) => {
    if (target === "") return;
    const header = table.headers[index] ?? "";
    headersOf.set(target, [...(headersOf.get(target) ?? []), header]);
    const itemId = itemIdOfTarget(target);
    if (itemId !== null && itemIds.has(itemId)) columns.items.push({ index, itemId });
    else if (respondentTargetIds.has(target)) columns[target as keyof Omit<Columns, "items">] = index;
    else
      problems.push(`Column "${header}" is mapped to "${target}", which is no questionnaire item or respondent field.`);
  });
  for (const [target, headers] of headersOf) {
    if (headers.length > 1) {
      problems.push(
        `${headers.map((h) => `"${h}"`).join(" and ")} are ${headers.length === 2 ? "both" : "all"} mapped to ${targetName(target)}: map only one of them.`,
      );
    }
  }
  if (columns.phase === null) problems.push("Map a column to Phase: every respondent needs their lifecycle phase.");
  if (columns.items.length === 0) problems.push("Map at least one column to a questionnaire item.");
  return { columns, problems };
}

function targetName(target: string): string {
  const itemId = itemIdOfTarget(target);
  if (itemId !== null) return `item ${itemId}`;
  return RESPONDENT_COLUMNS.find((c) => c.target === target)?.header ?? target;
}

/** The wave's date, name and import moment from the options and the file, or why there is none. */
function waveIdentity(
  roadmap: Roadmap,
  options: SurveyImportOptions,
  latestRespondentDate: string | null,
): { date: string; name: string; importedAt: string; replaces: SurveyImportChange["replaces"] } | { problem: string } {
  let date = latestRespondentDate ?? (options.now ? localDay(options.now) : null);
  if (options.waveDate !== undefined) {
    const given = readRespondentDate(options.waveDate, "dayFirst");
    if (!given.ok || given.value === null) {
      return { problem: `The wave's date "${options.waveDate}" is not a date like 2026-05-14.` };
    }
    date = given.value;
  }
  if (date === null) return { problem: "The file has no respondent dates: give the wave's date." };
  const replaced = roadmap.survey.waves.find((w) => w.date === date);
  const name = options.waveName?.trim() || replaced?.name || `Wave ${date}`;
  if (name.length > 200) return { problem: "The wave's name is longer than 200 characters." };
  if (!replaced && roadmap.survey.waves.length >= LIMITS.surveyWaves) {
    return { problem: `The roadmap already has ${LIMITS.surveyWaves} waves, the most it may hold: remove one first.` };
  }
  return {
    date,
    name,
    importedAt: options.now ? options.now.toISOString() : `${date}T00:00:00.000Z`,
    replaces: replaced ? { id: replaced.id, name: replaced.name, respondents: replaced.respondents.length } : null,
  };
}

function preview(
  roadmap: Roadmap,
  table: Table,
  mapping: ImportMapping,
  locale?: string,
  options: SurveyImportOptions = {},
): ImportPreview<SurveyImportChange> {
  const fileProblem = (problem: string): ImportProblem => ({ row: null, column: null, value: null, problem });
  const nothing = (problems: ImportProblem[], refused: number, summary: string) => ({
    change: { wave: null, replaces: null },
    problems,
    accepted: 0,
    refused,
    summary,
  });
  const { columns, problems: mappingProblems } = readColumns(roadmap, table, mapping);
  if (mappingProblems.length > 0) {
    return nothing(mappingProblems.map(fileProblem), 0, "Nothing can be imported until the mapping is complete.");
  }

  const { scale } = roadmap.survey;
  const answerRange = { ...SCALE_RANGE[scale], labels: AGREEMENT_LABELS[scale] };
  const phases = new ValueLookup(mapping.values, "phase", new Set(roadmap.phases.map((p) => p.id)));
  const segments = new ValueLookup(mapping.values, "segment", new Set(roadmap.segments.map((s) => s.id)));
  const channels = new ValueLookup(mapping.values, "preferredChannels", new Set(roadmap.channels.map((c) => c.id)));
  const dateColumn = columns.date;
  const slashes: { order: SlashOrder; ambiguous: boolean } =
    dateColumn === null
      ? { order: "dayFirst", ambiguous: false }
      : slashOrderOf(table.rows.map((row) => row[dateColumn]));
  const header = (index: number) => table.headers[index] ?? "";

  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const report = (row: number, column: number | null, cell: TableCell | undefined, problem: string) => {
    problemCount++;
    if (problems.length < MAX_LISTED_PROBLEMS) {
      problems.push({
        row: fileRowNumber(row),
        column: column === null ? null : header(column),
        value: column === null ? null : String(cell ?? ""),
        problem,
      });
    }
  };

  const respondents: SurveyRespondent[] = [];
  let refused = 0;
  let excluded = 0;
  let latestDate: string | null = null;
  const itemCount = columns.items.length;

  table.rows.forEach((row, r) => {
    if (isEmptyRow(row)) {
      report(r, null, undefined, "empty row");
      refused++;
      return;
    }
    let rowOk = true;
    const read = <T>(index: number | null, reading: (cell: TableCell | undefined) => CellReading<T>): T | null => {
      if (index === null) return null;
      const result = reading(row[index]);
      if (result.ok) return result.value;
      report(r, index, row[index], result.problem);
      rowOk = false;
      return null;
    };
    const mapped = (index: number | null, lookup: ValueLookup, what: string, required: boolean): string | null => {
      if (index === null) return null;
      const text = String(row[index] ?? "").trim();
      if (text === "") {
        if (required) {
          report(r, index, row[index], `no ${what} given`);
          rowOk = false;
        }
        return null;
      }
      const id = lookup.get(text);
      if (id === null) {
        report(r, index, row[index], `unknown ${what}: "${text}" is not mapped to a ${what} of the roadmap`);
        rowOk = false;
      }
      return id;
    };

    const phaseId = mapped(columns.phase, phases, "phase", true);
    const segmentId = mapped(columns.segment, segments, "segment", false);
    const date = read(columns.date, (cell) => readRespondentDate(cell, slashes.order));
    let answered = 0;
    const answers = columns.items.map(({ index }) => {
      const answer = read(index, (cell) => readWholeNumber(cell, answerRange, locale));
      if (answer !== null) answered++;
      return answer;
    });
    const recommend = read(columns.recommend, (cell) => readWholeNumber(cell, RECOMMEND_RANGE, locale));
    const preferredChannelIds: string[] = [];
    if (columns.preferredChannels !== null) {
      const index = columns.preferredChannels;
      for (const value of splitValues(row[index], "preferredChannels")) {
        const id = channels.get(value);
        if (id === null) {
          report(r, index, row[index], `unknown channel: "${value}" is not mapped to a channel of the roadmap`);
          rowOk = false;
        } else if (!preferredChannelIds.includes(id)) preferredChannelIds.push(id);
      }
    }
    const preferredContactsPerMonth = read(columns.preferredContactsPerMonth, (cell) =>
      readContactsPerMonth(cell, locale),
    );

    if (!rowOk) {
      refused++;
      return;
    }
    if (answered * 2 < itemCount) {
      excluded++;
      return;
    }
    if (date !== null && (latestDate === null || date > latestDate)) latestDate = date;
    respondents.push({ phaseId, segmentId, date, answers, recommend, preferredChannelIds, preferredContactsPerMonth });
  });

  if (problemCount > problems.length) {
    problems.push({
      row: null,
      column: null,
      value: null,
      problem: `${formatCount(problemCount - problems.length)} more problems are not listed.`,
    });
  }
  const refusedText =
    refused > 0 ? ` ${rows(refused)} ${refused === 1 ? "is" : "are"} refused for the problems listed.` : "";
  const excludedText =
    excluded > 0
      ? ` ${respondentCount(excluded)} answered fewer than half of the items and ${excluded === 1 ? "is" : "are"} left out.`
      : "";
  if (respondents.length === 0) {
    return nothing(
      problems,
      refused,
      `Nothing to import: no row has a respondent to add.${refusedText}${excludedText}`,
    );
  }
  if (respondents.length > LIMITS.respondentsPerWave) {
    return nothing(
      [
        fileProblem(
          `The file has ${formatCount(respondents.length)} respondents; a wave holds at most ${formatCount(LIMITS.respondentsPerWave)}.`,
        ),
        ...problems,
      ],
      refused,
      "Nothing can be imported: the file has too many respondents for one wave.",
    );
  }
  const identity = waveIdentity(roadmap, options, latestDate);
  if ("problem" in identity) {
    return nothing(
      [fileProblem(identity.problem), ...problems],
      refused,
      `Nothing can be imported: ${identity.problem}`,
    );
  }

  const wave: SurveyWave = {
    id: createId(),
    name: identity.name,
    date: identity.date,
    importedAt: identity.importedAt,
    source: table.fileName.slice(0, 500),
    scale,
    itemIds: columns.items.map((item) => item.itemId),
    respondents,
    excluded,
  };
  const what = identity.replaces
    ? `Replaces the wave of ${wave.date} (${respondentCount(identity.replaces.respondents)}) with ${respondentCount(respondents.length)}.`
    : `Adds the wave "${wave.name}" of ${wave.date} with ${respondentCount(respondents.length)}.`;
  const dayFirstNote =
    slashes.order === "dayFirst" && slashes.ambiguous ? " Dates like 03/04/2026 are read day first (3 April)." : "";
  return {
    change: { wave, replaces: identity.replaces },
    problems,
    accepted: respondents.length,
    refused,
    summary: `${what}${excludedText}${refusedText}${dayFirstNote}`,
  };
}

/**
 * The roadmap with the wave added, or in place of the wave of its date, and
 * the mapping remembered; the roadmap itself when there is nothing to import.
 * Value mappings of earlier files that this one did not need are kept, so a
 * value that skips a wave is still known in the next.
 */
function apply(roadmap: Roadmap, change: SurveyImportChange, mapping: ImportMapping): Roadmap {
  const { wave } = change;
  if (!wave) return roadmap;
  const waves = roadmap.survey.waves;
  const replaced = waves.find((w) => w.date === wave.date);
  const added: SurveyWave = replaced ? { ...wave, id: replaced.id } : wave;
  const kept = waves.filter((w) => w !== replaced);
  const at = kept.findIndex((w) => w.date > wave.date);
  const nextWaves = at === -1 ? [...kept, added] : [...kept.slice(0, at), added, ...kept.slice(at)];
  // A phase, segment or channel removed since the preview leaves its respondents as a removal always does.
  return settleWorkshopReferences(roadmap, {
    ...roadmap,
    survey: { ...roadmap.survey, waves: nextWaves },
    importMappings: { ...roadmap.importMappings, survey: rememberedMapping(roadmap.importMappings.survey, mapping) },
  });
}

/** The mapping as the file format can hold it: longer headers and values are not remembered, and at most its limits. */
function rememberedMapping(before: ImportMapping, mapping: ImportMapping): ImportMapping {
  const fits = (text: string) => text.length <= 500;
  let columns = mapping.columns.filter((c) => fits(c.header) && c.target.length <= 200);
  if (columns.length > LIMITS.importColumns) columns = columns.filter((c) => c.target !== "");
  const key = (m: ValueMapping) => `${m.target}\u0000${looseKey(m.value)}`;
  const values = mapping.values.filter((v) => fits(v.value) && v.target.length <= 200);
  const given = new Set(values.map(key));
  const earlier = before.values.filter((v) => !given.has(key(v)));
  return {
    columns: columns.slice(0, LIMITS.importColumns),
    values: [...values, ...earlier].slice(0, LIMITS.importValues),
  };
}

const countFormat = new Intl.NumberFormat("en-US");

function formatCount(n: number): string {
  return countFormat.format(n);
}

function respondentCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "respondent" : "respondents"}`;
}

function rows(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "row" : "rows"}`;
}

/** Survey answers, one respondent a row, into one wave of the roadmap's survey. */
export const surveyImportKind: SurveyImportKind = {
  mappingKey: "survey",
  targets: (roadmap) => [...respondentTargets(roadmap), ...itemTargets(roadmap)],
  preview,
  apply,
};
