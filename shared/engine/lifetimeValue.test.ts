import { describe, expect, it } from "vitest";
import type { Roadmap } from "../model/schema";
import { simulateCustomerFlow } from "./flow";
import { customerLifetimeValue } from "./lifetimeValue";
import { blankPhase, emptyRoadmap, segment } from "./testing/randomRoadmaps";

function lifetimeValueOf(roadmap: Roadmap) {
  return customerLifetimeValue(simulateCustomerFlow(roadmap), roadmap);
}

/** One phase, one segment: monthly retention r, monthly margin m, annual discount rate a, H months. */
function onePhase(r: number, m: number, a: number, H: number): Roadmap {
  return {
    ...emptyRoadmap(),
    horizonMonths: H,
    annualDiscountRate: a,
    segments: [segment("segment-1", m * 12)],
    phases: [{ ...blankPhase("only"), churnRate: 1 - r }],
  };
}

describe("customerLifetimeValue", () => {
  it.each([
    { r: 0.95, m: 100, a: 0.1, H: 24 },
    { r: 0.8, m: 250, a: 0, H: 12 },
    { r: 1, m: 40, a: 0.25, H: 60 },
    { r: 0.5, m: 1000, a: 1, H: 1 },
  ])("gives one phase the textbook Σ m·rᵗ/(1 + d)ᵗ (r $r, m $m, annual rate $a, $H months)", ({ r, m, a, H }) => {
    const d = (1 + a) ** (1 / 12) - 1;
    let expected = 0;
    for (let t = 0; t < H; t++) expected += (m * r ** t) / (1 + d) ** t;
    const clv = lifetimeValueOf(onePhase(r, m, a, H));
    expect(clv.monthlyDiscountRate).toBeCloseTo(d, 15);
    expect(Math.abs((clv.values[0] ?? NaN) - expected)).toBeLessThanOrEqual(1e-9 * expected);
  });

  describe("on a two-phase chain (A: 10 % churn, 20 % on to B; B: 50 % churn), margin 100 a month, 4 months", () => {
    // Chance of still being a customer, by month, for a customer entering in A:
    //   month 0: A 1                 = 1
    //   month 1: A 0.7,   B 0.2      = 0.9
    //   month 2: A 0.49,  B 0.24     = 0.73     (B: 0.7·0.2 + 0.2·0.5)
    //   month 3: A 0.343, B 0.218    = 0.561    (B: 0.49·0.2 + 0.24·0.5)
    // and for one entering in B: 1, 0.5, 0.25, 0.125.
    const chain = (annualDiscountRate: number): Roadmap => ({
      ...emptyRoadmap(),
      horizonMonths: 4,
      annualDiscountRate,
      segments: [segment("segment-1", 1200)],
      phases: [
        { ...blankPhase("a"), churnRate: 0.1 },
        { ...blankPhase("b"), churnRate: 0.5 },
      ],
      transitions: [
        { id: "a-to-b", from: "a", to: "b", rate: 0.2, rateBySegment: {}, trigger: "", markedAsLoop: false },
      ],
    });

    it("undiscounted: 100 · (1 + 0.9 + 0.73 + 0.561) = 319.1 from A, 100 · 1.875 = 187.5 from B", () => {
      const clv = lifetimeValueOf(chain(0));
      expect(clv.values[0]).toBeCloseTo(319.1, 9);
      expect(clv.values[1]).toBeCloseTo(187.5, 9);
      expect(clv.discountedMonths[0]).toBeCloseTo(3.191, 12);
    });

    it("at 10 % a year, discounting month t by 1.1^(−t/12) = 1, 0.9920889434, 0.9842404717, 0.9764540897", () => {
      const clv = lifetimeValueOf(chain(0.1));
      expect(clv.monthlyDiscountRate).toBeCloseTo(0.007974140429, 12);
      // 100 · (1 + 0.9 · 0.9920889434 + 0.73 · 0.9842404717 + 0.561 · 0.9764540897)
      expect(clv.values[0]).toBeCloseTo(315.9166337759, 8);
      // 100 · (1 + 0.5 · 0.9920889434 + 0.25 · 0.9842404717 + 0.125 · 0.9764540897)
      expect(clv.values[1]).toBeCloseTo(186.416135086, 8);
    });
  });

  it("values a phase with no way out and no churn at the full discounted margin of the horizon", () => {
    const clv = lifetimeValueOf(onePhase(1, 10, 0, 36));
    expect(clv.values[0]).toBeCloseTo(360, 9);
  });

  it("lists the phases where customers arrive as entry phases", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      phases: [blankPhase("a"), { ...blankPhase("b"), arrivalsPerMonth: { "segment-1": 5 } }, blankPhase("c")],
    };
    expect(lifetimeValueOf(roadmap).entryPhaseIds).toEqual(["b"]);
  });
});
