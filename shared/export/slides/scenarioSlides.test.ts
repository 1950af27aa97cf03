import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../engine/scenarioComparison";
import { describeDifference } from "../../model/differenceText";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import {
  comparedBreakdown,
  comparedSegments,
  comparedTotals,
  defaultComparedScenarios,
  isAboutMoney,
} from "../scenarioComparisonRows";
import { asIsAndToBeRoadmap } from "../testing/scenarioRoadmaps";
import { deckFormats } from "./deckContext";
import { deckFigureText } from "./scenarioSlides";
import { deckOf, slidesTitled } from "./testing/deckOf";
import type { DeckReading } from "./testing/readDeck";

const TIMEOUT = { timeout: 60_000 };

/** The slides of exactly that title, and its continuations. */
function slidesOf(deck: DeckReading, title: string) {
  return slidesTitled(deck, title).filter((slide) =>
    slide.shapes.some((shape) => shape.name === "Title" && [title, `${title} (continued)`].includes(shape.text)),
  );
}

/** A table's rows, each cell as its lines: the figure, then its difference from the base. */
function cellLines(deck: DeckReading, title: string): string[][][] {
  return slidesOf(deck, title).flatMap((slide) =>
    slide.tables.flatMap((table) => table.rows.slice(1).map((row) => row.map((cell) => cell.split("\n")))),
  );
}

/**
 * A table's rows: its first `labels` cells as written (wrapped lines joined),
 * then each figure's first line, without the difference written under it.
 */
function figures(deck: DeckReading, title: string, labels = 1): string[][] {
  return cellLines(deck, title).map((row) => row.map((lines, i) => (i < labels ? lines.join(" ") : (lines[0] ?? ""))));
}

describe("scenario comparison slides", () => {
  const roadmap = asIsAndToBeRoadmap();
  const comparison = compareScenarios(roadmap, defaultComparedScenarios(roadmap));
  const format = deckFormats(roadmap.currency);

  it(
    "put the engine's totals of each scenario side by side, to the cent, each with its difference from the base",
    TIMEOUT,
    async () => {
      const deck = await deckOf(roadmap, { sections: ["scenarios"] });
      const [first] = slidesOf(deck, "Scenario comparison");
      expect(first?.tables[0]?.rows[0]?.slice(1)).toEqual(["To-be", "As-is", "Lean"]);
      const totals = comparedTotals(comparison);
      expect(figures(deck, "Scenario comparison")).toEqual(
        totals.map((figure) => [
          figure.label,
          ...figure.values.map((value) => deckFigureText(figure.kind, value, format)),
        ]),
      );
      const budget = cellLines(deck, "Scenario comparison").find((row) => row[0]?.[0] === "Budget");
      const change = totals.find((figure) => figure.key === "budget")?.changes[0];
      expect(budget?.[2]?.[1]).toContain(format.money(change?.absolute ?? Number.NaN));
    },
  );

  it("chart the budget by year with each scenario's figures inside, and table them to the cent", TIMEOUT, async () => {
    const deck = await deckOf(roadmap, { sections: ["scenarios"] });
    const years = comparedBreakdown(comparison, "byYear");
    const [slide] = slidesTitled(deck, "Scenario comparison: budget by year");
    const [chart] = slide?.charts ?? [];
    expect(chart?.kind).toBe("barChart");
    expect(chart?.series.map((series) => series.name)).toEqual(comparison.scenarios.map((s) => s.name));
    chart?.series.forEach((series, i) => {
      expect(series.labels).toEqual(years.map((row) => row.label));
      series.values.forEach((value, y) => {
        expect(value).toBeCloseTo(years[y]?.cost.values[i] ?? Number.NaN, 2);
      });
    });
    expect(figures(deck, "Scenario comparison: budget by year (figures)")).toEqual(
      years.map((row) => [row.label, ...row.cost.values.map((value) => format.money(value ?? Number.NaN))]),
    );
  });

  it("compare each segment's figures across the scenarios, every row naming its segment", TIMEOUT, async () => {
    const deck = await deckOf(roadmap, { sections: ["scenarios"] });
    const expected = comparedSegments(comparison).flatMap((segment) =>
      segment.figures
        .filter((figure) => figure.key !== "cost")
        .map((figure) => [
          segment.name,
          figure.label,
          ...figure.values.map((value) => deckFigureText(figure.kind, value, format)),
        ]),
    );
    expect(figures(deck, "Scenarios by segment", 2)).toEqual(expected);
  });

  it("list what each scenario does differently from the base", TIMEOUT, async () => {
    const deck = await deckOf(roadmap, { sections: ["scenarios"] });
    for (const { to, changes } of comparison.differences) {
      const name = comparison.scenarios.find((s) => s.scenarioId === to)?.name;
      const listed = slidesTitled(deck, `Differences: "${name}"`).flatMap((slide) =>
        slide.tables.flatMap((table) => table.rows.slice(1).map((row) => (row[0] ?? "").replace(/\s*\n\s*/g, " "))),
      );
      expect(changes.length).toBeGreaterThan(0);
      const sentences = changes.map((change) => describeDifference(change, roadmap, { money: format.money }));
      expect(listed.length).toBe(Math.min(20, sentences.length));
      for (const line of listed)
        expect(sentences.some((sentence) => sentence.startsWith(line.replace(/…$/, "")))).toBe(true);
    }
  });

  it(
    "leave out every figure about money, the budget chart and changes of amounts when costs are hidden",
    TIMEOUT,
    async () => {
      const deck = await deckOf(roadmap, { sections: ["scenarios"], includeCosts: false });
      const labels = figures(deck, "Scenario comparison").map((row) => row[0]);
      expect(labels).toEqual(
        comparedTotals(comparison)
          .filter((figure) => !isAboutMoney(figure))
          .map((figure) => figure.label),
      );
      expect(slidesTitled(deck, "Scenario comparison: budget")).toEqual([]);
      const segmentFigures = new Set(figures(deck, "Scenarios by segment", 2).map((row) => row[1]));
      expect([...segmentFigures]).toEqual(["Customers kept", "Collisions", "Most contacts a month"]);
      for (const slide of deck.slides) {
        // The segment's own name says "cost to serve": the roadmap's words, not a figure.
        const words = `${slide.text}\n${slide.notes}`.replace(/\s+/g, " ").replaceAll("(cost to serve)", "");
        expect(words).not.toMatch(/€|EUR|\bcosts?\b|budget|ROI/i);
      }
      expect(slidesTitled(deck, 'Differences: "Lean"')[0]?.text).not.toMatch(/cost per contact/);
    },
  );

  it("are left out for a roadmap with its base plan only", TIMEOUT, async () => {
    const deck = await deckOf(createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z")), {
      sections: ["scenarios"],
    });
    expect(slidesTitled(deck, "Scenario")).toEqual([]);
  });
});
