import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { smallRoadmaps } from "../engine/testing/randomRoadmaps";
import { parseLocaleNumber } from "../format/localeNumber";
import { LIMITS } from "../model/limits";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { err, ok } from "../result";
import {
  type CustomerCellReader,
  type CustomerMeasure,
  customerGrid,
  pasteCustomers,
  phasesInLifecycleOrder,
  setCustomerCount,
} from "./customersGrid";
import { parseTabSeparated } from "./tabSeparated";

const template = (): Roadmap => createB2bSubscriptionRoadmap(new Date("2026-12-01T09:00:00Z"));

/** A whole number of customers typed in `locale`; empty is none. */
const readIn =
  (locale: string): CustomerCellReader =>
  (text) => {
    if (text.trim() === "") return ok(0);
    const read = parseLocaleNumber(text, locale);
    if (!read.ok) return err(`It is not a number: ${read.error}.`);
    if (!Number.isInteger(read.value) || read.value < 0 || read.value > LIMITS.customers)
      return err("It must be a whole number of customers.");
    return ok(read.value);
  };
const read = readIn("en-US");

const MEASURES: CustomerMeasure[] = ["initialCustomers", "arrivalsPerMonth"];

describe("customerGrid", () => {
  it("lists phases in lifecycle order and segments across, with the phases' figures", () => {
    const roadmap = template();
    const grid = customerGrid(roadmap, "initialCustomers");
    expect(grid.phases.map((p) => p.name)).toEqual(phasesInLifecycleOrder(roadmap).map((p) => p.name));
    expect(grid.segments.map((s) => s.id)).toEqual(["enterprise", "midMarket", "smallBusiness"]);
    const stageRank = (stageId: string) => roadmap.stages.findIndex((s) => s.id === stageId);
    const ranks = grid.phases.map((p) => stageRank(p.stageId));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const trial = roadmap.phases.find((p) => p.id === "phase-trial");
    const row = grid.phases.findIndex((p) => p.id === "phase-trial");
    expect(grid.cells[row]).toEqual(grid.segments.map((s) => trial?.initialCustomers[s.id] ?? 0));
  });

  it("has row, column and grand totals that are the sums of the cells, for any roadmap and either measure", () => {
    fc.assert(
      fc.property(smallRoadmaps, fc.constantFrom(...MEASURES), (roadmap, measure) => {
        const grid = customerGrid(roadmap, measure);
        const cellSum = grid.cells.flat().reduce((a, b) => a + b, 0);
        grid.cells.forEach((row, r) => {
          expect(grid.rowTotals[r]).toBe(row.reduce((a, b) => a + b, 0));
        });
        grid.segments.forEach((_, c) => {
          expect(grid.columnTotals[c]).toBe(grid.cells.reduce((a, row) => a + (row[c] ?? 0), 0));
        });
        expect(grid.total).toBe(cellSum);
        expect(grid.columnTotals.reduce((a, b) => a + b, 0)).toBe(cellSum);
        // Every phase's figure is in the grid once: the totals are the roadmap's own.
        const byMeasure = roadmap.phases.reduce(
          (a, p) => a + roadmap.segments.reduce((b, s) => b + (p[measure][s.id] ?? 0), 0),
          0,
        );
        expect(grid.total).toBe(byMeasure);
      }),
      propertyRuns(200),
    );
  });
});

describe("setCustomerCount", () => {
  it("sets a phase's customers of one segment, and zero removes the entry as the inspector does", () => {
    const roadmap = template();
    const set = setCustomerCount(roadmap, "arrivalsPerMonth", "phase-lapsed", "midMarket", 12);
    expect(set.phases.find((p) => p.id === "phase-lapsed")?.arrivalsPerMonth.midMarket).toBe(12);
    const zero = setCustomerCount(set, "arrivalsPerMonth", "phase-lapsed", "midMarket", 0);
    expect(Object.hasOwn(zero.phases.find((p) => p.id === "phase-lapsed")?.arrivalsPerMonth ?? {}, "midMarket")).toBe(
      false,
    );
  });

  it("returns the same document when the cell already holds the figure", () => {
    const roadmap = template();
    const trial = roadmap.phases.find((p) => p.id === "phase-trial");
    const count = trial?.initialCustomers.enterprise ?? 0;
    expect(setCustomerCount(roadmap, "initialCustomers", "phase-trial", "enterprise", count)).toBe(roadmap);
    const seven = setCustomerCount(roadmap, "arrivalsPerMonth", "phase-lapsed", "midMarket", 7);
    expect(setCustomerCount(seven, "arrivalsPerMonth", "phase-lapsed", "midMarket", 7)).toBe(seven);
  });
});

describe("pasteCustomers", () => {
  const grid = (roadmap: Roadmap) => customerGrid(roadmap, "initialCustomers");

  it("fills a 2×3 block from the selected cell rightwards and down, as one change", () => {
    const roadmap = template();
    const before = grid(roadmap);
    const anchor = { phaseId: before.phases[1]?.id ?? "", segmentId: "enterprise" };
    const pasted = pasteCustomers(roadmap, "initialCustomers", anchor, "1,200\t30\t0\r\n5\t6\t7\r\n", read);
    if (!pasted.ok) throw new Error(pasted.error);
    const after = grid(pasted.value);
    expect(after.cells[1]).toEqual([1200, 30, 0]);
    expect(after.cells[2]).toEqual([5, 6, 7]);
    expect(after.cells.filter((_, r) => r !== 1 && r !== 2)).toEqual(before.cells.filter((_, r) => r !== 1 && r !== 2));
    expect(pasted.value.transitions).toBe(roadmap.transitions);
  });

  it("reads the numbers in the user's locale", () => {
    const roadmap = template();
    const anchor = { phaseId: "phase-trial", segmentId: "midMarket" };
    const pasted = pasteCustomers(roadmap, "initialCustomers", anchor, "1.500\t2.000", readIn("de-DE"));
    if (!pasted.ok) throw new Error(pasted.error);
    const trial = pasted.value.phases.find((p) => p.id === "phase-trial");
    expect([trial?.initialCustomers.midMarket, trial?.initialCustomers.smallBusiness]).toEqual([1500, 2000]);
  });

  it("refuses the whole block for one bad cell, naming its row, column and value", () => {
    const roadmap = template();
    const before = grid(roadmap);
    const anchor = { phaseId: before.phases[0]?.id ?? "", segmentId: "enterprise" };
    const pasted = pasteCustomers(roadmap, "initialCustomers", anchor, "1\t2\t3\n4\tlots\t6", read);
    expect(pasted.ok).toBe(false);
    if (pasted.ok) return;
    expect(pasted.error).toContain(`row “${before.phases[1]?.name}”`);
    expect(pasted.error).toContain("column “Mid-market”");
    expect(pasted.error).toContain("“lots”");
    expect(pasted.error).toMatch(/^Nothing was pasted/);
  });

  it("refuses a block that runs past the grid's last phase or segment", () => {
    const roadmap = template();
    const rows = grid(roadmap).phases;
    const last = rows.at(-1)?.id ?? "";
    const down = pasteCustomers(roadmap, "initialCustomers", { phaseId: last, segmentId: "enterprise" }, "1\n2", read);
    expect(down).toEqual(
      err(`Nothing was pasted: the block has 2 rows, but only 1 phases run down from “${rows.at(-1)?.name}”.`),
    );
    const across = pasteCustomers(
      roadmap,
      "initialCustomers",
      { phaseId: last, segmentId: "midMarket" },
      "1\t2\t3",
      read,
    );
    expect(across).toEqual(
      err("Nothing was pasted: the block has 3 columns, but only 2 segments run across from “Mid-market”."),
    );
  });

  it("refuses a paste with no cell to start from", () => {
    const pasted = pasteCustomers(
      template(),
      "initialCustomers",
      { phaseId: "gone", segmentId: "enterprise" },
      "1",
      read,
    );
    expect(pasted.ok).toBe(false);
  });

  it("never changes the document pasted into (so undo restores it) and fills exactly the cells of the block", () => {
    fc.assert(
      fc.property(
        smallRoadmaps,
        fc.constantFrom(...MEASURES),
        fc.nat(),
        fc.nat(),
        fc.array(
          fc.array(fc.oneof(fc.nat({ max: 5000 }).map(String), fc.constantFrom("", "x", "-3", "2.5")), {
            minLength: 1,
            maxLength: 3,
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (roadmap, measure, row, column, block) => {
          const original = structuredClone(roadmap);
          const { phases, segments } = customerGrid(roadmap, measure);
          const anchor = {
            phaseId: phases[row % phases.length]?.id ?? "",
            segmentId: segments[column % segments.length]?.id ?? "",
          };
          const text = block.map((cells) => cells.join("\t")).join("\n");
          // A last row that is one empty cell reads as the line break that ends a block.
          const cellsPasted = parseTabSeparated(text);
          const pasted = pasteCustomers(roadmap, measure, anchor, text, read);
          // The input is never changed: the previous document is the undo step, whatever happened.
          expect(roadmap).toEqual(original);
          if (!pasted.ok) return;
          const after = customerGrid(pasted.value, measure);
          const top = phases.findIndex((p) => p.id === anchor.phaseId);
          const left = segments.findIndex((s) => s.id === anchor.segmentId);
          expect(cellsPasted.length).toBeGreaterThan(0);
          cellsPasted.forEach((cells, r) => {
            cells.forEach((cell, c) => {
              expect(after.cells[top + r]?.[left + c]).toBe(cell === "" ? 0 : Number(cell));
            });
          });
        },
      ),
      propertyRuns(300),
    );
  });
});
