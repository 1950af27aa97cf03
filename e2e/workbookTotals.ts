import { recalculateWorkbook, summaryFigure } from "../shared/export/testing/recalculatedWorkbook";

/** The workbook's total cost once an independent formula engine (HyperFormula) has recalculated it. */
export async function recalculatedWorkbookTotal(bytes: Uint8Array): Promise<number> {
  return summaryFigure(await recalculateWorkbook(bytes), "Total cost");
}
