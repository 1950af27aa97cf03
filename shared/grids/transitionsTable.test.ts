import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { diagnoseFlow } from "../engine/diagnostics";
import { simulateCustomerFlow } from "../engine/flow";
import { smallRoadmaps } from "../engine/testing/randomRoadmaps";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import {
  outflowOverLimit,
  setSegmentRate,
  setTransitionField,
  sortTransitionRows,
  sortValue,
  type TransitionColumn,
  transitionRows,
} from "./transitionsTable";

const readerOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

const template = (): Roadmap => createB2bSubscriptionRoadmap(new Date("2026-12-01T09:00:00Z"));

const columnsOf = (roadmap: Roadmap): TransitionColumn[] => [
  { kind: "from" },
  { kind: "to" },
  { kind: "trigger" },
  { kind: "rate" },
  ...roadmap.segments.map((s) => ({ kind: "segment" as const, segmentId: s.id })),
];

const route = (roadmap: Roadmap, id: string) => {
  const row = transitionRows(roadmap).find((r) => r.transition.id === id);
  return `${row?.fromName} → ${row?.toName}`;
};

describe("transitionRows", () => {
  it("gives every transition its phases' names and each segment's rate, marking overrides", () => {
    const roadmap = template();
    const rows = transitionRows(roadmap);
    expect(rows.map((r) => r.transition.id)).toEqual(roadmap.transitions.map((t) => t.id));
    const trial = rows[0];
    expect([trial?.fromName, trial?.toName]).toEqual(["Trial", "First 90 days"]);
    expect(trial?.segmentRates).toEqual([
      { segmentId: "enterprise", rate: 0.45, overridden: true },
      { segmentId: "midMarket", rate: 0.3, overridden: false },
      { segmentId: "smallBusiness", rate: 0.2, overridden: true },
    ]);
  });
});

describe("sortTransitionRows", () => {
  it("sorts names as a person reads them and rates by size, either way", () => {
    const roadmap = template();
    const rows = transitionRows(roadmap);
    const rates = sortTransitionRows(rows, { kind: "rate" }, "ascending").map((r) => r.transition.rate);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    const enterprise = sortTransitionRows(rows, { kind: "segment", segmentId: "enterprise" }, "descending");
    expect(enterprise[0]?.transition.id).toBe("tr-trial-converts");
    const names = sortTransitionRows(rows, { kind: "to" }, "ascending").map((r) => r.toName);
    expect(names[0]).toBe("Active single-product");
    expect(names.at(-1)).toBe("Renewal due");
  });

  it("orders phase names with numbers by their value, and ignores case", () => {
    const roadmap = template();
    const names = ["phase 10", "Phase 2", "phase 1"];
    const target = roadmap.phases[5]?.id ?? "";
    const numbered: Roadmap = {
      ...roadmap,
      phases: roadmap.phases.map((p, i) => ({ ...p, name: names[i] ?? p.name })),
      transitions: names.map((_, i) => ({
        id: `t${i}`,
        from: roadmap.phases[i]?.id ?? "",
        to: target,
        rate: 0.1,
        rateBySegment: {},
        trigger: "",
        markedAsLoop: false,
      })),
    };
    const sorted = sortTransitionRows(transitionRows(numbered), { kind: "from" }, "ascending");
    expect(sorted.map((r) => r.fromName)).toEqual(["phase 1", "Phase 2", "phase 10"]);
  });

  it("is a permutation in order of the column, ties kept in document order, for any roadmap and column", () => {
    fc.assert(
      fc.property(smallRoadmaps, fc.nat(), fc.boolean(), (roadmap, pick, ascending) => {
        const columns = columnsOf(roadmap);
        const column = columns[pick % columns.length] as TransitionColumn;
        const rows = transitionRows(roadmap);
        const sorted = sortTransitionRows(rows, column, ascending ? "ascending" : "descending");
        expect(sorted.map((r) => r.index).sort((a, b) => a - b)).toEqual(rows.map((r) => r.index));
        for (let i = 1; i < sorted.length; i++) {
          const [before, after] = [sorted[i - 1], sorted[i]];
          if (!before || !after) continue;
          const [x, y] = [sortValue(before, column), sortValue(after, column)];
          const order =
            typeof x === "number" && typeof y === "number" ? x - y : readerOrder.compare(String(x), String(y));
          expect(ascending ? order <= 0 : order >= 0).toBe(true);
          if (order === 0) expect(before.index).toBeLessThan(after.index);
        }
      }),
      propertyRuns(200),
    );
  });
});

describe("setSegmentRate", () => {
  it("sets an override, and clearing it returns the segment to the transition's default", () => {
    const roadmap = template();
    const set = setSegmentRate(roadmap, "tr-trial-converts", "midMarket", 0.35);
    expect(transitionRows(set)[0]?.segmentRates[1]).toEqual({ segmentId: "midMarket", rate: 0.35, overridden: true });
    const cleared = setSegmentRate(set, "tr-trial-converts", "midMarket", null);
    expect(transitionRows(cleared)[0]?.segmentRates[1]).toEqual({
      segmentId: "midMarket",
      rate: 0.3,
      overridden: false,
    });
    expect(cleared.transitions[0]?.rateBySegment).toEqual(roadmap.transitions[0]?.rateBySegment);
  });

  it("keeps an override equal to the default as the user's own figure, which a later default change leaves alone", () => {
    const same = setSegmentRate(template(), "tr-trial-converts", "midMarket", 0.3);
    const moved = setTransitionField(same, "tr-trial-converts", { rate: 0.5 });
    expect(transitionRows(moved)[0]?.segmentRates[1]).toEqual({ segmentId: "midMarket", rate: 0.3, overridden: true });
  });

  it("returns the very same document when nothing changes, so no empty undo step is made", () => {
    const roadmap = template();
    expect(setSegmentRate(roadmap, "tr-trial-converts", "enterprise", 0.45)).toBe(roadmap);
    expect(setSegmentRate(roadmap, "tr-trial-converts", "midMarket", null)).toBe(roadmap);
    expect(setSegmentRate(roadmap, "no-such-transition", "midMarket", 0.2)).toBe(roadmap);
    expect(setTransitionField(roadmap, "tr-trial-converts", { rate: 0.3 })).toBe(roadmap);
    expect(setTransitionField(roadmap, "tr-trial-converts", { trigger: roadmap.transitions[0]?.trigger ?? "" })).toBe(
      roadmap,
    );
  });

  it("changes only the transition edited, sharing every other object", () => {
    const roadmap = template();
    const next = setTransitionField(roadmap, "tr-trial-converts", { trigger: "signed order" });
    expect(next.transitions[0]?.trigger).toBe("signed order");
    expect(next.transitions.slice(1)).toEqual(roadmap.transitions.slice(1));
    next.transitions.slice(1).forEach((t, i) => {
      expect(t).toBe(roadmap.transitions[i + 1]);
    });
    expect(next.phases).toBe(roadmap.phases);
  });
});

describe("outflowOverLimit", () => {
  it("is nothing for the template, and names the phase and segment once a rate pushes it over 100 %", () => {
    const roadmap = template();
    expect(outflowOverLimit(roadmap)).toEqual([]);
    const over = setSegmentRate(roadmap, "tr-trial-converts", "midMarket", 0.99);
    const found = outflowOverLimit(over);
    expect(found.map((d) => [d.phaseId, d.segmentId])).toEqual([["phase-trial", "midMarket"]]);
    expect(found[0]?.outflow).toBeGreaterThan(1);
    expect(route(over, "tr-trial-converts")).toBe("Trial → First 90 days");
  });

  it("says exactly what the plan's own diagnosis says, for any roadmap", () => {
    fc.assert(
      fc.property(smallRoadmaps, (roadmap) => {
        const planned = diagnoseFlow(simulateCustomerFlow(roadmap)).filter((d) => d.kind === "outflowOverLimit");
        expect(outflowOverLimit(roadmap)).toEqual(planned);
      }),
      propertyRuns(200),
    );
  });

  it("finds outflows over 100 % in those roadmaps, so the property is not vacuous", () => {
    const samples = fc.sample(smallRoadmaps, propertyRuns(200));
    expect(samples.some((roadmap) => outflowOverLimit(roadmap).length > 0)).toBe(true);
  });
});
