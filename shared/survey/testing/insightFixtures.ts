import type { Roadmap, SurveyRespondent, SurveyWave } from "../../model/schema";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";

/** Who answered and how, in the terms a test thinks in rather than as raw answers. */
export interface RespondentSpec {
  phaseId: string | null;
  segmentId?: string | null;
  /** The score (0–100, in steps of 10) every item gets, reversed items included: the respondent's RSI. */
  strength: number;
  /** Another score for the items of these dimensions. */
  dimensions?: Readonly<Record<string, number>>;
  recommend?: number | null;
  preferredChannelIds?: readonly string[];
  preferredContactsPerMonth?: number | null;
}

/** `count` respondents alike. */
export function alike(count: number, spec: RespondentSpec): RespondentSpec[] {
  return Array.from({ length: count }, () => spec);
}

/**
 * The roadmap with one more wave of answers, on a 0–10 scale so that a
 * strength of 70 is an answer of 7 (3 on reversed items).
 */
export function withWave(
  roadmap: Roadmap,
  specs: readonly RespondentSpec[],
  wave: Partial<Pick<SurveyWave, "id" | "date" | "name">> = {},
): Roadmap {
  const { items } = roadmap.survey;
  const respondents: SurveyRespondent[] = specs.map((spec) => ({
    phaseId: spec.phaseId,
    segmentId: spec.segmentId ?? null,
    date: null,
    answers: items.map((item) => {
      const score = spec.dimensions?.[item.dimensionId] ?? spec.strength;
      const answer = score / 10;
      return item.reversed ? 10 - answer : answer;
    }),
    recommend: spec.recommend ?? null,
    preferredChannelIds: [...(spec.preferredChannelIds ?? [])],
    preferredContactsPerMonth: spec.preferredContactsPerMonth ?? null,
  }));
  const date = wave.date ?? "2026-03-01";
  return {
    ...roadmap,
    survey: {
      ...roadmap.survey,
      waves: [
        ...roadmap.survey.waves,
        {
          id: wave.id ?? `wave-${date}`,
          name: wave.name ?? `Wave of ${date}`,
          date,
          importedAt: `${date}T09:00:00.000Z`,
          source: "answers.csv",
          scale: "0-10",
          itemIds: items.map((item) => item.id),
          respondents,
          excluded: 0,
        },
      ],
    },
  };
}

/**
 * The B2B subscription template (phases Trial → First 90 days → Active
 * single-product → Multi-product → Advocate → Renewal due → At risk →
 * Lapsed; segments Enterprise, Mid-market, Small business), fixed in time.
 */
export function b2bRoadmap(): Roadmap {
  return createB2bSubscriptionRoadmap(new Date("2026-01-15T00:00:00Z"));
}

/**
 * The template with a wave in which relationships weaken along the
 * lifecycle, fall hardest from Multi-product to Advocate (relevance weakest
 * there), and small businesses want at most 1 contact a month by email;
 * the at-risk and lapsed answer low and would rather not hear from the company.
 */
export function surveyedB2bRoadmap(): Roadmap {
  const specs: RespondentSpec[] = [
    ...alike(6, {
      phaseId: "phase-trial",
      segmentId: "smallBusiness",
      strength: 80,
      recommend: 9,
      preferredContactsPerMonth: 1,
      preferredChannelIds: ["email"],
    }),
    ...alike(6, {
      phaseId: "phase-first-90-days",
      segmentId: "smallBusiness",
      strength: 70,
      recommend: 8,
      preferredContactsPerMonth: 1,
      preferredChannelIds: ["email"],
    }),
    ...alike(6, {
      phaseId: "phase-active-single",
      segmentId: "midMarket",
      strength: 70,
      recommend: 8,
      preferredContactsPerMonth: 3,
      preferredChannelIds: ["email", "phone"],
    }),
    ...alike(6, {
      phaseId: "phase-multi-product",
      segmentId: "enterprise",
      strength: 70,
      recommend: 9,
      preferredContactsPerMonth: 4,
      preferredChannelIds: ["fieldSales"],
    }),
    ...alike(6, {
      phaseId: "phase-advocate",
      segmentId: "enterprise",
      strength: 40,
      dimensions: { relevance: 10 },
      recommend: 7,
      preferredContactsPerMonth: 4,
      preferredChannelIds: ["fieldSales"],
    }),
    ...alike(6, {
      phaseId: "phase-at-risk",
      segmentId: "midMarket",
      strength: 30,
      dimensions: { trust: 20 },
      recommend: 3,
      preferredContactsPerMonth: 0,
      preferredChannelIds: ["email"],
    }),
    ...alike(6, {
      phaseId: "phase-lapsed",
      segmentId: "smallBusiness",
      strength: 20,
      recommend: 2,
      preferredContactsPerMonth: 0,
      preferredChannelIds: [],
    }),
  ];
  return withWave(b2bRoadmap(), specs);
}
