import { describe, expect, it } from "vitest";
import { deleteElements } from "./edits";
import { describeIssue } from "./issues";
import { removeChannel, removeSegment } from "./organisation";
import { readRoadmapFile, serializeRoadmap } from "./roadmapFile";
import { type Roadmap, RoadmapSchema, type SurveyRespondent, type SurveyWave } from "./schema";
import { sampleRoadmap } from "./testing/sampleRoadmap";

function respondent(patch: Partial<SurveyRespondent> = {}): SurveyRespondent {
  return {
    phaseId: "phase-new",
    segmentId: "smb",
    date: "2027-02-03",
    answers: [4, 5, null],
    recommend: 8,
    preferredChannelIds: ["email"],
    preferredContactsPerMonth: 2,
    ...patch,
  };
}

function wave(patch: Partial<SurveyWave> = {}): SurveyWave {
  return {
    id: "wave-1",
    name: "Wave 2027-02-03",
    date: "2027-02-03",
    importedAt: "2027-02-04T09:00:00.000Z",
    source: "answers.csv",
    scale: "1-5",
    itemIds: ["trust-1", "trust-2", "ease-1"],
    respondents: [respondent(), respondent({ phaseId: "phase-active", answers: [2, null, 3] })],
    excluded: 1,
    ...patch,
  };
}

function withWaves(...waves: SurveyWave[]): Roadmap {
  const roadmap = sampleRoadmap();
  return { ...roadmap, survey: { ...roadmap.survey, waves } };
}

function problems(roadmap: Roadmap): string[] {
  const result = RoadmapSchema.safeParse(roadmap);
  return result.success
    ? []
    : result.error.issues.map((issue) => describeIssue({ path: issue.path.join("."), problem: issue.message }));
}

describe("survey answers in the file", () => {
  it("writes one respondent per line and reads the wave back exactly", () => {
    const roadmap = withWaves(wave());
    const text = serializeRoadmap(roadmap);
    const lines = text.split("\n");
    expect(lines.filter((line) => line.includes('"answers":'))).toEqual([
      `          ${JSON.stringify(respondent())},`,
      `          ${JSON.stringify(respondent({ phaseId: "phase-active", answers: [2, null, 3] }))}`,
    ]);
    const reopened = readRoadmapFile("survey.roadmap", text);
    expect(reopened.ok && reopened.value.roadmap).toEqual(roadmap);
  });

  it("keeps a text that looks like the placeholder as it was", () => {
    const roadmap = { ...withWaves(wave()), notes: '"respondents": "\u0000respondents:0"' };
    const reopened = readRoadmapFile("survey.roadmap", serializeRoadmap(roadmap));
    expect(reopened.ok && reopened.value.roadmap.notes).toBe(roadmap.notes);
  });

  it("accepts a roadmap with waves whose references hold", () => {
    expect(problems(withWaves(wave()))).toEqual([]);
  });

  it("refuses answers off the wave's scale, unknown phases, segments and channels, naming each", () => {
    const bad = wave({
      respondents: [
        respondent({ answers: [6, 5, 0] }),
        respondent({ phaseId: "phase-gone", segmentId: "enterprise", preferredChannelIds: ["fax"] }),
      ],
    });
    expect(problems(withWaves(bad))).toEqual([
      "survey.waves.0.respondents.0.answers.0: must be on the wave's 1–5 scale, got 6",
      "survey.waves.0.respondents.0.answers.2: must be on the wave's 1–5 scale, got 0",
      'survey.waves.0.respondents.1.phaseId: refers to phase "phase-gone", which does not exist',
      'survey.waves.0.respondents.1.segmentId: refers to segment "enterprise", which does not exist',
      'survey.waves.0.respondents.1.preferredChannelIds.0: refers to channel "fax", which does not exist',
    ]);
  });

  it("refuses a respondent whose answers do not line up with the wave's items", () => {
    expect(problems(withWaves(wave({ respondents: [respondent({ answers: [4] })] })))).toEqual([
      "survey.waves.0.respondents.0.answers: must have one answer (or null) for each of the wave's 3 items, has 1",
    ]);
  });

  it("refuses two waves of the same date and an item of an unknown dimension", () => {
    const roadmap = withWaves(wave(), wave({ id: "wave-2" }));
    const [item, ...items] = roadmap.survey.items;
    if (!item) throw new Error("the built-in questionnaire has items");
    const broken = {
      ...roadmap,
      survey: { ...roadmap.survey, items: [{ ...item, dimensionId: "loyalty" }, ...items] },
    };
    expect(problems(broken)).toEqual([
      'survey.items.0.dimensionId: refers to survey dimension "loyalty", which does not exist',
      "survey.waves.1.date: repeats the date 2027-02-03 of an earlier wave",
    ]);
  });

  it("names at most 20 bad answers of one wave, so a crafted file is refused quickly", () => {
    const many = Array.from({ length: 500 }, () => respondent({ answers: [9, 9, 9] }));
    expect(problems(withWaves(wave({ respondents: many })))).toHaveLength(20);
  });
});

describe("removing what respondents point at", () => {
  it("keeps the respondents of a deleted phase, with no phase", () => {
    const roadmap = deleteElements(withWaves(wave()), { phaseIds: ["phase-new"], transitionIds: [] });
    const [first, second] = roadmap.survey.waves[0]?.respondents ?? [];
    expect(first).toEqual(respondent({ phaseId: null }));
    expect(second?.phaseId).toBe("phase-active");
    expect(problems(roadmap)).toEqual([]);
  });

  it("keeps the respondents of a removed segment, with no segment", () => {
    const base = withWaves(wave());
    const roadmap = removeSegment(
      {
        ...base,
        segments: [...base.segments, { ...(base.segments[0] as Roadmap["segments"][number]), id: "other" }],
      },
      "smb",
      { kind: "remove" },
    );
    expect(roadmap.survey.waves[0]?.respondents.map((r) => r.segmentId)).toEqual([null, null]);
    expect(roadmap.survey.waves[0]?.respondents.map((r) => r.answers)).toEqual([
      [4, 5, null],
      [2, null, 3],
    ]);
  });

  it("drops a removed channel from the preferred channels only", () => {
    const base = withWaves(wave());
    const sms = { id: "sms", name: "SMS", kind: "sms" as const, fixedCost: 0, costPerContact: 0, contactCap: null };
    const roadmap = removeChannel({ ...base, channels: [...base.channels, sms] }, "email", {
      kind: "reassign",
      to: "sms",
    });
    expect(roadmap.survey.waves[0]?.respondents.map((r) => r.preferredChannelIds)).toEqual([[], []]);
    expect(roadmap.survey.waves[0]?.respondents).toHaveLength(2);
  });
});
