import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../engine/planEngine";
import { type ContactPressure, worstContactPressure } from "../../engine/pressure";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../../model/testing/generateRoadmap";
import { SUMMARY_LIMITS } from "../reportLayout";
import { OVER_CAP_FILL } from "./pressureSlides";
import { deckOf, slidesTitled } from "./testing/deckOf";
import type { DeckReading, TableReading } from "./testing/readDeck";

const TIMEOUT = { timeout: 60_000 };
const b2b = () => createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));

/** The tables of that name on the slides of that title, each cell's wrapped lines joined back into one. */
function tablesNamed(deck: DeckReading, title: string, name: string): TableReading[] {
  return slidesTitled(deck, title)
    .flatMap((slide) => slide.tables.filter((table) => table.name === name))
    .map((table) => ({ ...table, rows: table.rows.map((row) => row.map((cell) => cell.replace(/\s*\n\s*/g, " "))) }));
}

/** The most sends one customer of segment `s` gets in any of the months. */
function worstOver(pressure: ContactPressure, s: number, months: readonly number[]): number {
  return Math.max(0, ...months.map((t) => worstContactPressure(pressure, "segment", s, t)));
}

describe("contact pressure slides", () => {
  it(
    "show the engine's most sends a month per segment, month by month over the horizon, red over the cap",
    TIMEOUT,
    async () => {
      const roadmap = b2b();
      const plan = planRoadmap(roadmap);
      const deck = await deckOf(roadmap, { sections: ["pressure"] });
      const heatmaps = tablesNamed(deck, "Contact pressure", "Contact pressure heatmap");
      expect(heatmaps.length).toBeGreaterThan(1);
      const columns = heatmaps.flatMap((table) => table.rows[0]?.slice(1) ?? []);
      expect(columns).toEqual(plan.calendar.months.map((month) => month.label.slice(2)));

      let over = 0;
      roadmap.segments.forEach((segment, s) => {
        let t = 0;
        for (const table of heatmaps) {
          const r = table.rows.findIndex((row) => row[0] === segment.name);
          expect(r, `${segment.name} has a row`).toBeGreaterThan(0);
          table.rows[r]?.slice(1).forEach((cell, j) => {
            const expected = worstOver(plan.pressure, s, [t]);
            expect(cell).toBe(expected === 0 ? "" : String(expected));
            const red = table.fills[r]?.[j + 1] === OVER_CAP_FILL;
            expect(red, `${segment.name}, ${plan.calendar.months[t]?.label}`).toBe(expected > roadmap.contactCap);
            if (red) over += 1;
            t += 1;
          });
        }
      });
      expect(over).toBeGreaterThan(0);
    },
  );

  it("show a long plan by quarter, each cell its worst month, on at most three slides", TIMEOUT, async () => {
    const roadmap = { ...b2b(), horizonMonths: 60 };
    const plan = planRoadmap(roadmap);
    const deck = await deckOf(roadmap, { sections: ["pressure"] });
    const heatmaps = tablesNamed(deck, "Contact pressure", "Contact pressure heatmap");
    expect(heatmaps.length).toBeLessThanOrEqual(3);
    const columns = heatmaps.flatMap((table) => table.rows[0]?.slice(1) ?? []);
    expect(columns).toEqual(plan.calendar.quarters.map((quarter) => quarter.label));
    const cells = heatmaps.flatMap((table) => table.rows[1]?.slice(1) ?? []);
    plan.calendar.quarters.forEach((quarter, j) => {
      const months = Array.from({ length: quarter.monthCount }, (_, i) => quarter.firstMonth + i);
      const expected = worstOver(plan.pressure, 0, months);
      expect(cells[j]).toBe(expected === 0 ? "" : String(expected));
    });
  });

  it("keep the most contacted segments of a roadmap with many and say how many are left out", TIMEOUT, async () => {
    const roadmap = generateRoadmap({ phases: 12, transitionsPerPhase: 2, communications: 60, segments: 20, seed: 7 });
    const deck = await deckOf(roadmap, { sections: ["pressure"] });
    const shown = new Set(
      tablesNamed(deck, "Contact pressure", "Contact pressure heatmap").flatMap((table) =>
        table.rows.slice(1).map((row) => row[0]),
      ),
    );
    expect(shown.size).toBe(SUMMARY_LIMITS.tableRows);
    expect(slidesTitled(deck, "Contact pressure")[0]?.notes).toContain(
      `The ${20 - SUMMARY_LIMITS.tableRows} least contacted segments are left out`,
    );
  });

  it(
    "count each owner's collisions, and those shared with other owners, as the engine finds them",
    TIMEOUT,
    async () => {
      const template = b2b();
      // One owner sending everything in Active single-product: its collisions are that owner's alone.
      const alone = {
        ...template,
        communications: template.communications.map((c) =>
          c.phaseId === "phase-active-single" ? { ...c, ownerId: template.owners[0]?.id ?? "" } : c,
        ),
      };
      expect(planRoadmap(alone).pressure.collisions.every((c) => c.ownerIds.length === 1)).toBe(true);
      for (const roadmap of [template, alone]) {
        const { collisions } = planRoadmap(roadmap).pressure;
        expect(collisions.length).toBeGreaterThan(0);
        const deck = await deckOf(roadmap, { sections: ["pressure"] });
        const rows = tablesNamed(deck, "Collisions by owner", "Collisions by owner").flatMap((table) =>
          table.rows.slice(1),
        );
        const involved = roadmap.owners.filter((owner) => collisions.some((c) => c.ownerIds.includes(owner.id)));
        expect(rows.map((row) => row[0]).sort()).toEqual(involved.map((owner) => owner.name).sort());
        for (const owner of involved) {
          const theirs = collisions.filter((c) => c.ownerIds.includes(owner.id));
          const row = rows.find((cells) => cells[0] === owner.name);
          expect(row?.[1]).toBe(String(theirs.length));
          expect(row?.[2]).toBe(String(theirs.filter((c) => c.ownerIds.length > 1).length));
          expect(row?.[3]).toBe(String(Math.max(...theirs.map((c) => c.count))));
          const others = roadmap.owners.filter(
            (other) => other.id !== owner.id && theirs.some((c) => c.ownerIds.includes(other.id)),
          );
          expect(row?.[4]).toBe(others.length === 0 ? "no other owner" : others.map((other) => other.name).join(", "));
        }
      }
    },
  );

  it(
    "list the collisions month by month as the report does, the first fifteen, and say how many more",
    TIMEOUT,
    async () => {
      const roadmap = { ...b2b(), horizonMonths: 48 };
      const plan = planRoadmap(roadmap);
      const { collisions } = plan.pressure;
      expect(collisions.length).toBeGreaterThan(SUMMARY_LIMITS.collisions);
      const deck = await deckOf(roadmap, { sections: ["pressure"] });
      const slides = slidesTitled(deck, "Collisions by month");
      const rows = slides.flatMap((slide) => slide.tables.flatMap((table) => table.rows.slice(1)));
      expect(rows.map((row) => [row[0], row[4]])).toEqual(
        collisions
          .slice(0, SUMMARY_LIMITS.collisions)
          .map((collision) => [plan.calendar.months[collision.month]?.label, String(collision.count)]),
      );
      expect(slides[0]?.notes).toContain(
        `${collisions.length - SUMMARY_LIMITS.collisions} more in the app's Pressure view`,
      );
    },
  );

  it("add no collision slides when nothing goes over a cap", TIMEOUT, async () => {
    const roadmap = {
      ...b2b(),
      contactCap: 100,
      channels: b2b().channels.map((channel) => ({ ...channel, contactCap: null })),
    };
    expect(planRoadmap(roadmap).pressure.collisions).toEqual([]);
    const deck = await deckOf(roadmap, { sections: ["pressure"] });
    expect(slidesTitled(deck, "Contact pressure").length).toBeGreaterThan(0);
    expect(slidesTitled(deck, "Collisions")).toEqual([]);
  });
});
