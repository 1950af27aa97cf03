import type { PaperSize } from "./reportOptions";
import { escapeXml, svgNumber } from "./svgText";

/** The smallest type the printed diagram may use: small print, but what a reader holding the page still reads. */
export const MIN_PRINTED_TEXT_PT = 7;

const PT_PER_MM = 72 / 25.4;
const MM_PER_CSS_PX = 25.4 / 96;

/** The report's page margins (reportPageStyle.ts prints them), so the diagram is sized for what is left. */
export const REPORT_MARGINS_MM = { top: 16, right: 15, bottom: 18, left: 15 } as const;

const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/**
 * Paper kept above the drawing for the page's heading: on the first diagram
 * page the section title and a short paragraph, on the pages that continue
 * it a title alone. A little more than they take, so the drawing never
 * spills onto a page of its own.
 */
const FIRST_PAGE_HEADING_MM = 22;
/** The key's page says also why the diagram is split: a paragraph more. */
const KEY_PAGE_HEADING_MM = 34;
const TILE_PAGE_HEADING_MM = 14;

/** A drawing shown larger than this looks like a poster, not a page of a report. */
const MAX_SCALE_MM_PER_PX = 1.25 * MM_PER_CSS_PX;

/** Drawing space added to the widest and tallest phase for the overlap of neighbouring tiles. */
const OVERLAP_MARGIN_PX = 24;

export type PageOrientation = "portrait" | "landscape";

/** A rectangle of the drawing, in its px. */
export interface DrawingBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What tiling needs to know of a drawing: its size, its smallest type and the phases' boxes, in its px. */
export interface DrawingToPrint {
  width: number;
  height: number;
  smallestFontPx: number;
  phases: readonly (DrawingBox & { color?: string })[];
}

/** The diagram on the report's pages: whole on one page, or in tiles over several with a key. */
export type DiagramPages =
  | {
      kind: "single";
      orientation: PageOrientation;
      /** Paper per px of the drawing. */
      mmPerPx: number;
      smallestTextPt: number;
    }
  | {
      kind: "tiled";
      orientation: PageOrientation;
      mmPerPx: number;
      smallestTextPt: number;
      /** In reading order: left to right, then top to bottom. All the same size. */
      tiles: DrawingBox[];
      /** The key on the first page: the whole drawing at this scale. */
      keyMmPerPx: number;
    }
  | {
      kind: "too-large";
      orientation: PageOrientation;
      /** Pages it would need at a legible size, more than the report gives it. */
      pagesNeeded: number;
      keyMmPerPx: number;
    };

/** The printed size, in pt, of text `fontPx` px high in a drawing printed at `mmPerPx`. */
export function printedTextPt(fontPx: number, mmPerPx: number): number {
  return fontPx * mmPerPx * PT_PER_MM;
}

/** The smallest scale at which text `fontPx` px high prints at `MIN_PRINTED_TEXT_PT`. */
export function legibleScale(fontPx: number): number {
  return MIN_PRINTED_TEXT_PT / (fontPx * PT_PER_MM);
}

/** The paper inside the report's margins, in mm. */
export function printableArea(paper: PaperSize, orientation: PageOrientation): { width: number; height: number } {
  const sheet = PAPER_MM[paper];
  const [width, height] = orientation === "portrait" ? [sheet.width, sheet.height] : [sheet.height, sheet.width];
  const m = REPORT_MARGINS_MM;
  return { width: width - m.left - m.right, height: height - m.top - m.bottom };
}

/** The smallest `font-size` of an SVG's markup, in its px. */
export function smallestFontSize(svg: string): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const match of svg.matchAll(/font-size="([\d.]+)"/g)) smallest = Math.min(smallest, Number(match[1]));
  return smallest;
}

/**
 * How the diagram prints on `paper`, its smallest type at `MIN_PRINTED_TEXT_PT`
 * or more: whole on one page when it fits at that size, else cut into tiles
 * of equal size, as few as can be, on pages of the orientation that needs
 * fewest (then shows it largest). Neighbouring tiles overlap by more than
 * the largest phase, so every phase is whole on some tile and an arrow that
 * crosses a cut is seen on both sides. More than `maxPages` tiles: "too-large",
 * and the report prints the key alone.
 */
export function planDiagramPages(drawing: DrawingToPrint, paper: PaperSize, maxPages: number): DiagramPages {
  const plans = (["landscape", "portrait"] as const).map((orientation) =>
    planForOrientation(drawing, paper, orientation, maxPages),
  );
  const pages = (plan: DiagramPages) =>
    plan.kind === "single" ? 1 : plan.kind === "tiled" ? plan.tiles.length : plan.pagesNeeded;
  const scale = (plan: DiagramPages) => (plan.kind === "too-large" ? plan.keyMmPerPx : plan.mmPerPx);
  const [landscape, portrait] = plans as [DiagramPages, DiagramPages];
  const better =
    pages(portrait) < pages(landscape) ||
    (pages(portrait) === pages(landscape) && scale(portrait) > scale(landscape) * 1.05);
  return better ? portrait : landscape;
}

function planForOrientation(
  drawing: DrawingToPrint,
  paper: PaperSize,
  orientation: PageOrientation,
  maxPages: number,
): DiagramPages {
  const area = printableArea(paper, orientation);
  const minScale = legibleScale(drawing.smallestFontPx);
  const first = { width: area.width, height: area.height - FIRST_PAGE_HEADING_MM };
  const fit = Math.min(MAX_SCALE_MM_PER_PX, first.width / drawing.width, first.height / drawing.height);
  if (fit >= minScale)
    return { kind: "single", orientation, mmPerPx: fit, smallestTextPt: printedTextPt(drawing.smallestFontPx, fit) };

  const keyMmPerPx = Math.min(area.width / drawing.width, (area.height - KEY_PAGE_HEADING_MM) / drawing.height);
  const tileArea = { width: area.width, height: area.height - TILE_PAGE_HEADING_MM };
  const overlap = { x: OVERLAP_MARGIN_PX, y: OVERLAP_MARGIN_PX };
  for (const phase of drawing.phases) {
    overlap.x = Math.max(overlap.x, phase.width + OVERLAP_MARGIN_PX);
    overlap.y = Math.max(overlap.y, phase.height + OVERLAP_MARGIN_PX);
  }
  const columns = cutsNeeded(drawing.width, tileArea.width / minScale, overlap.x);
  const rows = cutsNeeded(drawing.height, tileArea.height / minScale, overlap.y);
  if (columns * rows > maxPages) return { kind: "too-large", orientation, pagesNeeded: columns * rows, keyMmPerPx };

  // As large as the same number of tiles allows: n tiles of width t overlapping by o span n·t − (n−1)·o.
  const largest = (length: number, paperLength: number, n: number, o: number) =>
    n === 1 ? paperLength / length : paperLength / ((length - o) / n + o);
  const mmPerPx = Math.min(
    MAX_SCALE_MM_PER_PX,
    largest(drawing.width, tileArea.width, columns, overlap.x),
    largest(drawing.height, tileArea.height, rows, overlap.y),
  );
  const tileWidth = Math.min(drawing.width, tileArea.width / mmPerPx);
  const tileHeight = Math.min(drawing.height, tileArea.height / mmPerPx);
  const starts = (n: number, length: number, tile: number) =>
    Array.from({ length: n }, (_, i) => (n === 1 ? 0 : (i * (length - tile)) / (n - 1)));
  const tiles = starts(rows, drawing.height, tileHeight).flatMap((y) =>
    starts(columns, drawing.width, tileWidth).map((x) => ({ x, y, width: tileWidth, height: tileHeight })),
  );
  return {
    kind: "tiled",
    orientation,
    mmPerPx,
    smallestTextPt: printedTextPt(drawing.smallestFontPx, mmPerPx),
    tiles,
    keyMmPerPx,
  };
}

/** Tiles of `tile` px overlapping by `overlap` that cover `length` px. */
function cutsNeeded(length: number, tile: number, overlap: number): number {
  if (length <= tile) return 1;
  if (tile <= overlap) return Number.POSITIVE_INFINITY;
  return Math.ceil((length - overlap) / (tile - overlap));
}

/**
 * The same SVG document showing only `box` of its drawing: its root's size
 * and view box changed, nothing else, so a tile draws exactly what the
 * whole drawing does there.
 */
export function cropSvg(svg: string, box: DrawingBox): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error("cropSvg: not an SVG document");
  const tag = open[0]
    .replace(/\swidth="[^"]*"/, ` width="${round(box.width)}"`)
    .replace(/\sheight="[^"]*"/, ` height="${round(box.height)}"`)
    .replace(
      /\sviewBox="[^"]*"/,
      ` viewBox="${round(box.x)} ${round(box.y)} ${round(box.width)} ${round(box.height)}"`,
    );
  return svg.slice(0, open.index) + tag + svg.slice(open.index + open[0].length);
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The key's tile numbers print at this size, larger than the least legible, so they are found at a glance. */
const KEY_NUMBER_PT = 12;

/**
 * The key to a diagram printed in tiles: the whole drawing at `mmPerPx`, its
 * phases as blocks of their stage's colour (no text, which could not be
 * legible at this scale), and each tile outlined with its number, the
 * number in the title of the page that prints it.
 */
export function drawDiagramKey(drawing: DrawingToPrint, tiles: readonly DrawingBox[], mmPerPx: number): string {
  const pxPerPt = 1 / (mmPerPx * PT_PER_MM);
  const fontSize = KEY_NUMBER_PT * pxPerPt;
  const n = svgNumber;
  const { width, height } = drawing;
  const phases = drawing.phases.map(
    (phase) =>
      `<rect x="${n(phase.x)}" y="${n(phase.y)}" width="${n(phase.width)}" height="${n(phase.height)}" rx="8" fill="${escapeXml(phase.color ?? "#888888")}" fill-opacity="0.45"/>`,
  );
  const outlines = tiles.map(
    (tile, i) =>
      `<rect class="key-tile" data-tile="${i + 1}" x="${n(tile.x)}" y="${n(tile.y)}" width="${n(tile.width)}" height="${n(tile.height)}" fill="none" stroke="#1d3557" stroke-width="${n(1.2 * pxPerPt)}" stroke-dasharray="${n(4 * pxPerPt)} ${n(2 * pxPerPt)}"/>`,
  );
  const numbers = tiles.map((tile, i) => {
    const x = tile.x + tile.width / 2;
    const y = tile.y + tile.height / 2;
    const r = fontSize;
    return `<g class="key-number"><circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="#ffffff" stroke="#1d3557" stroke-width="${n(pxPerPt)}"/><text x="${n(x)}" y="${n(y + 0.36 * fontSize)}" text-anchor="middle" font-size="${n(fontSize)}" font-weight="700" fill="#1d3557">${i + 1}</text></g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="Inter, 'Segoe UI', Helvetica, Arial, sans-serif" role="img">`,
    `<rect width="${n(width)}" height="${n(height)}" fill="#ffffff" stroke="#d5dbe4" stroke-width="${n(pxPerPt)}"/>`,
    ...phases,
    ...outlines,
    ...numbers,
    "</svg>",
    "",
  ].join("\n");
}
