import PptxGenJS from "pptxgenjs";
import type { PlanResult } from "../../engine/planEngine";
import type { OptimisationRecord, Roadmap } from "../../model/schema";
import { nameWithoutBudget } from "../../optimise/scenarioName";
import { printedSections, REPORT_SECTION_LABELS, ReportOptionsSchema, type ReportSection } from "../reportOptions";
import { withoutInvalidXmlCharacters } from "../svgText";
import { addAssumptionSlides } from "./assumptionSlides";
import { addBudgetSlides } from "./budgetSlides";
import { addCalendarSlides } from "./calendarSlides";
import { DEFAULT_DECK_LOCALE, type DeckContext, deckFormats, type SlideDeckOptions } from "./deckContext";
import { packDeck } from "./deckPackage";
import { DECK_FONT } from "./deckTheme";
import { addDiagramSlides } from "./diagramSlides";
import { addKpiSlides } from "./kpiSlides";
import { addOpenQuestionSlides } from "./openQuestionSlides";
import { addOptimisationSlides } from "./optimisationSlides";
import { addPhaseSlides } from "./phaseSlides";
import { addPressureSlides } from "./pressureSlides";
import { addRsiSlides } from "./rsiSlides";
import { addScenarioSlides } from "./scenarioSlides";
import { slideCount } from "./slideFrame";
import { addSummarySlides } from "./summarySlides";
import { type AgendaItem, addAgendaSlide, addTitleSlide } from "./titleSlides";

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
 * The value with every string stripped of what XML 1.0 cannot hold (control
 * characters, lone surrogates): pptxgenjs escapes markup but writes those as
 * they are, and one of them in a name makes PowerPoint refuse the whole file.
 */
function withXmlSafeText<T>(value: T): T {
  if (typeof value === "string") return withoutInvalidXmlCharacters(value) as T;
  if (Array.isArray(value)) return value.map(withXmlSafeText) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withXmlSafeText(item)])) as T;
  }
  return value;
}

/** The roadmap with the optimiser's names for its scenarios told without their budget, for an audience without costs. */
function withScenarioNamesWithoutBudget(roadmap: Roadmap): Roadmap {
  const named = <T extends { name: string; optimisation: OptimisationRecord | null }>(scenario: T): T => ({
    ...scenario,
    name: nameWithoutBudget(scenario.name, scenario.optimisation, roadmap.currency),
  });
  return { ...roadmap, baseScenario: named(roadmap.baseScenario), scenarios: roadmap.scenarios.map(named) };
}

/**
 * The roadmap and its plan as an editable PowerPoint deck (16:9): a title
 * slide and an agenda, then the picked sections as native shapes, tables and
 * charts, with speaker notes on every slide. Sections print as the PDF's do:
 * only those the roadmap has (`printedSections`), none about money when costs
 * are hidden. The same bytes for the same roadmap, plan and options (`packDeck`).
 */
export async function buildSlideDeck(
  document: Roadmap,
  plan: PlanResult,
  options: SlideDeckOptions,
): Promise<Uint8Array> {
  const safe = withXmlSafeText(document);
  const roadmap = options.includeCosts ? safe : withScenarioNamesWithoutBudget(safe);
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
  const writeAgenda = addAgendaSlide(context);
  const agenda: AgendaItem[] = [];
  for (const section of sections) {
    const first = slideCount(pptx) + 1;
    SECTION_SLIDES[section](context);
    if (slideCount(pptx) >= first) agenda.push({ title: SECTION_TITLES[section], slide: first });
  }
  writeAgenda(agenda);
  // Stored, not compressed: `packDeck` compresses the whole deck once, after its last change.
  const written = (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
  return packDeck(written, context.connectors, options.now);
}
