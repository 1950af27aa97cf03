import Papa from "papaparse";
import type { Roadmap } from "../model/schema";
import { mulberry32 } from "../model/testing/generateRoadmap";
import { SCALE_RANGE } from "../model/vocabulary";
import { itemHeader, RESPONDENT_COLUMNS } from "./responseColumns";

/**
 * A survey tool's export of answers to the roadmap's questionnaire, for the
 * import's tests and benchmark: the blank file's columns plus four a tool adds
 * that are never stored (an id, a name, an e-mail, a comment). Same seed, same
 * file. Phases, segments and channels are written as people write them ("Lapsed
 * 6m+", "E-mail"), a few answers are left empty, and the preferred frequency
 * is a number or a word.
 */
export function surveyAnswersCsv(roadmap: Roadmap, options: { respondents: number; seed: number }): string {
  const random = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const { min, max } = SCALE_RANGE[roadmap.survey.scale];
  const [phase, segment, date, recommend, channels, frequency] = RESPONDENT_COLUMNS;
  const fields = [
    "Respondent ID",
    "Name",
    "Email address",
    date.header,
    phase.header,
    segment.header,
    ...roadmap.survey.items.map(itemHeader),
    recommend.header,
    channels.header,
    frequency.header,
    "Comment",
  ];
  const phaseNames = roadmap.phases.map((p, i) => (i % 3 === 2 ? `${p.name} (6m+)` : p.name));
  const segmentNames = roadmap.segments.map((s) => s.name);
  const channelNames = roadmap.channels.map((c, i) => (i % 2 === 0 ? c.name : c.name.toUpperCase()));
  const frequencies = ["weekly", "monthly", "quarterly", "2", "0.5", "every two weeks", "never", "1"];
  const data = Array.from({ length: options.respondents }, (_, r) => {
    const leaning = random();
    const answers = roadmap.survey.items.map(() => {
      if (random() < 0.05) return "";
      const point = min + Math.round((max - min) * (0.7 * leaning + 0.3 * random()));
      return String(point);
    });
    const preferred = [pick(channelNames), pick(channelNames)];
    return [
      `R${String(r + 1).padStart(6, "0")}`,
      `Respondent ${r + 1}`,
      `respondent${r + 1}@example.com`,
      `2026-05-${String(1 + Math.floor(random() * 14)).padStart(2, "0")}`,
      pick(phaseNames),
      pick(segmentNames),
      ...answers,
      String(Math.floor(random() * 11)),
      [...new Set(preferred)].join("; "),
      pick(frequencies),
      random() < 0.1 ? "Please call me, not e-mail; thanks" : "",
    ];
  });
  return Papa.unparse({ fields, data });
}
