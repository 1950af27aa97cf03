import { useMemo } from "react";
import { drawRoadmapDiagram } from "../../../shared/export/roadmapDiagram";
import type { ReportProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

/**
 * The roadmap as drawn on the canvas, on a landscape page and scaled to fit
 * it: the same vector drawing as the SVG and PNG exports, so it stays sharp
 * at any zoom of the PDF and on paper.
 *
 * An image rather than inline SVG: Chromium lays an SVG image out once, while
 * inline SVG text is laid out again on each of print's layout passes — for a
 * 300-phase roadmap, thousands of labels made that most of the print's time.
 * Chromium still prints the image as vectors and text.
 */
export function DiagramSection({ roadmap, plan, options }: ReportProps) {
  const diagram = useMemo(
    () => drawRoadmapDiagram(roadmap, options.includeCosts ? { plan } : {}),
    [roadmap, plan, options.includeCosts],
  );
  return (
    <section className="report-page report-wide report-diagram">
      <ReportSectionTitle>The roadmap</ReportSectionTitle>
      <p className="muted">
        {roadmap.phases.length} phases and {roadmap.transitions.length} transitions. Percentages are the share of a
        phase's customers who move each month; red arrows lead back to an earlier phase.
      </p>
      <img
        className="report-diagram-figure"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(diagram.svg)}`}
        alt={`Diagram of ${roadmap.name}`}
        width={diagram.width}
        height={diagram.height}
      />
    </section>
  );
}
