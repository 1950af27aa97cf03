import type { DeckContext } from "./deckContext";
import { addContentSlide } from "./slideFrame";

/** Placeholder until this section's slides are built: its title only. */
export function addRsiSlides(context: DeckContext): void {
  addContentSlide(context, "Relationship strength", "");
}
