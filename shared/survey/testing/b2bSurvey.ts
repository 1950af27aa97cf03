import type { Roadmap } from "../../model/schema";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { type SurveyRow, withSurveyWave } from "./surveyWave";

/** How favourably each phase's respondents answer, on the 1–5 scale; a phase left out has no respondents. */
const PHASE_LEVELS: Record<string, number> = {
  "phase-first-90-days": 3.6,
  "phase-active-single": 3.4,
  "phase-multi-product": 4.1,
  "phase-advocate": 4.5,
  "phase-renewal-due": 3.5,
  "phase-at-risk": 2.3,
};

const SEGMENT_OFFSETS: Record<string, number> = { enterprise: 0.2, midMarket: 0, smallBusiness: -0.3 };

/**
 * The B2B subscription template with two waves of made-up answers to its
 * built-in questionnaire, by phase and segment: "Trial" has 3 respondents
 * (too few for an RSI), "Lapsed" none, small business in "Advocate" 2; every
 * other cell 6. The later wave, of 2026-03-01, is a little stronger throughout.
 */
export function b2bSurveyRoadmap(): Roadmap {
  const template = createB2bSubscriptionRoadmap(new Date("2026-02-01T09:00:00Z"));
  const earlier = withSurveyWave(template, surveyRows(template, -0.25), { date: "2025-09-01", name: "Autumn 2025" });
  return withSurveyWave(earlier, surveyRows(template, 0), { date: "2026-03-01", name: "Spring 2026" });
}

function surveyRows(roadmap: Roadmap, shift: number): SurveyRow[] {
  const { items } = roadmap.survey;
  const respondent = (phase: string, segment: string, level: number, j: number): SurveyRow => ({
    phase,
    segment,
    // A fixed spread around the level, by respondent and by item, so cells differ and intervals have a width.
    answers: items.map((item, k) => {
      const spread = (((j * 2) % 5) - 2) * 0.3 + (((j + k * 3) % 5) - 2) * 0.35;
      const favourable = Math.min(5, Math.max(1, Math.round(level + spread)));
      return item.reversed ? 6 - favourable : favourable;
    }),
  });
  const rows: SurveyRow[] = [];
  for (let j = 0; j < 3; j++) rows.push(respondent("phase-trial", "smallBusiness", 3 + shift, j));
  for (const [phase, level] of Object.entries(PHASE_LEVELS)) {
    for (const [segment, offset] of Object.entries(SEGMENT_OFFSETS)) {
      const count = phase === "phase-advocate" && segment === "smallBusiness" ? 2 : 6;
      for (let j = 0; j < count; j++) rows.push(respondent(phase, segment, level + offset + shift, j));
    }
  }
  return rows;
}
