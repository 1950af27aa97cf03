import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS } from "../../test/budget";
import { planRoadmap } from "../engine";
import { compareScenarios } from "../engine/scenarioComparison";
import { scenarioChoices } from "../model/scenarios";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { buildBudgetWorkbook } from "./budgetWorkbook";
import { BUDGET_WORKBOOK_SHEETS as SHEETS } from "./budgetWorkbookLayout";
import { computed, recalculateWorkbook, sheet } from "./testing/recalculatedWorkbook";
import { asIsAndToBeRoadmap } from "./testing/scenarioRoadmaps";

const NOW = new Date("2027-02-03T10:00:00Z");

async function openWorkbook(roadmap: Roadmap) {
  return recalculateWorkbook(await buildBudgetWorkbook(roadmap, planRoadmap(roadmap), { now: NOW }));
}

/** Rows whose first cell is `label`, top to bottom. */
function rowsLabelled(worksheet: ReturnType<typeof sheet>, label: string): number[] {
  const rows: number[] = [];
  worksheet.eachRow((row, r) => {
    if (row.getCell(1).value === label) rows.push(r);
  });
  return rows;
}

describe("the budget workbook's Scenarios sheet", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it(
    "has a column per scenario whose totals, recalculated by an independent formula engine, are the comparison's",
    async () => {
      const roadmap = asIsAndToBeRoadmap();
      const comparison = compareScenarios(
        roadmap,
        scenarioChoices(roadmap).map((choice) => choice.id),
      );
      const opened = await openWorkbook(roadmap);
      const scenarios = sheet(opened, SHEETS.scenarios);
      const [header] = rowsLabelled(scenarios, "Budget by year");
      expect([2, 3, 4].map((column) => scenarios.getRow(header as number).getCell(column).value)).toEqual([
        "To-be",
        "As-is",
        "Lean",
      ]);

      const [budgetRow] = rowsLabelled(scenarios, "Total budget");
      const [valueRow] = rowsLabelled(scenarios, "Total expected value");
      const [roiRow] = rowsLabelled(scenarios, "Return on investment");
      // By stage, by owner, by channel: each adds up to the scenario's budget again.
      const breakdownTotals = rowsLabelled(scenarios, "Total");
      expect(breakdownTotals).toHaveLength(3);
      comparison.scenarios.forEach((figures, i) => {
        const column = 2 + i;
        expect(scenarios.getCell(budgetRow as number, column).formula).toMatch(/^SUM\(/);
        expect(computed(opened, SHEETS.scenarios, budgetRow as number, column)).toBeCloseTo(figures.totals.budget, 2);
        expect(computed(opened, SHEETS.scenarios, valueRow as number, column)).toBeCloseTo(figures.totals.value, 2);
        expect(computed(opened, SHEETS.scenarios, roiRow as number, column)).toBeCloseTo(figures.totals.roi ?? 0, 6);
        for (const row of breakdownTotals) {
          expect(computed(opened, SHEETS.scenarios, row, column)).toBeCloseTo(figures.totals.budget, 2);
        }
      });
      // The scenarios differ, so a column that repeated another would be caught.
      expect(new Set(comparison.scenarios.map((figures) => Math.round(figures.totals.budget))).size).toBe(3);
      // The first scenario is the plan the other sheets work out live.
      const budget = sheet(opened, SHEETS.budget);
      const totalRow = budget.rowCount;
      expect(computed(opened, SHEETS.budget, totalRow, budget.columnCount)).toBeCloseTo(
        computed(opened, SHEETS.scenarios, budgetRow as number, 2),
        2,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it("is left out for a roadmap with its base plan only", async () => {
    const opened = await openWorkbook(createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z")));
    expect(opened.workbook.getWorksheet(SHEETS.scenarios)).toBeUndefined();
  });
});
