import type PptxGenJS from "pptxgenjs";
import { textWidth, truncateText, wrapText } from "../svgText";
import type { DeckContext } from "./deckContext";
import {
  BODY_FONT_PT,
  DECK_COLOURS,
  DECK_FONT,
  MIN_TABLE_FONT_PT,
  POINTS_PER_INCH,
  SLIDE_BODY,
  SLIDE_FOOTER,
  SLIDE_TITLE,
} from "./deckTheme";

/** A rectangle on a slide, in inches from its top-left corner. */
export interface SlideBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ContentSlide {
  slide: PptxGenJS.Slide;
  /** Where the slide's content goes, below its title. */
  body: SlideBox;
}

/** Inner margin pptxgenjs leaves inside a text box on each side, in inches (PowerPoint's 0.1" default). */
export const TEXT_INSET = 0.1;

const MIN_TITLE_FONT_PT = 20;
const LINE_SPACING = 1.2;

/** The height in inches of `lines` lines of text at `fontPt`, with the text box's insets. */
export function textHeight(lines: number, fontPt: number): number {
  return (lines * fontPt * LINE_SPACING) / POINTS_PER_INCH + 2 * TEXT_INSET;
}

/**
 * Text wrapped to fit a box at a size: the lines it takes, at most as many as
 * the box holds, the last ending in an ellipsis when something had to go.
 * Every text a section writes goes through here (or `fitLine`), so nothing
 * overflows its box in PowerPoint or LibreOffice.
 */
export function fitText(text: string, box: Pick<SlideBox, "width" | "height">, fontPt: number, bold = false): string[] {
  const widthPt = (box.width - 2 * TEXT_INSET) * POINTS_PER_INCH;
  const maxLines = Math.max(1, Math.floor(((box.height - 2 * TEXT_INSET) * POINTS_PER_INCH) / (fontPt * LINE_SPACING)));
  return text
    .split("\n")
    .flatMap((paragraph) =>
      paragraph === "" ? [""] : wrapText(paragraph, widthPt, maxLines, { fontSize: fontPt, bold }),
    )
    .slice(0, maxLines);
}

/** One line of text as it fits `width` inches at `fontPt`, shortened with an ellipsis when it does not. */
export function fitLine(text: string, width: number, fontPt: number, bold = false): string {
  return truncateText(text, (width - 2 * TEXT_INSET) * POINTS_PER_INCH, { fontSize: fontPt, bold });
}

/** Whether `text` fits one line of `width` inches at `fontPt`. */
export function fitsLine(text: string, width: number, fontPt: number, bold = false): boolean {
  return textWidth(text, fontPt, bold) <= (width - 2 * TEXT_INSET) * POINTS_PER_INCH;
}

/** The common look of every text the deck writes. */
export function textStyle(fontPt: number, extra: PptxGenJS.TextPropsOptions = {}): PptxGenJS.TextPropsOptions {
  return {
    fontFace: DECK_FONT,
    fontSize: fontPt,
    color: DECK_COLOURS.ink,
    margin: TEXT_INSET * POINTS_PER_INCH,
    ...extra,
  };
}

/**
 * A slide with its title (shrunk to 20 pt, then shortened, when long), the
 * roadmap and client in the footer, its number, and speaker notes: the
 * section's own, then the assumptions behind the deck's numbers.
 */
export function addContentSlide(context: DeckContext, title: string, notes: string): ContentSlide {
  const slide = context.pptx.addSlide();
  let titlePt: number = SLIDE_TITLE.fontPt;
  while (titlePt > MIN_TITLE_FONT_PT && !fitsLine(title, SLIDE_TITLE.width, titlePt, true)) titlePt -= 1;
  slide.addText(fitLine(title, SLIDE_TITLE.width, titlePt, true), {
    ...textStyle(titlePt, { bold: true, color: DECK_COLOURS.accent }),
    x: SLIDE_TITLE.x,
    y: SLIDE_TITLE.y,
    w: SLIDE_TITLE.width,
    h: SLIDE_TITLE.height,
    valign: "middle",
    objectName: "Title",
  });
  const footer = [context.roadmap.name, context.roadmap.client].filter((part) => part.trim() !== "").join(" · ");
  slide.addText(fitLine(footer, SLIDE_FOOTER.width - 1, SLIDE_FOOTER.fontPt), {
    ...textStyle(SLIDE_FOOTER.fontPt, { color: DECK_COLOURS.muted }),
    x: SLIDE_FOOTER.x,
    y: SLIDE_FOOTER.y,
    w: SLIDE_FOOTER.width - 1,
    h: SLIDE_FOOTER.height,
    valign: "middle",
    objectName: "Footer",
  });
  slide.slideNumber = {
    x: SLIDE_FOOTER.x + SLIDE_FOOTER.width - 0.8,
    y: SLIDE_FOOTER.y,
    w: 0.8,
    h: SLIDE_FOOTER.height,
    fontFace: DECK_FONT,
    fontSize: SLIDE_FOOTER.fontPt,
    color: DECK_COLOURS.muted,
    align: "right",
  };
  slide.addNotes([notes, deckAssumptions(context)].filter((part) => part !== "").join("\n\n"));
  return { slide, body: { ...SLIDE_BODY } };
}

/**
 * What every figure in the deck rests on, for the speaker: the horizon, the
 * currency and discounting (with costs shown), and that customers are expected
 * numbers from the transition rates, not a forecast of individuals.
 */
export function deckAssumptions(context: DeckContext): string {
  const { roadmap, plan } = context;
  const months = plan.calendar.months;
  const first = months[0]?.label ?? roadmap.startMonth;
  const last = months[months.length - 1]?.label ?? roadmap.startMonth;
  const lines = [
    `Assumptions: the plan runs ${roadmap.horizonMonths} months, ${first} to ${last}, over ${roadmap.segments.length} segment${roadmap.segments.length === 1 ? "" : "s"}.`,
    "Customers are expected numbers from the transition rates and churn of each phase, month by month.",
  ];
  if (context.includeCosts) {
    lines.push(
      `Money is in ${roadmap.currency}, to the cent: each send costs its channel's (or its own) fixed cost plus its cost per contact; value is responses × value per response.`,
      `Lifetime value discounts future margin at ${context.format.percent(roadmap.annualDiscountRate)} a year.`,
    );
  }
  lines.push(`A customer counts as over-contacted past ${roadmap.contactCap} communications in a month.`);
  return lines.join("\n");
}

export type CellAlign = "left" | "right" | "center";

export interface DeckTableColumn {
  header: string;
  /** Share of the table's width, relative to the other columns'. */
  weight: number;
  align?: CellAlign;
}

export interface DeckTableCell {
  text: string;
  /** Cell background, six hex digits (a heatmap's colour). */
  fill?: string;
  /** Text colour, six hex digits. */
  colour?: string;
  bold?: boolean;
}

/** The rows one slide of a table shows: `first` to `end` (exclusive) of `total`, counted from 0. */
export interface TableSlideRows {
  first: number;
  end: number;
  total: number;
}

export interface DeckTable {
  /** The slide title; continuation slides add "(continued)". */
  title: string;
  /** The same notes on every slide of the table, or each slide's own from the rows it shows. */
  notes: string | ((rows: TableSlideRows) => string);
  /**
   * A slide the caller has begun (a phase's objectives above its communications): the table's first rows go
   * on it below `y`, as many as fit, and the rest continue on slides of their own.
   */
  startOn?: { content: ContentSlide; y: number };
  columns: readonly DeckTableColumn[];
  rows: readonly (readonly (string | DeckTableCell)[])[];
  /** Written above the table on every slide of it (a total, what the rows are). */
  caption?: string;
  /** The table's name in PowerPoint's selection pane. */
  name: string;
  fontPt?: number;
}

const MAX_CELL_LINES = 3;

/**
 * A table over as many slides as it needs: rows are never split or shrunk
 * below `MIN_TABLE_FONT_PT`; a row's cells wrap to three lines at most and end
 * in an ellipsis past that; the header repeats on every slide. Returns the
 * slides it added.
 */
export function addTableSlides(context: DeckContext, table: DeckTable): ContentSlide[] {
  const fontPt = Math.max(MIN_TABLE_FONT_PT, table.fontPt ?? MIN_TABLE_FONT_PT);
  const totalWeight = table.columns.reduce((sum, column) => sum + column.weight, 0);
  const added: ContentSlide[] = [];
  const captionHeight = table.caption ? textHeight(2, BODY_FONT_PT) : 0;
  const widths = table.columns.map((column) => (SLIDE_BODY.width * column.weight) / totalWeight);
  const cellLines = (text: string, column: number, bold: boolean) =>
    fitText(text, { width: widths[column] as number, height: textHeight(MAX_CELL_LINES, fontPt) }, fontPt, bold);
  const rowHeight = (cells: readonly string[][]) =>
    textHeight(Math.max(1, ...cells.map((lines) => lines.length)), fontPt);

  const header = table.columns.map((column, index) => cellLines(column.header, index, true));
  const headerHeight = rowHeight(header);
  const rows = table.rows.map((row) =>
    row.map((cell, index) => {
      const value = typeof cell === "string" ? { text: cell } : cell;
      return { ...value, lines: cellLines(value.text, index, value.bold ?? false) };
    }),
  );
  let start = 0;
  let startOn = table.startOn;
  do {
    const top = startOn?.y ?? SLIDE_BODY.y;
    const room = SLIDE_BODY.y + SLIDE_BODY.height - top - captionHeight - headerHeight;
    let end = start;
    let used = 0;
    while (end < rows.length) {
      const height = rowHeight((rows[end] ?? []).map((cell) => cell.lines));
      // A slide of the table's own shows at least one row; the caller's slide only rows that fit.
      if ((end > start || startOn) && used + height > room) break;
      used += height;
      end += 1;
    }
    const shown = { first: start, end, total: rows.length };
    const notes = typeof table.notes === "string" ? table.notes : table.notes(shown);
    if (startOn && end === start && rows.length > 0) {
      startOn = undefined;
      continue;
    }
    const title = added.length === 0 && !table.startOn ? table.title : `${table.title} (continued)`;
    const content = startOn?.content ?? addContentSlide(context, title, notes);
    if (startOn) content.slide.addNotes(`\n\n${notes}`);
    if (table.caption) {
      content.slide.addText(
        fitText(table.caption, { width: SLIDE_BODY.width, height: captionHeight }, BODY_FONT_PT).join("\n"),
        {
          ...textStyle(BODY_FONT_PT, { color: DECK_COLOURS.inkSoft }),
          x: SLIDE_BODY.x,
          y: top,
          w: SLIDE_BODY.width,
          h: captionHeight,
          valign: "top",
          objectName: `${table.name} caption`,
        },
      );
    }
    const cell = (lines: string[], align: CellAlign, options: PptxGenJS.TableCellProps): PptxGenJS.TableCell => ({
      text: lines.join("\n"),
      options: {
        align,
        valign: "top",
        fontFace: DECK_FONT,
        fontSize: fontPt,
        margin: TEXT_INSET * POINTS_PER_INCH,
        ...options,
      },
    });
    const headerRow = header.map((lines, index) =>
      cell(lines, table.columns[index]?.align ?? "left", {
        bold: true,
        color: DECK_COLOURS.headerText,
        fill: { color: DECK_COLOURS.headerFill },
      }),
    );
    const bodyRows = rows.slice(start, end).map((row, rowIndex) =>
      row.map((value, index) =>
        cell(value.lines, table.columns[index]?.align ?? "left", {
          bold: value.bold ?? false,
          color: value.colour ?? DECK_COLOURS.ink,
          fill: { color: value.fill ?? (rowIndex % 2 === 1 ? DECK_COLOURS.zebra : "FFFFFF") },
        }),
      ),
    );
    const tableRows = [headerRow, ...bodyRows];
    content.slide.addTable(tableRows, {
      x: SLIDE_BODY.x,
      y: top + captionHeight,
      w: SLIDE_BODY.width,
      colW: widths,
      rowH: [headerHeight, ...rows.slice(start, end).map((row) => rowHeight(row.map((value) => value.lines)))],
      border: { type: "solid", pt: 0.5, color: DECK_COLOURS.line },
      autoPage: false,
      objectName: table.name,
    });
    added.push(content);
    start = end;
    startOn = undefined;
  } while (start < rows.length);
  return added;
}
