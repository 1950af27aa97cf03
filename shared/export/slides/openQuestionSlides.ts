import { openQuestions } from "../openQuestions";
import type { DeckContext } from "./deckContext";
import { rowsShownNote } from "./deckTables";
import { addTableSlides } from "./slideFrame";

/**
 * The workshop's open sticky notes as the PDF lists them (what is still to be
 * answered, about what, who asked, when), every one of them, the table
 * continued over slides. None open: no slides.
 */
export function addOpenQuestionSlides(context: DeckContext): void {
  const { listed } = openQuestions(context.roadmap, Number.POSITIVE_INFINITY);
  if (listed.length === 0) return;
  addTableSlides(context, {
    title: "Open questions",
    name: "Open questions",
    columns: [
      { header: "Question", weight: 5.6 },
      { header: "About", weight: 3.2 },
      { header: "Raised by", weight: 1.6 },
      { header: "Date", weight: 1.9 },
    ],
    rows: listed.map((question) => [
      question.text || "—",
      question.about,
      question.author || "—",
      context.format.date(new Date(question.createdAt)),
    ]),
    notes: (shown) =>
      [
        rowsShownNote(context, "Open notes", "oldest first, as the app's Notes panel lists them", shown),
        "Questions and remarks from the workshop that are still open. A question cut short ends in …; the Notes panel holds it in full.",
      ].join("\n"),
  });
}
