import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, TEST_TIMEOUT_MS } from "../../../test/budget";
import { planRoadmap } from "../../engine/planEngine";
import type { Roadmap } from "../../model/schema";
import { generateRoadmap } from "../../model/testing/generateRoadmap";
import { SUMMARY_LIMITS } from "../reportLayout";
import { deckFormats } from "./deckContext";
import { MIN_TABLE_FONT_PT } from "./deckTheme";
import { deckOf, slidesTitled } from "./testing/deckOf";
import { b2bRoadmap, plannedDeck } from "./testing/plannedDeck";

const b2b = b2bRoadmap;
/** A table's rows as one line per cell: cells wrap at spaces in narrow columns. */
const unwrapped = (rows: readonly (readonly string[])[] = []) =>
  rows.map((row) => row.map((cell) => cell.replace(/\n/g, " ")));
const MONEY_WORDS = /€|EUR|\bcosts?\b|budget|\bROI\b|return on investment|expected value/i;

function tileText(deck: Awaited<ReturnType<typeof deckOf>>, name: string): string | undefined {
  const [slide] = slidesTitled(deck, "The plan at a glance");
  return slide?.shapes.find((shape) => shape.name === name)?.text;
}

/** The phases at a glance as the engine has them: costliest first (most populous without costs), ties in order. */
function rankedPhases(roadmap: Roadmap, includeCosts: boolean) {
  const plan = planRoadmap(roadmap);
  return roadmap.phases
    .map((phase, p) => ({ phase, summary: plan.phases[p], p }))
    .sort(
      (a, b) =>
        (includeCosts
          ? (b.summary?.totalCost ?? 0) - (a.summary?.totalCost ?? 0)
          : (b.summary?.averageCustomers ?? 0) - (a.summary?.averageCustomers ?? 0)) || a.p - b.p,
    );
}

describe("summary slides", () => {
  it("show the plan's headline figures: budget, value, return, customers, sends and alerts", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const { plan, format, deck } = await plannedDeck(b2b(), { sections: ["summary"] });
    expect(tileText(deck, "Total budget")).toBe(format.money(plan.budget.totalCost));
    expect(tileText(deck, "Expected value")).toBe(format.money(plan.budget.totalValue));
    expect(tileText(deck, "Return on investment")).toBe(
      format.percent((plan.budget.totalValue - plan.budget.totalCost) / plan.budget.totalCost),
    );
    expect(tileText(deck, "Customers kept")).toBe(format.count(plan.customers.atEnd));
    expect(tileText(deck, "Customers kept note")).toContain(
      format.count(plan.customers.atStart + plan.customers.arrivals),
    );
    expect(tileText(deck, "Communications sent")).toBe(format.count(plan.budget.sends));
    expect(tileText(deck, "Communications sent note")).toBe(`${format.count(plan.budget.totalReach)} contacts`);
    expect(tileText(deck, "Contact-pressure alerts")).toBe(format.count(plan.pressure.collisions.length));
  });

  it("list every phase with its stage, customers, communications, cost and value to the cent, costliest first", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const { roadmap, plan, format, deck } = await plannedDeck(b2b(), { sections: ["summary"] });
    const [slide, ...more] = slidesTitled(deck, "Phases at a glance");
    expect(more).toHaveLength(0);
    const rows = unwrapped(slide?.tables[0]?.rows);
    expect(rows[0]).toEqual([
      "Phase",
      "Stage",
      "Customers at start",
      "At the end",
      "Communications",
      "Cost",
      "Expected value",
    ]);
    const expected = rankedPhases(roadmap, true).map(({ phase, summary }) => [
      phase.name,
      roadmap.stages.find((stage) => stage.id === phase.stageId)?.name,
      format.count(summary?.customersAtStart ?? 0),
      format.count(summary?.customersAtEnd ?? 0),
      format.count(roadmap.communications.filter((c) => c.phaseId === phase.id).length),
      format.money(summary?.totalCost ?? 0),
      format.money(summary?.totalValue ?? 0),
    ]);
    expect(rows.slice(1, -1)).toEqual(expected);
    expect(rows.at(-1)?.[0]).toBe("All phases");
    expect(rows.at(-1)?.[4]).toBe(format.count(roadmap.communications.length));
    expect(rows.at(-1)?.[5]).toBe(format.money(plan.budget.totalCost));
  });

  it("list the costliest phases of a large roadmap over several slides at 12 pt, the others in one row", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const roadmap = generateRoadmap({
      phases: 40,
      transitionsPerPhase: 1.5,
      communications: 200,
      segments: 2,
      seed: 3,
    });
    const plan = planRoadmap(roadmap);
    const format = deckFormats(roadmap.currency);
    const deck = await deckOf(roadmap, { sections: ["summary"] });
    const slides = slidesTitled(deck, "Phases at a glance");
    expect(slides.length).toBeGreaterThan(1);
    for (const slide of slides) {
      expect(Math.min(...(slide.tables[0]?.fontSizesPt ?? [0]))).toBeGreaterThanOrEqual(MIN_TABLE_FONT_PT);
      expect(unwrapped(slide.tables[0]?.rows)[0]?.[0]).toBe("Phase");
    }
    const rows = slides.flatMap((slide) => unwrapped(slide.tables[0]?.rows).slice(1));
    const ranked = rankedPhases(roadmap, true);
    const listed = ranked.slice(0, SUMMARY_LIMITS.phasesListed);
    const others = ranked.slice(SUMMARY_LIMITS.phasesListed);
    expect(rows.map((row) => row[0])).toEqual([
      ...listed.map(({ phase }) => phase.name),
      `${others.length} other phases`,
      "All phases",
    ]);
    const othersCost = others.reduce((sum, { summary }) => sum + (summary?.totalCost ?? 0), 0);
    expect(rows.at(-2)?.[5]).toBe(format.money(othersCost));
    expect(rows.at(-1)?.[2]).toBe(format.count(plan.phases.reduce((sum, phase) => sum + phase.customersAtStart, 0)));
  });

  it("leave every cost, value and return out when costs are hidden", { timeout: TEST_TIMEOUT_MS }, async () => {
    const { roadmap, plan, format, deck } = await plannedDeck(b2b(), { sections: ["summary"], includeCosts: false });
    const slides = deck.slides.slice(2);
    expect(slides.length).toBeGreaterThanOrEqual(2);
    for (const slide of slides) {
      expect(slide.text).not.toMatch(MONEY_WORDS);
      expect(slide.notes).not.toMatch(MONEY_WORDS);
    }
    expect(tileText(deck, "Total budget")).toBeUndefined();
    expect(tileText(deck, "Customers kept")).toBe(format.count(plan.customers.atEnd));
    const [table] = slidesTitled(deck, "Phases at a glance")[0]?.tables ?? [];
    expect(unwrapped(table?.rows)[0]).toEqual(["Phase", "Stage", "Customers at start", "At the end", "Communications"]);
    expect(
      unwrapped(table?.rows)
        .slice(1, -1)
        .map((row) => row[0]),
    ).toEqual(rankedPhases(roadmap, false).map(({ phase }) => phase.name));
  });
});
