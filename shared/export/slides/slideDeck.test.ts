import { describe, expect, it } from "vitest";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { optimisedScenarioName } from "../../optimise/scenarioName";
import { optimisedRoadmap } from "../testing/optimisedRoadmap";
import { DECK_TEST_DATE, deckOf, slidesTitled } from "./testing/deckOf";

const roadmap = () => ({
  ...createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z")),
  client: "Northwind Analytics",
  preparedBy: "Ada Consultant",
});

describe("buildSlideDeck", () => {
  it("is a 16:9 deck that opens with the roadmap, its client, the date and its author, then an agenda", {
    timeout: 60_000,
  }, async () => {
    const deck = await deckOf(roadmap(), { sections: ["diagram", "budget"] });
    expect(deck.size.width / deck.size.height).toBeCloseTo(16 / 9, 2);
    const [title, agenda] = deck.slides;
    expect(title?.text).toContain("B2B subscription software");
    expect(title?.text).toContain("Northwind Analytics");
    expect(title?.text).toContain("Prepared by Ada Consultant");
    expect(title?.text).toContain(
      new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(DECK_TEST_DATE),
    );
    expect(agenda?.shapes.find((shape) => shape.name === "Agenda")?.paragraphs).toEqual(["Roadmap diagram", "Budget"]);
    const firstBudgetSlide = slidesTitled(deck, "Budget")[0]?.number;
    expect(agenda?.shapes.find((shape) => shape.name === "Agenda slides")?.paragraphs).toEqual([
      "slide 3",
      `slide ${firstBudgetSlide}`,
    ]);
  });

  it("lists only the sections that have slides: a roadmap without KPIs or open notes gets neither", async () => {
    const bare = { ...roadmap(), stickyNotes: [] };
    bare.phases = bare.phases.map((phase) => ({ ...phase, kpis: [] }));
    const deck = await deckOf(bare, { sections: ["kpis", "openQuestions", "assumptions"] });
    expect(deck.slides[1]?.shapes.find((shape) => shape.name === "Agenda")?.paragraphs).toEqual(["Assumptions"]);
    expect(deck.slides[2]?.shapes.find((shape) => shape.name === "Title")?.text).toBe("Assumptions");
  });

  it("leaves money out of the agenda and notes when costs are hidden", { timeout: 60_000 }, async () => {
    const deck = await deckOf(roadmap(), { sections: ["diagram", "budget"], includeCosts: false });
    const agenda = deck.slides[1]?.shapes.find((shape) => shape.name === "Agenda");
    expect(agenda?.paragraphs).toEqual(["Roadmap diagram"]);
    for (const slide of deck.slides) expect(slide.notes).not.toMatch(/€|EUR|cost/i);
  });

  it("gives every slide speaker notes with the numbers' assumptions, and sets every text in Arial", {
    timeout: 60_000,
  }, async () => {
    const deck = await deckOf(roadmap());
    for (const slide of deck.slides.slice(1)) {
      expect(slide.notes).toContain("Assumptions: the plan runs");
      for (const shape of slide.shapes) expect(new Set(shape.fontFaces)).toEqual(new Set(shape.text ? ["Arial"] : []));
    }
  });

  it("tells an optimised scenario by the optimiser's name without its budget when costs are hidden", {
    timeout: 60_000,
  }, async () => {
    const optimised = optimisedRoadmap();
    const record = optimised.scenarios[0]?.optimisation ?? null;
    const given = `${optimisedScenarioName("value", record?.settings.budget ?? null, "EUR")} 2`;
    const named = { ...optimised, scenarios: optimised.scenarios.map((scenario) => ({ ...scenario, name: given })) };
    named.segments = named.segments.map((segment) => ({ ...segment, name: segment.name.replace(/cost/i, "effort") }));
    named.notes = "";
    const withCosts = await deckOf(named, { sections: ["scenarios", "optimisation"] });
    expect(withCosts.slides.map((slide) => slide.text).join("\n")).toContain(given);
    const hidden = await deckOf(named, { sections: ["scenarios", "optimisation"], includeCosts: false });
    const everything = hidden.slides.map((slide) => `${slide.text}\n${slide.notes}`).join("\n");
    expect(everything).toContain("Optimised for value 2");
    expect(everything).not.toMatch(/€|EUR|budget/i);
  });
});
