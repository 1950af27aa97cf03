import type { ImportMappings, Survey, SurveyDimension, SurveyItem } from "../model/schema";

/** Cells with fewer respondents than this show "too few answers" unless the user sets another minimum. */
export const DEFAULT_MINIMUM_RESPONDENTS = 5;

const DIMENSIONS: readonly (readonly [id: string, name: string])[] = [
  ["trust", "Trust"],
  ["satisfaction", "Satisfaction"],
  ["commitment", "Commitment"],
  ["value", "Perceived value"],
  ["relevance", "Relevance of communications"],
  ["ease", "Ease of doing business"],
];

/** [dimension, statement, reversed]: agreement statements, a few worded against the relationship so that straight-lining shows. */
const ITEMS: readonly (readonly [dimensionId: string, text: string, reversed: boolean])[] = [
  ["trust", "I can rely on the company to keep its promises.", false],
  ["trust", "The company is honest with me about what it can and cannot do.", false],
  ["trust", "I worry that the company puts its own interest before mine.", true],
  ["satisfaction", "Overall, I am satisfied with the company.", false],
  ["satisfaction", "The company meets my expectations.", false],
  ["satisfaction", "I am often disappointed by the company.", true],
  ["commitment", "I intend to stay a customer of the company for years.", false],
  ["commitment", "I feel a sense of belonging with the company.", false],
  ["commitment", "I would switch to a competitor for a small saving.", true],
  ["value", "What I get from the company is worth what I pay.", false],
  ["value", "The company helps me get more out of what I have bought.", false],
  ["value", "The company's offers are good value compared with others.", false],
  ["relevance", "The messages I get from the company are relevant to me.", false],
  ["relevance", "The company contacts me at the right moments.", false],
  ["relevance", "I get more messages from the company than I want.", true],
  ["relevance", "The company knows who I am when it contacts me.", false],
  ["ease", "It is easy to get help from the company when I need it.", false],
  ["ease", "Doing business with the company takes little effort.", false],
  ["ease", "I have to repeat myself every time I contact the company.", true],
  ["ease", "Problems I report are solved the first time.", false],
];

/**
 * The built-in relationship questionnaire: 20 agreement items in six
 * dimensions of equal weight on a 1–5 scale, five of them reverse-worded.
 * Likelihood to recommend and the preferred channels and frequency are asked
 * besides, as fields of every respondent.
 */
export function builtInQuestionnaire(): Survey {
  const dimensions: SurveyDimension[] = DIMENSIONS.map(([id, name]) => ({ id, name, weight: 1 }));
  const counters = new Map<string, number>();
  const items: SurveyItem[] = ITEMS.map(([dimensionId, text, reversed]) => {
    const n = (counters.get(dimensionId) ?? 0) + 1;
    counters.set(dimensionId, n);
    return { id: `${dimensionId}-${n}`, text, dimensionId, reversed };
  });
  return { scale: "1-5", dimensions, items, minimumRespondents: DEFAULT_MINIMUM_RESPONDENTS, waves: [] };
}

/** No import has been mapped yet. */
export function noImportMappings(): ImportMappings {
  return { survey: { columns: [], values: [] }, inventory: { columns: [], values: [] } };
}
