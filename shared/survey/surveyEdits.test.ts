import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { describeIssue } from "../model/issues";
import { parseRoadmap } from "../model/parse";
import { type Roadmap, SURVEY_SCALES, type SurveyWave } from "../model/schema";
import { sampleRoadmap } from "../model/testing/sampleRoadmap";
import { builtInQuestionnaire } from "./questionnaire";
import { computeRsi } from "./rsi";
import {
  addDimension,
  addItem,
  dimensionShares,
  isBuiltInQuestionnaire,
  moveItem,
  redateWave,
  removeDimension,
  removeItem,
  removeWave,
  renameDimension,
  renameWave,
  restoreBuiltInQuestionnaire,
  setDimensionWeight,
  setMinimumRespondents,
  setSurveyScale,
  updateItem,
  wavesOnOtherScale,
} from "./surveyEdits";

/** A wave where every respondent of the first phase answered every built-in item `answer`. */
function wave(date: string, answer: number, respondents = 6): SurveyWave {
  const itemIds = builtInQuestionnaire().items.map((item) => item.id);
  return {
    id: `wave-${date}`,
    name: `Wave ${date}`,
    date,
    importedAt: "2026-11-01T10:00:00.000Z",
    source: "answers.csv",
    scale: "1-5",
    itemIds,
    respondents: Array.from({ length: respondents }, () => ({
      phaseId: null,
      segmentId: null,
      date: null,
      answers: itemIds.map(() => answer),
      recommend: null,
      preferredChannelIds: [],
      preferredContactsPerMonth: null,
    })),
    excluded: 0,
  };
}

function roadmapWithWaves(): Roadmap {
  const roadmap = sampleRoadmap();
  return { ...roadmap, survey: { ...builtInQuestionnaire(), waves: [wave("2026-03-01", 4), wave("2026-09-01", 2)] } };
}

/** The lines the user would be shown on reopening the document; empty when it is valid. */
function problemsOf(roadmap: Roadmap): string[] {
  const result = parseRoadmap(JSON.parse(JSON.stringify(roadmap)));
  return result.ok ? [] : result.error.map(describeIssue);
}

describe("the scale and the minimum", () => {
  it("changes the questionnaire's scale and names the waves answered on another", () => {
    const roadmap = setSurveyScale(roadmapWithWaves(), "0-10");
    expect(roadmap.survey.scale).toBe("0-10");
    expect(wavesOnOtherScale(roadmap.survey).map((w) => w.date)).toEqual(["2026-03-01", "2026-09-01"]);
    // Answers keep the scale they were given on.
    expect(roadmap.survey.waves.map((w) => w.scale)).toEqual(["1-5", "1-5"]);
    expect(problemsOf(roadmap)).toEqual([]);
  });

  it("sets the minimum respondents per cell and refuses what the file cannot hold", () => {
    const roadmap = roadmapWithWaves();
    expect(setMinimumRespondents(roadmap, 12).survey.minimumRespondents).toBe(12);
    expect(setMinimumRespondents(roadmap, 0)).toBe(roadmap);
    expect(setMinimumRespondents(roadmap, 2.5)).toBe(roadmap);
  });
});

describe("dimensions", () => {
  it("adds one with a readable id and weight 1, renames it and reweights it", () => {
    const added = addDimension(roadmapWithWaves(), "Perceived value");
    expect(added.dimensionId).toBe("perceived-value");
    const renamed = renameDimension(added.roadmap, added.dimensionId, "  Worth  ");
    const weighted = setDimensionWeight(renamed, added.dimensionId, 3);
    expect(weighted.survey.dimensions.at(-1)).toEqual({ id: "perceived-value", name: "Worth", weight: 3 });
    expect(problemsOf(weighted)).toEqual([]);
  });

  it("gives a second dimension of the same name an id of its own", () => {
    const once = addDimension(roadmapWithWaves(), "Trust");
    expect(once.dimensionId).toBe("trust-2");
  });

  it("leaves the roadmap as it was for an empty name or a negative weight", () => {
    const roadmap = roadmapWithWaves();
    expect(renameDimension(roadmap, "trust", "   ")).toBe(roadmap);
    expect(setDimensionWeight(roadmap, "trust", -1)).toBe(roadmap);
  });

  it("shows each dimension's share of the RSI from the relative weights", () => {
    const roadmap = setDimensionWeight(roadmapWithWaves(), "trust", 5);
    const shares = dimensionShares(roadmap.survey);
    expect(shares.get("trust")).toBeCloseTo(0.5);
    expect(shares.get("ease")).toBeCloseTo(0.1);
  });

  it("moves a removed dimension's items to the dimension chosen", () => {
    const roadmap = removeDimension(roadmapWithWaves(), "trust", { kind: "move", to: "ease" });
    expect(roadmap.survey.dimensions.map((d) => d.id)).not.toContain("trust");
    expect(roadmap.survey.items.filter((i) => i.dimensionId === "ease").map((i) => i.id)).toEqual([
      "trust-1",
      "trust-2",
      "trust-3",
      "ease-1",
      "ease-2",
      "ease-3",
      "ease-4",
    ]);
    expect(problemsOf(roadmap)).toEqual([]);
  });

  it("removes a dimension's items with it when asked, and keeps their answers in the waves", () => {
    const roadmap = removeDimension(roadmapWithWaves(), "trust", { kind: "remove" });
    expect(roadmap.survey.items.map((i) => i.id)).not.toContain("trust-1");
    expect(roadmap.survey.items).toHaveLength(17);
    expect(roadmap.survey.waves[0]?.itemIds).toContain("trust-1");
    expect(problemsOf(roadmap)).toEqual([]);
  });

  it("refuses to move items into the dimension being removed", () => {
    const roadmap = roadmapWithWaves();
    expect(removeDimension(roadmap, "trust", { kind: "move", to: "trust" })).toBe(roadmap);
  });
});

describe("items", () => {
  it("adds an item at the end of its dimension, with an id no wave has answers for", () => {
    const withoutTrust3 = removeItem(roadmapWithWaves(), "trust-3");
    const { roadmap, itemId } = addItem(withoutTrust3, "trust", "The company keeps me informed.");
    // "trust-3" still has answers in the waves: a new statement must not inherit them.
    expect(itemId).toBe("trust-4");
    expect(roadmap.survey.items.slice(0, 3).map((i) => i.id)).toEqual(["trust-1", "trust-2", "trust-4"]);
    expect(problemsOf(roadmap)).toEqual([]);
  });

  it("edits an item's statement, dimension and reverse flag", () => {
    const roadmap = updateItem(roadmapWithWaves(), "trust-1", {
      text: "I trust them.",
      dimensionId: "ease",
      reversed: true,
    });
    expect(roadmap.survey.items[0]).toEqual({
      id: "trust-1",
      text: "I trust them.",
      dimensionId: "ease",
      reversed: true,
    });
  });

  it("refuses an empty statement or an unknown dimension", () => {
    const roadmap = roadmapWithWaves();
    expect(updateItem(roadmap, "trust-1", { text: " " })).toBe(roadmap);
    expect(updateItem(roadmap, "trust-1", { dimensionId: "nope" })).toBe(roadmap);
  });

  it("reverses an item: agreeing with it now lowers the RSI", () => {
    const before = computeRsi(roadmapWithWaves(), "wave-2026-03-01").overall.rsi;
    const after = computeRsi(updateItem(roadmapWithWaves(), "trust-1", { reversed: true }), "wave-2026-03-01").overall
      .rsi;
    expect(before).not.toBeNull();
    expect(after).toBeLessThan(before ?? 0);
  });

  it("removing an item stops its answers counting, and putting it back counts them again", () => {
    const roadmap = roadmapWithWaves();
    const removed = removeItem(roadmap, "trust-3");
    expect(removed.survey.waves).toBe(roadmap.survey.waves);
    const rsi = (r: Roadmap) => computeRsi(r, "wave-2026-03-01").overall.rsi;
    expect(rsi(removed)).not.toBe(rsi(roadmap));
    expect(rsi(restoreBuiltInQuestionnaire(removed))).toBe(rsi(roadmap));
  });

  it("moves an item up and down among the items of its dimension", () => {
    const roadmap = roadmapWithWaves();
    const ids = (r: Roadmap) => r.survey.items.filter((i) => i.dimensionId === "trust").map((i) => i.id);
    expect(ids(moveItem(roadmap, "trust-2", -1))).toEqual(["trust-2", "trust-1", "trust-3"]);
    expect(ids(moveItem(roadmap, "trust-2", 1))).toEqual(["trust-1", "trust-3", "trust-2"]);
    expect(moveItem(roadmap, "trust-1", -1)).toBe(roadmap);
    expect(moveItem(roadmap, "trust-3", 1)).toBe(roadmap);
  });

  it("moves past items of other dimensions in between", () => {
    const mixed = updateItem(roadmapWithWaves(), "satisfaction-1", { dimensionId: "trust" });
    const moved = moveItem(mixed, "satisfaction-1", -1);
    expect(moved.survey.items.filter((i) => i.dimensionId === "trust").map((i) => i.id)).toEqual([
      "trust-1",
      "trust-2",
      "satisfaction-1",
      "trust-3",
    ]);
  });
});

describe("the built-in questionnaire", () => {
  it("fills an empty questionnaire, as a file from format 3 has, and keeps its waves", () => {
    const roadmap = roadmapWithWaves();
    const empty: Roadmap = {
      ...roadmap,
      survey: { ...roadmap.survey, scale: "0-10", dimensions: [], items: [], minimumRespondents: 8 },
    };
    const restored = restoreBuiltInQuestionnaire(empty);
    expect(restored.survey.items).toHaveLength(20);
    expect(restored.survey.scale).toBe("1-5");
    expect(restored.survey.minimumRespondents).toBe(8);
    expect(restored.survey.waves).toBe(roadmap.survey.waves);
    expect(isBuiltInQuestionnaire(restored.survey)).toBe(true);
    expect(isBuiltInQuestionnaire(empty.survey)).toBe(false);
  });
});

describe("waves", () => {
  it("renames a wave", () => {
    const roadmap = renameWave(roadmapWithWaves(), "wave-2026-03-01", "Spring baseline");
    expect(roadmap.survey.waves[0]?.name).toBe("Spring baseline");
  });

  it("re-dates a wave, refusing a date another wave has or one that is not a day", () => {
    const roadmap = roadmapWithWaves();
    const moved = redateWave(roadmap, "wave-2026-03-01", "2026-04-15");
    expect(moved.ok && moved.value.survey.waves[0]?.date).toBe("2026-04-15");
    expect(redateWave(roadmap, "wave-2026-03-01", "2026-09-01")).toEqual({
      ok: false,
      error: "The wave “Wave 2026-09-01” is already dated 2026-09-01: each wave needs a date of its own.",
    });
    expect(redateWave(roadmap, "wave-2026-03-01", "2026-02-30")).toEqual({
      ok: false,
      error: "“2026-02-30” is not a date like 2026-05-14.",
    });
  });

  it("removes a wave and its answers", () => {
    const roadmap = removeWave(roadmapWithWaves(), "wave-2026-03-01");
    expect(roadmap.survey.waves.map((w) => w.date)).toEqual(["2026-09-01"]);
  });
});

const FAST_CHECK = propertyRuns(150);
const index = fc.nat();
const words = fc.string({ minLength: 0, maxLength: 220 });

type Edit = (roadmap: Roadmap) => Roadmap;
const pickId = (items: readonly { id: string }[], i: number) => items[i % Math.max(items.length, 1)]?.id ?? "none";

const edits: fc.Arbitrary<Edit>[] = [
  fc.constantFrom(...SURVEY_SCALES).map((scale) => (r: Roadmap) => setSurveyScale(r, scale)),
  fc.integer({ min: -5, max: 1200 }).map((n) => (r: Roadmap) => setMinimumRespondents(r, n)),
  words.map((name) => (r: Roadmap) => addDimension(r, name).roadmap),
  fc.tuple(index, words).map(
    ([i, name]) =>
      (r: Roadmap) =>
        renameDimension(r, pickId(r.survey.dimensions, i), name),
  ),
  fc.tuple(index, fc.double({ min: -10, max: 200, noNaN: true })).map(
    ([i, weight]) =>
      (r: Roadmap) =>
        setDimensionWeight(r, pickId(r.survey.dimensions, i), weight),
  ),
  fc.tuple(index, index, fc.boolean()).map(
    ([i, j, move]) =>
      (r: Roadmap) =>
        removeDimension(
          r,
          pickId(r.survey.dimensions, i),
          move ? { kind: "move", to: pickId(r.survey.dimensions, j) } : { kind: "remove" },
        ),
  ),
  fc.tuple(index, words).map(
    ([i, text]) =>
      (r: Roadmap) =>
        addItem(r, pickId(r.survey.dimensions, i), text).roadmap,
  ),
  fc.tuple(index, fc.option(words), fc.option(index), fc.option(fc.boolean())).map(
    ([i, text, d, reversed]) =>
      (r: Roadmap) =>
        updateItem(r, pickId(r.survey.items, i), {
          ...(text === null ? {} : { text }),
          ...(d === null ? {} : { dimensionId: pickId(r.survey.dimensions, d) }),
          ...(reversed === null ? {} : { reversed }),
        }),
  ),
  index.map((i) => (r: Roadmap) => removeItem(r, pickId(r.survey.items, i))),
  fc.tuple(index, fc.constantFrom(-1 as const, 1 as const)).map(
    ([i, d]) =>
      (r: Roadmap) =>
        moveItem(r, pickId(r.survey.items, i), d),
  ),
  fc.constant((r: Roadmap) => restoreBuiltInQuestionnaire(r)),
  fc.tuple(index, words).map(
    ([i, name]) =>
      (r: Roadmap) =>
        renameWave(r, pickId(r.survey.waves, i), name),
  ),
  fc
    .tuple(index, fc.constantFrom("2026-03-01", "2026-09-01", "2027-01-31", "2027-02-29", "later"))
    .map(([i, date]) => (r: Roadmap) => {
      const result = redateWave(r, pickId(r.survey.waves, i), date);
      return result.ok ? result.value : r;
    }),
  index.map((i) => (r: Roadmap) => removeWave(r, pickId(r.survey.waves, i))),
];

const START = roadmapWithWaves();

describe("any sequence of survey edits", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("leaves a roadmap that passes the file's schema and reference checks", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 25 }), (sequence) => {
        let roadmap = START;
        for (const edit of sequence) roadmap = edit(roadmap);
        expect(problemsOf(roadmap)).toEqual([]);
        // Editing the questionnaire never changes answers: the waves left hold the very answers started with.
        const started = new Map(START.survey.waves.map((w) => [w.id, w.respondents]));
        for (const w of roadmap.survey.waves) expect(w.respondents).toBe(started.get(w.id));
      }),
      FAST_CHECK,
    );
  });
});
