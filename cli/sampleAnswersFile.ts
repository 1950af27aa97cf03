import { createB2bSubscriptionRoadmap } from "../shared/model/templates/b2bSubscriptionSoftware";
import { sampleSurveyAnswers } from "../shared/survey/sampleAnswers";

/** The sample answers that ship with the app, for the B2B template, as the README's worked example imports them. */
export const B2B_SAMPLE_ANSWERS_FILE = "docs/samples/b2b-survey-answers.csv";

/**
 * The shipped sample's text. The template's plan starts the month after it is
 * created, so it is created on a fixed day: the file's dates stay put.
 */
export function b2bSampleAnswers(): string {
  return sampleSurveyAnswers(createB2bSubscriptionRoadmap(new Date("2026-03-15T10:00:00Z")));
}
