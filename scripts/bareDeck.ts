// The bare baseline of the deck in `npm run bench:export`: pptxgenjs writing as many slides, shapes, table
// cells, chart points and characters of notes as our deck holds, as plain numbers in fixed places — none
// of our layout, text fitting, continuation or connector gluing.
import PptxGenJS from "pptxgenjs";
import type { DeckReading } from "../shared/export/slides/testing/readDeck";

/** What one slide of our deck holds, counted from the written file. */
export interface SlideLoad {
  /** Shapes and connectors. */
  shapes: number;
  tables: { rows: number; columns: number }[];
  charts: { series: number; points: number }[];
  notesChars: number;
}

export function slideLoads(deck: DeckReading): SlideLoad[] {
  return deck.slides.map((slide) => ({
    shapes: slide.shapes.length + slide.connectors.length,
    tables: slide.tables.map((table) => ({ rows: table.rows.length, columns: table.rows[0]?.length ?? 0 })),
    charts: slide.charts.map((chart) => ({
      series: chart.series.length,
      points: Math.max(0, ...chart.series.map((series) => series.values.length)),
    })),
    notesChars: slide.notes.length,
  }));
}

export async function bareDeck(loads: readonly SlideLoad[]): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  let n = 0;
  for (const load of loads) {
    const slide = pptx.addSlide();
    for (let i = 0; i < load.shapes; i++)
      slide.addText(String(n++), { x: (i % 12) + 0.2, y: Math.floor(i / 12) % 7, w: 0.9, h: 0.4, fontSize: 12 });
    for (const { rows, columns } of load.tables)
      slide.addTable(
        Array.from({ length: rows }, () => Array.from({ length: columns }, () => ({ text: String(n++) }))),
        { x: 0.5, y: 1.25, w: 12.3, fontSize: 12, autoPage: false },
      );
    for (const { series, points } of load.charts)
      slide.addChart(
        "bar",
        Array.from({ length: series }, (_, s) => ({
          name: `S${s}`,
          labels: Array.from({ length: points }, (_, p) => `P${p}`),
          values: Array.from({ length: points }, () => n++),
        })),
        { x: 0.5, y: 1.25, w: 12.3, h: 5.6 },
      );
    slide.addNotes("n".repeat(load.notesChars));
  }
  // "STREAM" (a Node Buffer) is the one output pptxgenjs 4.0.1 deflates: for the others it stores every part
  // uncompressed, whatever `compression` says. Deflated, as a deck someone sends on should be.
  return (await pptx.write({ outputType: "STREAM", compression: true })) as Uint8Array;
}
