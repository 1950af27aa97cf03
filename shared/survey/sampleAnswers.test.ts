import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { bestMatch } from "../import/mapping";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { SCALE_RANGE } from "./questionnaire";
import { RESPONDENT_COLUMNS, responseHeaders } from "./responseColumns";
import { SAMPLE_RESPONDENTS, sampleSurveyAnswers } from "./sampleAnswers";

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
