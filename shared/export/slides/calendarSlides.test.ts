import { describe, expect, it } from "vitest";
import { TEST_TIMEOUT_MS } from "../../../test/budget";
import type { Period } from "../../engine/calendar";
import { planRoadmap } from "../../engine/planEngine";
import type { Roadmap } from "../../model/schema";
import { MONTHLY_UP_TO_MONTHS, PERIODS_PER_TABLE } from "./calendarSlides";
import { deckFormats } from "./deckContext";
import { MIN_TABLE_FONT_PT } from "./deckTheme";
import { deckOf, slidesTitled } from "./testing/deckOf";
import { b2bRoadmap } from "./testing/plannedDeck";

const b2b = b2bRoadmap;
const unwrapped = (rows: readonly (readonly string[])[] = []) =>
  rows.map((row) => row.map((cell) => cell.replace(/\n/g, " ")));

/** Sends of each channel in each period, from the communications' schedules: the months each one fires. */
function sendsByChannel(roadmap: Roadmap, periods: readonly Period[]): Map<string, number[]> {
  const plan = planRoadmap(roadmap);
  const byName = new Map<string, number[]>();
  roadmap.communications.forEach((communication, c) => {
    const name = roadmap.channels.find((channel) => channel.id === communication.channelId)?.name ?? "";
    const row = byName.get(name) ?? periods.map(() => 0);
    periods.forEach((period, j) => {
      for (let t = period.firstMonth; t < period.firstMonth + period.monthCount; t++) {
        row[j] = (row[j] as number) + (plan.communications[c]?.fires[t] ?? 0);
      }
    });
    byName.set(name, row);
  });
  for (const [name, row] of byName) if (row.every((sends) => sends === 0)) byName.delete(name);
  return byName;
}

/** The calendar's tables, one row per channel (and the total), a block of periods at a time. */
function calendarTables(deck: Awaited<ReturnType<typeof deckOf>>) {
  return slidesTitled(deck, "Communication calendar").map((slide) => ({
    title: slide.shapes.find((shape) => shape.name === "Title")?.text ?? "",
    rows: unwrapped(slide.tables[0]?.rows),
    fontSizesPt: slide.tables[0]?.fontSizesPt ?? [],
    fills: slide.tables[0]?.fills ?? [],
  }));
}

describe("calendar slides", () => {
  it("count each channel's sends in every month of a two-year plan, a year of months per table", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const roadmap = b2b();
    expect(roadmap.horizonMonths).toBeLessThanOrEqual(MONTHLY_UP_TO_MONTHS);
    const plan = planRoadmap(roadmap);
    const format = deckFormats(roadmap.currency);
    const months = plan.calendar.months;
    const expected = sendsByChannel(roadmap, months);
    const tables = calendarTables(await deckOf(roadmap, { sections: ["calendar"] }));
    expect(tables).toHaveLength(Math.ceil(months.length / PERIODS_PER_TABLE));
    tables.forEach((table, block) => {
      const shown = months.slice(block * PERIODS_PER_TABLE, (block + 1) * PERIODS_PER_TABLE);
      const [header, ...rows] = table.rows;
      const monthName = (period: Period) =>
        new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }).format(
          new Date(`${period.label}-01T00:00:00Z`),
        );
      expect(header).toEqual([
        "Channel",
        ...shown.map((period) => `${monthName(period)} ${period.label.slice(0, 4)}`),
        "Total",
      ]);
      expect(new Set(rows.slice(0, -1).map((row) => row[0]))).toEqual(new Set(expected.keys()));
      for (const row of rows.slice(0, -1)) {
        const sends = (expected.get(row[0] ?? "") ?? []).slice(
          block * PERIODS_PER_TABLE,
          (block + 1) * PERIODS_PER_TABLE,
        );
        expect(row.slice(1, -1)).toEqual(sends.map((n) => (n === 0 ? "" : format.count(n))));
        expect(row.at(-1)).toBe(format.count(sends.reduce((a, b) => a + b, 0)));
      }
      const totals = shown.map((_, j) =>
        [...expected.values()].reduce((sum, row) => sum + (row[block * PERIODS_PER_TABLE + j] ?? 0), 0),
      );
      expect(rows.at(-1)).toEqual([
        "All channels",
        ...totals.map((n) => (n === 0 ? "" : format.count(n))),
        format.count(totals.reduce((a, b) => a + b, 0)),
      ]);
      expect(Math.min(...table.fontSizesPt)).toBeGreaterThanOrEqual(MIN_TABLE_FONT_PT);
    });
    const allSends = tables.reduce((sum, table) => sum + Number(table.rows.at(-1)?.at(-1)?.replace(/,/g, "")), 0);
    expect(allSends).toBe(plan.budget.sends);
  });

  it("shade the busiest cell darkest and leave a period without sends white", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const [table] = calendarTables(await deckOf(b2b(), { sections: ["calendar"] }));
    const cells = (table?.rows ?? []).slice(1, -1).flatMap((row, r) =>
      row.slice(1, -1).map((text, j) => ({
        sends: text === "" ? 0 : Number(text.replace(/,/g, "")),
        fill: table?.fills[r + 1]?.[j + 1] ?? "",
      })),
    );
    const darkness = (fill: string) =>
      765 - [0, 2, 4].reduce((sum, i) => sum + Number.parseInt(fill.slice(i, i + 2), 16), 0);
    const busiest = Math.max(...cells.map((cell) => cell.sends));
    for (const cell of cells) {
      if (cell.sends === 0) expect(cell.fill).toBe("FFFFFF");
      if (cell.sends === busiest) expect(darkness(cell.fill)).toBe(Math.max(...cells.map((c) => darkness(c.fill))));
    }
    const quiet = cells.filter((cell) => cell.sends > 0 && cell.sends < busiest);
    for (const cell of quiet)
      expect(darkness(cell.fill)).toBeLessThan(darkness(cells.find((c) => c.sends === busiest)?.fill ?? ""));
  });

  it("count by quarter for a longer plan, with the same figures whether costs are shown or not", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const roadmap = { ...b2b(), horizonMonths: 36 };
    const plan = planRoadmap(roadmap);
    const quarters = plan.calendar.quarters;
    const format = deckFormats(roadmap.currency);
    const expected = sendsByChannel(roadmap, quarters);
    const withCosts = calendarTables(await deckOf(roadmap, { sections: ["calendar"] }));
    const hidden = await deckOf(roadmap, { sections: ["calendar"], includeCosts: false });
    for (const slide of hidden.slides)
      expect(`${slide.text}\n${slide.notes}`).not.toMatch(/€|EUR|\bcosts?\b|budget|\bROI\b/i);
    const without = calendarTables(hidden);
    expect(without.map((table) => table.rows)).toEqual(withCosts.map((table) => table.rows));
    const header = withCosts.flatMap((table) => table.rows[0]?.slice(1, -1) ?? []);
    expect(header).toEqual(quarters.map((quarter) => quarter.label.split(" ").reverse().join(" ")));
    const rows = withCosts.map((table) => table.rows.slice(1, -1));
    for (const [name, sends] of expected) {
      const shown = rows.flatMap((block) => block.find((row) => row[0] === name)?.slice(1, -1) ?? []);
      expect(shown).toEqual(sends.map((n) => (n === 0 ? "" : format.count(n))));
    }
  });

  it("say so when nothing is sent", { timeout: TEST_TIMEOUT_MS }, async () => {
    const base = b2b();
    const roadmap = { ...base, communications: base.communications.map((c) => ({ ...c, status: "retired" as const })) };
    const [slide, ...more] = slidesTitled(await deckOf(roadmap, { sections: ["calendar"] }), "Communication calendar");
    expect(more).toHaveLength(0);
    expect(slide?.tables).toHaveLength(0);
    expect(slide?.text).toContain("No communication is sent over the plan.");
  });
});
