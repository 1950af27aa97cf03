import JSZip from "jszip";
import type { PlanResult } from "../../../engine/planEngine";
import type { Roadmap } from "../../../model/schema";
import { wrapText } from "../../svgText";
import { customerCounts, moneyAmounts, moneySpellings } from "../../testing/moneyFigures";
import { assertWellFormed } from "../../testing/wellFormedXml";
import { DEFAULT_DECK_LOCALE } from "../deckContext";
import { DECK_FONT, MIN_TABLE_FONT_PT, POINTS_PER_INCH, SLIDE_FOOTER, SLIDE_TITLE } from "../deckTheme";
import { textHeight } from "../slideFrame";
import { type Box, type DeckReading, readDeck, type TextLayout } from "./readDeck";

/**
 * Guarantees every deck keeps, whatever its roadmap and sections, as checks
 * that list what breaks them ("slide 7, table Communications…: …"), so one
 * failing test names every offending shape at once.
 */

/** A written deck: what PowerPoint shows, and every XML part (a chart's workbook's as `workbook.xlsx!/part.xml`). */
export interface InspectedDeck {
  reading: DeckReading;
  parts: Map<string, string>;
}

export async function inspectDeck(bytes: Uint8Array): Promise<InspectedDeck> {
  return { reading: await readDeck(bytes), parts: await xmlParts(bytes) };
}

async function xmlParts(bytes: Uint8Array, prefix = ""): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (/\.(xml|rels)$/.test(file.name)) parts.set(`${prefix}${file.name}`, await file.async("string"));
    if (/\.xlsx$/.test(file.name)) {
      const inner = await xmlParts(await file.async("uint8array"), `${prefix}${file.name}!/`);
      for (const [name, xml] of inner) parts.set(name, xml);
    }
  }
  return parts;
}

/** Slack for rounding to EMU and for sizes computed in floating point, in inches. */
const EPSILON = 0.01;
/** What PowerPoint sets text in when a run gives no size. */
const DEFAULT_FONT_PT = 18;

/** The height text needs in a box of `width` inches with its insets, in inches, by the deck's own text model. */
function neededHeight(layout: TextLayout, width: number): number {
  const room = (width - layout.insets.left - layout.insets.right) * POINTS_PER_INCH;
  let height = layout.insets.top + layout.insets.bottom;
  for (const paragraph of layout.paragraphs) {
    const fontSize = paragraph.fontSizePt ?? DEFAULT_FONT_PT;
    const lines = paragraph.text
      .split("\n")
      .reduce(
        (sum, line) =>
          sum +
          Math.max(
            1,
            wrapText(line, room - paragraph.indentPt, Number.MAX_SAFE_INTEGER, { fontSize, bold: paragraph.bold })
              .length,
          ),
        0,
      );
    const linesHeight = textHeight(lines, fontSize) - textHeight(0, fontSize);
    height +=
      linesHeight * paragraph.lineSpacing + (paragraph.spaceBeforePt + paragraph.spaceAfterPt) / POINTS_PER_INCH;
  }
  return height;
}

const inches = (value: number) => `${value.toFixed(2)} in`;

/** Text that needs more height than its box (or table row) has, wrapped at its size and width. */
export function overflowingText({ reading }: InspectedDeck): string[] {
  const problems: string[] = [];
  for (const slide of reading.slides) {
    for (const shape of slide.shapes) {
      if (shape.text.trim() === "") continue;
      const needed = neededHeight(shape.layout, shape.box.width);
      if (needed > shape.box.height + EPSILON) {
        problems.push(
          `slide ${slide.number}, shape "${shape.name}": "${shape.text.slice(0, 60)}" needs ${inches(needed)}, its box is ${inches(shape.box.height)}`,
        );
      }
    }
    for (const table of slide.tables) {
      table.layout.cells.forEach((row, rowIndex) => {
        const height = table.layout.rowHeights[rowIndex] ?? 0;
        row.forEach((cell, column) => {
          const needed = neededHeight(cell, table.layout.columnWidths[column] ?? 0);
          if (needed > height + EPSILON) {
            const text = cell.paragraphs.map((paragraph) => paragraph.text).join(" ");
            problems.push(
              `slide ${slide.number}, table "${table.name}", row ${rowIndex + 1}, column ${column + 1}: "${text.slice(0, 60)}" needs ${inches(needed)}, the row is ${inches(height)}`,
            );
          }
        });
      });
    }
  }
  return problems;
}

/** Typefaces that are not Arial or the theme's fonts (which are Arial), on slides, charts, notes and masters. */
export function fontsOtherThanArial({ parts }: InspectedDeck): string[] {
  const problems: string[] = [];
  const themeFont = /^\+(mj|mn)-(lt|ea|cs)$/;
  for (const [name, xml] of parts) {
    if (!name.startsWith("ppt/") || name.includes(".xlsx!/")) continue;
    for (const match of xml.matchAll(/<a:(latin|ea|cs|sym)\b[^>]*\btypeface="([^"]*)"/g)) {
      const [, script, typeface = ""] = match;
      // The theme leaves East Asian and complex scripts to the system ("" in PowerPoint's own themes).
      if (typeface === DECK_FONT || themeFont.test(typeface) || (typeface === "" && script !== "latin")) continue;
      problems.push(`${name}: ${script} typeface "${typeface}"`);
    }
    if (/^ppt\/theme\/theme\d+\.xml$/.test(name)) {
      for (const font of ["majorFont", "minorFont"]) {
        const latin = new RegExp(`<a:${font}>\\s*<a:latin\\b[^>]*typeface="([^"]*)"`).exec(xml)?.[1];
        if (latin !== DECK_FONT) problems.push(`${name}: the theme's ${font} is "${latin}"`);
      }
    }
  }
  return problems;
}

/** Table text set smaller than the deck's minimum. */
export function smallTableText({ reading }: InspectedDeck): string[] {
  return reading.slides.flatMap((slide) =>
    slide.tables.flatMap((table) =>
      table.fontSizesPt
        .filter((size) => size < MIN_TABLE_FONT_PT)
        .slice(0, 1)
        .map((size) => `slide ${slide.number}, table "${table.name}": ${size} pt`),
    ),
  );
}

/** Every shape, connector, table (as tall as its rows' text makes it) and chart, with where it sits. */
function placedObjects({ reading }: InspectedDeck) {
  return reading.slides.flatMap((slide) => [
    ...slide.shapes.map((shape) => ({ slide, what: `shape "${shape.name}"`, name: shape.name, box: shape.box })),
    ...slide.connectors.map((line) => ({ slide, what: `connector "${line.name}"`, name: line.name, box: line.box })),
    ...slide.charts.map((chart) => ({ slide, what: `chart "${chart.name}"`, name: chart.name, box: chart.box })),
    ...slide.tables.map((table) => {
      const rows = table.layout.cells.map((row, index) =>
        Math.max(
          table.layout.rowHeights[index] ?? 0,
          ...row.map((cell, column) => neededHeight(cell, table.layout.columnWidths[column] ?? 0)),
        ),
      );
      const box = { ...table.box, height: rows.reduce((sum, height) => sum + height, 0) };
      return { slide, what: `table "${table.name}"`, name: table.name, box };
    }),
  ]);
}

const describe = (box: Box) =>
  `x ${box.x.toFixed(2)}–${(box.x + box.width).toFixed(2)}, y ${box.y.toFixed(2)}–${(box.y + box.height).toFixed(2)} in`;

/** Anything reaching past an edge of the slide. */
export function outsideSlide(deck: InspectedDeck): string[] {
  const { width, height } = deck.reading.size;
  return placedObjects(deck)
    .filter(
      ({ box }) =>
        box.x < -EPSILON ||
        box.y < -EPSILON ||
        box.x + box.width > width + EPSILON ||
        box.y + box.height > height + EPSILON,
    )
    .map(({ slide, what, box }) => `slide ${slide.number}, ${what}: ${describe(box)}`);
}

const FRAME = /^(Title|Footer|Slide Number)/;

/** On a slide with a title, content reaching into the title's band or the footer's. */
export function onTitleOrFooter(deck: InspectedDeck): string[] {
  const top = SLIDE_TITLE.y + SLIDE_TITLE.height;
  return placedObjects(deck)
    .filter(({ slide }) => slide.shapes.some((shape) => shape.name === "Title"))
    .filter(({ name }) => !FRAME.test(name))
    .filter(({ box }) => box.y < top - EPSILON || box.y + box.height > SLIDE_FOOTER.y + EPSILON)
    .map(({ slide, what, box }) => `slide ${slide.number}, ${what}: ${describe(box)}`);
}

/** Slides whose speaker notes are empty (the notes page's slide number aside). */
export function slidesWithoutNotes({ reading }: InspectedDeck): string[] {
  return reading.slides
    .filter((slide) => slide.notes.replace(/\n?\d+$/, "").trim() === "")
    .map((slide) => `slide ${slide.number}`);
}

/** Parts that are not well-formed XML, with why. */
export function malformedParts({ parts }: InspectedDeck): string[] {
  const problems: string[] = [];
  for (const [name, xml] of parts) {
    try {
      assertWellFormed(xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, ""));
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Words that speak of money, whatever the amounts. */
const MONEY_WORDS = /\b(costs?|costing|budget\w*|ROI|spend\w*|spent|price\w*)\b/i;
const CURRENCY_SIGNS = /[€$£¥₹¢₽₩]/u;

/**
 * With costs hidden: every place money shows, in the words the deck wrote
 * (slides, charts and their number formats, their workbooks, notes): a money
 * word, the currency (code, symbol or sign), or one of the roadmap's and
 * plan's amounts. Names the roadmap gives itself are the user's words: give
 * a roadmap whose names speak of no money (`withoutMoneyWords`). Leave
 * `amounts` out for generated roadmaps: their random whole amounts meet the
 * plan's counts ("1,231 sends") too often to mean money.
 */
export function costMentions(
  { parts }: InspectedDeck,
  roadmap: Roadmap,
  plan: PlanResult,
  { amounts = true }: { amounts?: boolean } = {},
): string[] {
  const currencyNames = ["symbol", "narrowSymbol"].map(
    (currencyDisplay) =>
      new Intl.NumberFormat(DEFAULT_DECK_LOCALE, {
        style: "currency",
        currency: roadmap.currency,
        currencyDisplay: currencyDisplay as "symbol" | "narrowSymbol",
      })
        .formatToParts(1)
        .find((part) => part.type === "currency")?.value ?? roadmap.currency,
  );
  const spellings = new Set(amounts ? moneySpellings(moneyAmounts(roadmap, plan), 1000, customerCounts(roadmap)) : []);
  const problems: string[] = [];
  for (const [name, xml] of parts) {
    if (!/^ppt\/(slides|notesSlides|charts|embeddings)\//.test(name)) continue;
    // A chart's formulas ("Sheet1!$A$2:$A$8") are cell references, not dollars.
    const shown = xml.replace(/<c:f>[^<]*<\/c:f>/g, "");
    const text = [
      ...[...shown.matchAll(/>([^<]+)</g)].map((match) => decodeEntities(match[1] ?? "")),
      ...[...shown.matchAll(/formatCode="([^"]*)"/g)].map((match) => decodeEntities(match[1] ?? "")),
    ].join("\n");
    const found = [
      MONEY_WORDS.exec(text)?.[0],
      CURRENCY_SIGNS.exec(text)?.[0],
      new RegExp(`\\b${roadmap.currency}\\b`).exec(text)?.[0],
      ...currencyNames.filter((currency) => text.includes(currency)),
      // Whole numbers as written ("12,400.50", not the "400" in it), looked up rather than searched one by one.
      ...(text.match(/(?<![\d.,])\d+(?:[.,]\d+)*/g) ?? []).filter((number) => spellings.has(number)),
    ].filter((word): word is string => word !== undefined);
    if (found.length > 0) problems.push(`${name}: ${[...new Set(found)].join(", ")}`);
  }
  return problems;
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}

/** The roadmap with money words and currency signs in its names and texts (a segment "cost to serve") made neutral. */
export function withoutMoneyWords(roadmap: Roadmap): Roadmap {
  return JSON.parse(JSON.stringify(roadmap), (_key, value: unknown) =>
    typeof value === "string"
      ? value
          .replace(new RegExp(MONEY_WORDS.source, "gi"), "effort")
          .replace(new RegExp(CURRENCY_SIGNS.source, "gu"), "")
      : value,
  ) as Roadmap;
}

/** Every invariant's problems by name, each empty when the deck keeps it. */
export function deckProblems(deck: InspectedDeck) {
  return {
    overflowingText: overflowingText(deck),
    fontsOtherThanArial: fontsOtherThanArial(deck),
    smallTableText: smallTableText(deck),
    outsideSlide: outsideSlide(deck),
    onTitleOrFooter: onTitleOrFooter(deck),
    slidesWithoutNotes: slidesWithoutNotes(deck),
    malformedParts: malformedParts(deck),
  };
}
