import { useMemo } from "react";
import { drawRoadmapDiagram } from "../../../shared/export/roadmapDiagram";
import type { ReportProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

/**
 * The roadmap as drawn on the canvas, on a landscape page and scaled to fit
 * it: the same vector drawing as the SVG and PNG exports, so it stays sharp
 * at any zoom of the PDF and on paper.
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
      <div
        className="report-diagram-figure"
        role="img"
        aria-label={`Diagram of ${roadmap.name}`}
        // Our own pure function's output, with every user string escaped for XML.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: see above.
        dangerouslySetInnerHTML={{ __html: diagram.svg }}
      />
    </section>
  );
}
