import { useMemo } from "react";
import type { PlanResult } from "../../../shared/engine";
import { FULL_DETAIL, type ReportLayout, reportLayout, SUMMARY_LIMITS } from "../../../shared/export/reportLayout";
import {
  APPENDIX_SECTIONS,
  printedSections,
  type ReportOptions,
  type ReportSection,
} from "../../../shared/export/reportOptions";
import type { Roadmap } from "../../../shared/model";
import type { PlanSummary } from "../plan/planService";
import { AssumptionsSection } from "./AssumptionsSection";
import { BudgetSection } from "./BudgetSection";
import { CalendarSection, CalendarSummary } from "./CalendarSection";
import { DiagramSection } from "./DiagramSection";
import { KpiSection } from "./KpiSection";
import { OpenQuestionsSection } from "./OpenQuestionsSection";
import { OptimisationSection } from "./OptimisationSection";
import { PhaseOverview, PhasePages } from "./PhasePages";
import { PressureSection } from "./PressureSection";
import { ReportSectionTitle } from "./ReportSectionTitle";
import { ReportSummary } from "./ReportSummary";
import { RsiSection } from "./RsiSection";
import { reportPageStyle } from "./reportPageStyle";
import { ScenarioSection } from "./ScenarioSection";
import "./report.css";

export interface ReportProps {
  roadmap: Roadmap;
  plan: PlanSummary | PlanResult;
  options: ReportOptions;
  /** When the report was made, printed on the cover. */
  generatedAt: Date;
}

/** What a section prints from: the report's props and what of each list fits its part of the report. */
export type SectionProps = ReportProps & { layout: ReportLayout };

type Section = (props: SectionProps) => React.ReactNode;

/** The report's own pages: each list cut to fit, so any roadmap prints in at most `MAX_SUMMARY_PAGES`. */
const SECTIONS: Record<ReportSection, Section> = {
  summary: ReportSummary,
  diagram: DiagramSection,
  phases: (props) => (
    <>
      <PhaseOverview {...props} />
      <PhasePages {...props} />
    </>
  ),
  budget: BudgetSection,
  scenarios: ScenarioSection,
  optimisation: OptimisationSection,
  calendar: CalendarSummary,
  pressure: PressureSection,
  rsi: RsiSection,
  kpis: KpiSection,
  assumptions: AssumptionsSection,
  openQuestions: OpenQuestionsSection,
};

/** The appendix: the same sections with every row, and the calendar of every communication. */
const APPENDIX: Partial<Record<ReportSection, Section>> = {
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
  const { roadmap, plan, options } = props;
  const summary = useMemo(() => reportLayout(roadmap, plan, options, SUMMARY_LIMITS), [roadmap, plan, options]);
  const full = useMemo(
    () => (options.includeAppendix ? reportLayout(roadmap, plan, options, FULL_DETAIL) : null),
    [roadmap, plan, options],
  );
  const sections = printedSections(options, roadmap);
  const appendix = sections.filter((section) => APPENDIX_SECTIONS.includes(section));
  return (
    <article className="report" aria-label={`Executive report: ${roadmap.name}`}>
      <style>{reportPageStyle(roadmap, options.paperSize)}</style>
      <Cover {...props} />
      {sections.map((section) => {
        const Section = SECTIONS[section];
        return <Section key={section} {...props} layout={summary} />;
      })}
      {full && appendix.length > 0 && (
        <>
          <section className="report-page report-appendix-title">
            <p className="report-cover-kicker">Appendix</p>
            <ReportSectionTitle>Full detail</ReportSectionTitle>
            <p>
              Every phase, every communication and every row of the tables the report summarises, as the budget workbook
              holds them.
            </p>
          </section>
          {appendix.map((section) => {
            const Section = APPENDIX[section];
            return Section && <Section key={`appendix-${section}`} {...props} layout={full} />;
          })}
        </>
      )}
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
