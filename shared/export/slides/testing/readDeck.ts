import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";

const P = "http://schemas.openxmlformats.org/presentationml/2006/main";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const EMU_PER_INCH = 914400;

/** A written .pptx as tests read it: what PowerPoint would show, from the XML itself. */
export interface DeckReading {
  /** The slide size in inches. */
  size: { width: number; height: number };
  slides: SlideReading[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ShapeReading {
  id: string;
  name: string;
  /** The preset geometry (`rect`, `roundRect`, `line`…), null for a custom one. */
  geometry: string | null;
  /** Paragraphs joined by newlines. */
  text: string;
  paragraphs: string[];
  /** In inches; rotation ignored. */
  box: Box;
  fill: string | null;
  fontSizesPt: number[];
  fontFaces: string[];
  /** How the text sits in the box: its insets and each paragraph's size, weight and spacing. */
  layout: TextLayout;
}

/** A text box's or table cell's inner margins, in inches. */
export interface Insets {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One paragraph as PowerPoint lays it out; sizes in points. */
export interface ParagraphLayout {
  text: string;
  /** The largest run's size; null when no run sets one (PowerPoint then uses 18 pt). */
  fontSizePt: number | null;
  bold: boolean;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** A multiple of single spacing (1 when unset). */
  lineSpacing: number;
  /** The left margin of the paragraph's lines (a bullet's indent). */
  indentPt: number;
}

export interface TextLayout {
  insets: Insets;
  paragraphs: ParagraphLayout[];
}

export interface ConnectorReading {
  id: string;
  name: string;
  geometry: string | null;
  box: Box;
  /** The `id` of the shape each end is glued to, and the connection site's index; null when not glued. */
  start: { id: string; site: number } | null;
  end: { id: string; site: number } | null;
  dash: string | null;
  colour: string | null;
}

export interface TableReading {
  name: string;
  box: Box;
  rows: string[][];
  /** Each cell's fill, row by row; null where none. */
  fills: (string | null)[][];
  fontSizesPt: number[];
  fontFaces: string[];
  /** Column widths and row heights in inches, and each cell's text as it is laid out, row by row. */
  layout: { columnWidths: number[]; rowHeights: number[]; cells: TextLayout[][] };
}

export interface ChartSeriesReading {
  name: string;
  labels: string[];
  values: number[];
  /** A scatter chart's x values; blanks (no point there) null. Empty for other charts. */
  xValues: (number | null)[];
  /** The values as written, `val` or a scatter's `yVal`, blanks (a gap in the line) null. */
  yValues: (number | null)[];
}

export interface ChartReading {
  name: string;
  /** `barChart`, `lineChart`, `pieChart`, `doughnutChart`… */
  kind: string;
  title: string;
  series: ChartSeriesReading[];
  /** The chart's frame on the slide, in inches. */
  box: Box;
}

export interface SlideReading {
  /** From 1, in the deck's order. */
  number: number;
  shapes: ShapeReading[];
  connectors: ConnectorReading[];
  tables: TableReading[];
  charts: ChartReading[];
  notes: string;
  /** Every word on the slide: shapes, tables and charts (titles, series, labels), not the notes. */
  text: string;
}

/** Reads a deck's slides in order, with their shapes, connectors, tables, charts and notes. */
export async function readDeck(bytes: Uint8Array): Promise<DeckReading> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} is missing from the deck`);
    return new DOMParser().parseFromString(await file.async("string"), "text/xml");
  };
  const presentation = await xml("ppt/presentation.xml");
  const presentationRels = relationships(await xml("ppt/_rels/presentation.xml.rels"));
  const sizeElement = presentation.getElementsByTagNameNS(P, "sldSz")[0] as Element;
  const size = {
    width: Number(sizeElement.getAttribute("cx")) / EMU_PER_INCH,
    height: Number(sizeElement.getAttribute("cy")) / EMU_PER_INCH,
  };
  const slideIds = Array.from(presentation.getElementsByTagNameNS(P, "sldId"));
  const slides: SlideReading[] = [];
  for (const [index, slideId] of slideIds.entries()) {
    const target = presentationRels.get(slideId.getAttributeNS(R, "id") ?? "") as string;
    const path = `ppt/${target}`;
    const slide = await xml(path);
    const rels = relationships(await xml(path.replace(/slides\/(slide\d+\.xml)$/, "slides/_rels/$1.rels")));
    const charts: ChartReading[] = [];
    for (const frame of Array.from(slide.getElementsByTagNameNS(P, "graphicFrame"))) {
      const chart = frame.getElementsByTagNameNS(C, "chart")[0];
      if (!chart) continue;
      const chartPath = resolve(path, rels.get(chart.getAttributeNS(R, "id") ?? "") as string);
      charts.push({ ...readChart(nameOf(frame), await xml(chartPath)), box: boxOf(frame) });
    }
    const notesTarget = [...rels.values()].find((value) => value.includes("notesSlide"));
    const notes = notesTarget ? texts(await xml(resolve(path, notesTarget))).join("\n") : "";
    const shapes = Array.from(slide.getElementsByTagNameNS(P, "sp")).map(readShape);
    const tables = Array.from(slide.getElementsByTagNameNS(P, "graphicFrame"))
      .filter((frame) => frame.getElementsByTagNameNS(A, "tbl").length > 0)
      .map(readTable);
    const text = [
      ...shapes.map((shape) => shape.text),
      ...tables.flatMap((table) => table.rows.flat()),
      ...charts.flatMap((chart) => [chart.title, ...chart.series.flatMap((series) => [series.name, ...series.labels])]),
    ].join("\n");
    slides.push({
      number: index + 1,
      shapes,
      connectors: Array.from(slide.getElementsByTagNameNS(P, "cxnSp")).map(readConnector),
      tables,
      charts,
      notes,
      text,
    });
  }
  return { size, slides };
}

function relationships(document: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const rel of Array.from(document.getElementsByTagName("Relationship"))) {
    map.set(rel.getAttribute("Id") ?? "", rel.getAttribute("Target") ?? "");
  }
  return map;
}

/** A relationship's target, relative to the part that holds it, as a path in the zip. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}

function nameOf(element: Element): string {
  return element.getElementsByTagNameNS(P, "cNvPr")[0]?.getAttribute("name") ?? "";
}

function texts(element: Document | Element): string[] {
  return Array.from(element.getElementsByTagNameNS(A, "t")).map((node) => node.textContent ?? "");
}

function paragraphsOf(element: Element): string[] {
  return Array.from(element.getElementsByTagNameNS(A, "p")).map((paragraph) => texts(paragraph).join(""));
}

function boxOf(element: Element): Box {
  const offset = element.getElementsByTagNameNS(A, "off")[0] ?? element.getElementsByTagNameNS(P, "off")[0];
  const extent = element.getElementsByTagNameNS(A, "ext")[0] ?? element.getElementsByTagNameNS(P, "ext")[0];
  const inches = (node: Element | undefined, attribute: string) =>
    Number(node?.getAttribute(attribute) ?? 0) / EMU_PER_INCH;
  return {
    x: inches(offset, "x"),
    y: inches(offset, "y"),
    width: inches(extent, "cx"),
    height: inches(extent, "cy"),
  };
}

function fonts(element: Element): { fontSizesPt: number[]; fontFaces: string[] } {
  const runs = [
    ...Array.from(element.getElementsByTagNameNS(A, "rPr")),
    ...Array.from(element.getElementsByTagNameNS(A, "endParaRPr")),
    ...Array.from(element.getElementsByTagNameNS(A, "defRPr")),
  ];
  const fontSizesPt = runs.flatMap((run) => (run.getAttribute("sz") ? [Number(run.getAttribute("sz")) / 100] : []));
  const fontFaces = Array.from(element.getElementsByTagNameNS(A, "latin")).map(
    (latin) => latin.getAttribute("typeface") ?? "",
  );
  return { fontSizesPt, fontFaces };
}

function fillOf(properties: Element | undefined): string | null {
  const solid = properties
    ? Array.from(properties.childNodes).find((node) => (node as Element).localName === "solidFill")
    : undefined;
  return (solid as Element | undefined)?.getElementsByTagNameNS(A, "srgbClr")[0]?.getAttribute("val") ?? null;
}

function readShape(shape: Element): ShapeReading {
  const properties = shape.getElementsByTagNameNS(P, "spPr")[0];
  const body = shape.getElementsByTagNameNS(P, "txBody")[0];
  const paragraphs = body ? paragraphsOf(body) : [];
  return {
    id: shape.getElementsByTagNameNS(P, "cNvPr")[0]?.getAttribute("id") ?? "",
    name: nameOf(shape),
    geometry: properties?.getElementsByTagNameNS(A, "prstGeom")[0]?.getAttribute("prst") ?? null,
    text: paragraphs.join("\n"),
    paragraphs,
    box: boxOf(shape),
    fill: fillOf(properties),
    ...(body ? fonts(body) : { fontSizesPt: [], fontFaces: [] }),
    layout: textLayout(body, body?.getElementsByTagNameNS(A, "bodyPr")[0], ["lIns", "tIns", "rIns", "bIns"]),
  };
}

/** PowerPoint's insets when a text box or a table cell does not set its own, in EMU. */
const DEFAULT_INSETS = { horizontal: 91440, vertical: 45720 };

function textLayout(
  body: Element | undefined,
  margins: Element | undefined,
  attributes: readonly [string, string, string, string],
): TextLayout {
  const [left, top, right, bottom] = attributes.map((attribute, index) => {
    const value = margins?.getAttribute(attribute);
    return (
      (value ? Number(value) : index % 2 === 0 ? DEFAULT_INSETS.horizontal : DEFAULT_INSETS.vertical) / EMU_PER_INCH
    );
  }) as [number, number, number, number];
  const listSize = body
    ?.getElementsByTagNameNS(A, "lstStyle")[0]
    ?.getElementsByTagNameNS(A, "defRPr")[0]
    ?.getAttribute("sz");
  const paragraphs = body
    ? Array.from(body.getElementsByTagNameNS(A, "p")).map((paragraph) =>
        paragraphLayout(paragraph, listSize ? Number(listSize) / 100 : null),
      )
    : [];
  return { insets: { left, top, right, bottom }, paragraphs };
}

/** A paragraph's layout; `listSize` is the size its text box's list style gives text that sets none. */
function paragraphLayout(paragraph: Element, listSize: number | null): ParagraphLayout {
  const properties = Array.from(paragraph.childNodes).find((node) => (node as Element).localName === "pPr") as
    | Element
    | undefined;
  const runs = Array.from(paragraph.getElementsByTagNameNS(A, "rPr"));
  const sizes = runs.flatMap((run) => (run.getAttribute("sz") ? [Number(run.getAttribute("sz")) / 100] : []));
  const endSize = paragraph.getElementsByTagNameNS(A, "endParaRPr")[0]?.getAttribute("sz");
  const points = (tag: string) =>
    Number(
      properties?.getElementsByTagNameNS(A, tag)[0]?.getElementsByTagNameNS(A, "spcPts")[0]?.getAttribute("val") ?? 0,
    ) / 100;
  const spacing = properties?.getElementsByTagNameNS(A, "lnSpc")[0]?.getElementsByTagNameNS(A, "spcPct")[0];
  return {
    text: texts(paragraph).join(""),
    fontSizePt: sizes.length > 0 ? Math.max(...sizes) : endSize ? Number(endSize) / 100 : listSize,
    bold: runs.some((run) => run.getAttribute("b") === "1"),
    spaceBeforePt: points("spcBef"),
    spaceAfterPt: points("spcAft"),
    lineSpacing: spacing ? Number(spacing.getAttribute("val")) / 100_000 : 1,
    indentPt: (Number(properties?.getAttribute("marL") ?? 0) / EMU_PER_INCH) * 72,
  };
}

function readConnector(connector: Element): ConnectorReading {
  const end = (tag: string) => {
    const element = connector.getElementsByTagNameNS(A, tag)[0];
    return element ? { id: element.getAttribute("id") ?? "", site: Number(element.getAttribute("idx")) } : null;
  };
  const line = connector.getElementsByTagNameNS(A, "ln")[0];
  return {
    id: connector.getElementsByTagNameNS(P, "cNvPr")[0]?.getAttribute("id") ?? "",
    name: nameOf(connector),
    geometry: connector.getElementsByTagNameNS(A, "prstGeom")[0]?.getAttribute("prst") ?? null,
    box: boxOf(connector),
    start: end("stCxn"),
    end: end("endCxn"),
    dash: line?.getElementsByTagNameNS(A, "prstDash")[0]?.getAttribute("val") ?? null,
    colour: line?.getElementsByTagNameNS(A, "srgbClr")[0]?.getAttribute("val") ?? null,
  };
}

function readTable(frame: Element): TableReading {
  const rows = Array.from(frame.getElementsByTagNameNS(A, "tr"));
  const cells = rows.map((row) => Array.from(row.getElementsByTagNameNS(A, "tc")));
  return {
    name: nameOf(frame),
    box: boxOf(frame),
    rows: cells.map((row) => row.map((cell) => paragraphsOf(cell).join("\n"))),
    fills: cells.map((row) => row.map((cell) => fillOf(cell.getElementsByTagNameNS(A, "tcPr")[0]))),
    ...fonts(frame),
    layout: {
      columnWidths: Array.from(frame.getElementsByTagNameNS(A, "gridCol")).map(
        (column) => Number(column.getAttribute("w")) / EMU_PER_INCH,
      ),
      rowHeights: rows.map((row) => Number(row.getAttribute("h")) / EMU_PER_INCH),
      cells: cells.map((row) =>
        row.map((cell) =>
          textLayout(cell.getElementsByTagNameNS(A, "txBody")[0], cell.getElementsByTagNameNS(A, "tcPr")[0], [
            "marL",
            "marT",
            "marR",
            "marB",
          ]),
        ),
      ),
    },
  };
}

function readChart(name: string, chart: Document): Omit<ChartReading, "box"> {
  const plotArea = chart.getElementsByTagNameNS(C, "plotArea")[0] as Element;
  const kinds = Array.from(plotArea.childNodes).filter(
    (node): node is Element => (node as Element).localName?.endsWith("Chart") ?? false,
  );
  const titleElement = chart.getElementsByTagNameNS(C, "title")[0];
  const points = (element: Element | undefined) =>
    element
      ? Array.from(element.getElementsByTagNameNS(C, "pt")).map(
          (point) => point.getElementsByTagNameNS(C, "v")[0]?.textContent ?? "",
        )
      : [];
  return {
    name,
    kind: kinds.map((kind) => kind.localName).join("+"),
    title: titleElement ? texts(titleElement).join("") : "",
    series: Array.from(chart.getElementsByTagNameNS(C, "ser")).map((series) => ({
      name: series.getElementsByTagNameNS(C, "tx")[0]?.getElementsByTagNameNS(C, "v")[0]?.textContent ?? "",
      labels: points(series.getElementsByTagNameNS(C, "cat")[0]),
      values: points(series.getElementsByTagNameNS(C, "val")[0]).map(Number),
      xValues: points(series.getElementsByTagNameNS(C, "xVal")[0]).map(numberOrBlank),
      yValues: points(series.getElementsByTagNameNS(C, "val")[0] ?? series.getElementsByTagNameNS(C, "yVal")[0]).map(
        numberOrBlank,
      ),
    })),
  };
}

function numberOrBlank(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}
