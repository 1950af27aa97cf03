import ExcelJS, { type CellValue } from "exceljs";
import Papa from "papaparse";
import { err, ok, type Result } from "../result";

/** A cell of an imported file: text, or a number or date as a workbook stored it (dates as "2026-05-14"). */
export type TableCell = string | number;

/** A CSV file or one sheet of a workbook, as rows of cells under a header row. */
export interface Table {
  fileName: string;
  /** The sheet read, for a workbook; null for CSV. */
  sheetName: string | null;
  /** Every sheet of a workbook, so the user can pick another; empty for CSV. */
  sheetNames: string[];
  /** The header row's names, trimmed; a column without one is called "Column 3". */
  headers: string[];
  /**
   * The rows under the header, each as long as `headers` (missing cells are
   * ""). `rows[i]` is row `i + 2` of the file as a spreadsheet numbers it.
   */
  rows: TableCell[][];
  /** How a CSV file's text was encoded ("UTF-8", "Windows-1252", "UTF-16"); null for a workbook. */
  encoding: string | null;
}

/** The row number a user sees in a spreadsheet for `rows[index]`. */
export function fileRowNumber(index: number): number {
  return index + 2;
}

/** Larger files are refused before reading: a survey of 100,000 respondents is a few MB. */
export const MAX_TABLE_FILE_BYTES = 50 * 1024 * 1024;

export interface ReadTableOptions {
  /** For a workbook: the sheet to read; the first when not given. */
  sheet?: string;
}

/**
 * Reads a CSV (any of `,` `;` tab `|` as separator, quoted fields, UTF-8 with
 * or without BOM, UTF-16 with BOM, else Windows-1252) or an XLSX workbook
 * (first or chosen sheet) into a table. A file that cannot be read is an
 * error naming the file and the reason.
 */
export async function readTable(
  fileName: string,
  bytes: Uint8Array,
  options: ReadTableOptions = {},
): Promise<Result<Table, string>> {
  if (bytes.byteLength > MAX_TABLE_FILE_BYTES) {
    return err(
      `${fileName} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_TABLE_FILE_BYTES / 1024 / 1024} MB an import may be.`,
    );
  }
  if (isZip(bytes)) return readWorkbook(fileName, bytes, options);
  if (/\.xlsx$/i.test(fileName)) return err(`${fileName} is not an Excel workbook (.xlsx) that can be opened.`);
  if (/\.xls$/i.test(fileName)) {
    return err(`${fileName} is an old Excel file (.xls); save it as .xlsx or CSV and import that.`);
  }
  return readCsv(fileName, bytes);
}

function readCsv(fileName: string, bytes: Uint8Array): Result<Table, string> {
  const { text, encoding } = decodeText(bytes);
  if (text.includes("\u0000")) return err(`${fileName} is not a text file (CSV) or an Excel workbook (.xlsx).`);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: guessSeparator(text) });
  const unclosed = parsed.errors.find((e) => e.type === "Quotes");
  if (unclosed) {
    return err(`${fileName}: a quoted field in row ${(unclosed.row ?? 0) + 1} is never closed (${unclosed.message}).`);
  }
  return toTable(fileName, parsed.data, { sheetName: null, sheetNames: [], encoding });
}

const SEPARATORS = [",", ";", "\t", "|"];

/**
 * The separator of a CSV text, by papaparse's guess (the one that splits the
 * first rows most consistently) with two corrections. Papa counts an empty
 * line as a row of one field, so in a short file ending in a line break (a
 * blank answers file is just its header) a separator inside the header names
 * could win: empty lines are skipped. And a separator that leaves a quote
 * open in those rows cannot be the file's when another does not: the next
 * guess is taken. When every separator leaves one open, the first guess
 * stands, so the quote is reported.
 */
function guessSeparator(text: string): string {
  const guess = (candidates: string[]) => {
    const { meta, errors } = Papa.parse<string[]>(text, {
      preview: 10,
      skipEmptyLines: "greedy",
      delimitersToGuess: candidates,
    });
    return { separator: meta.delimiter, clean: !errors.some((e) => e.type === "Quotes") };
  };
  const first = guess(SEPARATORS);
  let candidates = SEPARATORS;
  let guessed = first;
  while (!guessed.clean && candidates.includes(guessed.separator) && candidates.length > 1) {
    const tried = guessed.separator;
    candidates = candidates.filter((separator) => separator !== tried);
    guessed = guess(candidates);
  }
  return guessed.clean ? guessed.separator : first.separator;
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), UTF-16 by its BOM, otherwise Windows-1252 (Excel's "CSV" on Windows). */
function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

async function readWorkbook(
  fileName: string,
  bytes: Uint8Array,
  options: ReadTableOptions,
): Promise<Result<Table, string>> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as a Node Buffer; it reads any ArrayBuffer view.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return err(`${fileName} is not an Excel workbook (.xlsx) that can be opened (${(error as Error).message}).`);
  }
  const sheetNames = workbook.worksheets.map((sheet) => sheet.name);
  const sheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (!sheet) {
    return err(
      options.sheet === undefined
        ? `${fileName} has no sheets.`
        : `${fileName} has no sheet called "${options.sheet}" (it has ${sheetNames.map((n) => `"${n}"`).join(", ")}).`,
    );
  }
  const rows: TableCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: TableCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(values, (value) => value ?? "");
  });
  return toTable(
    fileName,
    Array.from(rows, (row) => row ?? []),
    {
      sheetName: sheet.name,
      sheetNames,
      encoding: null,
    },
  );
}

function cellText(value: CellValue): TableCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  // The result Excel cached when it last calculated; none when the file was written by a tool that does not calculate.
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: CellValue }).result);
  // A link's text is rich text when part of it is formatted, though exceljs types it as a string.
  if ("hyperlink" in value) return cellText(value.text as CellValue);
  // An error (#N/A, #DIV/0!) is no answer.
  return "";
}

function toTable(
  fileName: string,
  grid: readonly (readonly TableCell[])[],
  source: Pick<Table, "sheetName" | "sheetNames" | "encoding">,
): Result<Table, string> {
  const [headerRow, ...body] = grid;
  if (!headerRow || headerRow.every((cell) => String(cell).trim() === "")) {
    return err(`${fileName} is empty: the first row should name the columns.`);
  }
  let end = body.length;
  while (end > 0 && isEmptyRow(body[end - 1] ?? [])) end--;
  const width = Math.max(headerRow.length, ...body.slice(0, end).map((row) => row.length));
  const headers = Array.from({ length: width }, (_, i) => {
    const name = String(headerRow[i] ?? "").trim();
    return name === "" ? `Column ${i + 1}` : name;
  });
  const rows = body.slice(0, end).map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
  return ok({ fileName, headers, rows, ...source });
}

/** A row with nothing in any cell: reported by the import, except at the end of the file. */
export function isEmptyRow(row: readonly TableCell[]): boolean {
  return row.every((cell) => typeof cell === "string" && cell.trim() === "");
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
