import { planRoadmap } from "../../../engine/planEngine";
import type { Roadmap } from "../../../model/schema";
import { openQuestions } from "../../openQuestions";
import { printedSections, REPORT_SECTIONS, type ReportSection } from "../../reportOptions";
import type { SlideDeckOptions } from "../deckContext";
import { buildSlideDeck, SECTION_TITLES } from "../slideDeck";
import { type DeckReading, readDeck } from "./readDeck";

export const DECK_TEST_DATE = new Date("2027-03-01T09:00:00Z");

/** The deck of a roadmap, planned afresh, as tests read it; every section and costs unless told otherwise. */
export async function deckOf(roadmap: Roadmap, options: Partial<SlideDeckOptions> = {}): Promise<DeckReading> {
  const bytes = await buildSlideDeck(roadmap, planRoadmap(roadmap), {
    sections: [...REPORT_SECTIONS],
    includeCosts: true,
    now: DECK_TEST_DATE,
    ...options,
  });
  return readDeck(bytes);
}

/** The slides whose title starts with `title` (a section's first slide and its continuations). */
export function slidesTitled(deck: DeckReading, title: string) {
  return deck.slides.filter((slide) =>
    slide.shapes.some((shape) => shape.name === "Title" && shape.text.startsWith(title)),
  );
}

/**
 * What a deck's agenda lists for these picks: the sections the roadmap prints
 * (`printedSections`), in the deck's words, less those with nothing to show.
 */
export function expectedAgenda(roadmap: Roadmap, sections: readonly ReportSection[], includeCosts: boolean): string[] {
  const hasSlides = (section: ReportSection) => section !== "openQuestions" || openQuestions(roadmap).listed.length > 0;
  return printedSections({ sections: [...sections], includeCosts }, roadmap)
    .filter(hasSlides)
    .map((section) => SECTION_TITLES[section]);
}
