import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { movePhases, updatePhase } from "../model/edits";
import type { Roadmap } from "../model/schema";
import { type CustomerFlow, flowIndex, populationIndex, sameFlowInputs, simulateCustomerFlow } from "./flow";
import { blankPhase, emptyRoadmap, randomRoadmaps, segment } from "./testing/randomRoadmaps";

const FAST_CHECK = propertyRuns(200);

/** N of one segment and phase over months 0..T (T = the horizon's end). */
function populationOf(flow: CustomerFlow, s: number, p: number): number[] {
  return Array.from({ length: flow.months + 1 }, (_, t) => flow.population[populationIndex(flow, s, p, t)] ?? NaN);
}

function monthlyOf(values: Float64Array, flow: CustomerFlow, s: number, p: number): number[] {
  return Array.from({ length: flow.months }, (_, t) => values[flowIndex(flow, s, p, t)] ?? NaN);
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0;
  return total;
}

/** Phase A (churn 10 %, 20 % a month on to B, 100 arrivals a month) and B (churn 50 %). */
function twoPhaseChain(): Roadmap {
  return {
    ...emptyRoadmap(),
    horizonMonths: 4,
    phases: [
      {
        ...blankPhase("a"),
        initialCustomers: { "segment-1": 1000 },
        arrivalsPerMonth: { "segment-1": 100 },
        churnRate: 0.1,
      },
      { ...blankPhase("b"), initialCustomers: { "segment-1": 200 }, churnRate: 0.5 },
    ],
    transitions: [{ id: "a-to-b", from: "a", to: "b", rate: 0.2, rateBySegment: {}, trigger: "", markedAsLoop: false }],
  };
}

describe("simulateCustomerFlow", () => {
  it("keeps customers: those left at the end plus those churned are those at the start plus arrivals", () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const flow = simulateCustomerFlow(roadmap);
        const S = flow.segmentIds.length;
        const P = flow.phaseIds.length;
        const T = flow.months;
        let atEnd = 0;
        let atStart = 0;
        for (let s = 0; s < S; s++) {
          for (let p = 0; p < P; p++) {
            atStart += flow.population[populationIndex(flow, s, p, 0)] ?? NaN;
            atEnd += flow.population[populationIndex(flow, s, p, T)] ?? NaN;
          }
        }
        const comingIn = atStart + sum(flow.arrivals);
        const goingOut = atEnd + sum(flow.churned);
        expect(Math.abs(goingOut - comingIn)).toBeLessThanOrEqual(1e-9 * Math.max(1, comingIn));
      }),
      FAST_CHECK,
    );
  });

  it("keeps every figure finite and non-negative, also where outflow is over 100 %", () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const flow = simulateCustomerFlow(roadmap);
        const counts = [flow.population, flow.entries, flow.arrivals, flow.churned, flow.transitionFlow];
        expect(counts.flatMap((values) => [...values].filter((n) => !(Number.isFinite(n) && n >= 0)))).toEqual([]);
        const rates = [flow.stayRate, flow.churnRate, flow.transitionRate];
        expect(rates.flatMap((values) => [...values].filter((rate) => !(rate >= 0 && rate <= 1)))).toEqual([]);
      }),
      FAST_CHECK,
    );
  });

  it("counts each month's entries as the customers moved in plus the new arrivals", () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const flow = simulateCustomerFlow(roadmap);
        const R = flow.transitionIds.length;
        const P = flow.phaseIds.length;
        for (let s = 0; s < flow.segmentIds.length; s++) {
          for (let t = 0; t < flow.months; t++) {
            const expected = Array.from({ length: P }, (_, p) => flow.arrivals[flowIndex(flow, s, p, t)] ?? NaN);
            for (let r = 0; r < R; r++) {
              const to = flow.transitionTo[r] ?? -1;
              expected[to] = (expected[to] ?? NaN) + (flow.transitionFlow[(s * flow.months + t) * R + r] ?? NaN);
            }
            expected.forEach((value, p) => {
              expect(flow.entries[flowIndex(flow, s, p, t)]).toBeCloseTo(value, 9);
            });
          }
        }
      }),
      { ...FAST_CHECK, numRuns: 50 },
    );
  });

  it("gives one phase with monthly retention r the geometric series N₀·rᵗ + a·(1 − rᵗ)/(1 − r)", () => {
    const r = 0.85;
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 36,
      phases: [
        {
          ...blankPhase("only"),
          initialCustomers: { "segment-1": 500 },
          arrivalsPerMonth: { "segment-1": 40 },
          churnRate: 1 - r,
        },
      ],
    };
    const flow = simulateCustomerFlow(roadmap);
    populationOf(flow, 0, 0).forEach((n, t) => {
      const expected = 500 * r ** t + (40 * (1 - r ** t)) / (1 - r);
      expect(Math.abs(n - expected)).toBeLessThanOrEqual(1e-9 * expected);
    });
  });

  it("matches a hand-computed table for a two-phase chain", () => {
    const flow = simulateCustomerFlow(twoPhaseChain());
    // Month:                                     0       1       2       3     end
    expect(populationOf(flow, 0, 0)).toEqual(close([1000, 800, 660, 562, 493.4]));
    expect(populationOf(flow, 0, 1)).toEqual(close([200, 300, 310, 287, 255.9]));
    expect(monthlyOf(flow.entries, flow, 0, 0)).toEqual(close([100, 100, 100, 100]));
    expect(monthlyOf(flow.entries, flow, 0, 1)).toEqual(close([200, 160, 132, 112.4]));
    expect(monthlyOf(flow.churned, flow, 0, 0)).toEqual(close([100, 80, 66, 56.2]));
    expect(monthlyOf(flow.churned, flow, 0, 1)).toEqual(close([100, 150, 155, 143.5]));
  });

  it("scales an outflow over 100 % down so it adds up to exactly 100 %", () => {
    // 50 % churn and 75 % moving on: 125 %, scaled to 40 % churn and 60 % moving on.
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 2,
      phases: [{ ...blankPhase("a"), initialCustomers: { "segment-1": 1000 }, churnRate: 0.5 }, blankPhase("b")],
      transitions: [
        { id: "a-to-b", from: "a", to: "b", rate: 0.75, rateBySegment: {}, trigger: "", markedAsLoop: false },
      ],
    };
    const flow = simulateCustomerFlow(roadmap);
    expect(flow.outflow[0]).toBe(1.25);
    expect(populationOf(flow, 0, 0)).toEqual([1000, 0, 0]);
    expect(populationOf(flow, 0, 1)).toEqual(close([0, 600, 600]));
    expect(monthlyOf(flow.churned, flow, 0, 0)).toEqual(close([400, 0]));
  });

  it("empties a phase whose rates add up to 100 % only up to rounding (0.6 + 0.3 + 0.1 = 0.9999999999999999)", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 2,
      phases: [
        { ...blankPhase("a"), initialCustomers: { "segment-1": 1000 }, churnRate: 0.6 },
        blankPhase("b"),
        blankPhase("c"),
      ],
      transitions: [
        { id: "a-to-b", from: "a", to: "b", rate: 0.3, rateBySegment: {}, trigger: "", markedAsLoop: false },
        { id: "a-to-c", from: "a", to: "c", rate: 0.1, rateBySegment: {}, trigger: "", markedAsLoop: false },
      ],
    };
    const flow = simulateCustomerFlow(roadmap);
    expect(flow.outflow[0]).toBeLessThan(1);
    expect(populationOf(flow, 0, 0)).toEqual([1000, 0, 0]);
  });

  it("applies a transition's rate for a segment where it has one, its general rate elsewhere", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 1,
      segments: [segment("small", 0), segment("large", 0)],
      phases: [{ ...blankPhase("a"), initialCustomers: { small: 100, large: 100 } }, blankPhase("b")],
      transitions: [
        {
          id: "a-to-b",
          from: "a",
          to: "b",
          rate: 0.1,
          rateBySegment: { large: 0.4 },
          trigger: "",
          markedAsLoop: false,
        },
      ],
    };
    const flow = simulateCustomerFlow(roadmap);
    expect(populationOf(flow, 0, 1)).toEqual(close([0, 10]));
    expect(populationOf(flow, 1, 1)).toEqual(close([0, 40]));
  });

  it("reads no figures off Object.prototype for a segment called constructor", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 1,
      segments: [segment("constructor", 0)],
      phases: [blankPhase("a")],
    };
    expect(populationOf(simulateCustomerFlow(roadmap), 0, 0)).toEqual([0, 0]);
  });
});

describe("sameFlowInputs", () => {
  const roadmap = twoPhaseChain();

  it("treats a moved or renamed phase as the same flow", () => {
    const moved = movePhases(roadmap, new Map([["a", { x: 400, y: 80 }]]));
    expect(moved.phases).not.toBe(roadmap.phases);
    expect(sameFlowInputs(roadmap, moved)).toBe(true);
    expect(sameFlowInputs(roadmap, updatePhase(roadmap, "b", { name: "Renamed" }))).toBe(true);
  });

  it("treats rebuilt records with the same figures as the same flow", () => {
    const rebuilt = updatePhase(roadmap, "a", { initialCustomers: { "segment-1": 1000 } });
    expect(sameFlowInputs(roadmap, rebuilt)).toBe(true);
  });

  it("notices every figure the flow reads", () => {
    expect(sameFlowInputs(roadmap, updatePhase(roadmap, "a", { churnRate: 0.2 }))).toBe(false);
    expect(sameFlowInputs(roadmap, updatePhase(roadmap, "a", { initialCustomers: { "segment-1": 1 } }))).toBe(false);
    expect(sameFlowInputs(roadmap, updatePhase(roadmap, "b", { arrivalsPerMonth: { "segment-1": 1 } }))).toBe(false);
    expect(sameFlowInputs(roadmap, { ...roadmap, horizonMonths: 5 })).toBe(false);
    expect(
      sameFlowInputs(roadmap, { ...roadmap, transitions: roadmap.transitions.map((t) => ({ ...t, rate: 0.3 })) }),
    ).toBe(false);
    expect(sameFlowInputs(roadmap, { ...roadmap, segments: [...roadmap.segments, segment("segment-2", 0)] })).toBe(
      false,
    );
  });
});

/** Matchers for figures that are right to the last few bits, not necessarily bit for bit. */
function close(values: number[]): unknown[] {
  return values.map((value) => expect.closeTo(value, 9));
}
