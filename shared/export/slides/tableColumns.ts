import { textWidth } from "../svgText";
import { POINTS_PER_INCH, SLIDE_BODY } from "./deckTheme";
import { type DeckTableColumn, TEXT_INSET } from "./slideFrame";

/** A column of a table: text shares the width; figures get exactly the room of their widest entry. */
export type SizedColumn =
  | { header: string; weight: number }
  | { header: string; figures: readonly string[]; fontPt: number };

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
