import { describe, expect, it } from "vitest";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { optimisationRows, reportedOptimisation } from "../optimisationRows";
import { OPTIMISED_SCENARIO_NAME, optimisedRoadmap } from "../testing/optimisedRoadmap";
import { deckFormats } from "./deckContext";
import { deckOf, slidesTitled } from "./testing/deckOf";
import type { DeckReading } from "./testing/readDeck";

const TIMEOUT = { timeout: 60_000 };

function rowsOf(deck: DeckReading, title: string): string[][] {
  return slidesTitled(deck, title).flatMap((slide) =>
    slide.tables.flatMap((table) =>
      table.rows.slice(1).map((row) => row.map((cell) => cell.replace(/\s*\n\s*/g, " "))),
    ),
  );
}

describe("optimisation slides", () => {
  const roadmap = optimisedRoadmap();
  const source = reportedOptimisation(roadmap);
  if (!source) throw new Error("the fixture has an optimised scenario");
  const format = deckFormats(roadmap.currency);
  const rows = optimisationRows(roadmap, source, format.money);

  it(
    "give the optimiser's settings and the optimised scenario's figures against the plan, to the cent",
    TIMEOUT,
    async () => {
      const deck = await deckOf(roadmap, { sections: ["optimisation"] });
      expect(rowsOf(deck, "Optimisation")).toEqual(rows.settings.map((row) => [row.label, row.value]));
      const headline = rowsOf(deck, "Optimised against the plan");
      expect(headline.map((row) => row[0])).toEqual(rows.headline.map((row) => row.label));
      const cost = headline.find((row) => row[0] === "Cost");
      expect(cost?.slice(1, 3)).toEqual([format.money(source.record.planCost), format.money(source.record.cost)]);
      expect(cost?.[3]).toBe(`−${format.money(Math.abs(source.record.cost - source.record.planCost))}`);
    },
  );

  it(
    "chart the frontier with its data inside, the chosen budget and the plan as points of their own",
    TIMEOUT,
    async () => {
      const deck = await deckOf(roadmap, { sections: ["optimisation"] });
      const [slide] = slidesTitled(deck, "Efficient frontier");
      const [chart] = slide?.charts ?? [];
      expect(chart?.kind).toBe("scatterChart");
      const feasible = rows.frontier.filter((point) => point.feasible).sort((a, b) => a.cost - b.cost);
      const [frontier, chosen, plan] = chart?.series ?? [];
      const xs = [...feasible.map((point) => point.cost), source.record.planCost];
      for (const series of chart?.series ?? []) {
        series.xValues.forEach((x, i) => {
          expect(x).toBeCloseTo(xs[i] ?? Number.NaN, 2);
        });
      }
      const at = feasible.findIndex((point) => point.chosen);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(frontier?.yValues).toEqual([...feasible.map((point, i) => (i === at ? null : point.value)), null]);
      expect(chosen?.name).toBe(`The budget "${OPTIMISED_SCENARIO_NAME}" was made with`);
      expect(chosen?.yValues.filter((value) => value !== null)).toEqual([feasible[at]?.value]);
      expect(chosen?.yValues[at]).toBe(feasible[at]?.value);
      expect(plan?.name).toBe(rows.fromScenarioName);
      expect(plan?.yValues.at(-1)).toBeCloseTo(source.record.planValue, 2);
      expect(slide?.text).toContain(`"${rows.fromScenarioName}" is below the frontier`);
    },
  );

  it(
    "list each change with the optimiser's reason, the marginal values and the constraints that bind",
    TIMEOUT,
    async () => {
      const deck = await deckOf(roadmap, { sections: ["optimisation"] });
      expect(rowsOf(deck, "What the optimiser changed, and why")).toEqual(
        rows.changes.map((change) => [change.name, change.what || change.kind, change.reason ?? "—"]),
      );
      expect(rowsOf(deck, "What one more unit is worth")).toEqual(
        rows.marginals.map((row) => [row.label, row.value, row.method]),
      );
      const [binding] = slidesTitled(deck, "Constraints that bind");
      expect(binding?.shapes.find((shape) => shape.name === "Constraints that bind")?.paragraphs).toEqual(rows.binding);
    },
  );

  it(
    "say nothing of money with costs hidden: no figures, frontier or marginal values, and no setting, reason or constraint about cost",
    TIMEOUT,
    async () => {
      const deck = await deckOf(roadmap, { sections: ["optimisation"], includeCosts: false });
      expect(slidesTitled(deck, "Optimised against the plan")).toEqual([]);
      expect(slidesTitled(deck, "Efficient frontier")).toEqual([]);
      expect(slidesTitled(deck, "What one more unit is worth")).toEqual([]);
      expect(rowsOf(deck, "Optimisation").map((row) => row[0])).toEqual([
        "Contact caps",
        "Locks",
        "Coverage rules",
        "Alternatives",
        "Solver",
      ]);
      const changes = rowsOf(deck, "What the optimiser changed, and why");
      expect(changes.map((row) => row[0])).toEqual(rows.changes.map((change) => change.name));
      expect(changes.map((row) => row[2])).toContain("not shown");
      for (const slide of deck.slides) {
        // The scenario's own name carries its budget: the user's words, as on the title and agenda of any deck.
        const words = `${slide.text}\n${slide.notes}`.replace(/\s+/g, " ").replaceAll(OPTIMISED_SCENARIO_NAME, "");
        expect(words).not.toMatch(/€|EUR|\bcosts?\b|budget|ROI|spent/i);
      }
      expect(slidesTitled(deck, "Constraints that bind")[0]?.text).toContain("the contact cap of 4 a month");
    },
  );

  it("are left out for a roadmap nothing was optimised in", TIMEOUT, async () => {
    const deck = await deckOf(createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z")), {
      sections: ["optimisation"],
    });
    expect(slidesTitled(deck, "Optimis")).toEqual([]);
  });
});
