// exceljs is CommonJS in Node and a UMD bundle in the browser (its "browser" field); both hand a default import the whole module.
import ExcelJS, { type Worksheet } from "exceljs";
import Papa from "papaparse";
import { phasesByStage } from "../model/queries";
import type { Roadmap, SurveyScale } from "../model/schema";
import { SCALE_RANGE } from "../model/vocabulary";
import { RESPONDENT_COLUMNS, type RespondentColumnTarget, responseHeaders } from "../survey/responseColumns";
import { workbookText } from "./budgetWorkbookLayout";
import { neutraliseFormula } from "./formulaInjection";

/** Sheet names, in workbook order. */
export const QUESTIONNAIRE_SHEETS = {
  questionnaire: "Questionnaire",
  otherQuestions: "Other questions",
  answers: "Answers",
  values: "Values",
} as const;

/** The Questionnaire sheet's header row: one row per agreement item under it. */
export const QUESTIONNAIRE_COLUMNS = [
  "Item id",
  "Statement",
  "Dimension",
  "Scale",
  "Reversed",
  "Dimension weight",
] as const;

/** The Other questions sheet's header row: one row per respondent column of the answers file. */
export const OTHER_QUESTION_COLUMNS = ["Answers column", "Question", "How it is answered"] as const;

/** The Values sheet's header row: the names the import accepts in each column (a header per column). */
export const VALUE_COLUMNS = ["Phase", "Segment", "Preferred channels"] as const;

/** Excel reads a CSV file as the system's code page unless it starts with a byte order mark. */
const BYTE_ORDER_MARK = "\uFEFF";
const LINE_END = "\r\n";

const BOLD = { name: "Calibri", family: 2, size: 11, bold: true };
const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFD9E1F2" } };

/** "1–5: 1 = strongly disagree … 5 = strongly agree": what the survey tool's answer options must be. */
export function describeScale(scale: SurveyScale): string {
  const { min, max } = SCALE_RANGE[scale];
  return `${min}–${max}: ${min} = strongly disagree … ${max} = strongly agree`;
}

/**
 * The questionnaire as a workbook the consultant hands to whoever runs the
 * survey: the agreement items with their dimension, scale and reverse flag
 * (Questionnaire), the respondent questions asked besides (Other questions),
 * the header row the answers must come back under (Answers), and the phase,
 * segment and channel names the import recognises (Values). Every text the
 * user typed is defused so that none runs as a formula.
 */
export async function questionnaireWorkbook(roadmap: Roadmap): Promise<Uint8Array> {
  const { survey } = roadmap;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Relationship Roadmap";
  workbook.title = workbookText(`${roadmap.name} — relationship questionnaire`);

  const dimensions = new Map(survey.dimensions.map((dimension) => [dimension.id, dimension]));
  const scale = describeScale(survey.scale);
  writeTable(
    workbook.addWorksheet(QUESTIONNAIRE_SHEETS.questionnaire),
    QUESTIONNAIRE_COLUMNS,
    survey.items.map((item) => {
      const dimension = dimensions.get(item.dimensionId);
      return [
        workbookText(item.id),
        workbookText(item.text),
        workbookText(dimension?.name ?? item.dimensionId),
        scale,
        item.reversed ? "Yes" : "No",
        dimension?.weight ?? null,
      ];
    }),
    [12, 70, 28, 44, 10, 18],
  );

  const channelNames = roadmap.channels.map((channel) => channel.name);
  const headers = responseHeaders(survey);
  const inFileOrder = [...RESPONDENT_COLUMNS].sort((a, b) => headers.indexOf(a.header) - headers.indexOf(b.header));
  writeTable(
    workbook.addWorksheet(QUESTIONNAIRE_SHEETS.otherQuestions),
    OTHER_QUESTION_COLUMNS,
    inFileOrder.map((column) => {
      const howToAnswer = HOW_TO_ANSWER[column.target];
      return [column.header, column.question, workbookText(howToAnswer(channelNames))];
    }),
    [32, 70, 70],
  );

  const answerHeaders = headers.map(workbookText);
  writeTable(
    workbook.addWorksheet(QUESTIONNAIRE_SHEETS.answers),
    answerHeaders,
    [],
    answerHeaders.map(() => 24),
  );

  const phases = phasesByStage(roadmap).flatMap((group) => group.phases);
  const lists = [phases, roadmap.segments, roadmap.channels].map((things) => things.map((thing) => thing.name));
  const length = Math.max(0, ...lists.map((list) => list.length));
  writeTable(
    workbook.addWorksheet(QUESTIONNAIRE_SHEETS.values),
    VALUE_COLUMNS,
    Array.from({ length }, (_, row) => lists.map((list) => workbookText(list[row] ?? ""))),
    [32, 32, 32],
  );

  // exceljs types its buffer as an ArrayBuffer; at run time it is a (Node or polyfilled) Buffer, which this copies into a plain Uint8Array.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * A blank answers file: only the header row of `responseHeaders`, as UTF-8
 * CSV with a byte order mark so Excel shows accents right. The survey import
 * maps every one of its columns without the user's help.
 */
export function blankResponsesCsv(roadmap: Roadmap): string {
  const headers = responseHeaders(roadmap.survey).map(neutraliseFormula);
  return BYTE_ORDER_MARK + Papa.unparse([headers], { newline: LINE_END }) + LINE_END;
}

/** How each respondent question's column is filled in (given the roadmap's channel names). */
const HOW_TO_ANSWER: Record<RespondentColumnTarget, (channels: string[]) => string> = {
  date: () => "A date, YYYY-MM-DD; may be left empty.",
  phase: () => "One phase name from the Values sheet (the import maps other wordings to phases).",
  segment: () => "One segment name from the Values sheet; may be left out when the survey has no segments.",
  recommend: () => "0–10: 0 = not at all likely … 10 = extremely likely.",
  preferredChannels: (channels) =>
    channels.length === 0
      ? "Channel names, separated by “;”."
      : `Any of ${channels.join(", ")}; several separated by “;”.`,
  preferredContactsPerMonth: () => "A number, e.g. 2 (0.5 for every other month).",
};

/** A header row (bold, shaded, frozen) and the rows under it. */
function writeTable(
  sheet: Worksheet,
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  widths: readonly number[],
): void {
  const header = sheet.addRow([...headers]);
  header.eachCell((cell) => {
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  for (const row of rows) sheet.addRow([...row]);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
}
