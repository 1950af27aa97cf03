import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { TEST_TIMEOUT_MS } from "../../../test/budget";
import { planRoadmap } from "../../engine/planEngine";
import type { Roadmap } from "../../model/schema";
import { CHART_TEXT, moneyFormatCode, OWNERS_IN_CHART, QUARTERS_IN_CHART } from "./budgetSlides";
import { deckFormats } from "./deckContext";
import { deckColour } from "./deckTheme";
import { buildSlideDeck } from "./slideDeck";
import { fitsLine } from "./slideFrame";
import { DECK_TEST_DATE, deckOf, slidesTitled } from "./testing/deckOf";
import { b2bRoadmap, plannedDeck } from "./testing/plannedDeck";
import { type ChartReading, readDeck } from "./testing/readDeck";

const b2b = b2bRoadmap;

/** A figure on a chart is the engine's to the cent. */
function expectCents(actual: readonly number[], expected: readonly number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    expect(Math.abs(value - (expected[i] as number))).toBeLessThan(0.005);
  });
}

function chartOn(deck: Awaited<ReturnType<typeof deckOf>>, title: string): ChartReading {
  const [slide, ...more] = slidesTitled(deck, title);
  expect(more).toHaveLength(0);
  expect(slide?.charts).toHaveLength(1);
  return slide?.charts[0] as ChartReading;
}

/** Every chart's XML and its embedded workbook (what PowerPoint's "Edit Data" opens) as rows of text, in order. */
async function chartParts(bytes: Uint8Array): Promise<{ xml: string; sheet: string[][] }[]> {
  const deck = await JSZip.loadAsync(bytes);
  const charts = Object.keys(deck.files)
    .filter((path) => /^ppt\/charts\/chart\d+\.xml$/.test(path))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  const parse = async (zip: JSZip, path: string) =>
    new DOMParser().parseFromString((await zip.file(path)?.async("string")) ?? "", "text/xml");
  const parts: { xml: string; sheet: string[][] }[] = [];
  for (const chart of charts) {
    const rels = await parse(deck, chart.replace("charts/", "charts/_rels/").concat(".rels"));
    const target = rels.getElementsByTagName("Relationship")[0]?.getAttribute("Target") ?? "";
    const workbook = await JSZip.loadAsync(
      (await deck.file(`ppt/${target.replace("../", "")}`)?.async("uint8array")) ?? new Uint8Array(),
    );
    const strings = Array.from((await parse(workbook, "xl/sharedStrings.xml")).getElementsByTagName("si")).map(
      (item) => item.textContent ?? "",
    );
    const rows = Array.from((await parse(workbook, "xl/worksheets/sheet1.xml")).getElementsByTagName("row"));
    parts.push({
      xml: (await deck.file(chart)?.async("string")) ?? "",
      sheet: rows.map((row) =>
        Array.from(row.getElementsByTagName("c")).map((cell) => {
          const value = cell.getElementsByTagName("v")[0]?.textContent ?? "";
          return cell.getAttribute("t") === "s" ? (strings[Number(value)] ?? "") : value;
        }),
      ),
    });
  }
  return parts;
}

const budgetDeck = (roadmap: Roadmap) =>
  buildSlideDeck(roadmap, planRoadmap(roadmap), { sections: ["budget"], includeCosts: true, now: DECK_TEST_DATE });

describe("budget slides", () => {
  it("chart the cost of each quarter by stage, to the cent", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const { roadmap, plan, deck } = await plannedDeck(b2b(), { sections: ["budget"] });
    const chart = chartOn(deck, "Cost by quarter and stage");
    const stages = plan.budget.byDimension.stage;
    const quarters = stages.byQuarter.periods;
    const spending = stages.keys.flatMap((key, k) => ((stages.totalCost[k] ?? 0) > 0 ? [{ key, k }] : []));
    expect(spending.length).toBeGreaterThan(1);
    expect(chart.kind).toBe("barChart");
    expect(chart.series.map((series) => series.name)).toEqual(
      spending.map(({ key }) => roadmap.stages.find((stage) => stage.id === key)?.name),
    );
    for (const [i, { k }] of spending.entries()) {
      const series = chart.series[i];
      expect(series?.labels).toEqual(quarters.map((quarter) => quarter.label));
      expectCents(
        series?.values ?? [],
        quarters.map((_, j) => stages.byQuarter.cost[k * quarters.length + j] ?? 0),
      );
    }
    const stacked = chart.series.reduce((sum, series) => sum + series.values.reduce((a, b) => a + b, 0), 0);
    expect(Math.abs(stacked - plan.budget.totalCost)).toBeLessThan(0.01 * quarters.length * spending.length);
  });

  it("chart cost by owner, the costliest on top, to the cent", { timeout: TEST_TIMEOUT_MS }, async () => {
    const { roadmap, plan, deck } = await plannedDeck(b2b(), { sections: ["budget"] });
    const chart = chartOn(deck, "Cost by owner");
    const owners = plan.budget.byDimension.owner;
    const expected = owners.keys
      .map((key, k) => ({
        name: roadmap.owners.find((owner) => owner.id === key)?.name,
        cost: owners.totalCost[k] ?? 0,
      }))
      .filter((owner) => owner.cost > 0)
      .sort((a, b) => a.cost - b.cost);
    expect(chart.series).toHaveLength(1);
    expect(chart.series[0]?.labels).toEqual(expected.map((owner) => owner.name));
    expectCents(
      chart.series[0]?.values ?? [],
      expected.map((owner) => owner.cost),
    );
  });

  it(`names the ${OWNERS_IN_CHART} costliest owners and adds up the others in one bar`, {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const base = b2b();
    const kind = base.owners[0]?.kind ?? "marketing";
    const roadmap: Roadmap = {
      ...base,
      owners: base.communications.map((_, i) => ({
        id: `owner-${i}`,
        name: `Owner ${i + 1}`,
        kind,
        partnerType: null,
      })),
      communications: base.communications.map((communication, i) => ({ ...communication, ownerId: `owner-${i}` })),
    };
    const plan = planRoadmap(roadmap);
    const owners = plan.budget.byDimension.owner;
    const costs = owners.keys
      .map((_, k) => ({ name: `Owner ${k + 1}`, cost: owners.totalCost[k] ?? 0 }))
      .filter((owner) => owner.cost > 0)
      .sort((a, b) => b.cost - a.cost);
    expect(costs.length).toBeGreaterThan(OWNERS_IN_CHART + 1);
    const rest = costs.slice(OWNERS_IN_CHART);
    const deck = await deckOf(roadmap, { sections: ["budget"] });
    const [slide] = slidesTitled(deck, "Cost by owner");
    const series = slide?.charts[0]?.series[0];
    expect(series?.labels).toEqual(
      [...costs.slice(0, OWNERS_IN_CHART).map((owner) => owner.name), `${rest.length} other owners`].reverse(),
    );
    expectCents(
      series?.values ?? [],
      [
        ...costs.slice(0, OWNERS_IN_CHART).map((owner) => owner.cost),
        rest.reduce((sum, o) => sum + o.cost, 0),
      ].reverse(),
    );
    for (const owner of rest) expect(slide?.notes).toContain(owner.name);
  });

  it("keep each chart's data inside it, in the workbook PowerPoint opens to edit the chart", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const bytes = await budgetDeck(b2b());
    const charts = (await readDeck(bytes)).slides.flatMap((slide) => slide.charts);
    const parts = await chartParts(bytes);
    expect(parts).toHaveLength(charts.length);
    expect(charts).toHaveLength(2);
    charts.forEach((chart, i) => {
      const [header, ...rows] = parts[i]?.sheet ?? [];
      expect(header?.slice(1)).toEqual(chart.series.map((series) => series.name));
      expect(rows.map((row) => row[0])).toEqual(chart.series[0]?.labels);
      chart.series.forEach((series, s) => {
        expectCents(
          rows.map((row) => Number(row[s + 1] || 0)),
          series.values,
        );
      });
    });
  });

  it("stack the stages in upright bars in their colours, and lay the owners' bars across with their amounts", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const roadmap = b2b();
    const [stages, owners] = await chartParts(await budgetDeck(roadmap));
    const stageBudget = planRoadmap(roadmap).budget.byDimension.stage;
    const colours = stageBudget.keys
      .filter((_, k) => (stageBudget.totalCost[k] ?? 0) > 0)
      .map((key) => deckColour(roadmap.stages.find((stage) => stage.id === key)?.color ?? ""));
    const seriesColours = [...(stages?.xml ?? "").matchAll(/<c:ser>.*?<c:spPr>.*?<a:srgbClr val="(\w{6})"/gs)].map(
      (match) => match[1],
    );
    expect(seriesColours).toEqual(colours);
    expect(stages?.xml).toContain('<c:barDir val="col"/>');
    expect(stages?.xml).toContain('<c:grouping val="stacked"/>');
    expect(owners?.xml).toContain('<c:barDir val="bar"/>');
    expect(owners?.xml).toMatch(/<c:dLbls>.*<c:showVal val="1"\/>/s);
  });

  it("shorten long stage and owner names to fit beside the bars and in the legend", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const base = b2b();
    const long = (name: string) => `${name} ${"with a name far too long to print beside a bar ".repeat(4)}`;
    const roadmap: Roadmap = {
      ...base,
      stages: base.stages.map((stage) => ({ ...stage, name: long(stage.name) })),
      owners: base.owners.map((owner) => ({ ...owner, name: long(owner.name) })),
    };
    const deck = await deckOf(roadmap, { sections: ["budget"] });
    const stageNames = chartOn(deck, "Cost by quarter and stage").series.map((series) => series.name);
    const ownerNames = chartOn(deck, "Cost by owner").series[0]?.labels ?? [];
    expect(stageNames.length).toBeGreaterThan(1);
    expect(ownerNames.length).toBeGreaterThan(1);
    for (const name of stageNames) {
      expect(name).toMatch(/…$/);
      expect(fitsLine(name, CHART_TEXT.legendEntryWidth, CHART_TEXT.fontPt)).toBe(true);
    }
    for (const name of ownerNames) {
      expect(name).toMatch(/…$/);
      expect(fitsLine(name, CHART_TEXT.ownerLabelWidth, CHART_TEXT.fontPt)).toBe(true);
    }
  });

  it("table cost, expected value and return by year and for the whole plan, to the cent", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const { plan, format, deck } = await plannedDeck(b2b(), { sections: ["budget"] });
    const [slide] = slidesTitled(deck, "Budget");
    const table = slide?.tables[0];
    const years = plan.budget.overall.byYear;
    const roi = (value: number, cost: number) => (cost === 0 ? "—" : format.percent((value - cost) / cost));
    const expected = years.periods.map((_, j) => {
      const cost = years.cost[j] ?? 0;
      const value = years.value[j] ?? 0;
      return [format.money(cost), format.money(value), roi(value, cost)];
    });
    const { budget } = plan;
    expected.push([
      format.money(budget.totalCost),
      format.money(budget.totalValue),
      roi(budget.totalValue, budget.totalCost),
    ]);
    expect(table?.rows[0]).toEqual(["Year", "Sends", "Cost", "Expected value", "Return on investment"]);
    expect(table?.rows.slice(1).map((row) => row.slice(2))).toEqual(expected);
    expect(table?.rows.slice(1).map((row) => row[0]?.replace(/ \(.*\)$/, ""))).toEqual([
      ...years.periods.map((year) => year.label),
      "Whole plan",
    ]);
    expect(table?.rows.at(-1)?.[1]).toBe(format.count(budget.sends));
    expect(slide?.text).toContain(`The plan costs ${format.money(budget.totalCost)}`);
  });

  it(`chart a plan of more than ${QUARTERS_IN_CHART} quarters by year`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const roadmap = { ...b2b(), horizonMonths: 84 };
    const plan = planRoadmap(roadmap);
    expect(plan.calendar.quarters.length).toBeGreaterThan(QUARTERS_IN_CHART);
    const deck = await deckOf(roadmap, { sections: ["budget"] });
    const chart = chartOn(deck, "Cost by year and stage");
    for (const series of chart.series) expect(series.labels).toEqual(plan.calendar.years.map((year) => year.label));
    expect(slidesTitled(deck, "Cost by quarter")).toHaveLength(0);
  });

  it("show a plan that costs nothing as the table alone, without empty charts", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const base = b2b();
    const roadmap = { ...base, communications: base.communications.map((c) => ({ ...c, status: "retired" as const })) };
    const deck = await deckOf(roadmap, { sections: ["budget"] });
    const format = deckFormats(roadmap.currency);
    expect(slidesTitled(deck, "Budget")[0]?.text).toContain(`The plan costs ${format.money(0)}`);
    expect(deck.slides.flatMap((slide) => slide.charts)).toHaveLength(0);
  });

  it("are left out when costs are hidden", { timeout: TEST_TIMEOUT_MS }, async () => {
    const deck = await deckOf(b2b(), { sections: ["budget", "calendar"], includeCosts: false });
    expect(slidesTitled(deck, "Budget")).toHaveLength(0);
    expect(slidesTitled(deck, "Cost by")).toHaveLength(0);
    expect(deck.slides.flatMap((slide) => slide.charts)).toHaveLength(0);
  });

  it("write the value axis in the roadmap's currency, its symbol where the deck's locale puts it", () => {
    const roadmap = b2b();
    const axis = (currency: string, locale: string) => moneyFormatCode({ roadmap: { ...roadmap, currency }, locale });
    expect(axis("EUR", "en-US")).toBe('"€"#,##0');
    expect(axis("EUR", "de-DE")).toBe('#,##0"\u00a0€"');
    expect(axis("SEK", "en-US")).toBe('"SEK\u00a0"#,##0');
  });
});
