import ExcelJS, { type Cell, type Workbook, type Worksheet } from "exceljs";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { columnName, BUDGET_WORKBOOK_SHEETS as SHEETS } from "../budgetWorkbookLayout";

/**
 * A workbook as exceljs reads it back, and the same workbook recalculated by
 * HyperFormula, a formula engine independent of the one that wrote it: the
 * unit tests and the end-to-end test check the workbook's totals this way.
 */
export interface RecalculatedWorkbook {
  readonly workbook: Workbook;
  readonly engine: HyperFormula;
}

export async function recalculateWorkbook(bytes: Uint8Array): Promise<RecalculatedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const engine = HyperFormula.buildFromSheets(hyperFormulaSheets(workbook), {
    licenseKey: "gpl-v3",
    // Excel evaluates the arguments of SUMPRODUCT((owners=A2)*costs) as arrays; HyperFormula only with array arithmetic on.
    useArrayArithmetic: true,
  });
  return { workbook, engine };
}

function hyperFormulaSheets(workbook: Workbook): Record<string, RawCellContent[][]> {
  const sheets: Record<string, RawCellContent[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: RawCellContent[][] = [];
    sheet.eachRow((row, r) => {
      const cells: RawCellContent[] = [];
      row.eachCell((cell, c) => {
        cells[c - 1] = hyperFormulaContent(cell);
      });
      rows[r - 1] = cells;
    });
    sheets[sheet.name] = Array.from(rows, (cells) => Array.from(cells ?? [], (cell) => cell ?? null));
  });
  return sheets;
}

function hyperFormulaContent(cell: Cell): RawCellContent {
  // A shared formula's cell holds only a reference to its column's first; exceljs's `formula` shifts that one to the cell.
  if (cell.type === ExcelJS.ValueType.Formula) return `=${cell.formula}`;
  const value = cell.value;
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") {
    return value ?? null;
  }
  // HyperFormula would run "=…" as a formula and read "12" as a number; the apostrophe keeps text text, as in Excel.
  if (typeof value === "string") return `'${value}`;
  if (value instanceof Date) return `'${value.toISOString()}`;
  throw new Error(`a cell the workbook should not contain: ${JSON.stringify(value)}`);
}

export function sheet(opened: RecalculatedWorkbook, name: string): Worksheet {
  const found = opened.workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet "${name}"`);
  return found;
}

/** What HyperFormula computes for a cell, by 1-based row and column as Excel counts them. */
export function computed(opened: RecalculatedWorkbook, sheetName: string, row: number, column: number): number {
  const sheetId = opened.engine.getSheetId(sheetName);
  if (sheetId === undefined) throw new Error(`no sheet "${sheetName}"`);
  const value = opened.engine.getCellValue({ sheet: sheetId, row: row - 1, col: column - 1 });
  if (typeof value !== "number")
    throw new Error(`${sheetName}!${columnName(column)}${row} is ${JSON.stringify(value)}`);
  return value;
}

/** The column whose header (row 1) starts with `header`. */
export function columnOf(worksheet: Worksheet, header: string): number {
  let found = 0;
  worksheet.getRow(1).eachCell((cell, c) => {
    if (!found && String(cell.value).startsWith(header)) found = c;
  });
  if (!found) throw new Error(`no column "${header}" on ${worksheet.name}`);
  return found;
}

/** The row whose first cell is `label`. */
export function rowOf(worksheet: Worksheet, label: string): number {
  let found = 0;
  worksheet.eachRow((row, r) => {
    if (!found && row.getCell(1).value === label) found = r;
  });
  if (!found) throw new Error(`no row "${label}" on ${worksheet.name}`);
  return found;
}

export function summaryFigure(opened: RecalculatedWorkbook, label: string): number {
  return computed(opened, SHEETS.summary, rowOf(sheet(opened, SHEETS.summary), label), 2);
}
