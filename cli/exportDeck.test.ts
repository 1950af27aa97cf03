import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../shared/engine";
import { REPORT_SECTIONS, sectionsFor } from "../shared/export/reportOptions";
import { SECTION_TITLES } from "../shared/export/slides/slideDeck";
import { withoutMoneyWords } from "../shared/export/slides/testing/deckInvariants";
import { expectedAgenda } from "../shared/export/slides/testing/deckOf";
import { type DeckReading, readDeck } from "../shared/export/slides/testing/readDeck";
import { customerCounts, moneyAmounts, moneyFiguresIn, moneySpellings } from "../shared/export/testing/moneyFigures";
import { HEAVY_TEST_TIMEOUT_MS } from "../test/budget";
import { EXIT_OK, EXIT_USAGE } from "./roadmapCli";
import { cliWorkspace } from "./testing/runCli";

const NOW = new Date("2026-03-15T10:00:00Z");

const { inDir, roadmap, writeRoadmap, readBack } = cliWorkspace("roadmap-deck-", NOW);

async function deckAt(file: string): Promise<DeckReading> {
  return readDeck(new Uint8Array(await readFile(file)));
}

function agendaOf(deck: DeckReading): string[] {
  return deck.slides[1]?.shapes.find((shape) => shape.name === "Agenda")?.paragraphs ?? [];
}

const MONEY_WORDS = /€|EUR|\bcosts?\b|budget|\bROI\b/i;

async function expectMissing(file: string) {
  await expect(readFile(file)).rejects.toThrow(/ENOENT/);
}

describe("roadmap export --pptx", () => {
  it("writes the slide deck of every section the roadmap has, opening with its name", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const file = await writeRoadmap("acme.roadmap");
    const doc = await readBack(file);
    const out = inDir("acme.pptx");
    const result = await roadmap("export", file, "--pptx", out);
    // The template has no survey, scenario or optimisation: left out quietly, as the report leaves them out.
    expect(result).toEqual({ code: EXIT_OK, stdout: `wrote slide deck: ${out}\n`, stderr: "" });
    const deck = await deckAt(out);
    const title = deck.slides[0]?.shapes.find((shape) => shape.name === "Roadmap name");
    expect(title?.paragraphs.join(" ")).toBe(doc.name);
    expect(agendaOf(deck)).toEqual(expectedAgenda(doc, sectionsFor(doc), true));
  });

  it("keeps to the sections named, in any case, in the report's order", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const file = await writeRoadmap("picked.roadmap");
    const out = inDir("picked.pptx");
    const result = await roadmap("export", file, "--pptx", out, "--sections", " Budget,diagram ,KPIS");
    expect(result.code, result.stderr).toBe(EXIT_OK);
    expect(agendaOf(await deckAt(out))).toEqual([SECTION_TITLES.diagram, SECTION_TITLES.budget, SECTION_TITLES.kpis]);
  });

  it("leaves the budget and every amount, currency and word of cost out with --no-costs", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const file = await writeRoadmap("room.roadmap", (doc) => Object.assign(doc, withoutMoneyWords(doc)));
    const doc = await readBack(file);
    expect(doc.currency).toBe("EUR");
    const out = inDir("room.pptx");
    const result = await roadmap("export", file, "--pptx", out, "--no-costs");
    expect(result).toMatchObject({ code: EXIT_OK, stdout: `wrote slide deck without costs: ${out}\n` });
    const deck = await deckAt(out);
    expect(agendaOf(deck)).toEqual(expectedAgenda(doc, REPORT_SECTIONS, false));
    expect(agendaOf(deck)).not.toContain(SECTION_TITLES.budget);
    // Amounts from 1,000 up that are no customer count: a slide full of counts holds small numbers by chance.
    const figures = moneySpellings(moneyAmounts(doc, planRoadmap(doc)), 1000, customerCounts(doc));
    for (const slide of deck.slides) {
      for (const text of [slide.text, slide.notes]) {
        expect(text).not.toMatch(MONEY_WORDS);
        expect(moneyFiguresIn(text, figures)).toEqual([]);
      }
    }
  });

  it("exits with 2 naming an unknown section and listing the valid ones, and writes nothing", async () => {
    const file = await writeRoadmap("typo.roadmap");
    const [out, csv] = [inDir("typo.pptx"), inDir("typo.csv")];
    const one = await roadmap("export", file, "--pptx", out, "--csv", csv, "--sections", "summary,timeline");
    expect(one.code).toBe(EXIT_USAGE);
    expect(one.stderr).toContain(`there is no section “timeline”; the sections are: ${REPORT_SECTIONS.join(", ")}`);
    const two = await roadmap("export", file, "--pptx", out, "--sections", "Gantt,summary,faq");
    expect(two.code).toBe(EXIT_USAGE);
    expect(two.stderr).toContain("there are no sections “Gantt”, “faq”; the sections are: summary, ");
    const none = await roadmap("export", file, "--pptx", out, "--sections", " , ");
    expect(none.code).toBe(EXIT_USAGE);
    expect(none.stderr).toContain("--sections names no section; the sections are: summary, ");
    expect(one.stdout + two.stdout + none.stdout).toBe("");
    await expectMissing(out);
    await expectMissing(csv);
  });

  it("refuses --sections without a deck to choose them for, and writes nothing", async () => {
    const file = await writeRoadmap("plan.roadmap");
    const csv = inDir("plan.csv");
    const result = await roadmap("export", file, "--csv", csv, "--sections", "summary");
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain("--sections chooses the slide deck's sections, so it needs --pptx");
    await expectMissing(csv);
  });

  it("notes a section the roadmap has nothing for, and writes nothing when no section is left", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const file = await writeRoadmap("unsurveyed.roadmap");
    expect(sectionsFor(await readBack(file))).not.toContain("rsi");
    const out = inDir("unsurveyed.pptx");

    const partly = await roadmap("export", file, "--pptx", out, "--sections", "rsi,summary");
    expect(partly.code).toBe(EXIT_OK);
    expect(partly.stderr).toContain(`${file}: the deck leaves out rsi: the roadmap has no survey answers\n`);
    expect(agendaOf(await deckAt(out))).toEqual([SECTION_TITLES.summary]);

    const empty = inDir("empty.pptx");
    const nothing = await roadmap("export", file, "--pptx", empty, "--sections", "rsi");
    expect(nothing.code).toBe(EXIT_USAGE);
    expect(nothing.stderr).toContain(`none of the sections asked for has anything to show for ${file}`);
    const moneyOnly = await roadmap("export", file, "--pptx", empty, "--sections", "budget", "--no-costs");
    expect(moneyOnly.code).toBe(EXIT_USAGE);
    expect(moneyOnly.stderr).toContain("the deck leaves out budget: it is all money, left out with --no-costs");
    await expectMissing(empty);
  });
});
