import { REPORT_MARGINS_MM } from "../../../shared/export/diagramPages";
import type { PaperSize } from "../../../shared/export/reportOptions";
import type { Roadmap } from "../../../shared/model";

/**
 * The report's page rules, which depend on the document: the paper size, and
 * the client and roadmap in every page's footer beside "Page 3 of 12". CSS
 * page-margin boxes put them there, so the browser's print dialog, Electron's
 * printToPDF and Playwright's page.pdf() all print the same footer.
 */
export function reportPageStyle(roadmap: Roadmap, paperSize: PaperSize): string {
  const footer = [roadmap.client, roadmap.name].filter((part) => part.trim() !== "").join(" · ");
  // The diagram is sized for the paper inside these margins.
  const m = REPORT_MARGINS_MM;
  return `
@page {
  size: ${paperSize} portrait;
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-left { content: ${cssString(footer)}; font: 8pt Inter, "Segoe UI", Helvetica, Arial, sans-serif; color: #6b7686; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Inter, "Segoe UI", Helvetica, Arial, sans-serif; color: #6b7686; }
}
@page wide { size: ${paperSize} landscape; }
@page :first {
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}`;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped, and no "<" to end the style element. */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<\n\r\f]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}
