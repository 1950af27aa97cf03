import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { planRoadmap } from "../engine";
import type { Roadmap } from "../model/schema";
import {
  biggestDrops,
  defectorSummary,
  describeChannelGap,
  describeDrop,
  describeMismatch,
  type FrequencyPreference,
  frequencyMismatches,
  percentile,
  surveyInsights,
} from "./insights";
import { computeRsi, latestWave } from "./rsi";
import { alike, b2bRoadmap, type RespondentSpec, surveyedB2bRoadmap, withWave } from "./testing/insightFixtures";

const PHASES = ["phase-a", "phase-b", "phase-c"];
const lifecycle = {
  stages: b2bRoadmap().stages,
  phases: PHASES.map((id, i) => ({
    ...(b2bRoadmap().phases[0] as Roadmap["phases"][number]),
    id,
    position: { x: i * 300, y: 0 },
  })),
};

/** A contact pressure over two segments and three phases, the counts given month by month. */
function pressureOf(counts: number[][][]) {
  const months = counts[0]?.[0]?.length ?? 0;
  return {
    segmentIds: ["s1", "s2"],
    phaseIds: PHASES,
    months,
    counts: Uint32Array.from(counts.flat(2)),
  };
}

describe("preferred contact frequency against the plan", () => {
  it("names each phase where the plan sends a segment more a month than it wants, with the month it peaks", () => {
    const pressure = pressureOf([
      [
        [1, 2, 1],
        [0, 3, 5],
        [2, 2, 2],
      ],
      [
        [4, 4, 0],
        [0, 0, 0],
        [1, 0, 0],
      ],
    ]);
    const preferences: FrequencyPreference[] = [
      { segmentId: "s1", n: 8, wanted: 2 },
      { segmentId: "s2", n: 3, wanted: null },
    ];
    expect(frequencyMismatches(lifecycle, preferences, pressure)).toEqual([
      { segmentId: "s1", wantedBy: "s1", phaseId: "phase-b", wanted: 2, respondents: 8, planned: 5, month: 2 },
    ]);
  });

  it("says it in a sentence a workshop reads: who wants how many, what the plan sends where and from when", () => {
    const roadmap = surveyedB2bRoadmap();
    const { mismatches } = surveyInsights(roadmap, planRoadmap(roadmap).pressure);
    const smallBusiness = mismatches.filter((m) => m.segmentId === "smallBusiness");
    expect(smallBusiness.length).toBeGreaterThan(0);
    const first = smallBusiness[0] as (typeof smallBusiness)[number];
    const phase = roadmap.phases.find((p) => p.id === first.phaseId)?.name;
    expect(describeMismatch(first, roadmap, (t) => `M${t}`)).toBe(
      `Small business (cost to serve) wants ≤ 1 a month; the plan sends ${first.planned} in ${phase} (first in M${first.month}).`,
    );
  });

  it("reads the plan's contact pressure as the Contact pressure view counts it, segment by segment", () => {
    const roadmap = surveyedB2bRoadmap();
    const { pressure } = planRoadmap(roadmap);
    const { mismatches, preferences } = surveyInsights(roadmap, pressure);
    const P = pressure.phaseIds.length;
    const T = pressure.months;
    for (const mismatch of mismatches) {
      const s = pressure.segmentIds.indexOf(mismatch.segmentId);
      const p = pressure.phaseIds.indexOf(mismatch.phaseId);
      const months = Array.from(pressure.counts.subarray((s * P + p) * T, (s * P + p + 1) * T));
      expect(Math.max(...months)).toBe(mismatch.planned);
      expect(months.indexOf(mismatch.planned)).toBe(mismatch.month);
      expect(mismatch.wanted).toBe(preferences.find((pref) => pref.segmentId === mismatch.segmentId)?.wanted);
    }
    // Small businesses want 1 a month (the median of 1, 1 and the lapsed's 0), mid-market 3, enterprise 4.
    expect(preferences.map(({ segmentId, wanted, n }) => ({ segmentId, wanted, n }))).toEqual([
      { segmentId: "enterprise", wanted: 4, n: 12 },
      { segmentId: "midMarket", wanted: 1.5, n: 12 },
      { segmentId: "smallBusiness", wanted: 1, n: 18 },
    ]);
  });

  it("compares every segment with all respondents' wish when the survey had no segment column", () => {
    const roadmap = withWave(
      b2bRoadmap(),
      alike(5, { phaseId: "phase-trial", strength: 60, preferredContactsPerMonth: 0.5 }),
    );
    const { mismatches, preferences } = surveyInsights(roadmap, planRoadmap(roadmap).pressure);
    expect(preferences).toEqual([{ segmentId: null, n: 5, wanted: 0.5 }]);
    expect(new Set(mismatches.map((m) => m.segmentId)).size).toBeGreaterThan(1);
    const first = mismatches[0] as (typeof mismatches)[number];
    expect(first.wantedBy).toBeNull();
    expect(describeMismatch(first, roadmap)).toMatch(
      /^Customers want ≤ 0\.5 a month; the plan sends \d+ to .+ in .+\.$/,
    );
  });

  it("lists exactly the segment and phase pairs whose busiest month exceeds the wish (property)", () => {
    const month = fc.integer({ min: 0, max: 9 });
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(month, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 2,
        }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (counts, wanted) => {
          const preferences = [
            { segmentId: "s1", n: 5, wanted },
            { segmentId: "s2", n: 5, wanted },
          ];
          const listed = frequencyMismatches(lifecycle, preferences, pressureOf(counts));
          const expected = counts.flatMap((phases, s) =>
            phases.flatMap((months, p) => (Math.max(...months) > wanted ? [`s${s + 1}:${PHASES[p]}`] : [])),
          );
          expect(listed.map((m) => `${m.segmentId}:${m.phaseId}`)).toEqual(expected);
          for (const m of listed) expect(m.planned).toBeGreaterThan(m.wanted);
        },
      ),
      propertyRuns(200),
    );
  });

  it("names the channels a segment prefers that the plan never uses for it", () => {
    const surveyed = surveyedB2bRoadmap();
    const roadmap = {
      ...surveyed,
      communications: surveyed.communications.map((c) => ({ ...c, channelId: "email" })),
    };
    const { channelGaps } = surveyInsights(roadmap, planRoadmap(roadmap).pressure);
    expect(channelGaps.map(({ segmentId, channelId, share }) => ({ segmentId, channelId, share }))).toEqual([
      { segmentId: "enterprise", channelId: "fieldSales", share: 1 },
      { segmentId: "midMarket", channelId: "phone", share: 0.5 },
    ]);
    expect(describeChannelGap(channelGaps[1] as (typeof channelGaps)[number], roadmap)).toBe(
      "50 % of Mid-market prefer Phone / customer success call; the plan uses Email for them.",
    );
  });
});

describe("places to act", () => {
  it("names the phases where the RSI falls most along the lifecycle, with the weakest dimension there", () => {
    const roadmap = surveyedB2bRoadmap();
    const drops = biggestDrops(roadmap, computeRsi(roadmap), "phases");
    expect(drops.map((d) => [d.fromPhaseId, d.phaseId, Math.round(d.drop * 10) / 10])).toEqual([
      ["phase-multi-product", "phase-advocate", 35],
      ["phase-trial", "phase-first-90-days", 10],
      ["phase-at-risk", "phase-lapsed", 8.3],
    ]);
    expect(drops[0]?.weakestDimensionId).toBe("relevance");
    expect(describeDrop(drops[0] as (typeof drops)[number], roadmap)).toBe(
      "From Multi-product to Advocate the RSI falls 35 points (70 → 35); weakest there: Relevance of communications (10).",
    );
  });

  it("passes over phases with too few answers, measuring from the nearest phase that has a figure", () => {
    const fewAtRenewal = withWave(b2bRoadmap(), [
      ...alike(2, { phaseId: "phase-renewal-due", segmentId: "enterprise", strength: 0 }),
      ...alike(6, { phaseId: "phase-advocate", segmentId: "enterprise", strength: 40, dimensions: { relevance: 10 } }),
      ...alike(6, { phaseId: "phase-at-risk", segmentId: "midMarket", strength: 30 }),
    ]);
    const drops = biggestDrops(fewAtRenewal, computeRsi(fewAtRenewal), "phases");
    expect(drops.map((d) => [d.fromPhaseId, d.phaseId])).toEqual([["phase-advocate", "phase-at-risk"]]);
  });

  it("finds the falls within each segment too, and says when a fall is within the uncertainty", () => {
    const roadmap = surveyedB2bRoadmap();
    const drops = biggestDrops(roadmap, computeRsi(roadmap), "segments");
    expect(drops.map((d) => [d.segmentId, d.fromPhaseId, d.phaseId])).toEqual([
      ["smallBusiness", "phase-first-90-days", "phase-lapsed"],
      ["midMarket", "phase-active-single", "phase-at-risk"],
      ["enterprise", "phase-multi-product", "phase-advocate"],
    ]);
    const noisy: RespondentSpec[] = [
      ...[60, 70, 80, 90, 100].map((strength) => ({ phaseId: "phase-trial", strength })),
      ...[50, 60, 70, 80, 90].map((strength) => ({ phaseId: "phase-first-90-days", strength })),
    ];
    const unsure = withWave(b2bRoadmap(), noisy);
    const [drop] = biggestDrops(unsure, computeRsi(unsure), "phases");
    expect(drop?.clear).toBe(false);
    expect(describeDrop(drop as NonNullable<typeof drop>, unsure)).toContain("within the uncertainty of the answers");
  });
});

describe("what defectors say", () => {
  it("summarises the at-risk and lapsed respondents apart from everyone else", () => {
    const roadmap = surveyedB2bRoadmap();
    const summary = defectorSummary(roadmap, latestWave(roadmap));
    expect(summary.phaseIds).toEqual(["phase-at-risk", "phase-lapsed"]);
    const { defectors, rest } = summary;
    expect(defectors.rsi.n).toBe(12);
    expect(defectors.rsi.rsi).toBeCloseTo((170 / 6 + 20) / 2, 6);
    expect(rest.rsi.n).toBe(30);
    expect(rest.rsi.rsi).toBeCloseTo((80 + 70 + 70 + 70 + 35) / 5, 6);
    expect(defectors.recommend).toEqual({ n: 12, mean: 2.5, detractors: 1 });
    expect(rest.recommend.mean).toBeCloseTo(8.2, 6);
    expect(rest.recommend.detractors).toBe(0);
    expect(defectors.contacts.wanted).toBe(0);
    expect(rest.contacts.wanted).toBe(3);
    expect(defectors.channels).toEqual([{ channelId: "email", share: 1 }]);
    expect(rest.channels.map((c) => c.channelId)).toEqual(["email", "fieldSales", "phone"]);
    expect(summary.dimensions.find((d) => d.dimensionId === "trust")).toEqual({
      dimensionId: "trust",
      defectors: 20,
      rest: (80 + 70 + 70 + 70 + 40) / 5,
    });
  });

  it("splits every respondent into one of the two groups, whatever their phases (property)", () => {
    const roadmap = b2bRoadmap();
    const phaseIds = [...roadmap.phases.map((p) => p.id), null];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            phaseId: fc.constantFrom(...phaseIds),
            strength: fc.integer({ min: 0, max: 10 }).map((x) => x * 10),
            recommend: fc.option(fc.integer({ min: 0, max: 10 })),
          }),
          { maxLength: 40 },
        ),
        (specs) => {
          const surveyed = withWave(roadmap, specs);
          const { defectors, rest } = defectorSummary(surveyed, latestWave(surveyed));
          expect(defectors.rsi.n + rest.rsi.n).toBe(specs.length);
          expect(defectors.recommend.n + rest.recommend.n).toBe(specs.filter((s) => s.recommend !== null).length);
          expect(computeRsi(surveyed).overall.n).toBe(specs.length);
        },
      ),
      propertyRuns(60),
    );
  });
});

describe("with no survey answers", () => {
  it("has nothing to say, and says it without failing", () => {
    const roadmap = b2bRoadmap();
    const insights = surveyInsights(roadmap, planRoadmap(roadmap).pressure);
    expect(insights).toMatchObject({ waveId: null, preferences: [], mismatches: [], channelGaps: [], placesToAct: [] });
    expect(insights.defectors.defectors.rsi).toEqual({ n: 0, rsi: null, low: null, high: null });
  });
});

describe("percentile", () => {
  it("interpolates between the two nearest answers", () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([5], 0.5)).toBe(5);
    expect(percentile([0, 10], 0.9)).toBe(9);
  });
});
