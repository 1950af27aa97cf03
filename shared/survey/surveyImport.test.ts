import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { guessMapping } from "../import/mapping";
import { readTable, type Table, type TableCell } from "../import/table";
import { deleteElements } from "../model/edits";
import { LIMITS } from "../model/limits";
import { byteLength, serializeRoadmap } from "../model/roadmapFile";
import { type ImportMapping, type Roadmap, RoadmapSchema } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { itemHeader, responseHeaders } from "./responseColumns";
import { computeRsi } from "./rsi";
import { MAX_LISTED_PROBLEMS, type SurveyImportOptions, surveyImportKind } from "./surveyImport";
import { surveyAnswersCsv } from "./surveyImportTesting";

const NOW = new Date("2026-06-01T12:00:00.000Z");

function roadmap(): Roadmap {
  return createB2bSubscriptionRoadmap(new Date("2026-05-01T09:00:00.000Z"));
}

function table(headers: string[], rows: TableCell[][], fileName = "answers.csv"): Table {
  return { fileName, sheetName: null, sheetNames: [], headers, rows, encoding: "UTF-8" };
}

/** The blank answers file's columns, with the first `itemCount` items. */
function blankHeaders(map: Roadmap, itemCount = 4): string[] {
  return responseHeaders({ items: map.survey.items.slice(0, itemCount) });
}

/** A row of the blank file's columns (`blankHeaders`): date, phase, segment, answers…, recommend, channels, frequency. */
function answerRow(
  answers: TableCell[],
  fields: {
    date?: TableCell;
    phase?: TableCell;
    segment?: TableCell;
    recommend?: TableCell;
    channels?: TableCell;
    frequency?: TableCell;
  } = {},
): TableCell[] {
  return [
    fields.date ?? "2026-05-14",
    fields.phase ?? "Trial",
    fields.segment ?? "Mid-market",
    ...answers,
    fields.recommend ?? "8",
    fields.channels ?? "Email",
    fields.frequency ?? "monthly",
  ];
}

function guess(map: Roadmap, file: Table): ImportMapping {
  return guessMapping(file, surveyImportKind.targets(map), map.importMappings.survey);
}

function importRows(map: Roadmap, rows: TableCell[][], options: SurveyImportOptions = { now: NOW }) {
  const file = table(blankHeaders(map), rows);
  const mapping = guess(map, file);
  return { mapping, preview: surveyImportKind.preview(map, file, mapping, "en-US", options) };
}

function targetOf(mapping: ImportMapping, header: string): string | undefined {
  return mapping.columns.find((c) => c.header === header)?.target;
}

describe("guessing the mapping", () => {
  it("maps every column of the blank answers file without help", () => {
    const map = roadmap();
    const headers = responseHeaders(map.survey);
    const mapping = guess(map, table(headers, []));
    expect(mapping.columns.map((c) => c.target)).toEqual([
      "date",
      "phase",
      "segment",
      ...map.survey.items.map((item) => `item:${item.id}`),
      "recommend",
      "preferredChannels",
      "preferredContactsPerMonth",
    ]);
  });

  it("reads a survey tool's own headers and leaves names and e-mails unmapped", () => {
    const map = roadmap();
    const [trust1, trust2, trust3, satisfaction1] = map.survey.items;
    if (!trust1 || !trust2 || !trust3 || !satisfaction1) throw new Error("the questionnaire has 20 items");
    const headers = [
      "Respondent ID",
      "Timestamp",
      "Email address",
      "Full name",
      "Lifecycle stage",
      "Customer type",
      "TRUST_1",
      `${trust2.id} (1 = disagree, 5 = agree)`,
      trust3.text.toUpperCase().replace(/\.$/, ""),
      `${satisfaction1.text} [1-5]`,
      "NPS",
      "Preferred channel",
      "How often would you like to hear from us?",
    ];
    const mapping = guess(map, table(headers, []));
    expect(mapping.columns.map((c) => c.target)).toEqual([
      "",
      "date",
      "",
      "",
      "phase",
      "segment",
      `item:${trust1.id}`,
      `item:${trust2.id}`,
      `item:${trust3.id}`,
      `item:${satisfaction1.id}`,
      "recommend",
      "preferredChannels",
      "preferredContactsPerMonth",
    ]);
  });

  it("maps phase, segment and channel values as people write them", () => {
    const map = roadmap();
    const file = table(blankHeaders(map, 1), [
      answerRow(["4"], { phase: "Lapsed 6m+", segment: "small business", channels: "E-mail; phone" }),
      answerRow(["4"], { phase: "trial", segment: "Enterprise", channels: "In-app" }),
    ]);
    const values = guess(map, file).values.map((v) => [v.target, v.value, v.id]);
    expect(values).toEqual([
      ["phase", "Lapsed 6m+", "phase-lapsed"],
      ["phase", "trial", "phase-trial"],
      ["segment", "small business", "smallBusiness"],
      ["segment", "Enterprise", "enterprise"],
      ["preferredChannels", "E-mail", "email"],
      ["preferredChannels", "phone", "phone"],
      ["preferredChannels", "In-app", "webInApp"],
    ]);
  });
});

describe("previewing answers", () => {
  it("reads every field of a respondent and changes nothing until applied", () => {
    const map = roadmap();
    const { preview } = importRows(map, [
      answerRow(["4", "4.0", "", "1"], {
        phase: "Lapsed 6m+",
        segment: "Small business",
        channels: "E-mail; Phone; email",
        frequency: "every two weeks",
        date: "12.05.2026",
      }),
      answerRow(["5", "5", "5", "5"], { segment: "", recommend: "", channels: "", frequency: "2.5" }),
    ]);
    expect(preview.problems).toEqual([]);
    expect(preview.accepted).toBe(2);
    expect(preview.refused).toBe(0);
    expect(preview.change.wave?.respondents).toEqual([
      {
        phaseId: "phase-lapsed",
        segmentId: "smallBusiness",
        date: "2026-05-12",
        answers: [4, 4, null, 1],
        recommend: 8,
        preferredChannelIds: ["email", "phone"],
        preferredContactsPerMonth: 2.17,
      },
      {
        phaseId: "phase-trial",
        segmentId: null,
        date: "2026-05-14",
        answers: [5, 5, 5, 5],
        recommend: null,
        preferredChannelIds: [],
        preferredContactsPerMonth: 2.5,
      },
    ]);
    expect(map.survey.waves).toEqual([]);
  });

  it("refuses each bad cell with its row, column and value, and keeps the good rows", () => {
    const map = roadmap();
    const [item1, item2] = map.survey.items.map(itemHeader);
    const { preview } = importRows(map, [
      answerRow(["6", "4", "4", "4"]),
      answerRow(["4", "abc", "4", "4"]),
      answerRow(["3.5", "4", "4", "4"]),
      answerRow(["4", "4", "4", "4"], { phase: "Prospect" }),
      answerRow(["4", "4", "4", "4"], { phase: "" }),
      answerRow(["4", "4", "4", "4"], { segment: "Consumers" }),
      answerRow(["4", "4", "4", "4"], { channels: "Email; Fax" }),
      answerRow(["4", "4", "4", "4"], { recommend: "11" }),
      answerRow(["4", "4", "4", "4"], { date: "2026-02-30" }),
      answerRow(["4", "4", "4", "4"], { date: "May 14" }),
      ["", "", "", "", "", "", "", "", "", ""],
      answerRow(["4", "4", "4", "4"], { frequency: "sometimes" }),
      answerRow(["0", "4", "4", "4"], { recommend: "-1" }),
      answerRow(["4", "4", "4", "4"]),
    ]);
    expect(preview.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, item1, "6"],
      [3, item2, "abc"],
      [4, item1, "3.5"],
      [5, "Phase", "Prospect"],
      [6, "Phase", ""],
      [7, "Segment", "Consumers"],
      [8, "Preferred channels", "Email; Fax"],
      [9, "Likelihood to recommend (0-10)", "11"],
      [10, "Date", "2026-02-30"],
      [11, "Date", "May 14"],
      [12, null, null],
      [13, "Preferred contacts per month", "sometimes"],
      [14, item1, "0"],
      [14, "Likelihood to recommend (0-10)", "-1"],
    ]);
    expect(preview.problems.map((p) => p.problem)).toEqual([
      "outside the scale 1–5",
      'not a number nor an agreement like "Agree"',
      "not a whole number from 1 to 5",
      'unknown phase: "Prospect" is not mapped to a phase of the roadmap',
      "no phase given",
      'unknown segment: "Consumers" is not mapped to a segment of the roadmap',
      'unknown channel: "Fax" is not mapped to a channel of the roadmap',
      "outside the scale 0–10",
      "not a day of the calendar",
      "not a date: write 2026-05-14, 14.05.2026 or 14/05/2026",
      "empty row",
      "not a number of contacts a month, nor one of: never, yearly, twice a year, quarterly, monthly, every two weeks, weekly",
      "outside the scale 1–5",
      "outside the scale 0–10",
    ]);
    expect(preview.refused).toBe(13);
    expect(preview.accepted).toBe(1);
    expect(preview.summary).toBe(
      'Adds the wave "Wave 2026-05-14" of 2026-05-14 with 1 respondent. 13 rows are refused for the problems listed.',
    );
  });

  it("refuses a value the user mapped to nothing", () => {
    const map = roadmap();
    const file = table(blankHeaders(map), [answerRow(["4", "4", "4", "4"], { phase: "Other" })]);
    const mapping = guess(map, file);
    const preview = surveyImportKind.preview(map, file, {
      ...mapping,
      values: [...mapping.values.filter((v) => v.value !== "Other"), { target: "phase", value: "Other", id: null }],
    });
    expect(preview.problems.map((p) => p.problem)).toEqual([
      'unknown phase: "Other" is not mapped to a phase of the roadmap',
    ]);
  });

  it("reads each spelling of a value as the user mapped it, even when two differ only in case", () => {
    const map = roadmap();
    const file = table(blankHeaders(map), [
      answerRow(["4", "4", "4", "4"], { phase: "LAPSED" }),
      answerRow(["4", "4", "4", "4"], { phase: "lapsed" }),
      answerRow(["4", "4", "4", "4"], { phase: "Lapsed " }),
    ]);
    const mapping = guess(map, file);
    const values = [
      ...mapping.values.filter((v) => v.target !== "phase"),
      { target: "phase", value: "LAPSED", id: null },
      { target: "phase", value: "lapsed", id: "phase-lapsed" },
    ];
    const preview = surveyImportKind.preview(map, file, { ...mapping, values }, "en-US", { now: NOW });
    expect(preview.problems.map((p) => [p.row, p.value])).toEqual([[2, "LAPSED"]]);
    expect(preview.change.wave?.respondents.map((r) => r.phaseId)).toEqual(["phase-lapsed", "phase-lapsed"]);
  });

  it("reads numbers as the user's locale writes them", () => {
    const map = roadmap();
    const file = table(blankHeaders(map), [answerRow(["4", "4,0", "4", "4"], { frequency: "2,5" })]);
    const preview = surveyImportKind.preview(map, file, guess(map, file), "de-DE", { now: NOW });
    expect(preview.problems).toEqual([]);
    expect(preview.change.wave?.respondents[0]).toMatchObject({
      answers: [4, 4, 4, 4],
      preferredContactsPerMonth: 2.5,
    });
  });

  it("reads points written with their label, and agreement labels alone", () => {
    const map = roadmap();
    const { preview } = importRows(map, [
      answerRow(["5 - Strongly agree", "Agree", "neither agree nor disagree", "1 (Strongly disagree)"], {
        recommend: "10 = Extremely likely",
      }),
    ]);
    expect(preview.problems).toEqual([]);
    expect(preview.change.wave?.respondents[0]).toMatchObject({ answers: [5, 4, 3, 1], recommend: 10 });
    map.survey.scale = "1-7";
    const seven = importRows(map, [answerRow(["Strongly agree", "Agree", "Somewhat agree", "Neutral"])]).preview;
    expect(seven.change.wave?.respondents[0]?.answers).toEqual([7, 6, 5, 4]);
  });

  it("reads the preferred frequency as a number or in words", () => {
    const words = [
      "weekly",
      "Every two weeks",
      "monthly",
      "quarterly",
      "twice a year",
      "yearly",
      "never",
      "Once a week",
    ];
    const { preview } = importRows(roadmap(), [
      ...words.map((frequency) => answerRow(["4", "4", "4", "4"], { frequency })),
      answerRow(["4", "4", "4", "4"], { frequency: "150" }),
    ]);
    expect(preview.change.wave?.respondents.map((r) => r.preferredContactsPerMonth)).toEqual([
      4.33, 2.17, 1, 0.33, 0.17, 0.08, 0, 4.33,
    ]);
    expect(preview.problems.map((p) => [p.value, p.problem])).toEqual([["150", "outside 0–100 contacts a month"]]);
  });

  it("reads columns by their header when the mapping lists them in another order", () => {
    const map = roadmap();
    const file = table(blankHeaders(map), [answerRow(["1", "2", "3", "4"])]);
    const mapping = guess(map, file);
    const reordered = { ...mapping, columns: [...mapping.columns].reverse() };
    const preview = surveyImportKind.preview(map, file, reordered, "en-US", { now: NOW });
    expect(preview.change.wave?.respondents[0]?.answers).toEqual([1, 2, 3, 4]);
    expect(preview.change.wave?.itemIds).toEqual(map.survey.items.slice(0, 4).map((item) => item.id));
  });

  it("imports nothing from a file with a header row only", () => {
    const { preview } = importRows(roadmap(), []);
    expect(preview.change.wave).toBeNull();
    expect(preview.summary).toBe("Nothing to import: no row has a respondent to add.");
  });

  it("reads answers on the questionnaire's own scale", () => {
    const map = roadmap();
    map.survey.scale = "0-10";
    const { preview } = importRows(map, [answerRow(["0", "10", "7", "11"])]);
    expect(preview.problems.map((p) => [p.value, p.problem])).toEqual([["11", "outside the scale 0–10"]]);
  });

  it("leaves out respondents who answered fewer than half of the mapped items, and counts them", () => {
    const map = roadmap();
    const { preview } = importRows(map, [
      answerRow(["4", "4", "", ""]),
      answerRow(["4", "", "", ""]),
      answerRow(["", "", "", ""]),
      answerRow(["5", "5", "5", "5"]),
    ]);
    expect(preview.accepted).toBe(2);
    expect(preview.refused).toBe(0);
    expect(preview.change.wave?.excluded).toBe(2);
    expect(preview.summary).toBe(
      'Adds the wave "Wave 2026-05-14" of 2026-05-14 with 2 respondents. 2 respondents answered fewer than half of the items and are left out.',
    );
  });

  it("lists the first thousand problems and counts every refused row", () => {
    const map = roadmap();
    const bad = Array.from({ length: 1_500 }, () => answerRow(["9", "4", "4", "4"]));
    const { preview } = importRows(map, [...bad, answerRow(["4", "4", "4", "4"])]);
    expect(preview.refused).toBe(1_500);
    expect(preview.accepted).toBe(1);
    expect(preview.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(preview.problems.at(-1)?.problem).toBe("500 more problems are not listed.");
  });

  it("says what is missing from the mapping and imports nothing", () => {
    const map = roadmap();
    const file = table(blankHeaders(map), [answerRow(["4", "4", "4", "4"])]);
    const mapping = guess(map, file);
    const withTargets = (change: (target: string, header: string) => string): ImportMapping => ({
      ...mapping,
      columns: mapping.columns.map((c) => ({ ...c, target: change(c.target, c.header) })),
    });
    const problemsOf = (m: ImportMapping) => {
      const preview = surveyImportKind.preview(map, file, m);
      expect(preview.change.wave).toBeNull();
      expect(surveyImportKind.apply(map, preview.change, m)).toBe(map);
      return preview.problems.map((p) => p.problem);
    };
    expect(problemsOf(withTargets((t) => (t === "phase" ? "" : t)))).toEqual([
      "Map a column to Phase: every respondent needs their lifecycle phase.",
    ]);
    expect(problemsOf(withTargets((t) => (t.startsWith("item:") ? "" : t)))).toEqual([
      "Map at least one column to a questionnaire item.",
    ]);
    expect(problemsOf(withTargets((t) => (t === "segment" ? "phase" : t)))).toEqual([
      '"Phase" and "Segment" are both mapped to Phase: map only one of them.',
    ]);
    expect(problemsOf(withTargets((t) => (t === "recommend" ? "item:gone" : t)))).toEqual([
      'Column "Likelihood to recommend (0-10)" is mapped to "item:gone", which is no questionnaire item or respondent field.',
    ]);
  });
});

describe("respondent dates", () => {
  const datesOf = (dates: string[]) => {
    const { preview } = importRows(
      roadmap(),
      dates.map((date) => answerRow(["4", "4", "4", "4"], { date })),
    );
    return {
      dates: preview.change.wave?.respondents.map((r) => r.date),
      problems: preview.problems.map((p) => [p.value, p.problem]),
      summary: preview.summary,
    };
  };

  it("reads ISO dates, dotted and slashed days, and ignores a time of day", () => {
    expect(datesOf(["2026-05-14", "2026-05-14 10:22:31", "14.05.2026", "14/05/2026", "3/5/2026"]).dates).toEqual([
      "2026-05-14",
      "2026-05-14",
      "2026-05-14",
      "2026-05-14",
      "2026-05-03",
    ]);
  });

  it("reads a column as month first when one of its dates can only be that", () => {
    expect(datesOf(["5/14/2026 9:05", "5/3/2026"]).dates).toEqual(["2026-05-14", "2026-05-03"]);
  });

  it("says that a slashed column is read day first when its dates could be either", () => {
    expect(datesOf(["03/04/2026"]).summary).toContain("Dates like 03/04/2026 are read day first (3 April).");
  });

  it("refuses a date that could be either in a column that has both orders", () => {
    expect(datesOf(["14/05/2026", "5/14/2026", "3/4/2026"]).problems).toEqual([
      ["3/4/2026", "ambiguous: it may be 2026-04-03 or 2026-03-04; write dates as YYYY-MM-DD"],
    ]);
  });
});

describe("the wave", () => {
  it("is dated by the latest respondent date and named after it", () => {
    const { preview } = importRows(roadmap(), [
      answerRow(["4", "4", "4", "4"], { date: "2026-05-02" }),
      answerRow(["4", "4", "4", "4"], { date: "2026-05-20" }),
    ]);
    expect(preview.change.wave).toMatchObject({
      date: "2026-05-20",
      name: "Wave 2026-05-20",
      importedAt: NOW.toISOString(),
      source: "answers.csv",
      scale: "1-5",
      excluded: 0,
    });
  });

  it("is dated today when the file has no dates, and as the user says when told", () => {
    const map = roadmap();
    const undated = [answerRow(["4", "4", "4", "4"], { date: "" })];
    expect(importRows(map, undated).preview.change.wave?.date).toBe("2026-06-01");
    const named = importRows(map, undated, { now: NOW, waveDate: "2026-03-31", waveName: "Spring survey" });
    expect(named.preview.change.wave).toMatchObject({ date: "2026-03-31", name: "Spring survey" });
    const none = importRows(map, undated, {});
    expect(none.preview.change.wave).toBeNull();
    expect(none.preview.problems.map((p) => p.problem)).toEqual([
      "The file has no respondent dates: give the wave's date.",
    ]);
    const wrong = importRows(map, undated, { waveDate: "31/02/2026" });
    expect(wrong.preview.problems.map((p) => p.problem)).toEqual([
      `The wave's date "31/02/2026" is not a date like 2026-05-14.`,
    ]);
  });

  it("is refused beyond what the file format holds: a wave's respondents, a roadmap's waves, a name's length", () => {
    const map = roadmap();
    const [item] = map.survey.items;
    if (!item) throw new Error("the questionnaire has 20 items");
    const huge = table(
      ["Phase", itemHeader(item)],
      Array.from({ length: LIMITS.respondentsPerWave + 1 }, () => ["Trial", "4"]),
    );
    const tooMany = surveyImportKind.preview(map, huge, guess(map, huge), "en-US", { now: NOW });
    expect(tooMany.change.wave).toBeNull();
    expect(tooMany.problems.map((p) => p.problem)).toEqual([
      "The file has 100,001 respondents; a wave holds at most 100,000.",
    ]);

    const row = [answerRow(["4", "4", "4", "4"])];
    const longName = importRows(map, row, { now: NOW, waveName: "x".repeat(201) }).preview;
    expect(longName.problems.map((p) => p.problem)).toEqual(["The wave's name is longer than 200 characters."]);

    const full: Roadmap = {
      ...map,
      survey: {
        ...map.survey,
        waves: Array.from({ length: LIMITS.surveyWaves }, (_, i) => ({
          id: `wave-${i}`,
          name: `Wave ${i}`,
          date: `${1900 + i}-01-01`,
          importedAt: NOW.toISOString(),
          source: "old.csv",
          scale: "1-5" as const,
          itemIds: [],
          respondents: [],
          excluded: 0,
        })),
      },
    };
    const oneMore = importRows(full, row).preview;
    expect(oneMore.problems.map((p) => p.problem)).toEqual([
      "The roadmap already has 100 waves, the most it may hold: remove one first.",
    ]);
    const replacing = importRows(full, [answerRow(["4", "4", "4", "4"], { date: "1950-01-01" })]).preview;
    expect(replacing.problems).toEqual([]);
    expect(replacing.change.replaces?.id).toBe("wave-50");
  });

  it("holds the mapped items in column order and nothing of the unmapped columns", () => {
    const map = roadmap();
    const [a, b, c] = map.survey.items;
    if (!a || !b || !c) throw new Error("the questionnaire has 20 items");
    const file = table(
      ["Phase", "Email address", itemHeader(c), "Name", itemHeader(a), itemHeader(b)],
      [["Trial", "jane@example.com", "2", "Jane Roe", "4", "5"]],
    );
    const mapping = guess(map, file);
    const preview = surveyImportKind.preview(map, file, mapping, "en-US", { now: NOW });
    expect(preview.change.wave?.itemIds).toEqual([c.id, a.id, b.id]);
    expect(preview.change.wave?.respondents[0]?.answers).toEqual([2, 4, 5]);
    const saved = serializeRoadmap(surveyImportKind.apply(map, preview.change, mapping));
    expect(saved).not.toContain("jane@example.com");
    expect(saved).not.toContain("Jane Roe");
  });
});

describe("applying an import", () => {
  it("adds the wave and remembers the mapping, in a roadmap the file format accepts", () => {
    const map = roadmap();
    const { mapping, preview } = importRows(map, [answerRow(["4", "4", "4", "4"])]);
    const next = surveyImportKind.apply(map, preview.change, mapping);
    expect(next.survey.waves).toEqual([preview.change.wave]);
    expect(next.importMappings.survey).toEqual(mapping);
    expect(RoadmapSchema.safeParse(next).success).toBe(true);
    expect(map.survey.waves).toEqual([]);
  });

  it("replaces the wave of the same date, keeping its id and name, and keeps the others in date order", () => {
    let map = roadmap();
    const importOn = (date: string, count: number, options: SurveyImportOptions = { now: NOW }) => {
      const rows = Array.from({ length: count }, () => answerRow(["4", "4", "4", "4"], { date }));
      const { mapping, preview } = importRows(map, rows, options);
      map = surveyImportKind.apply(map, preview.change, mapping);
      return preview;
    };
    importOn("2026-05-14", 3, { now: NOW, waveName: "Spring" });
    importOn("2026-01-10", 2);
    const first = map.survey.waves[1];
    const again = importOn("2026-05-14", 5);
    expect(again.summary).toBe("Replaces the wave of 2026-05-14 (3 respondents) with 5 respondents.");
    expect(map.survey.waves.map((w) => [w.date, w.name, w.respondents.length])).toEqual([
      ["2026-01-10", "Wave 2026-01-10", 2],
      ["2026-05-14", "Spring", 5],
    ]);
    expect(map.survey.waves[1]?.id).toBe(first?.id);
    expect(RoadmapSchema.safeParse(map).success).toBe(true);
  });

  it("reads the next wave's file with the remembered mapping, user corrections included", () => {
    const map = roadmap();
    const headers = ["Submitted", "Stage", ...map.survey.items.slice(0, 3).map((item) => item.id), "Channel(s)"];
    const rows: TableCell[][] = [
      ["2026-05-14", "Churned", "4", "4", "5", "E-mail"],
      ["2026-05-14", "Trial", "3", "4", "5", "Phone"],
    ];
    const first = table(headers, rows);
    const guessed = guess(map, first);
    // The guess cannot know that "Stage" is the phase column, nor that "Churned" means Lapsed.
    expect(targetOf(guessed, "Stage")).toBe("");
    const corrected: ImportMapping = {
      columns: guessed.columns.map((c) => (c.header === "Stage" ? { ...c, target: "phase" } : c)),
      values: [
        { target: "phase", value: "Churned", id: "phase-lapsed" },
        { target: "phase", value: "Trial", id: "phase-trial" },
        ...guessed.values,
      ],
    };
    const preview = surveyImportKind.preview(map, first, corrected, "en-US", { now: NOW });
    expect(preview.problems).toEqual([]);
    const next = surveyImportKind.apply(map, preview.change, corrected);

    const second = table(headers, [...rows].reverse());
    const remembered = guess(next, second);
    expect(targetOf(remembered, "Stage")).toBe("phase");
    expect(remembered.columns).toEqual(corrected.columns);
    const byValue = (values: ImportMapping["values"]) => [...values].sort((a, b) => a.value.localeCompare(b.value));
    expect(byValue(remembered.values)).toEqual(byValue(corrected.values));
    const again = surveyImportKind.preview(next, second, remembered, "en-US", { now: NOW });
    expect(again.problems).toEqual([]);
    expect(again.accepted).toBe(2);
  });

  it("leaves a respondent's phase empty when the phase was removed between preview and confirmation", () => {
    const map = roadmap();
    const { mapping, preview } = importRows(map, [
      answerRow(["4", "4", "4", "4"], { phase: "Lapsed" }),
      answerRow(["4", "4", "4", "4"], { phase: "Trial" }),
    ]);
    const edited = deleteElements(map, { phaseIds: ["phase-lapsed"], transitionIds: [] });
    const next = surveyImportKind.apply(edited, preview.change, mapping);
    expect(next.survey.waves[0]?.respondents.map((r) => r.phaseId)).toEqual([null, "phase-trial"]);
    expect(next.survey.waves[0]?.respondents[0]?.answers).toEqual([4, 4, 4, 4]);
    expect(RoadmapSchema.safeParse(next).success).toBe(true);
  });

  it("imports a workbook's number and date cells", async () => {
    const map = roadmap();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Responses");
    sheet.addRow(blankHeaders(map));
    sheet.addRow([new Date(Date.UTC(2026, 4, 14)), "Trial", "Enterprise", 4, 5, 3, 2, 9, "Email", 2]);
    sheet.addRow([new Date(Date.UTC(2026, 4, 15)), "Advocate", "Mid-market", 5, 5, 1, 5, 10, "Phone", 0.5]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readTable("answers.xlsx", bytes);
    if (!read.ok) throw new Error(read.error);
    const preview = surveyImportKind.preview(map, read.value, guess(map, read.value), "en-US", { now: NOW });
    expect(preview.problems).toEqual([]);
    expect(preview.change.wave).toMatchObject({ date: "2026-05-15", source: "answers.xlsx" });
    expect(preview.change.wave?.respondents.map((r) => [r.date, r.phaseId, r.answers, r.recommend])).toEqual([
      ["2026-05-14", "phase-trial", [4, 5, 3, 2], 9],
      ["2026-05-15", "phase-advocate", [5, 5, 1, 5], 10],
    ]);
  });

  it("imports a survey tool's CSV file as read from disk", async () => {
    const map = roadmap();
    const csv = surveyAnswersCsv(map, { respondents: 200, seed: 7 });
    const read = await readTable("answers.csv", new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.error);
    const mapping = guess(map, read.value);
    expect(mapping.values.filter((v) => v.id === null)).toEqual([]);
    const preview = surveyImportKind.preview(map, read.value, mapping, "en-US", { now: NOW });
    expect(preview.problems).toEqual([]);
    expect(preview.accepted + (preview.change.wave?.excluded ?? 0)).toBe(200);
    const next = surveyImportKind.apply(map, preview.change, mapping);
    expect(RoadmapSchema.safeParse(next).success).toBe(true);
    expect(computeRsi(next).overall.n).toBe(preview.accepted);
  });
});

describe("what the import means for the index", () => {
  const map = roadmap();
  const items = map.survey.items.slice(0, 8);
  const headers = ["Phase", "Segment", ...items.map(itemHeader)];
  const respondent = fc.tuple(
    fc.constantFrom(...map.phases.map((p) => p.name)),
    fc.constantFrom(...map.segments.map((s) => s.name), ""),
    fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), {
      minLength: items.length,
      maxLength: items.length,
    }),
  );
  const toRow = ([phase, segment, answers]: [string, string, (number | null)[]]): TableCell[] => [
    phase,
    segment,
    ...answers.map((a) => (a === null ? "" : String(a))),
  ];
  const rsiOf = (rows: TableCell[][]) => {
    const file = table(headers, rows);
    const mapping = guess(map, file);
    const preview = surveyImportKind.preview(map, file, mapping, "en-US", { now: NOW });
    return computeRsi(surveyImportKind.apply(map, preview.change, mapping));
  };
  const figures = (result: ReturnType<typeof computeRsi>) =>
    [result.overall, ...result.cells, ...result.phases].flatMap((f) => [f.rsi, f.low, f.high]);
  const rounded = (result: ReturnType<typeof computeRsi>) => ({
    ...result,
    waveId: null,
    cells: result.cells.map((c) => ({ ...c, rsi: round(c.rsi), low: round(c.low), high: round(c.high) })),
    phases: result.phases.map((c) => ({ ...c, rsi: round(c.rsi), low: round(c.low), high: round(c.high) })),
    dimensions: result.dimensions.map((d) => ({ ...d, score: round(d.score) })),
    phaseDimensions: result.phaseDimensions.map((d) => ({ ...d, score: round(d.score) })),
    overall: {
      ...result.overall,
      rsi: round(result.overall.rsi),
      low: round(result.overall.low),
      high: round(result.overall.high),
    },
  });

  it(
    "keeps every RSI figure within 0–100",
    () => {
      fc.assert(
        fc.property(fc.array(respondent, { minLength: 1, maxLength: 60 }), (respondents) => {
          const result = rsiOf(respondents.map(toRow));
          for (const figure of figures(result)) {
            if (figure !== null) expect(figure).toBeGreaterThanOrEqual(0);
            if (figure !== null) expect(figure).toBeLessThanOrEqual(100);
          }
          for (const d of [...result.dimensions, ...result.phaseDimensions]) {
            if (d.score !== null) expect(d.score).toBeGreaterThanOrEqual(0);
            if (d.score !== null) expect(d.score).toBeLessThanOrEqual(100);
          }
        }),
        propertyRuns(150),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it(
    "gives the same figures whatever the order of the file's rows",
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(respondent, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 60 }),
          (keyed) => {
            const rows = keyed.map(([r]) => toRow(r));
            const shuffled = [...keyed].sort((x, y) => x[1] - y[1]).map(([r]) => toRow(r));
            expect(rounded(rsiOf(shuffled))).toEqual(rounded(rsiOf(rows)));
          },
        ),
        propertyRuns(150),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e9) / 1e9;
}

describe("the saved file", () => {
  it(
    "grows by at most 3 MB with 10,000 respondents of a 30-column file",
    async () => {
      const map = roadmap();
      const csv = surveyAnswersCsv(map, { respondents: 10_000, seed: 3 });
      const read = await readTable("answers.csv", new TextEncoder().encode(csv));
      if (!read.ok) throw new Error(read.error);
      expect(read.value.headers).toHaveLength(30);
      const mapping = guess(map, read.value);
      const preview = surveyImportKind.preview(map, read.value, mapping, "en-US", { now: NOW });
      expect(preview.refused).toBe(0);
      const next = surveyImportKind.apply(map, preview.change, mapping);
      const added = byteLength(serializeRoadmap(next)) - byteLength(serializeRoadmap(map));
      expect(added).toBeLessThanOrEqual(3 * 1024 * 1024);
      expect(preview.accepted + (next.survey.waves[0]?.excluded ?? 0)).toBe(10_000);
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});
