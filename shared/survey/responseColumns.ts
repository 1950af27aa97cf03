import type { Survey, SurveyItem } from "../model/schema";

/**
 * The columns of a survey answers file besides the questionnaire items, with
 * the question the questionnaire asks, the header the blank response file
 * writes and the other spellings the import recognises. Shared by the blank file and the import, so a file made from
 * the one is read by the other without any mapping.
 */
export const RESPONDENT_COLUMNS = [
  {
    target: "phase",
    question: "Which best describes where you are in your relationship with the company?",
    header: "Phase",
    headerNames: ["Lifecycle phase", "Customer phase", "Relationship phase", "Lifecycle stage", "Customer status"],
  },
  {
    target: "segment",
    question: "Which kind of customer are you?",
    header: "Segment",
    headerNames: ["Customer segment", "Customer type", "Customer group"],
  },
  {
    target: "date",
    question: "When the respondent answered (most survey tools fill this in).",
    header: "Date",
    headerNames: [
      "Response date",
      "Respondent date",
      "Submitted",
      "Submitted at",
      "Completed",
      "Timestamp",
      "End date",
    ],
  },
  {
    target: "recommend",
    question: "How likely are you to recommend the company to a friend or colleague?",
    header: "Likelihood to recommend (0-10)",
    headerNames: ["Recommend", "Likely to recommend", "NPS", "Net promoter score"],
  },
  {
    target: "preferredChannels",
    question: "Through which channels would you like to hear from the company?",
    header: "Preferred channels",
    headerNames: ["Preferred channel", "Channels", "Preferred contact channels"],
  },
  {
    target: "preferredContactsPerMonth",
    question: "At most how many times a month would you like the company to contact you?",
    header: "Preferred contacts per month",
    headerNames: ["Contacts per month", "Preferred frequency", "How often", "Contact frequency"],
  },
] as const;

export type RespondentColumnTarget = (typeof RESPONDENT_COLUMNS)[number]["target"];

/** The mapping target of a questionnaire item's column. */
export function itemTarget(itemId: string): string {
  return `item:${itemId}`;
}

/** The item a target names, or null for a respondent column. */
export function itemIdOfTarget(target: string): string | null {
  return target.startsWith("item:") ? target.slice("item:".length) : null;
}

/** "trust-1: I can rely on the company to keep its promises." — the id first, so the import finds it whatever the wording. */
export function itemHeader(item: Pick<SurveyItem, "id" | "text">): string {
  return `${item.id}: ${item.text}`;
}

/** The header row of a blank answers file for this questionnaire, in the order the import reads best. */
export function responseHeaders(survey: Pick<Survey, "items">): string[] {
  const [phase, segment, date, ...preferences] = RESPONDENT_COLUMNS;
  return [
    date.header,
    phase.header,
    segment.header,
    ...survey.items.map(itemHeader),
    ...preferences.map((column) => column.header),
  ];
}
