import { describe, expect, it } from "vitest";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../../model/testing/generateRoadmap";
import { kpiRows } from "../reportLayout";
import { MIN_TABLE_FONT_PT } from "./deckTheme";
import { deckOf } from "./testing/deckOf";
import { continuedTable, oneLine, slidesContinuing } from "./testing/deckTables";
import { withMoneyKpi } from "./testing/moneyKpi";

const NOW = new Date("2027-01-15T00:00:00Z");

const withMoneyKpiB2b = () => withMoneyKpi(createB2bSubscriptionRoadmap(NOW));

describe("KPI slides", () => {
  it("list every phase's KPIs in the roadmap's order with target, unit and timeframe", {
    timeout: 60_000,
  }, async () => {
    const roadmap = withMoneyKpiB2b();
    const deck = await deckOf(roadmap, { sections: ["kpis"], now: NOW });
    const table = continuedTable(slidesContinuing(deck.slides, "KPIs and targets"), "KPIs");
    expect(table.header).toEqual(["Phase", "KPI", "Target", "Timeframe"]);
    const expected = kpiRows(roadmap);
    expect(table.rows.map((row) => row.map(oneLine))).toEqual(
      expected.map(({ phase, kpi }) => [
        phase.name,
        kpi.name,
        kpi.target === null ? "—" : `${kpi.target.toLocaleString("en-US")} ${kpi.unit}`.trim(),
        kpi.timeframe || "—",
      ]),
    );
    expect(table.rows.some((row) => row[2] === "1,250.5 EUR")).toBe(true);
  });

  it("leave KPIs in money out when costs are hidden, and say how many in the notes", { timeout: 60_000 }, async () => {
    const roadmap = withMoneyKpiB2b();
    const deck = await deckOf(roadmap, { sections: ["kpis"], includeCosts: false, now: NOW });
    const slides = slidesContinuing(deck.slides, "KPIs and targets");
    const table = continuedTable(slides, "KPIs");
    expect(table.rows.map((row) => row[1])).toEqual(
      kpiRows(roadmap)
        .filter(({ kpi }) => kpi.unit !== roadmap.currency)
        .map(({ kpi }) => kpi.name),
    );
    for (const slide of slides) {
      expect(slide.text).not.toMatch(/EUR|€|1,250/);
      expect(slide.notes).toContain("One KPI measured in money is left out, as this deck shows no money.");
    }
  });

  it("continue over slides at 12 pt or more when there are many, and add no slide when there are none", {
    timeout: 60_000,
  }, async () => {
    const roadmap = generateRoadmap({ phases: 60, transitionsPerPhase: 1, communications: 10, segments: 1, seed: 3 });
    const deck = await deckOf(roadmap, { sections: ["kpis"], now: NOW });
    const slides = slidesContinuing(deck.slides, "KPIs and targets");
    expect(slides.length).toBeGreaterThan(1);
    for (const table of slides.flatMap((slide) => slide.tables)) {
      expect(Math.min(...table.fontSizesPt)).toBeGreaterThanOrEqual(MIN_TABLE_FONT_PT);
    }
    expect(continuedTable(slides, "KPIs").rows.map((row) => row[0])).toEqual(
      kpiRows(roadmap).map(({ phase }) => phase.name),
    );

    const none = await deckOf(
      { ...roadmap, phases: roadmap.phases.map((phase) => ({ ...phase, kpis: [] })) },
      { sections: ["kpis"], now: NOW },
    );
    expect(slidesContinuing(none.slides, "KPIs and targets")).toHaveLength(0);
  });
});
