import { neutraliseFormula } from "./formulaInjection";

/**
 * The rules a workbook must follow for Excel to open it without a repair
 * prompt, and the conventions the budget workbook is laid out by. Free of
 * any spreadsheet library, so they can be tested on their own.
 */

/** Sheet names, in workbook order. Names with spaces must be quoted in formulas ('by Owner'!A1). */
export const BUDGET_WORKBOOK_SHEETS = {
  summary: "Summary",
  assumptions: "Assumptions",
  communications: "Communications",
  reach: "Reach",
  responses: "Responses",
  budget: "Budget",
  byOwner: "by Owner",
  byChannel: "by Channel",
  /** Only for a roadmap with scenarios besides its base plan. */
  scenarios: "Scenarios",
} as const;

/** Excel's name of a 1-based column number: 1 → "A", 27 → "AA". */
export function columnName(column: number): string {
  let name = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

/**
 * Characters XML 1.0 does not allow (controls other than tab and newline,
 * lone surrogates, U+FFFE and U+FFFF) make Excel refuse or repair a file.
 */
const INVALID_XML_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Excel reads "_x0041_" in a cell as an escaped "A"; "_x005F_" escapes the underscore so the text reads as typed. */
const EXCEL_ESCAPE_LOOKALIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/**
 * A user's text as a workbook cell can hold it: line breaks become "\n",
 * characters a workbook cannot contain are dropped, text that looks like
 * Excel's own escapes is escaped so it reads back as typed, and text that
 * would become a formula once someone edits the cell or saves the sheet as
 * CSV is defused.
 */
export function workbookText(text: string): string {
  return neutraliseFormula(cellText(text));
}

function cellText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(INVALID_XML_CHARACTERS, "").replace(EXCEL_ESCAPE_LOOKALIKE, "_x005F_$1");
}

/**
 * Labels for the rows of a breakdown, one per name and told apart: formulas
 * match a communication to its owner or channel by label, and Excel compares
 * text ignoring case, so two owners both called "Sales" (or "Sales" and
 * "sales") become "Sales" and "sales (2)". A name with nothing printable
 * left is called `unnamed`.
 */
export function distinctLabels(names: readonly string[], unnamed: string): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    // Defused after trimming: " =1+1" or "\r=1+1" would start like a formula once trimmed.
    const base = neutraliseFormula(cellText(name).trim()) || unnamed;
    let label = base;
    for (let n = 2; taken.has(label.toLowerCase()); n++) label = `${base} (${n})`;
    taken.add(label.toLowerCase());
    return label;
  });
}

/**
 * An Excel number format for amounts of an ISO 4217 currency, with the
 * currency's usual decimals: "€"#,##0.00 for EUR, "¥"#,##0 for JPY, and the
 * code after the amount when the currency has no symbol of its own
 * (#,##0.00 "CHF").
 */
export function currencyNumberFormat(currency: string): string {
  const format = new Intl.NumberFormat("en", { style: "currency", currency });
  const symbol = format.formatToParts(0).find((part) => part.type === "currency")?.value ?? currency;
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  const amount = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  const quoted = `"${symbol}"`;
  return symbol === currency ? `${amount} ${quoted}` : `${quoted}${amount}`;
}
