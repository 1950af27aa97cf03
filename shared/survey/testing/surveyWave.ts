import type { Roadmap, SurveyRespondent, SurveyScale, SurveyWave } from "../../model/schema";

/**
 * One made-up respondent: the phase and segment they are in and their
 * answers, as one answer to every item, as a list in the wave's item order,
 * or by item id (items left out are not answered).
 */
export interface SurveyRow {
  phase: string | null;
  segment?: string | null;
  answers: number | readonly (number | null)[] | Readonly<Record<string, number | null>>;
  recommend?: number | null;
  preferredChannelIds?: readonly string[];
  preferredContactsPerMonth?: number | null;
  date?: string | null;
}

export interface SurveyWaveOptions {
  /** Defaults to "2026-03-01"; the wave's id is `wave-<date>` unless `id` says otherwise. */
  date?: string;
  id?: string;
  name?: string;
  /** The scale answers were given on; the questionnaire's by default. */
  scale?: SurveyScale;
  /** The items the answers stand for; the questionnaire's items by default. */
  itemIds?: readonly string[];
  excluded?: number;
}

/**
 * A wave of survey answers for tests, built straight from rows as the import
 * would store them, so tests of what shows the RSI need not go through a file.
 */
export function surveyWave(roadmap: Roadmap, rows: readonly SurveyRow[], options: SurveyWaveOptions = {}): SurveyWave {
  const date = options.date ?? "2026-03-01";
  const itemIds = [...(options.itemIds ?? roadmap.survey.items.map((item) => item.id))];
  const answersOf = (answers: SurveyRow["answers"]): (number | null)[] => {
    if (typeof answers === "number") return itemIds.map(() => answers);
    if (isAnswerList(answers)) return itemIds.map((_, i) => answers[i] ?? null);
    return itemIds.map((itemId) => answers[itemId] ?? null);
  };
  const respondents: SurveyRespondent[] = rows.map((row) => ({
    phaseId: row.phase,
    segmentId: row.segment ?? null,
    date: row.date ?? null,
    answers: answersOf(row.answers),
    recommend: row.recommend ?? null,
    preferredChannelIds: [...(row.preferredChannelIds ?? [])],
    preferredContactsPerMonth: row.preferredContactsPerMonth ?? null,
  }));
  return {
    id: options.id ?? `wave-${date}`,
    name: options.name ?? `Survey ${date}`,
    date,
    importedAt: `${date}T12:00:00.000Z`,
    source: "answers.csv",
    scale: options.scale ?? roadmap.survey.scale,
    itemIds,
    respondents,
    excluded: options.excluded ?? 0,
  };
}

/** The roadmap with one more wave of answers (replacing a wave of the same date, as a re-import does). */
export function withSurveyWave(roadmap: Roadmap, rows: readonly SurveyRow[], options: SurveyWaveOptions = {}): Roadmap {
  const wave = surveyWave(roadmap, rows, options);
  return {
    ...roadmap,
    survey: { ...roadmap.survey, waves: [...roadmap.survey.waves.filter((w) => w.date !== wave.date), wave] },
  };
}

function isAnswerList(answers: SurveyRow["answers"]): answers is readonly (number | null)[] {
  return Array.isArray(answers);
}
