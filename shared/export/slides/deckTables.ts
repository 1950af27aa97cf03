import { textWidth } from "../svgText";
import type { DeckContext } from "./deckContext";
import { MIN_TABLE_FONT_PT, POINTS_PER_INCH, SLIDE_BODY } from "./deckTheme";
import { type DeckTableColumn, type TableSlideRows, TEXT_INSET } from "./slideFrame";

/** A column of a table: text shares the width; figures get exactly the room of their widest entry. */
export type SizedColumn =
  | { header: string; weight: number }
  | { header: string; figures: readonly string[]; fontPt: number };

/** A column of figures at the tables' 12 pt: the `index`-th cell of each row. */
export function figureColumn(header: string, rows: readonly (readonly string[])[], index: number): SizedColumn {
  return { header, figures: rows.map((row) => row[index] ?? ""), fontPt: MIN_TABLE_FONT_PT };
}

/** Slack beyond the estimate, so a figure never wraps where LibreOffice's metrics differ a little. */
const FIGURE_SLACK = 0.08;

/**
 * Columns for `addTableSlides`, in inches across the slide's body: a figure
 * column (right-aligned) as wide as its widest figure or header, so an amount
 * never wraps or loses digits, and the text columns sharing the rest in the
 * ratio of their weights.
 */
export function tableColumns(columns: readonly SizedColumn[]): DeckTableColumn[] {
  const figureWidth = (column: Extract<SizedColumn, { figures: readonly string[] }>) => {
    let widest = textWidth(column.header, column.fontPt, true);
    for (const figure of column.figures) widest = Math.max(widest, textWidth(figure, column.fontPt));
    return widest / POINTS_PER_INCH + 2 * TEXT_INSET + FIGURE_SLACK;
  };
  const widths = columns.map((column) => ("figures" in column ? figureWidth(column) : null));
  const figuresWidth = widths.reduce<number>((sum, width) => sum + (width ?? 0), 0);
  const textWeights = columns.reduce((sum, column) => sum + ("weight" in column ? column.weight : 0), 0);
  const textRoom = Math.max(SLIDE_BODY.width - figuresWidth, SLIDE_BODY.width / 3);
  return columns.map((column, index) =>
    "weight" in column
      ? { header: column.header, weight: (textRoom * column.weight) / textWeights }
      : { header: column.header, weight: widths[index] as number, align: "right" },
  );
}

/**
 * Which rows a slide of a table shows, for its speaker notes: "Phases 1–12 of
 * 40 in Develop." and, when the table goes on, with how many more.
 */
export function rowsShownNote(
  context: DeckContext,
  what: string,
  where: string,
  { first, end, total }: TableSlideRows,
): string {
  const shown = `${what} ${context.format.count(first + 1)}–${context.format.count(end)} of ${context.format.count(total)}${where ? ` ${where}` : ""}.`;
  return end < total
    ? `${shown} The table continues on the next slide with the other ${context.format.count(total - end)}.`
    : shown;
}
