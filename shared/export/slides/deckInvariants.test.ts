import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../../test/budget";
import { planRoadmap } from "../../engine/planEngine";
import type { Roadmap } from "../../model/schema";
import { ROADMAP_TEMPLATES } from "../../model/templates";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../../model/testing/generateRoadmap";
import { everyText, TRICKY_NAMES } from "../../model/testing/hostileText";
import { surveyedB2bRoadmap } from "../../survey/testing/insightFixtures";
import { REPORT_SECTIONS } from "../reportOptions";
import { optimisedRoadmap } from "../testing/optimisedRoadmap";
import { asIsAndToBeRoadmap } from "../testing/scenarioRoadmaps";
import { buildSlideDeck } from "./slideDeck";
import { costMentions, deckProblems, inspectDeck, withoutMoneyWords } from "./testing/deckInvariants";
import { DECK_TEST_DATE } from "./testing/deckOf";
import { readDeck } from "./testing/readDeck";

const NOW = new Date("2027-01-15T00:00:00Z");

/** Names a client's file may hold: characters XML forbids, bidi, right-to-left, emoji, CJK, and very long ones. */
const HOSTILE_TEXT = [
  Array.from({ length: 60 }, (_, i) => `word${i}`).join(" "),
  `Onboarding${"-and-activation".repeat(12)}`,
  ...TRICKY_NAMES,
  "تجديد العقد السنوي مع العميل",
  "👩‍👩‍👧‍👦 Family plan 🚀🔥✨",
  "季度续约提醒邮件",
  "<b>&amp; \"quoted\" 'apostrophe' </p:txBody>",
];

/** A roadmap with everything the optional sections need: scenarios, an optimised one and survey answers. */
function everySectionRoadmap(): Roadmap {
  const optimised = optimisedRoadmap(NOW);
  return { ...surveyedB2bRoadmap(), scenarios: optimised.scenarios };
}

/** `amounts`: whether the roadmap's amounts are ones no count of the plan meets by chance (not a generated one's). */
const roadmaps: readonly { name: string; roadmap: () => Roadmap; amounts?: boolean }[] = [
  ...ROADMAP_TEMPLATES.map((template) => ({ name: `template ${template.id}`, roadmap: () => template.create(NOW) })),
  { name: "as-is and to-be scenarios", roadmap: () => asIsAndToBeRoadmap(NOW) },
  { name: "optimised scenario", roadmap: () => optimisedRoadmap(NOW) },
  { name: "survey answers", roadmap: surveyedB2bRoadmap },
  { name: "every optional section", roadmap: everySectionRoadmap },
  { name: "hostile text", roadmap: () => everyText(everySectionRoadmap(), HOSTILE_TEXT) },
  {
    name: "40 generated phases",
    roadmap: () => generateRoadmap({ phases: 40, transitionsPerPhase: 1.5, communications: 200, segments: 4, seed: 7 }),
    amounts: false,
  },
];

async function deck(roadmap: Roadmap, includeCosts: boolean) {
  const plan = planRoadmap(roadmap);
  const bytes = await buildSlideDeck(roadmap, plan, {
    sections: [...REPORT_SECTIONS],
    includeCosts,
    now: DECK_TEST_DATE,
  });
  return { plan, bytes, inspected: await inspectDeck(bytes) };
}

/** What a deck keeps in every case, each list empty: the invariant's name and what breaks it show on failure. */
const KEPT = {
  overflowingText: [],
  fontsOtherThanArial: [],
  smallTableText: [],
  outsideSlide: [],
  onTitleOrFooter: [],
  slidesWithoutNotes: [],
  malformedParts: [],
};

describe("every slide deck", () => {
  describe.each(roadmaps)("of $name", ({ roadmap, amounts }) => {
    it("fits its text, sets it in Arial, keeps tables at 12 pt or more and everything on the slide, with notes and well-formed XML", {
      timeout: HEAVY_TEST_TIMEOUT_MS,
    }, async () => {
      const { inspected } = await deck(roadmap(), true);
      expect(deckProblems(inspected)).toEqual(KEPT);
    });

    it("says nothing of money when costs are hidden, and keeps the rest", {
      timeout: HEAVY_TEST_TIMEOUT_MS,
    }, async () => {
      // The user's names may speak of money ("cost to serve", a scenario "budget €292K"); what the optimiser
      // wrote about its scenario (reasons, binding constraints) is the app's.
      const original = roadmap();
      const renamed = withoutMoneyWords(original);
      const neutral = {
        ...renamed,
        scenarios: renamed.scenarios.map((scenario, index) => ({
          ...scenario,
          optimisation: original.scenarios[index]?.optimisation ?? null,
        })),
      };
      const { plan, inspected } = await deck(neutral, false);
      expect(deckProblems(inspected)).toEqual(KEPT);
      expect(costMentions(inspected, neutral, plan, { amounts })).toEqual([]);
    });
  });

  it("keeps every guarantee for generated roadmaps of any shape", { timeout: HEAVY_TEST_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          phases: fc.integer({ min: 1, max: 30 }),
          transitionsPerPhase: fc.double({ min: 0, max: 2.5, noNaN: true }),
          communications: fc.integer({ min: 0, max: 120 }),
          segments: fc.integer({ min: 1, max: 6 }),
          seed: fc.integer({ min: 1, max: 10_000 }),
          includeCosts: fc.boolean(),
        }),
        async ({ includeCosts, ...options }) => {
          const roadmap = generateRoadmap(options);
          const { plan, inspected } = await deck(roadmap, includeCosts);
          expect(deckProblems(inspected)).toEqual(KEPT);
          if (!includeCosts) expect(costMentions(inspected, roadmap, plan, { amounts: false })).toEqual([]);
        },
      ),
      propertyRuns(8),
    );
  });

  it("keeps every guarantee for a 300-phase roadmap, its diagram split by stage", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const roadmap = {
      ...generateRoadmap({ phases: 300, transitionsPerPhase: 1.5, communications: 600, segments: 6, seed: 1 }),
      horizonMonths: 60,
    };
    const { plan, inspected } = await deck(roadmap, false);
    expect(deckProblems(inspected)).toEqual(KEPT);
    expect(costMentions(inspected, roadmap, plan, { amounts: false })).toEqual([]);
  });
});

describe("the same roadmap, twice", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the same bytes, whenever it is exported", { timeout: HEAVY_TEST_TIMEOUT_MS }, async () => {
    const roadmap = everySectionRoadmap();
    const plan = planRoadmap(roadmap);
    const options = { sections: [...REPORT_SECTIONS], includeCosts: true, now: DECK_TEST_DATE };
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-05-01T08:00:00Z"));
    const first = await buildSlideDeck(roadmap, plan, options);
    vi.setSystemTime(new Date("2028-11-30T17:45:13Z"));
    const second = await buildSlideDeck(roadmap, plan, options);
    expect(await readDeck(second)).toEqual(await readDeck(first));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("dates the file by the export's date, not the clock", { timeout: HEAVY_TEST_TIMEOUT_MS }, async () => {
    const roadmap = createB2bSubscriptionRoadmap(NOW);
    const bytes = await buildSlideDeck(roadmap, planRoadmap(roadmap), {
      sections: ["summary"],
      includeCosts: true,
      now: DECK_TEST_DATE,
    });
    const core = (await inspectDeck(bytes)).parts.get("docProps/core.xml") ?? "";
    const stamp = DECK_TEST_DATE.toISOString().replace(/\.\d{3}Z$/, "Z");
    expect([...core.matchAll(/<dcterms:(?:created|modified)[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual([
      stamp,
      stamp,
    ]);
  });
});
