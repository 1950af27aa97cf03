import type { SlideReading, TableReading } from "./readDeck";

/** A table continued over slides as one: its header (from the first slide) and every body row in order. */
export function continuedTable(slides: readonly SlideReading[], name: string): { header: string[]; rows: string[][] } {
  const parts = slides.flatMap((slide) => slide.tables.filter((table) => table.name === name));
  return { header: parts[0]?.rows[0] ?? [], rows: parts.flatMap((table: TableReading) => table.rows.slice(1)) };
}

/** A cell's text as one line: the deck wraps long cells over lines. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

/** The title of a slide, as its "Title" shape holds it. */
export function titleOf(slide: SlideReading): string {
  return slide.shapes.find((shape) => shape.name === "Title")?.text ?? "";
}

/** A section's slides titled `title` exactly, or continuing it. */
export function slidesContinuing(slides: readonly SlideReading[], title: string): SlideReading[] {
  return slides.filter((slide) => [title, `${title} (continued)`].includes(titleOf(slide)));
}
