import { useMemo } from "react";
import {
  cropSvg,
  type DrawingBox,
  drawDiagramKey,
  MIN_PRINTED_TEXT_PT,
  planDiagramPages,
  smallestFontSize,
} from "../../../shared/export/diagramPages";
import { drawRoadmapDiagram } from "../../../shared/export/roadmapDiagram";
import type { SectionProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
const mm = (value: number) => `${value.toFixed(2)}mm`;

/**
 * The roadmap as drawn on the canvas, at a size whose smallest type prints at
 * 7 pt or more (shared/export/diagramPages.ts decides): whole on one page when
 * it fits, else in overlapping tiles over several pages, after a key of the
 * whole roadmap that numbers them. Pages turn to landscape or stay portrait,
 * whichever needs fewer. The same vector drawing as the SVG and PNG exports,
 * so it stays sharp at any zoom of the PDF and on paper.
 *
 * Images rather than inline SVG: Chromium lays an SVG image out once, while
 * inline SVG text is laid out again on each of print's layout passes — for a
 * 300-phase roadmap, thousands of labels made that most of the print's time.
 * Chromium still prints the image as vectors and text.
 */
export function DiagramSection({ roadmap, plan, options, layout }: SectionProps) {
  const diagram = useMemo(
    () => drawRoadmapDiagram(roadmap, options.includeCosts ? { plan } : {}),
    [roadmap, plan, options.includeCosts],
  );
  const drawing = useMemo(
    () => ({
      width: diagram.width,
      height: diagram.height,
      smallestFontPx: smallestFontSize(diagram.svg),
      phases: diagram.phases,
    }),
    [diagram],
  );
  const pages = useMemo(
    () => planDiagramPages(drawing, options.paperSize, layout.limits.diagramPages),
    [drawing, options.paperSize, layout.limits.diagramPages],
  );
  const pageClass = pages.orientation === "landscape" ? "report-page report-wide" : "report-page";
  const intro = (
    <p className="muted">
      {roadmap.phases.length} phases and {roadmap.transitions.length} transitions. Percentages are the share of a
      phase's customers who move each month; red arrows lead back to an earlier phase.
    </p>
  );

  if (pages.kind === "single") {
    return (
      <section className={`${pageClass} report-diagram`}>
        <ReportSectionTitle>The roadmap</ReportSectionTitle>
        {intro}
        <img
          className="report-diagram-figure"
          src={svgSource(diagram.svg)}
          alt={`Diagram of ${roadmap.name}`}
          style={{ width: mm(diagram.width * pages.mmPerPx), height: mm(diagram.height * pages.mmPerPx) }}
        />
      </section>
    );
  }

  const tiles: readonly DrawingBox[] = pages.kind === "tiled" ? pages.tiles : [];
  const key = drawDiagramKey(drawing, tiles, pages.keyMmPerPx);
  return (
    <>
      <section className={`${pageClass} report-diagram`}>
        <ReportSectionTitle>The roadmap</ReportSectionTitle>
        {intro}
        <p>
          {pages.kind === "tiled"
            ? `Too large for one page at a readable size, the diagram follows over ${tiles.length} pages, numbered as on this key; neighbouring pages overlap a little.`
            : `At a readable size (${MIN_PRINTED_TEXT_PT} pt) the diagram would take ${pages.pagesNeeded} pages, more than this report gives it: this is its outline, and the Roadmap diagram (SVG) export draws it whole.`}
        </p>
        <img
          className="report-diagram-key"
          src={svgSource(key)}
          alt={`Key to the diagram of ${roadmap.name}`}
          style={{ width: mm(drawing.width * pages.keyMmPerPx), height: mm(drawing.height * pages.keyMmPerPx) }}
        />
      </section>
      {pages.kind === "tiled" &&
        tiles.map((tile, index) => (
          <section key={`${tile.x}:${tile.y}`} className={`${pageClass} report-diagram-tile`}>
            <ReportSectionTitle>
              Diagram ({index + 1} of {tiles.length})
            </ReportSectionTitle>
            <img
              className="report-diagram-figure"
              src={svgSource(cropSvg(diagram.svg, tile))}
              alt={`Part ${index + 1} of ${tiles.length} of the diagram of ${roadmap.name}`}
              style={{ width: mm(tile.width * pages.mmPerPx), height: mm(tile.height * pages.mmPerPx) }}
            />
          </section>
        ))}
    </>
  );
}
