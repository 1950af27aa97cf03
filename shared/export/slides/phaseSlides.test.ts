import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import { planRoadmap } from "../../engine/planEngine";
import { describeAudience, describeTiming } from "../../model/labels";
import { namesById } from "../../model/queries";
import type { Roadmap } from "../../model/schema";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../../model/testing/generateRoadmap";
import { MIN_TABLE_FONT_PT, SLIDE_BODY } from "./deckTheme";
import { PHASE_SLIDES_UP_TO } from "./phaseSlides";
import { deckOf } from "./testing/deckOf";
import { continuedTable, oneLine, slidesContinuing, titleOf } from "./testing/deckTables";
import { MONEY_KPI_NAME, withMoneyKpi } from "./testing/moneyKpi";

const NOW = new Date("2027-01-15T00:00:00Z");
const b2b = () => createB2bSubscriptionRoadmap(NOW);

/** Money as a reader parses it back from a cell: "€4,851.12" → 4851.12. */
const amount = (text: string) => Number(text.replace(/[^0-9.-]/g, ""));
const count = (text: string) => Number(text.replace(/[^0-9-]/g, ""));

/** What a reader of the deck expects in a communication's row, from the roadmap and the engine's plan. */
function expectedRow(roadmap: Roadmap, plan: ReturnType<typeof planRoadmap>, c: number) {
  const communication = roadmap.communications[c];
  const schedule = plan.communications[c];
  if (!communication || !schedule) throw new Error(`no communication ${c}`);
  return {
    phase: namesById(roadmap.phases).get(communication.phaseId),
    texts: [
      communication.name,
      namesById(roadmap.owners).get(communication.ownerId),
      namesById(roadmap.channels).get(communication.channelId),
      describeTiming(communication.timing, plan.calendar.months),
      describeAudience(communication.audience, {
        segments: namesById(roadmap.segments),
        roles: namesById(roadmap.roles),
      }),
    ],
    sends: schedule.sends,
    reach: schedule.totalReach,
    cost: schedule.totalCost,
  };
}

/** Checks a table's rows against the engine: texts as the model describes them, sends, reach whole, cost to the cent. */
function expectRowsMatchPlan(
  rows: string[][],
  roadmap: Roadmap,
  indices: number[],
  withPhase: boolean,
  costs: boolean,
) {
  const plan = planRoadmap(roadmap);
  expect(rows).toHaveLength(indices.length);
  rows.forEach((row, i) => {
    const expected = expectedRow(roadmap, plan, indices[i] as number);
    const cells = row.map(oneLine);
    const texts = withPhase ? cells.slice(1, 6) : cells.slice(0, 5);
    if (withPhase) expect(cells[0]).toBe(expected.phase);
    expect(texts).toEqual(expected.texts);
    const [sends, reach, cost] = withPhase ? cells.slice(6) : cells.slice(5);
    expect(count(sends ?? "")).toBe(expected.sends);
    expect(count(reach ?? "")).toBe(Math.round(expected.reach));
    if (costs) expect(Math.abs(amount(cost ?? "") - expected.cost)).toBeLessThan(0.005 + 1e-9);
    else expect(cost).toBeUndefined();
  });
}

const indicesOf = (roadmap: Roadmap, phaseId: string) =>
  roadmap.communications.flatMap((communication, c) => (communication.phaseId === phaseId ? [c] : []));

describe("phase slides", () => {
  it("give each phase a slide with its stage, objectives and KPIs, and its communications with the engine's reach and cost to the cent", {
    timeout: 60_000,
  }, async () => {
    const roadmap = b2b();
    const deck = await deckOf(roadmap, { sections: ["phases"], now: NOW });
    for (const phase of roadmap.phases) {
      const slides = slidesContinuing(deck.slides, phase.name);
      const first = slides[0];
      expect(first, phase.name).toBeDefined();
      const stage = roadmap.stages.find((candidate) => candidate.id === phase.stageId);
      expect(first?.shapes.find((shape) => shape.name === "Stage")?.text).toBe(`Stage: ${stage?.name}`);
      const objectives = first?.shapes.find((shape) => shape.name === "Objectives")?.text ?? "";
      for (const objective of phase.objectives) expect(oneLine(objectives)).toContain(objective);
      const kpis = oneLine(first?.shapes.find((shape) => shape.name === "KPIs")?.text ?? "");
      for (const kpi of phase.kpis) expect(kpis).toContain(kpi.name);
      const table = continuedTable(slides, "Communications");
      expect(table.header).toEqual([
        "Communication",
        "Owner",
        "Channel",
        "Timing",
        "Audience",
        "Sends",
        "Reach",
        "Cost",
      ]);
      expectRowsMatchPlan(table.rows, roadmap, indicesOf(roadmap, phase.id), false, true);
    }
  });

  it("shows the phase's figures from the plan: customers, and its cost and value to the cent", {
    timeout: 60_000,
  }, async () => {
    const roadmap = b2b();
    const plan = planRoadmap(roadmap);
    const deck = await deckOf(roadmap, { sections: ["phases"], now: NOW });
    roadmap.phases.forEach((phase, p) => {
      const slide = slidesContinuing(deck.slides, phase.name)[0];
      const labels = slide?.shapes.find((shape) => shape.name === "Figures labels")?.paragraphs ?? [];
      const values = slide?.shapes.find((shape) => shape.name === "Figures values")?.paragraphs ?? [];
      const figure = (label: string) => values[labels.indexOf(label)] ?? "";
      const summary = plan.phases[p];
      expect(count(figure("Customers at start"))).toBe(Math.round(summary?.customersAtStart ?? Number.NaN));
      expect(count(figure("At the end"))).toBe(Math.round(summary?.customersAtEnd ?? Number.NaN));
      expect(Math.abs(amount(figure("Cost over the plan")) - (summary?.totalCost ?? Number.NaN))).toBeLessThan(0.0051);
      expect(Math.abs(amount(figure("Expected value")) - (summary?.totalValue ?? Number.NaN))).toBeLessThan(0.0051);
    });
  });

  it("continue a long table on further slides at 12 pt or more, the header repeated, no row lost or repeated, inside the slide body", {
    timeout: 60_000,
  }, async () => {
    const roadmap = generateRoadmap({ phases: 2, transitionsPerPhase: 1, communications: 70, segments: 2, seed: 11 });
    const deck = await deckOf(roadmap, { sections: ["phases"], now: NOW });
    for (const phase of roadmap.phases) {
      const indices = indicesOf(roadmap, phase.id);
      const slides = slidesContinuing(deck.slides, phase.name);
      expect(slides.length).toBeGreaterThan(1);
      expect(slides.slice(1).every((slide) => titleOf(slide) === `${phase.name} (continued)`)).toBe(true);
      const parts = slides.flatMap((slide) => slide.tables);
      expect(parts).toHaveLength(slides.length);
      for (const part of parts) {
        expect(part.rows[0]?.[0]).toBe("Communication");
        expect(Math.min(...part.fontSizesPt)).toBeGreaterThanOrEqual(MIN_TABLE_FONT_PT);
        expect(part.box.y + part.box.height).toBeLessThanOrEqual(SLIDE_BODY.y + SLIDE_BODY.height + 1e-6);
      }
      expectRowsMatchPlan(continuedTable(slides, "Communications").rows, roadmap, indices, false, true);
      const shownOnFirst = (parts[0]?.rows.length ?? 1) - 1;
      expect(slides[0]?.notes).toContain(`Communications 1–${shownOnFirst} of ${indices.length} in ${phase.name}`);
      expect(slides[0]?.notes).toContain(`continues on the next slide with the other ${indices.length - shownOnFirst}`);
      expect(slides.at(-1)?.notes).not.toContain("continues on the next slide");
    }
  });

  it("leave every cost out when costs are hidden: no cost column, figure, KPI in money or word of it", {
    timeout: 60_000,
  }, async () => {
    const roadmap = withMoneyKpi(b2b());
    const first = roadmap.phases[0]?.name ?? "";
    const shown = await deckOf(roadmap, { sections: ["phases"], now: NOW });
    expect(slidesContinuing(shown.slides, first)[0]?.shapes.find((shape) => shape.name === "KPIs")?.text).toContain(
      `${MONEY_KPI_NAME}: 1,250.5 ${roadmap.currency}`,
    );

    const hidden = await deckOf(roadmap, { sections: ["phases"], includeCosts: false, now: NOW });
    for (const phase of roadmap.phases) {
      const slides = slidesContinuing(hidden.slides, phase.name);
      const table = continuedTable(slides, "Communications");
      expect(table.header).toEqual(["Communication", "Owner", "Channel", "Timing", "Audience", "Sends", "Reach"]);
      expectRowsMatchPlan(table.rows, roadmap, indicesOf(roadmap, phase.id), false, false);
      for (const slide of slides) {
        const onSlide = slide.shapes.map((shape) => shape.text).join("\n");
        expect(onSlide).not.toMatch(/€|EUR|cost/i);
        expect(slide.shapes.find((shape) => shape.name === "Figures labels")?.text ?? "").not.toMatch(/value/i);
        expect(slide.notes).not.toMatch(/€|EUR|cost|budget|ROI/i);
      }
    }
    expect(slidesContinuing(hidden.slides, first)[0]?.notes).toContain(
      "One KPI measured in money is left out, as this deck shows no money.",
    );
  });

  it(`give each stage its phases and communications past ${PHASE_SLIDES_UP_TO} phases, every communication once, figures from the plan`, {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const atLimit = generateRoadmap({
      phases: PHASE_SLIDES_UP_TO,
      transitionsPerPhase: 1,
      communications: 30,
      segments: 2,
      seed: 5,
    });
    const perPhase = await deckOf(atLimit, { sections: ["phases"], now: NOW });
    for (const phase of atLimit.phases) expect(slidesContinuing(perPhase.slides, phase.name)).not.toHaveLength(0);

    const roadmap = generateRoadmap({
      phases: 40,
      transitionsPerPhase: 1.5,
      communications: 160,
      segments: 3,
      seed: 7,
    });
    const plan = planRoadmap(roadmap);
    const deck = await deckOf(roadmap, { sections: ["phases"], now: NOW });
    for (const phase of roadmap.phases) expect(slidesContinuing(deck.slides, phase.name)).toHaveLength(0);
    const listed: number[] = [];
    for (const stage of roadmap.stages) {
      const phases = roadmap.phases.flatMap((phase, p) => (phase.stageId === stage.id ? [p] : []));
      if (phases.length === 0) continue;
      const phaseTable = continuedTable(
        slidesContinuing(deck.slides, `${stage.name}: ${phases.length} phases`),
        "Phases",
      );
      expect(phaseTable.rows.map((row) => row[0])).toEqual(phases.map((p) => roadmap.phases[p]?.name));
      phaseTable.rows.forEach((row, i) => {
        const summary = plan.phases[phases[i] as number];
        expect(count(row[3] ?? "")).toBe(Math.round(summary?.customersAtStart ?? Number.NaN));
        expect(Math.abs(amount(row.at(-1) ?? "") - (summary?.totalCost ?? Number.NaN))).toBeLessThan(0.0051);
      });
      const indices = phases.flatMap((p) => indicesOf(roadmap, roadmap.phases[p]?.id ?? ""));
      const slides = slidesContinuing(deck.slides, `${stage.name}: communications`);
      for (const part of slides.flatMap((slide) => slide.tables)) {
        expect(Math.min(...part.fontSizesPt)).toBeGreaterThanOrEqual(MIN_TABLE_FONT_PT);
      }
      expectRowsMatchPlan(continuedTable(slides, "Communications").rows, roadmap, indices, true, true);
      listed.push(...indices);
    }
    expect(listed.sort((a, b) => a - b)).toEqual(roadmap.communications.map((_, c) => c));
  });

  it("say so when a phase has no communications", { timeout: 60_000 }, async () => {
    const base = b2b();
    const emptyPhase = base.phases[0]?.id;
    const roadmap = { ...base, communications: base.communications.filter((c) => c.phaseId !== emptyPhase) };
    const deck = await deckOf(roadmap, { sections: ["phases"], now: NOW });
    const slides = slidesContinuing(deck.slides, base.phases[0]?.name ?? "");
    expect(slides).toHaveLength(1);
    expect(slides[0]?.tables).toHaveLength(0);
    expect(slides[0]?.text).toContain("No communications planned in this phase.");
  });
});
