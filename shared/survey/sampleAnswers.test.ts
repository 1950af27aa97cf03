import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { bestMatch, guessMapping } from "../import/mapping";
import { readTable } from "../import/table";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { SCALE_RANGE } from "../model/vocabulary";
import { RESPONDENT_COLUMNS, responseHeaders } from "./responseColumns";
import { computeRsi, type RsiCell } from "./rsi";
import { SAMPLE_RESPONDENTS, sampleSurveyAnswers } from "./sampleAnswers";
import { surveyImportKind } from "./surveyImport";

const NOW = new Date("2026-03-15T10:00:00Z");

function parse(csv: string): { headers: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(csv.trimEnd(), { skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  const [headers = [], ...rows] = parsed.data;
  return { headers, rows };
}

function column(roadmap: Roadmap, rows: string[][], target: (typeof RESPONDENT_COLUMNS)[number]["target"]): string[] {
  const header = RESPONDENT_COLUMNS.find((c) => c.target === target)?.header;
  const index = responseHeaders(roadmap.survey).indexOf(header ?? "");
  return rows.map((row) => row[index] ?? "");
}

describe("sample survey answers", () => {
  const roadmap = createB2bSubscriptionRoadmap(NOW);
  const csv = sampleSurveyAnswers(roadmap);
  const { headers, rows } = parse(csv);
  const itemCount = roadmap.survey.items.length;

  it("is the same for the same seed and different for another", () => {
    expect(sampleSurveyAnswers(roadmap, 1)).toBe(csv);
    expect(sampleSurveyAnswers(roadmap, 2)).not.toBe(csv);
  });

  it("has the blank answers file's header row and a few hundred respondents", () => {
    expect(headers).toEqual(responseHeaders(roadmap.survey));
    expect(rows).toHaveLength(SAMPLE_RESPONDENTS);
    for (const row of rows) expect(row).toHaveLength(headers.length);
  });

  it("answers every item with a whole number on the survey's scale, or not at all", () => {
    const answers = rows.flatMap((row) => row.slice(3, 3 + itemCount)).filter((cell) => cell !== "");
    expect(answers.length).toBeGreaterThan(SAMPLE_RESPONDENTS * itemCount * 0.8);
    expect(answers.filter((cell) => !["1", "2", "3", "4", "5"].includes(cell))).toEqual([]);
  });

  it("follows the questionnaire's scale when it is another", () => {
    const tenPoint: Roadmap = { ...roadmap, survey: { ...roadmap.survey, scale: "0-10" } };
    const answers = parse(sampleSurveyAnswers(tenPoint))
      .rows.flatMap((row) => row.slice(3, 3 + itemCount))
      .filter((cell) => cell !== "")
      .map(Number);
    expect(Math.min(...answers)).toBe(SCALE_RANGE["0-10"].min);
    expect(Math.max(...answers)).toBe(SCALE_RANGE["0-10"].max);
  });

  it("leaves some cells unanswered and has a few respondents who answered fewer than half the items", () => {
    const blanks = rows.map((row) => row.slice(3, 3 + itemCount).filter((cell) => cell === "").length);
    expect(blanks.filter((n) => n > 0 && n < itemCount / 2).length).toBeGreaterThan(20);
    const gaveUp = blanks.filter((n) => n > itemCount / 2).length;
    expect(gaveUp).toBeGreaterThanOrEqual(3);
    expect(gaveUp).toBeLessThan(SAMPLE_RESPONDENTS * 0.1);
  });

  it("writes a few phase values loosely, each still matching its phase, and every other one by name", () => {
    const names = new Set(roadmap.phases.map((p) => p.name));
    const loose = column(roadmap, rows, "phase").filter((value) => !names.has(value));
    expect(new Set(loose).size).toBeGreaterThanOrEqual(2);
    expect(loose.length).toBeLessThan(SAMPLE_RESPONDENTS * 0.1);
    for (const value of loose) expect(bestMatch(value, roadmap.phases), value).not.toBeNull();
  });

  it("dates every answer within one month, the month before the plan starts", () => {
    const dates = column(roadmap, rows, "date");
    for (const date of dates) expect(date).toMatch(/^2026-03-(0[1-9]|1\d|2[0-8])$/);
  });

  it("names the roadmap's segments and channels, and asks fewer contacts for the weakest segment", () => {
    const segmentNames = roadmap.segments.map((s) => s.name);
    const segments = column(roadmap, rows, "segment");
    expect(new Set(segments)).toEqual(new Set(segmentNames));
    const channelNames = new Set(roadmap.channels.map((c) => c.name));
    for (const cell of column(roadmap, rows, "preferredChannels")) {
      for (const channel of cell.split("; ").filter((c) => c !== "")) expect(channelNames).toContain(channel);
    }
    const contacts = column(roadmap, rows, "preferredContactsPerMonth");
    const meanContacts = (segment: string) => {
      const wanted = contacts.filter((c, i) => c !== "" && segments[i] === segment).map(Number);
      return wanted.reduce((a, b) => a + b, 0) / wanted.length;
    };
    const weak = segmentNames.at(-1) ?? "";
    for (const other of segmentNames.slice(0, -1)) expect(meanContacts(weak)).toBeLessThan(meanContacts(other) - 1);
  });
});

describe("sample survey answers, imported", () => {
  it("import with the guessed mapping, no problem, and show the patterns the sample promises in the RSI", async () => {
    const roadmap = createB2bSubscriptionRoadmap(NOW);
    const csv = sampleSurveyAnswers(roadmap);
    const table = await readTable("sample.csv", new TextEncoder().encode(csv));
    if (!table.ok) throw new Error(table.error);
    const mapping = guessMapping(table.value, surveyImportKind.targets(roadmap), roadmap.importMappings.survey);
    expect(mapping.columns.every((column) => column.target !== "")).toBe(true);
    expect(mapping.values.filter((value) => value.id === null)).toEqual([]);
    expect(mapping.values.filter((v) => v.target === "phase" && v.value === "Lapsed 6m+")).toEqual([
      { target: "phase", value: "Lapsed 6m+", id: "phase-lapsed" },
    ]);

    const preview = surveyImportKind.preview(roadmap, table.value, mapping, "en-US", { now: NOW });
    expect(preview.problems).toEqual([]);
    const imported = surveyImportKind.apply(roadmap, preview.change, mapping);
    const rsi = computeRsi(imported);
    expect(rsi.excluded).toBeGreaterThanOrEqual(3);
    expect(rsi.overall.n + rsi.excluded).toBe(SAMPLE_RESPONDENTS);

    const stageOf = new Map(imported.phases.map((p) => [p.id, imported.stages.find((s) => s.id === p.stageId)?.kind]));
    const meanOfKind = (kind: string) => mean(rsi.phases.filter((p) => stageOf.get(p.phaseId) === kind));
    expect(meanOfKind("acquire")).toBeLessThan(meanOfKind("onboard"));
    expect(meanOfKind("onboard")).toBeLessThan(meanOfKind("develop"));
    expect(meanOfKind("atRisk")).toBeLessThan(meanOfKind("acquire") - 10);
    expect(meanOfKind("winBack")).toBeLessThan(meanOfKind("atRisk"));

    const weak = imported.segments.at(-1)?.id;
    for (const phase of imported.phases) {
      const cells = rsi.cells.filter((c) => c.phaseId === phase.id && c.rsi !== null);
      const weakCell = cells.find((c) => c.segmentId === weak);
      if (!weakCell) continue;
      for (const other of cells.filter((c) => c.segmentId !== weak)) {
        expect(weakCell.rsi, phase.name).toBeLessThan(other.rsi ?? 0);
      }
    }
    const tooFew = rsi.cells.filter((c) => c.rsi === null);
    expect(tooFew.map((c) => [c.phaseId, c.segmentId])).toEqual([["phase-advocate", weak]]);
  });

  it("have likelihood to recommend rising with the relationship's strength", () => {
    const roadmap = createB2bSubscriptionRoadmap(NOW);
    const { rows } = parse(sampleSurveyAnswers(roadmap));
    const items = roadmap.survey.items;
    const pairs = rows.flatMap((row) => {
      const recommend = column(roadmap, [row], "recommend")[0] ?? "";
      const agreement = items.flatMap((item, i) => {
        const cell = row[3 + i] ?? "";
        return cell === "" ? [] : [item.reversed ? 6 - Number(cell) : Number(cell)];
      });
      return recommend === "" || agreement.length === 0 ? [] : [[Number(recommend), average(agreement)] as const];
    });
    expect(correlation(pairs)).toBeGreaterThan(0.6);
  });
});

function mean(cells: readonly RsiCell[]): number {
  return average(cells.map((c) => c.rsi ?? Number.NaN));
}

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function correlation(pairs: readonly (readonly [number, number])[]): number {
  const mx = average(pairs.map(([x]) => x));
  const my = average(pairs.map(([, y]) => y));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
