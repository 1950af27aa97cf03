import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { type Roadmap, RoadmapSchema, type Segment, type Survey, type SurveyScale } from "../model/schema";
import { sampleRoadmap } from "../model/testing/sampleRoadmap";
import { SCALE_RANGE } from "../model/vocabulary";
import { computeRsi, describeGroup, latestWave, previousWave } from "./rsi";
import { type SurveyRow, withSurveyWave } from "./testing/surveyWave";

const FAST_CHECK = propertyRuns(150);

/** Student's t at 97.5 % (two-sided 95 %), from printed tables, by degrees of freedom. */
const T_TABLE: Record<number, number> = { 1: 12.706, 2: 4.303, 4: 2.776, 9: 2.262, 29: 2.045 };

/**
 * Two dimensions: trust (three items, the third reversed) and value (one
 * item); equal weights, on a 1–5 scale, every cell shown from one respondent.
 */
function questionnaire(patch: Partial<Survey> = {}): Survey {
  return {
    scale: "1-5",
    dimensions: [
      { id: "trust", name: "Trust", weight: 1 },
      { id: "value", name: "Value", weight: 1 },
    ],
    items: [
      { id: "t1", text: "I rely on them.", dimensionId: "trust", reversed: false },
      { id: "t2", text: "They are honest.", dimensionId: "trust", reversed: false },
      { id: "t3", text: "They put themselves first.", dimensionId: "trust", reversed: true },
      { id: "v1", text: "Worth the money.", dimensionId: "value", reversed: false },
    ],
    minimumRespondents: 1,
    waves: [],
    ...patch,
  };
}

const SECOND_SEGMENT: Segment = {
  ...(sampleRoadmap().segments[0] as Segment),
  id: "enterprise",
  name: "Enterprise",
};

function roadmapWith(survey: Partial<Survey> = {}): Roadmap {
  const base = sampleRoadmap();
  return { ...base, segments: [...base.segments, SECOND_SEGMENT], survey: questionnaire(survey) };
}

/** The RSI of one respondent with these answers (in the order t1, t2, t3, v1 unless `itemIds` says). */
function rsiOf(answers: SurveyRow["answers"], survey: Partial<Survey> = {}, scale?: SurveyScale): number | null {
  const roadmap = withSurveyWave(roadmapWith(survey), [{ phase: "phase-new", answers }], scale ? { scale } : {});
  return computeRsi(roadmap).overall.rsi;
}

const ONLY_T1 = {
  itemIds: ["t1"],
  items: [{ id: "t1", text: "I rely on them.", dimensionId: "trust", reversed: false }],
};

describe("scaling answers to 0–100", () => {
  it.each([
    ["1-5", 1, 0],
    ["1-5", 2, 25],
    ["1-5", 3, 50],
    ["1-5", 5, 100],
    ["1-7", 4, 50],
    ["1-7", 2, 100 / 6],
    ["0-10", 7, 70],
    ["0-10", 0, 0],
  ] as const)("on a %s scale, %s scores %s", (scale, answer, expected) => {
    const { itemIds: _, ...survey } = ONLY_T1;
    expect(rsiOf([answer], { ...survey, scale }, scale)).toBeCloseTo(expected, 9);
  });

  it("scales by the scale the wave was answered on, not the questionnaire's current one", () => {
    const { itemIds: _, ...survey } = ONLY_T1;
    expect(rsiOf([8], { ...survey, scale: "1-5" }, "0-10")).toBeCloseTo(80, 9);
  });

  it("scores a reversed item as 100 minus the scaled answer", () => {
    const survey = {
      items: [{ id: "t3", text: "They put themselves first.", dimensionId: "trust", reversed: true }],
    };
    expect(rsiOf({ t3: 2 }, survey)).toBeCloseTo(75, 9);
    expect(rsiOf({ t3: 5 }, survey)).toBeCloseTo(0, 9);
  });
});

describe("a respondent's scores", () => {
  it("takes a dimension's score as the mean of the items answered in it", () => {
    // t1 = 5 → 100, t2 unanswered, t3 (reversed) = 4 → 25: trust = 62.5.
    const roadmap = withSurveyWave(roadmapWith(), [{ phase: "phase-new", answers: [5, null, 4, 3] }]);
    const trust = computeRsi(roadmap).phaseDimensions.find((d) => d.dimensionId === "trust");
    expect(trust).toMatchObject({ phaseId: "phase-new", segmentId: null, n: 1 });
    expect(trust?.score).toBeCloseTo(62.5, 9);
  });

  it("weighs the dimensions equally by default", () => {
    // trust = (100 + 50 + 50) / 3 = 66.67, value = 25: RSI = 45.83.
    expect(rsiOf([5, 3, 3, 2])).toBeCloseTo((200 / 3 + 25) / 2, 9);
  });

  it("weighs the dimensions by their weights", () => {
    const survey = {
      dimensions: [
        { id: "trust", name: "Trust", weight: 3 },
        { id: "value", name: "Value", weight: 1 },
      ],
    };
    // trust 100 (5, 5, reversed 1), value 0: (3 × 100 + 1 × 0) / 4.
    expect(rsiOf([5, 5, 1, 1], survey)).toBeCloseTo(75, 9);
  });

  it("renormalises the weights over the dimensions the respondent answered", () => {
    const survey = {
      dimensions: [
        { id: "trust", name: "Trust", weight: 3 },
        { id: "value", name: "Value", weight: 1 },
      ],
    };
    // Value unanswered: the RSI is trust's score alone, (75 + 25 + 50) / 3.
    expect(rsiOf([4, 2, 3, null], survey)).toBeCloseTo(50, 9);
  });

  it("scores exactly 100 for the most favourable answer to every item, whatever the weights", () => {
    // Weights whose sum rounds so that 100 × Σw / Σw came out a hair above 100 before clamping.
    const survey = {
      dimensions: [
        { id: "trust", name: "Trust", weight: 10.239818542355694 },
        { id: "value", name: "Value", weight: 20.50926986491679 },
        { id: "ease", name: "Ease", weight: 0.185873032146046 },
      ],
      items: [...questionnaire().items, { id: "e1", text: "Easy.", dimensionId: "ease", reversed: false }],
    };
    const roadmap = withSurveyWave(roadmapWith(survey), [
      { phase: "phase-new", answers: [5, 5, 1, 5, 5] },
      { phase: "phase-new", answers: [5, 5, 1, 5, 5] },
    ]);
    const cell = computeRsi(roadmap).phases[0];
    expect(cell).toEqual({ phaseId: "phase-new", segmentId: null, n: 2, rsi: 100, low: 100, high: 100 });
  });

  it("leaves out a dimension weighted zero", () => {
    const survey = {
      dimensions: [
        { id: "trust", name: "Trust", weight: 1 },
        { id: "value", name: "Value", weight: 0 },
      ],
    };
    expect(rsiOf([5, 5, 1, 1], survey)).toBeCloseTo(100, 9);
  });
});

describe("respondents who answered too little", () => {
  it("counts one who answered half of the items and excludes one who answered fewer", () => {
    const roadmap = withSurveyWave(
      roadmapWith(),
      [
        { phase: "phase-new", answers: [5, 5, null, null] },
        { phase: "phase-new", answers: [1, null, null, null] },
      ],
      { excluded: 3 },
    );
    const result = computeRsi(roadmap);
    expect(result.overall).toMatchObject({ n: 1, rsi: 100 });
    // The three left out at import, and the one who answered a quarter of the items.
    expect(result.excluded).toBe(4);
  });

  it("does not score answers to items since removed from the questionnaire, nor count them as answered", () => {
    const roadmap = withSurveyWave(
      roadmapWith({ items: questionnaire().items.filter((item) => item.id !== "v1") }),
      [
        { phase: "phase-new", answers: { t1: 3, t2: 3, t3: 3, v1: 5 } },
        { phase: "phase-active", answers: { t1: 5, v1: 5 } },
      ],
      { itemIds: ["t1", "t2", "t3", "v1"] },
    );
    const result = computeRsi(roadmap);
    expect(result.overall).toMatchObject({ n: 1, rsi: 50 });
    expect(result.phases.map((cell) => cell.phaseId)).toEqual(["phase-new"]);
    expect(result.excluded).toBe(1);
  });
});

describe("describeGroup: a group's mean and 95 % interval", () => {
  it("matches the hand-computed Student's t interval for n = 5 (t = 2.776)", () => {
    // Mean 80; sample SD √250 = 15.81; SE = 15.81 / √5 = 7.071; margin 2.776 × 7.071 = 19.63.
    const figure = describeGroup([60, 70, 80, 90, 100], 5);
    expect(figure.n).toBe(5);
    expect(figure.rsi).toBe(80);
    const margin = (T_TABLE[4] as number) * (Math.sqrt(250) / Math.sqrt(5));
    expect(figure.low).toBeCloseTo(80 - margin, 2);
    expect(figure.high).toBeCloseTo(80 + margin, 2);
    expect(figure.low).toBeCloseTo(60.37, 2);
  });

  it.each([
    [2, 1],
    [3, 2],
    [10, 9],
    [30, 29],
  ])("uses t with n − 1 degrees of freedom (n = %i)", (n, df) => {
    // Alternating 49 and 51 (and a 50 when odd), narrow enough that no end is clamped: the margin over SE is t.
    const values = Array.from({ length: n }, (_, i) => (n % 2 === 1 && i === n - 1 ? 50 : i % 2 === 0 ? 49 : 51));
    const average = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - average) ** 2, 0) / (n - 1));
    const figure = describeGroup(values, 1);
    const margin = (figure.high as number) - (figure.rsi as number);
    expect(margin / (sd / Math.sqrt(n))).toBeCloseTo(T_TABLE[df] as number, 2);
  });

  it("clamps the interval to 0–100", () => {
    const figure = describeGroup([0, 0, 0, 0, 100], 5);
    expect(figure.rsi).toBe(20);
    expect(figure.low).toBe(0);
    expect(figure.high).toBeCloseTo(20 + (T_TABLE[4] as number) * 20, 1);
    expect(describeGroup([40, 60], 1)).toEqual({ n: 2, rsi: 50, low: 0, high: 100 });
  });

  it("gives no number below the minimum: too few answers, with n", () => {
    expect(describeGroup([50, 60, 70, 80], 5)).toEqual({ n: 4, rsi: null, low: null, high: null });
    expect(describeGroup([], 1)).toEqual({ n: 0, rsi: null, low: null, high: null });
  });

  it("gives a single respondent's score without an interval when the minimum allows one", () => {
    expect(describeGroup([42], 1)).toEqual({ n: 1, rsi: 42, low: null, high: null });
  });

  it("gives an interval of no width when everyone answered alike", () => {
    expect(describeGroup([70, 70, 70], 1)).toEqual({ n: 3, rsi: 70, low: 70, high: 70 });
  });
});

describe("computeRsi: cells", () => {
  const rows = (phase: string, segment: string | null, answers: readonly number[]): SurveyRow[] =>
    answers.map((answer) => ({ phase, segment, answers: answer }));

  it("gives each phase × segment its mean, n and interval, and the phase over all segments", () => {
    // Everyone answers every item alike; t3 is reversed, so an answer a scores ((a−1)/4·100 · 2 + 100 − …)/3 on trust.
    const roadmap = withSurveyWave(roadmapWith({ minimumRespondents: 2 }), [
      ...rows("phase-new", "smb", [5, 5, 1]),
      ...rows("phase-new", "enterprise", [3]),
      ...rows("phase-active", "enterprise", [4, 2]),
    ]);
    const result = computeRsi(roadmap);
    const trustAndValue = (a: number) => {
      const scaled = ((a - 1) / 4) * 100;
      return ((scaled * 2 + (100 - scaled)) / 3 + scaled) / 2;
    };
    expect(result.cells.map((c) => [c.phaseId, c.segmentId, c.n])).toEqual([
      ["phase-new", "smb", 3],
      ["phase-new", "enterprise", 1],
      ["phase-active", "enterprise", 2],
    ]);
    const smb = result.cells[0];
    const expected = [5, 5, 1].map(trustAndValue);
    const mean = expected.reduce((a, b) => a + b, 0) / 3;
    expect(smb?.rsi).toBeCloseTo(mean, 9);
    expect(result.cells[1]).toMatchObject({ n: 1, rsi: null, low: null, high: null });
    expect(result.phases.map((c) => [c.phaseId, c.segmentId, c.n])).toEqual([
      ["phase-new", null, 4],
      ["phase-active", null, 2],
    ]);
    expect(result.overall.n).toBe(6);
    expect(result.dimensions.filter((d) => d.phaseId === "phase-new" && d.segmentId === "enterprise")).toEqual([
      { phaseId: "phase-new", segmentId: "enterprise", dimensionId: "trust", n: 1, score: null },
      { phaseId: "phase-new", segmentId: "enterprise", dimensionId: "value", n: 1, score: null },
    ]);
  });

  it("uses the survey's minimum, as edited", () => {
    const answers = rows("phase-new", "smb", [3, 4, 5, 3]);
    expect(computeRsi(withSurveyWave(roadmapWith({ minimumRespondents: 5 }), answers)).phases[0]).toMatchObject({
      n: 4,
      rsi: null,
    });
    expect(computeRsi(withSurveyWave(roadmapWith({ minimumRespondents: 4 }), answers)).phases[0]?.rsi).not.toBeNull();
  });

  it("gives cells with a null segment when the wave has no segments", () => {
    const result = computeRsi(withSurveyWave(roadmapWith(), rows("phase-active", null, [4, 5])));
    expect(result.cells).toEqual(result.phases);
    expect(result.cells.map((c) => [c.phaseId, c.segmentId])).toEqual([["phase-active", null]]);
  });

  it("counts respondents without a phase in the overall figure only", () => {
    const result = computeRsi(
      withSurveyWave(roadmapWith(), [{ phase: null, answers: 5 }, ...rows("phase-new", null, [1])]),
    );
    expect(result.overall.n).toBe(2);
    expect(result.phases.map((c) => c.n)).toEqual([1]);
  });

  it("has nothing to show without a wave", () => {
    expect(computeRsi(roadmapWith())).toMatchObject({
      waveId: null,
      cells: [],
      phases: [],
      overall: { n: 0, rsi: null },
    });
  });
});

describe("waves", () => {
  const threeWaves = () => {
    let roadmap = roadmapWith();
    for (const [date, answer] of [
      ["2026-03-01", 3],
      ["2025-09-15", 1],
      ["2026-01-10", 5],
    ] as const) {
      roadmap = withSurveyWave(roadmap, [{ phase: "phase-new", answers: answer }], { date });
    }
    return roadmap;
  };

  it("shows the latest wave by date by default, whatever the order they were imported in", () => {
    const roadmap = threeWaves();
    expect(latestWave(roadmap)?.date).toBe("2026-03-01");
    expect(computeRsi(roadmap).waveId).toBe("wave-2026-03-01");
  });

  it("computes a named wave", () => {
    const result = computeRsi(threeWaves(), "wave-2025-09-15");
    expect(result.waveId).toBe("wave-2025-09-15");
    expect(result.overall.rsi).toBeCloseTo(
      computeRsi(withSurveyWave(roadmapWith(), [{ phase: null, answers: 1 }])).overall.rsi ?? NaN,
      9,
    );
  });

  it("finds the wave dated just before, and none before the first", () => {
    const roadmap = threeWaves();
    expect(previousWave(roadmap, "wave-2026-03-01")?.date).toBe("2026-01-10");
    expect(previousWave(roadmap, "wave-2026-01-10")?.date).toBe("2025-09-15");
    expect(previousWave(roadmap, "wave-2025-09-15")).toBeNull();
    expect(previousWave(roadmap, "no-such-wave")).toBeNull();
  });

  it("has no latest wave when there are none", () => {
    expect(latestWave(roadmapWith())).toBeNull();
  });
});

describe("properties", () => {
  const PHASES = ["phase-new", "phase-active", null] as const;
  const SEGMENTS = ["smb", "enterprise", null] as const;

  const surveys = fc
    .record({
      scale: fc.constantFrom<SurveyScale>("1-5", "1-7", "0-10"),
      weights: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })), {
        minLength: 1,
        maxLength: 4,
      }),
      reversed: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
      minimumRespondents: fc.integer({ min: 1, max: 6 }),
    })
    .chain(({ scale, weights, reversed, minimumRespondents }) => {
      const { min, max } = SCALE_RANGE[scale];
      const answer = fc.oneof(
        fc.constant(null),
        fc.integer({ min, max }),
        fc.double({ min, max, noNaN: true }),
        fc.constantFrom(min, max),
      );
      const respondent = fc.record({
        phase: fc.constantFrom(...PHASES),
        segment: fc.constantFrom(...SEGMENTS),
        // Straight-liners at the favourable end land every score on 100, where rounding could overshoot.
        answers: fc.oneof(
          fc.array(answer, { minLength: reversed.length, maxLength: reversed.length }),
          fc.constant(reversed.map((isReversed) => (isReversed ? min : max))),
        ),
      });
      return fc.record({
        survey: fc.constant<Partial<Survey>>({
          scale,
          minimumRespondents,
          dimensions: weights.map((weight, d) => ({ id: `d${d}`, name: `D${d}`, weight })),
          items: reversed.map((isReversed, i) => ({
            id: `i${i}`,
            text: `Item ${i}`,
            dimensionId: `d${i % weights.length}`,
            reversed: isReversed,
          })),
        }),
        rows: fc.array(respondent, { maxLength: 40 }),
      });
    });

  it("keeps every RSI, interval end and dimension score within 0–100, with low ≤ RSI ≤ high", () => {
    fc.assert(
      fc.property(surveys, ({ survey, rows }) => {
        const result = computeRsi(withSurveyWave(roadmapWith(survey), rows));
        for (const figure of [...result.cells, ...result.phases, result.overall]) {
          for (const value of [figure.rsi, figure.low, figure.high]) {
            if (value !== null) expect(value >= 0 && value <= 100, `${value} within 0–100`).toBe(true);
          }
          if (figure.rsi !== null && figure.low !== null && figure.high !== null) {
            expect(figure.low <= figure.rsi && figure.rsi <= figure.high, JSON.stringify(figure)).toBe(true);
          }
          if (figure.rsi === null) expect(figure.low).toBeNull();
        }
        for (const score of [...result.dimensions, ...result.phaseDimensions]) {
          if (score.score !== null) expect(score.score >= 0 && score.score <= 100, `${score.score}`).toBe(true);
        }
      }),
      FAST_CHECK,
    );
  });

  it("gives the same figures whatever the order of the respondents", () => {
    fc.assert(
      fc.property(surveys, fc.integer(), ({ survey, rows }, seed) => {
        const roadmap = roadmapWith(survey);
        const shuffled = shuffle(rows, seed);
        const a = computeRsi(withSurveyWave(roadmap, rows));
        const b = computeRsi(withSurveyWave(roadmap, shuffled));
        expect(roundAll(b)).toEqual(roundAll(a));
      }),
      FAST_CHECK,
    );
  });
});

/** A deterministic Fisher–Yates shuffle from a seed. */
function shuffle<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Sums taken in another order differ in the last bits; anything a user sees is far coarser. */
function roundAll(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_, v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v));
}

it("builds waves that pass the file format's checks", () => {
  const roadmap = withSurveyWave(roadmapWith(), [{ phase: "phase-new", segment: "smb", answers: { t1: 4 } }], {
    date: "2026-05-02",
  });
  expect(RoadmapSchema.safeParse(roadmap).success).toBe(true);
  expect(roadmap.survey.waves[0]).toMatchObject({
    id: "wave-2026-05-02",
    itemIds: ["t1", "t2", "t3", "v1"],
    respondents: [{ phaseId: "phase-new", segmentId: "smb", answers: [4, null, null, null] }],
  });
});
