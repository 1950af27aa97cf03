/** What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection"), tab and CR included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * User text as it may start a cell or field a spreadsheet could read: text
 * that would run as a formula gets a leading apostrophe, so a communication
 * named `=HYPERLINK(…)` stays text in the finance team's sheet. Every export
 * that writes user text where a cell begins (CSV cells, workbook cells,
 * calendar fields that calendar-to-sheet tools turn into cells) goes through here.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether a spreadsheet would read the text as a formula: what `neutraliseFormula` defuses. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
