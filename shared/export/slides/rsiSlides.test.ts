import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../engine/planEngine";
import { lifecycleOrder } from "../../model/presentationWalk";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { describeChannelGap, describeDrop, describeMismatch, surveyInsights } from "../../survey/insights";
import { computeRsi } from "../../survey/rsi";
import { b2bSurveyRoadmap } from "../../survey/testing/b2bSurvey";
import { surveyedB2bRoadmap } from "../../survey/testing/insightFixtures";
import { deckOf, slidesTitled } from "./testing/deckOf";

const TIMEOUT = { timeout: 60_000 };
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ");

describe("relationship strength slides", () => {
  it(
    "grid the RSI of each phase, overall and per segment, with its interval and respondents, in lifecycle order",
    TIMEOUT,
    async () => {
      const roadmap = b2bSurveyRoadmap();
      const rsi = computeRsi(roadmap);
      const deck = await deckOf(roadmap, { sections: ["rsi"] });
      const rows = slidesTitled(deck, "Relationship strength").flatMap((slide) =>
        slide.tables.filter((table) => table.name === "RSI by phase and segment").flatMap((table) => table.rows),
      );
      const [header, ...body] = rows.map((row) => row.map(oneLine));
      expect(header).toEqual(["Phase", "All segments", ...roadmap.segments.map((segment) => segment.name)]);
      const names = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
      const answered = lifecycleOrder(roadmap).filter((id) => rsi.phases.some((cell) => cell.phaseId === id));
      expect(body.map((row) => row[0])).toEqual(answered.map((id) => names.get(id)));
      let tooFew = 0;
      answered.forEach((phaseId, r) => {
        const cells = [
          rsi.phases.find((cell) => cell.phaseId === phaseId),
          ...roadmap.segments.map((segment) =>
            rsi.cells.find((cell) => cell.phaseId === phaseId && cell.segmentId === segment.id),
          ),
        ];
        cells.forEach((cell, c) => {
          const text = body[r]?.[c + 1];
          if (!cell) expect(text).toBe("no answers");
          else if (cell.rsi === null) {
            expect(text).toBe(`too few answers n ${cell.n}`);
            tooFew += 1;
          } else {
            expect(text).toBe(
              `${Math.round(cell.rsi)} (${Math.round(cell.low ?? 0)}–${Math.round(cell.high ?? 0)}) n ${cell.n}`,
            );
          }
        });
      });
      expect(tooFew).toBeGreaterThan(0);
    },
  );

  it(
    "chart the RSI along the lifecycle with the engine's figures inside, a line for all segments and one per segment",
    TIMEOUT,
    async () => {
      const roadmap = b2bSurveyRoadmap();
      const rsi = computeRsi(roadmap);
      const deck = await deckOf(roadmap, { sections: ["rsi"] });
      const [slide] = slidesTitled(deck, "The RSI along the lifecycle");
      const [chart] = slide?.charts ?? [];
      expect(chart?.kind).toBe("lineChart");
      expect(chart?.series.map((series) => series.name)).toEqual([
        "All segments",
        ...roadmap.segments.map((segment) => segment.name),
      ]);
      const phases = lifecycleOrder(roadmap).filter((id) => rsi.phases.some((cell) => cell.phaseId === id));
      const names = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
      for (const series of chart?.series ?? []) expect(series.labels).toEqual(phases.map((id) => names.get(id)));
      expect(chart?.series[0]?.yValues).toEqual(
        phases.map((id) => rsi.phases.find((cell) => cell.phaseId === id)?.rsi ?? null),
      );
      roadmap.segments.forEach((segment, s) => {
        expect(chart?.series[s + 1]?.yValues).toEqual(
          phases.map(
            (id) => rsi.cells.find((cell) => cell.phaseId === id && cell.segmentId === segment.id)?.rsi ?? null,
          ),
        );
      });
      expect(chart?.series[0]?.yValues).toContain(null);
    },
  );

  it(
    "say where to act, what customers want against what the plan does, and what those at risk say",
    TIMEOUT,
    async () => {
      const roadmap = surveyedB2bRoadmap();
      const insights = surveyInsights(roadmap, planRoadmap(roadmap).pressure);
      const months = planRoadmap(roadmap).calendar.months;
      expect(insights.placesToAct.length).toBeGreaterThan(0);
      expect(insights.mismatches.length + insights.channelGaps.length).toBeGreaterThan(0);
      const deck = await deckOf(roadmap, { sections: ["rsi"] });
      const [findings] = slidesTitled(deck, "What the survey says about the plan");
      const places = findings?.shapes.find((shape) => shape.name === "Places to act list")?.paragraphs ?? [];
      expect(places[0]).toBe(describeDrop(insights.placesToAct[0] as (typeof insights.placesToAct)[number], roadmap));
      const wants = findings?.shapes.find((shape) => shape.name === "What customers want, and what the plan does list");
      const expected = [
        ...insights.mismatches.map((m) => describeMismatch(m, roadmap, (t) => months[t]?.label)),
        ...insights.channelGaps.map((gap) => describeChannelGap(gap, roadmap)),
      ];
      expect(wants?.paragraphs).toEqual(expected.slice(0, wants?.paragraphs.length));
      const left = expected.length - (wants?.paragraphs.length ?? 0);
      if (left > 0) expect(findings?.notes).toContain(`${left} more in the app's diagnostics`);

      const defectors = slidesTitled(deck, "What those at risk or lapsed say").flatMap((slide) =>
        slide.tables.flatMap((table) => table.rows),
      );
      const respondents = defectors.find((row) => row[0] === "Respondents");
      expect(respondents?.slice(1)).toEqual([
        String(insights.defectors.defectors.rsi.n),
        String(insights.defectors.rest.rsi.n),
      ]);
    },
  );

  it("are left out for a roadmap without survey answers", TIMEOUT, async () => {
    const deck = await deckOf(createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z")), { sections: ["rsi"] });
    expect(slidesTitled(deck, "Relationship strength")).toEqual([]);
    expect(slidesTitled(deck, "The RSI along the lifecycle")).toEqual([]);
  });
});
