import PptxGenJS from "pptxgenjs";
import type { PlanResult } from "../../engine/planEngine";
import type { Roadmap } from "../../model/schema";
import { printedSections, REPORT_SECTION_LABELS, ReportOptionsSchema, type ReportSection } from "../reportOptions";
import { addAssumptionSlides } from "./assumptionSlides";
import { addBudgetSlides } from "./budgetSlides";
import { addCalendarSlides } from "./calendarSlides";
import { glueConnectors } from "./connectors";
import { DEFAULT_DECK_LOCALE, type DeckContext, deckFormats, type SlideDeckOptions } from "./deckContext";
import { settleDeck } from "./deckPackage";
import { DECK_FONT } from "./deckTheme";
import { addDiagramSlides } from "./diagramSlides";
import { addKpiSlides } from "./kpiSlides";
import { addOpenQuestionSlides } from "./openQuestionSlides";
import { addOptimisationSlides } from "./optimisationSlides";
import { addPhaseSlides } from "./phaseSlides";
import { addPressureSlides } from "./pressureSlides";
import { addRsiSlides } from "./rsiSlides";
import { addScenarioSlides } from "./scenarioSlides";
import { addSummarySlides } from "./summarySlides";
import { addAgendaSlide, addTitleSlide } from "./titleSlides";

/** Adds a section's slides; a section with nothing to show (no sends, no KPIs) adds none. */
export type SectionSlides = (context: DeckContext) => void;

/** Each of the executive report's sections as slides, so the export dialog's one picker serves both. */
const SECTION_SLIDES: Record<ReportSection, SectionSlides> = {
  summary: addSummarySlides,
  diagram: addDiagramSlides,
  phases: addPhaseSlides,
  budget: addBudgetSlides,
  scenarios: addScenarioSlides,
  optimisation: addOptimisationSlides,
  calendar: addCalendarSlides,
  pressure: addPressureSlides,
  rsi: addRsiSlides,
  kpis: addKpiSlides,
  assumptions: addAssumptionSlides,
  openQuestions: addOpenQuestionSlides,
};

/** The deck's title in each section's own words, for the agenda. */
export const SECTION_TITLES: Record<ReportSection, string> = {
  ...REPORT_SECTION_LABELS,
  summary: "The plan at a glance",
  phases: "The phases and their communications",
  budget: "Budget",
  pressure: "Contact pressure",
};

/**
 * The roadmap and its plan as an editable PowerPoint deck (16:9): a title
 * slide and an agenda, then the picked sections as native shapes, tables and
 * charts, with speaker notes on every slide. Sections print as the PDF's do:
 * only those the roadmap has (`printedSections`), none about money when costs
 * are hidden. The same bytes for the same roadmap, plan and options (`settleDeck`).
 */
export async function buildSlideDeck(
  roadmap: Roadmap,
  plan: PlanResult,
  options: SlideDeckOptions,
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = roadmap.name;
  pptx.company = roadmap.client;
  pptx.author = roadmap.preparedBy;
  pptx.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT };
  const locale = options.locale ?? DEFAULT_DECK_LOCALE;
  const context: DeckContext = {
    pptx,
    roadmap,
    plan,
    includeCosts: options.includeCosts,
    now: options.now,
    locale,
    format: deckFormats(roadmap.currency, locale),
    connectors: [],
  };
  const sections = printedSections(
    ReportOptionsSchema.parse({ sections: [...options.sections], includeCosts: options.includeCosts }),
    roadmap,
  );
  addTitleSlide(context);
  addAgendaSlide(
    context,
    sections.map((section) => SECTION_TITLES[section]),
  );
  for (const section of sections) SECTION_SLIDES[section](context);
  const written = (await pptx.write({ outputType: "uint8array", compression: true })) as Uint8Array;
  return settleDeck(await glueConnectors(written, context.connectors), options.now);
}
