import { type NumberStyle, parseLocaleNumber } from "../format/localeNumber";
import type { Result } from "../result";
import { cellText, readCellNumber } from "./mapping";
import type { Table, TableCell } from "./table";

/** How one number column of an inventory reads its cells: null for an empty cell. */
export interface NumberColumn {
  read(cell: TableCell | undefined): Result<number | null, string>;
}

/** The locale whose numbers have a dot for decimals, as exports and survey tools write them. */
const DOT_DECIMALS = "en";

/**
 * The inventory's money and response-rate columns, each read one way
 * throughout. A column is read in the user's locale unless some of its cells
 * only make sense with a dot for decimals ("1.5" is no German number): then
 * the whole column is, so the app's own Plan CSV ("0.025") reads back the
 * same in Germany as in the US. A response-rate column holds percentages
 * when its header says so ("Response rate (%)") or a number in it is above
 * 1 ("12"); otherwise shares ("0.12"); "12 %" is a percentage anywhere.
 */
export function numberColumns(
  table: Table,
  columns: ReadonlyMap<string, number>,
  options: { currency: string; locale: string | undefined },
): Map<string, NumberColumn> {
  const found = new Map<string, NumberColumn>();
  for (const target of ["fixedCost", "costPerContact"]) {
    const index = columns.get(target);
    if (index === undefined) continue;
    const style: NumberStyle = { currency: options.currency };
    const locale = columnLocale(table, index, options.locale, () => style);
    found.set(target, { read: (cell) => readCellNumber(cell, locale, style) });
  }
  const rateIndex = columns.get("responseRate");
  if (rateIndex !== undefined) found.set("responseRate", rateColumn(table, rateIndex, options.locale));
  return found;
}

const hasPercentSign = (text: string) => /[%٪]/.test(text);

function rateColumn(table: Table, index: number, userLocale: string | undefined): NumberColumn {
  const styleOf = (text: string): NumberStyle => (hasPercentSign(text) ? { percent: true } : {});
  const locale = columnLocale(table, index, userLocale, styleOf);
  const header = table.headers[index] ?? "";
  const percentages =
    /%|percent|pct/i.test(header) ||
    table.rows.some((row) => {
      const cell = row[index];
      if (typeof cell === "number") return cell > 1;
      const text = cellText(cell);
      if (hasPercentSign(text)) return false;
      const read = readCellNumber(text, locale);
      return read.ok && read.value !== null && read.value > 1;
    });
  return {
    read(cell) {
      if (typeof cell === "number") return readCellNumber(percentages ? cell / 100 : cell);
      const text = cellText(cell);
      return readCellNumber(text, locale, percentages || hasPercentSign(text) ? { percent: true } : {});
    },
  };
}

/** The user's locale, or dot-for-decimals when a cell of the column only reads that way. */
function columnLocale(
  table: Table,
  index: number,
  userLocale: string | undefined,
  styleOf: (text: string) => NumberStyle,
): string | undefined {
  const dotted = table.rows.some((row) => {
    const cell = row[index];
    // Only a dot without a comma can be a dot for decimals where the locale reads it otherwise.
    if (typeof cell !== "string" || !cell.includes(".") || cell.includes(",")) return false;
    const style = styleOf(cell);
    return (
      !parseLocaleNumber(cell.trim(), userLocale, style).ok && parseLocaleNumber(cell.trim(), DOT_DECIMALS, style).ok
    );
  });
  return dotted ? DOT_DECIMALS : userLocale;
}
