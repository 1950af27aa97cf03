import path from "node:path";
import { parseArgs } from "node:util";
import type { ImportProblem } from "../shared/import/mapping";
import { createRoadmap } from "../shared/model/createRoadmap";
import { describeIssue, fromZodIssues } from "../shared/model/issues";
import { serializeRoadmap } from "../shared/model/roadmapFile";
import { type ImportMapping, ImportMappingSchema, type Roadmap, type SurveyWave } from "../shared/model/schema";
import { computeRsi, latestWave } from "../shared/survey/rsi";
import { alignTable } from "./budgetReport";
import {
  type CliIo,
  type Command,
  clashingPath,
  count,
  EXIT_FAILURE,
  EXIT_OK,
  HELP_OPTION,
  loadRoadmap,
  parseCommandLine,
  usageError,
  writeFailureReason,
} from "./commandLine";

export const SURVEY_TEMPLATE: Command = {
  name: "survey template",
  synopsis: "survey template [--roadmap FILE] OUT.xlsx|OUT.csv",
  summary: "Write the survey questionnaire, or a blank answers file to fill in",
  help: () =>
    [
      "Writes the relationship questionnaire to OUT, replacing it if it exists:",
      "  OUT.xlsx  the workbook to run the survey from: the items with their dimension,",
      "            scale and reverse flag, the other questions, the header row the",
      "            answers must come back under, and the phase, segment and channel names",
      "  OUT.csv   a blank answers file: only that header row, for a survey tool or a",
      "            spreadsheet; `roadmap survey import` maps every one of its columns",
      "Without --roadmap it is the app's built-in questionnaire (20 items in six",
      "dimensions, 1–5 scale) for a blank roadmap.",
      "",
      "Options:",
      "  -r, --roadmap FILE  the questionnaire as edited in this roadmap, with its phases, segments and channels",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(SURVEY_TEMPLATE, io, () =>
      parseArgs({
        args,
        options: { ...HELP_OPTION, roadmap: { type: "string", short: "r" } },
        allowPositionals: true,
      }),
    );
    if (typeof parsed === "number") return parsed;
    const [out, ...extra] = parsed.positionals;
    if (out === undefined || extra.length > 0) return usageError(SURVEY_TEMPLATE, "name one output file", io);
    const workbook = /\.xlsx$/i.test(out);
    if (!workbook && !/\.csv$/i.test(out)) {
      return usageError(
        SURVEY_TEMPLATE,
        `${out} should end in .xlsx (the questionnaire) or .csv (a blank answers file)`,
        io,
      );
    }
    const file = parsed.values.roadmap;
    if (file !== undefined) {
      const clash = clashingPath(file, [out]);
      if (clash) return usageError(SURVEY_TEMPLATE, clash, io);
    }

    let roadmap: Roadmap;
    if (file === undefined) {
      roadmap = createRoadmap({ now: io.now() });
    } else {
      const loaded = await loadRoadmap(file, io);
      if (!loaded) return EXIT_FAILURE;
      roadmap = loaded.roadmap;
      if (roadmap.survey.items.length === 0) {
        io.stderr(`${file}: the roadmap's questionnaire has no items; add some in the app's Survey tab first\n`);
        return EXIT_FAILURE;
      }
    }
    // Loaded only when asked for: exceljs takes longer to load than the other commands take to run.
    const { blankResponsesCsv, questionnaireWorkbook } = await import("../shared/export/surveyQuestionnaire");
    const contents = workbook ? await questionnaireWorkbook(roadmap) : blankResponsesCsv(roadmap);
    const written = await io.files.writeAtomic(out, contents, { overwrite: true });
    if (!written.ok) {
      io.stderr(`${out}: could not be written: ${writeFailureReason(written.error)}\n`);
      return EXIT_FAILURE;
    }
    const items = count(roadmap.survey.items.length, "item");
    io.stdout(`wrote ${workbook ? `questionnaire (${items})` : `blank answers file (${items})`}: ${out}\n`);
    return EXIT_OK;
  },
};

export const SURVEY_IMPORT: Command = {
  name: "survey import",
  synopsis:
    "survey import FILE ANSWERS.csv|ANSWERS.xlsx [--mapping MAPPING.json] [--wave DATE] [--sheet NAME] [--print-mapping]",
  summary: "Import survey answers into a roadmap as a wave",
  help: () =>
    [
      "Reads the answers in ANSWERS (CSV in any common separator and encoding, or a",
      "workbook's first sheet) as the app's import does: each column is mapped to a",
      "questionnaire item or a respondent field by its header (and as the roadmap's",
      "last survey import mapped it), and each phase, segment and channel value to",
      "one of the roadmap's (“Lapsed 6m+” is Lapsed). Columns mapped to nothing",
      "(names, e-mails) are never stored.",
      "",
      "When any row has a problem (an answer off the scale, an unknown phase, an",
      "empty row…), every problem is listed by row and column, nothing is imported",
      "and FILE is left as it was (exit status 1). Otherwise the answers become the",
      "wave of DATE — replacing the roadmap's wave of that date, if any — and FILE",
      "is written back whole or not at all. Respondents who answered fewer than",
      "half of the items are left out and counted.",
      "",
      "Options:",
      "  -m, --mapping MAPPING.json  map the columns and values as this file says instead of guessing:",
      '                              {"columns": [{"header": "Q1", "target": "item:trust-1"}, …],',
      '                               "values": [{"target": "phase", "value": "Lapsed 6m+", "id": "phase-lapsed"}, …]}',
      '                              (target "" stores nothing; id null refuses the rows with that value)',
      "  --print-mapping             print the mapping that would be used, as JSON to edit for --mapping, and import nothing",
      "  -w, --wave DATE             the wave's date, YYYY-MM-DD (by default the latest answer date in the file)",
      "  -s, --sheet NAME            the workbook's sheet to read (by default the first)",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(SURVEY_IMPORT, io, () =>
      parseArgs({
        args,
        options: {
          ...HELP_OPTION,
          mapping: { type: "string", short: "m" },
          wave: { type: "string", short: "w" },
          sheet: { type: "string", short: "s" },
          "print-mapping": { type: "boolean" },
        },
        allowPositionals: true,
      }),
    );
    if (typeof parsed === "number") return parsed;
    const [file, answers, ...extra] = parsed.positionals;
    if (file === undefined || answers === undefined || extra.length > 0) {
      return usageError(SURVEY_IMPORT, "name the roadmap file and the answers file", io);
    }
    const { mapping: mappingFile, wave: waveDate, sheet } = parsed.values;
    if (waveDate !== undefined && !isIsoDate(waveDate)) {
      return usageError(SURVEY_IMPORT, `--wave takes a date written YYYY-MM-DD, not “${waveDate}”`, io);
    }
    const clash = clashingPath(file, [answers]);
    if (clash) return usageError(SURVEY_IMPORT, clash, io);

    const loaded = await loadRoadmap(file, io);
    if (!loaded) return EXIT_FAILURE;
    const { roadmap } = loaded;
    // Loaded only when asked for: reading a table brings exceljs, which takes longer to load than other commands run.
    const [{ MAX_TABLE_FILE_BYTES, readTable }, { guessMapping }, { surveyImportKind }] = await Promise.all([
      import("../shared/import/table"),
      import("../shared/import/mapping"),
      import("../shared/survey/surveyImport"),
    ]);
    const bytes = await io.files.readBytes(answers, MAX_TABLE_FILE_BYTES);
    if (!bytes.ok) {
      io.stderr(`${answers}: ${bytes.error}\n`);
      return EXIT_FAILURE;
    }
    const table = await readTable(path.basename(answers), bytes.value, sheet === undefined ? {} : { sheet });
    if (!table.ok) {
      io.stderr(`${table.error}\n`);
      return EXIT_FAILURE;
    }

    let mapping: ImportMapping;
    if (mappingFile === undefined) {
      mapping = guessMapping(table.value, surveyImportKind.targets(roadmap), roadmap.importMappings.survey);
    } else {
      const read = await readMappingFile(mappingFile, io);
      if (!read) return EXIT_FAILURE;
      mapping = read;
    }
    if (parsed.values["print-mapping"]) {
      io.stdout(`${JSON.stringify(mapping, null, 2)}\n`);
      return EXIT_OK;
    }

    const preview = surveyImportKind.preview(roadmap, table.value, mapping, io.locale, { now: io.now(), waveDate });
    const { wave } = preview.change;
    if (preview.problems.length > 0 || wave === null) {
      io.stderr(preview.problems.map((problem) => `${answers}: ${describeProblem(problem)}\n`).join(""));
      const why =
        preview.refused > 0
          ? `${count(preview.refused, "row")} of ${answers} ${preview.refused === 1 ? "has" : "have"} problems`
          : `${answers} cannot be imported`;
      io.stderr(`${why}: nothing imported; ${file} is unchanged\n`);
      return EXIT_FAILURE;
    }
    const imported = surveyImportKind.apply(roadmap, preview.change, mapping);
    const written = await io.files.writeAtomic(file, serializeRoadmap(imported, loaded.versions), {
      overwrite: true,
    });
    if (!written.ok) {
      io.stderr(`${file}: could not be written: ${writeFailureReason(written.error)}\n`);
      return EXIT_FAILURE;
    }
    io.stdout(`${preview.summary}\nimported into ${file}\n`);
    return EXIT_OK;
  },
};

export const RSI: Command = {
  name: "rsi",
  synopsis: "rsi FILE [--wave DATE] [--json]",
  summary: "Print the Relationship Strength Index of each phase and segment from the survey answers",
  help: () =>
    [
      "Prints the Relationship Strength Index (0–100) of the survey answers in FILE:",
      "for each phase and segment, the number of respondents, the RSI and its 95 %",
      "confidence interval (“too few answers” below the survey's minimum number of",
      "respondents), then each dimension's score. Segments are “all” when the",
      "answers had no segment column.",
      "",
      "Options:",
      "  -w, --wave DATE  the wave of this date (or name); by default the latest",
      "  --json           print {cells: [{phase, segment, n, rsi, low, high}],",
      "                   dimensions: [{phase, segment, dimension, score, n}], excluded}",
      "                   with ids, unrounded; rsi and score are null below the minimum",
    ].join("\n"),
  async run(args, io) {
    const parsed = parseCommandLine(RSI, io, () =>
      parseArgs({
        args,
        options: { ...HELP_OPTION, json: { type: "boolean" }, wave: { type: "string", short: "w" } },
        allowPositionals: true,
      }),
    );
    if (typeof parsed === "number") return parsed;
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(RSI, "name one roadmap file", io);

    const loaded = await loadRoadmap(file, io);
    if (!loaded) return EXIT_FAILURE;
    const { roadmap } = loaded;
    const wave = parsed.values.wave === undefined ? latestWave(roadmap) : findWave(roadmap, parsed.values.wave);
    if (!wave) {
      io.stderr(`${file}: ${noSuchWave(roadmap, parsed.values.wave)}\n`);
      return EXIT_FAILURE;
    }
    const rsi = computeRsi(roadmap, wave.id);
    if (parsed.values.json) {
      const json = {
        cells: rsi.cells.map((c) => ({
          phase: c.phaseId,
          segment: c.segmentId,
          n: c.n,
          rsi: c.rsi,
          low: c.low,
          high: c.high,
        })),
        dimensions: rsi.dimensions.map((d) => ({
          phase: d.phaseId,
          segment: d.segmentId,
          dimension: d.dimensionId,
          score: d.score,
          n: d.n,
        })),
        excluded: rsi.excluded,
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return EXIT_OK;
    }
    io.stdout(formatRsi(roadmap, wave, rsi, io.locale));
    return EXIT_OK;
  },
};

/** "row 7, column “trust-1: …”: must be a whole number from 1 to 5, got “9”" */
function describeProblem(problem: ImportProblem): string {
  const where = [
    problem.row === null ? null : `row ${problem.row}`,
    problem.column === null ? null : `column “${problem.column}”`,
  ].filter((part) => part !== null);
  const value = problem.value === null ? "" : ` (“${problem.value}”)`;
  return `${where.length > 0 ? `${where.join(", ")}: ` : ""}${problem.problem}${value}`;
}

/** The mapping in a --mapping file, or undefined after saying what is wrong with it. */
async function readMappingFile(file: string, io: CliIo): Promise<ImportMapping | undefined> {
  const read = await io.files.readText(file);
  if (!read.ok) {
    io.stderr(`${file}: ${read.error}\n`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(read.value.text);
  } catch (error) {
    io.stderr(`${file}: is not a JSON mapping: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  const mapping = ImportMappingSchema.safeParse(json);
  if (!mapping.success) {
    io.stderr(
      fromZodIssues(mapping.error.issues, json)
        .map((issue) => `${file}: ${describeIssue(issue)}\n`)
        .join(""),
    );
    return undefined;
  }
  return mapping.data;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function findWave(roadmap: Roadmap, wanted: string): SurveyWave | undefined {
  const key = wanted.trim().toLowerCase();
  return roadmap.survey.waves.find(
    (wave) => wave.date === key || wave.id.toLowerCase() === key || wave.name.toLowerCase() === key,
  );
}

function noSuchWave(roadmap: Roadmap, wanted: string | undefined): string {
  const { waves } = roadmap.survey;
  if (waves.length === 0) return "has no survey answers yet; import some with roadmap survey import";
  const list = waves.map((wave) => `${wave.date} (“${wave.name}”)`).join(", ");
  return `has no survey wave “${wanted}”. The waves are: ${list}`;
}

function waveLine(wave: SurveyWave): string {
  const excluded =
    wave.excluded > 0 ? `, ${count(wave.excluded, "respondent")} left out for answering fewer than half the items` : "";
  return `wave “${wave.name}” of ${wave.date}: ${count(wave.respondents.length, "respondent")}${excluded}`;
}

/** The cells, then the dimension scores, as aligned tables in the roadmap's phase and segment order. */
function formatRsi(roadmap: Roadmap, wave: SurveyWave, rsi: ReturnType<typeof computeRsi>, locale?: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const phaseName = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  const segmentName = new Map(roadmap.segments.map((segment) => [segment.id, segment.name]));
  const dimensions = roadmap.survey.dimensions;
  const name = (phaseId: string, segmentId: string | null) => [
    phaseName.get(phaseId) ?? phaseId,
    segmentId === null ? "all" : (segmentName.get(segmentId) ?? segmentId),
  ];
  const score = (value: number | null) => (value === null ? "–" : number.format(value));

  const cells = rsi.cells.map((cell) => [
    ...name(cell.phaseId, cell.segmentId),
    String(cell.n),
    cell.rsi === null ? "too few answers" : number.format(cell.rsi),
    cell.low === null || cell.high === null ? "–" : `${number.format(cell.low)}–${number.format(cell.high)}`,
  ]);
  const byCell = new Map<string, (number | null)[]>();
  for (const d of rsi.dimensions) {
    const key = `${d.phaseId}\u0000${d.segmentId}`;
    const scores = byCell.get(key) ?? [];
    scores[dimensions.findIndex((dimension) => dimension.id === d.dimensionId)] = d.score;
    byCell.set(key, scores);
  }
  const dimensionRows = rsi.cells.map((cell) => [
    ...name(cell.phaseId, cell.segmentId),
    ...dimensions.map((_, i) => score(byCell.get(`${cell.phaseId}\u0000${cell.segmentId}`)?.[i] ?? null)),
  ]);
  const overall = rsi.overall.rsi === null ? "too few answers" : number.format(rsi.overall.rsi);
  return [
    `${waveLine(wave)}; overall RSI ${overall} (n ${rsi.overall.n})`,
    "",
    alignTable(
      [["Phase", "Segment", "n", "RSI", "95 % interval"], ...cells],
      ["left", "left", "right", "right", "right"],
    ),
    "",
    alignTable(
      [["Phase", "Segment", ...dimensions.map((d) => d.name)], ...dimensionRows],
      ["left", "left", ...dimensions.map(() => "right" as const)],
    ),
    "",
  ].join("\n");
}
