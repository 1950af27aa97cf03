import type { PlanResult } from "../../../shared/engine";
import { printedSections, type ReportOptions, type ReportSection } from "../../../shared/export/reportOptions";
import type { Roadmap } from "../../../shared/model";
import type { PlanSummary } from "../plan/planService";
import { AssumptionsSection } from "./AssumptionsSection";
import { BudgetSection } from "./BudgetSection";
import { CalendarSection } from "./CalendarSection";
import { DiagramSection } from "./DiagramSection";
import { KpiSection } from "./KpiSection";
import { PhasePages } from "./PhasePages";
import { PressureSection } from "./PressureSection";
import { ReportSummary } from "./ReportSummary";
import { reportPageStyle } from "./reportPageStyle";
import "./report.css";

export interface ReportProps {
  roadmap: Roadmap;
  plan: PlanSummary | PlanResult;
  options: ReportOptions;
  /** When the report was made, printed on the cover. */
  generatedAt: Date;
}

const SECTIONS: Record<ReportSection, (props: ReportProps) => React.ReactNode> = {
  summary: ReportSummary,
  diagram: DiagramSection,
  phases: PhasePages,
  budget: BudgetSection,
  calendar: CalendarSection,
  pressure: PressureSection,
  kpis: KpiSection,
  assumptions: AssumptionsSection,
};

/**
 * The executive report: what a client's executives read instead of opening
 * the app. Laid out for paper by report.css; printed by Chromium (Electron's
 * printToPDF, or the browser's print dialog), so tables repeat their headers
 * and never split a row, and every page carries its number and the client.
 */
export function ExecutiveReport(props: ReportProps) {
  const { roadmap, options } = props;
  return (
    <article className="report" aria-label={`Executive report: ${roadmap.name}`}>
      <style>{reportPageStyle(roadmap, options.paperSize)}</style>
      <Cover {...props} />
      {printedSections(options).map((section) => {
        const Section = SECTIONS[section];
        return <Section key={section} {...props} />;
      })}
    </article>
  );
}

function Cover({ roadmap, generatedAt }: ReportProps) {
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(generatedAt);
  return (
    <section className="report-cover">
      <p className="report-cover-kicker">Customer relationship roadmap</p>
      <h1>{roadmap.name}</h1>
      {roadmap.client && <p className="report-cover-client">{roadmap.client}</p>}
      <dl className="report-cover-facts">
        <div>
          <dt>Date</dt>
          <dd>{date}</dd>
        </div>
        {roadmap.preparedBy && (
          <div>
            <dt>Prepared by</dt>
            <dd>{roadmap.preparedBy}</dd>
          </div>
        )}
        <div>
          <dt>Plan</dt>
          <dd>
            {roadmap.horizonMonths} months from {roadmap.startMonth}, in {roadmap.currency}
          </dd>
        </div>
      </dl>
    </section>
  );
}
