import { z } from "zod";
import type { Roadmap } from "../model/schema";

/** The parts of the executive report after its cover, in the order they print. */
export const REPORT_SECTIONS = [
  "summary",
  "diagram",
  "phases",
  "budget",
  "scenarios",
  "optimisation",
  "calendar",
  "pressure",
  "rsi",
  "kpis",
  "assumptions",
  "openQuestions",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** What the report offered before sticky notes brought the open-questions page (and the survey the RSI page). */
const SECTIONS_BEFORE_OPEN_QUESTIONS: readonly ReportSection[] = [
  "summary",
  "diagram",
  "phases",
  "budget",
  "calendar",
  "pressure",
  "kpis",
  "assumptions",
];

export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  summary: "One-page summary",
  diagram: "Roadmap diagram",
  phases: "A page per phase",
  budget: "Budget tables and charts",
  scenarios: "Scenario comparison",
  optimisation: "Optimisation",
  calendar: "Communication calendar",
  pressure: "Contact-pressure heatmap",
  rsi: "Relationship strength (survey)",
  kpis: "KPIs and targets",
  assumptions: "Assumptions",
  openQuestions: "Open questions (open sticky notes)",
};

/** Sections that are about money only, left out when costs are. */
export const COST_ONLY_SECTIONS: readonly ReportSection[] = ["budget"];

/** Sections made of survey answers: neither offered nor printed for a roadmap without any. */
export const SURVEY_SECTIONS: readonly ReportSection[] = ["rsi"];

/** Sections comparing the roadmap's scenarios: neither offered nor printed for a roadmap with its base plan only. */
export const SCENARIO_SECTIONS: readonly ReportSection[] = ["scenarios"];

/** Sections about a scenario the optimiser made: neither offered nor printed for a roadmap without one. */
export const OPTIMISATION_SECTIONS: readonly ReportSection[] = ["optimisation"];

export const PAPER_SIZES = ["A4", "Letter"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const ReportOptionsSchema = z.object({
  paperSize: z.enum(PAPER_SIZES).default("A4"),
  /** Off for audiences who should not see what things cost: no budget, no costs, no ROI. */
  includeCosts: z.boolean().default(true),
  sections: z
    .array(z.enum(REPORT_SECTIONS))
    .max(REPORT_SECTIONS.length)
    .default([...REPORT_SECTIONS]),
  /**
   * The report's own pages summarise a roadmap of any size in at most `MAX_SUMMARY_PAGES`; this appends every phase
   * page, every communication's calendar row and every table row after them, however long that makes it.
   */
  includeAppendix: z.boolean().default(false),
  /**
   * The sections the export dialog offered when these options were saved. A section added to the report
   * since starts ticked, as every section does in a first export; without this, options saved before the
   * open-questions page existed would leave it out as if the user had unticked it.
   */
  offeredSections: z
    .array(z.string().max(100))
    .max(100)
    .default([...SECTIONS_BEFORE_OPEN_QUESTIONS]),
});
export type ReportOptions = z.infer<typeof ReportOptionsSchema>;

/** Options as saved, with the sections added to the report since they were saved ticked. */
export function withNewSections(options: ReportOptions): ReportOptions {
  const added = REPORT_SECTIONS.filter(
    (section) => !options.offeredSections.includes(section) && !options.sections.includes(section),
  );
  return { ...options, sections: [...options.sections, ...added], offeredSections: [...REPORT_SECTIONS] };
}

/** The sections with more detail in the appendix than on the report's own pages. */
export const APPENDIX_SECTIONS: readonly ReportSection[] = [
  "phases",
  "budget",
  "calendar",
  "pressure",
  "kpis",
  "assumptions",
];

/** Every section, with costs, on A4, without the appendix: what a first export gives. */
export function defaultReportOptions(): ReportOptions {
  return ReportOptionsSchema.parse({ offeredSections: [...REPORT_SECTIONS] });
}

/** What of a roadmap decides which sections it is offered. */
export type SectionSource = Pick<Roadmap, "survey" | "scenarios" | "baseScenario">;

/**
 * The sections the export dialog offers for a roadmap: the survey's only once
 * it has answers, the scenario comparison only once it has a scenario besides its base plan,
 * the optimisation only once the optimiser has made a scenario.
 */
export function sectionsFor(roadmap: SectionSource): ReportSection[] {
  const answered = roadmap.survey.waves.some((wave) => wave.respondents.length > 0);
  const compared = roadmap.scenarios.length > 0;
  const optimised =
    roadmap.baseScenario.optimisation !== null || roadmap.scenarios.some((scenario) => scenario.optimisation !== null);
  return REPORT_SECTIONS.filter(
    (section) =>
      (answered || !SURVEY_SECTIONS.includes(section)) &&
      (compared || !SCENARIO_SECTIONS.includes(section)) &&
      (optimised || !OPTIMISATION_SECTIONS.includes(section)),
  );
}

/** The sections that print for a roadmap, in report order, whatever order the options list them in. */
export function printedSections(
  options: Pick<ReportOptions, "sections" | "includeCosts">,
  roadmap: SectionSource,
): ReportSection[] {
  return sectionsFor(roadmap).filter(
    (section) => options.sections.includes(section) && (options.includeCosts || !COST_ONLY_SECTIONS.includes(section)),
  );
}
