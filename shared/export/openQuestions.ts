import { describeNoteAnchor, notesInReadingOrder, type Roadmap } from "../model";
import { clipText } from "./reportLayout";

/** Most open notes the report lists: with their text cut to `OPEN_QUESTION_CHARS`, one portrait page. */
export const OPEN_QUESTIONS_LISTED = 10;
export const OPEN_QUESTION_CHARS = 240;
/** The pages the open questions take at most, for the report's page estimate. */
export const OPEN_QUESTIONS_PAGES = 1;

export interface OpenQuestion {
  id: string;
  text: string;
  /** What the note is stuck to, in words ("Phase “Trial”"). */
  about: string;
  author: string;
  createdAt: string;
}

/**
 * The open sticky notes the report prints as its open questions, oldest first, and how many more there are
 * than `limit` (the report's page holds `OPEN_QUESTIONS_LISTED`; the slide deck's table continues over slides).
 */
export function openQuestions(
  roadmap: Roadmap,
  limit: number = OPEN_QUESTIONS_LISTED,
): { listed: OpenQuestion[]; more: number } {
  const open = notesInReadingOrder(roadmap.stickyNotes.filter((note) => note.status === "open"));
  return {
    listed: open.slice(0, limit).map((note) => ({
      id: note.id,
      text: clipText(note.text, OPEN_QUESTION_CHARS),
      about: describeNoteAnchor(roadmap, note.anchor),
      author: note.author,
      createdAt: note.createdAt,
    })),
    more: Math.max(0, open.length - limit),
  };
}
