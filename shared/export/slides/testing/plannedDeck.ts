import { planRoadmap } from "../../../engine/planEngine";
import type { Roadmap } from "../../../model/schema";
import { createB2bSubscriptionRoadmap } from "../../../model/templates/b2bSubscriptionSoftware";
import { deckFormats, type SlideDeckOptions } from "../deckContext";
import { deckOf } from "./deckOf";

/** The B2B template as the section tests use it. */
export const b2bRoadmap = (): Roadmap => createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));

/**
 * A roadmap's deck with what a test checks it against: the engine's plan of
 * the roadmap and the deck's formats (to write the expected figures as the
 * deck does).
 */
export async function plannedDeck(roadmap: Roadmap, options: Partial<SlideDeckOptions> = {}) {
  return {
    roadmap,
    plan: planRoadmap(roadmap),
    format: deckFormats(roadmap.currency),
    deck: await deckOf(roadmap, options),
  };
}
