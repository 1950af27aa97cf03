import type { Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { computeFrontier } from "./frontier";
import { solveOptimisation } from "./solveOptimisation";
import { type HandCandidate, handModel, knapsackItems } from "./testing/handModel";
import type { ConstraintRef, SolveProgress } from "./types";

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

const limits = { timeLimitSeconds: 600, gapTolerance: 0 };

/** The most value (or net) any subset of single-option items reaches within `budget`, by trying them all. */
function bruteForceBest(
  candidates: readonly HandCandidate[],
  budget: number,
  objective: "value" | "net" = "value",
): number {
  let best = 0;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    let cost = 0;
    let value = 0;
    candidates.forEach((candidate, i) => {
      if (mask & (1 << i)) {
        cost += candidate.options[0]?.cost ?? 0;
        value += candidate.options[0]?.value ?? 0;
      }
    });
    if (cost <= budget) best = Math.max(best, objective === "value" ? value : value - cost);
  }
  return best;
}

describe("computeFrontier", () => {
  const knapsack = knapsackItems(["a", 40, 160], ["b", 30, 120], ["c", 20, 100], ["d", 25, 60], ["e", 15, 40]);

  it("gives the best value at ten budgets from nothing to beyond the plan, never falling as the budget rises", () => {
    const model = handModel({ objective: "value", budget: 50, candidates: knapsack });
    const progress: SolveProgress[] = [];
    const frontier = computeFrontier(highs, model, {
      ...limits,
      contactModel: null,
      onProgress: (p) => progress.push(p),
    });
    const planCost = 130;
    const budgets = frontier.points.map((point) => point.budget);
    expect(budgets[0]).toBe(0);
    expect(budgets.at(-1)).toBe(planCost * 1.5);
    expect(budgets).toContain(planCost);
    // 130 is the seventh of ten levels from 0 to 195, so it is not added again.
    expect(frontier.points).toHaveLength(10);
    for (const point of frontier.points) {
      expect(point.feasible).toBe(true);
      expect(point.cost).toBeLessThanOrEqual(point.budget);
      expect(point.value).toBe(bruteForceBest(knapsack, point.budget));
    }
    const values = frontier.points.map((point) => point.value);
    expect(values).toEqual([...values].sort((x, y) => x - y));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.stage === "frontier" && p.step >= 1 && p.step <= p.steps)).toBe(true);
  });

  it("with the net objective, gives the best net at each budget, those beyond the best plan's cost included", () => {
    const candidates = knapsackItems(["a", 40, 100], ["b", 30, 45], ["c", 20, 70], ["loss", 25, 10]);
    const model = handModel({ objective: "net", budget: 50, candidates });
    const frontier = computeFrontier(highs, model, { ...limits, contactModel: null });
    for (const point of frontier.points) {
      expect(point.net).toBe(bruteForceBest(candidates, point.budget, "net"));
    }
    // Nothing is worth buying beyond a, b and c (cost 90): every level from there on has that plan.
    expect(frontier.points.filter((point) => point.budget >= 90).every((point) => point.cost === 90)).toBe(true);
  });

  it("adds the plan's own cost as a point when it falls between the levels", () => {
    const model = handModel({ objective: "value", budget: 200, candidates: knapsack });
    const frontier = computeFrontier(highs, model, { ...limits, contactModel: null });
    expect(frontier.points).toHaveLength(11);
    expect(frontier.points.map((point) => point.budget)).toContain(130);
    expect(frontier.points.at(-1)?.budget).toBe(300);
  });

  it("marks a plan that is the best for its cost as on the frontier", () => {
    const model = handModel({ objective: "value", budget: 50, candidates: knapsack });
    const frontier = computeFrontier(highs, model, { ...limits, contactModel: null });
    expect(frontier.plan).toEqual({ cost: 130, value: 480, net: 350, onFrontier: true, shortfall: 0 });
  });

  it("marks a plan that spends its money badly as off the frontier, with how much more the same cost buys", () => {
    const candidates: HandCandidate[] = [
      { id: "dear", options: [{ cost: 40, value: 100 }] },
      { id: "cheap1", inPlan: false, options: [{ cost: 20, value: 100 }] },
      { id: "cheap2", inPlan: false, options: [{ cost: 20, value: 100 }] },
    ];
    const model = handModel({ objective: "value", budget: 40, candidates });
    const frontier = computeFrontier(highs, model, { ...limits, contactModel: null });
    expect(frontier.plan).toMatchObject({ cost: 40, value: 100, onFrontier: false, shortfall: 100 });
  });

  it("starts at what the locked-in sends cost at their cheapest", () => {
    const model = handModel({
      objective: "value",
      budget: 100,
      candidates: [
        {
          id: "locked",
          lock: "in",
          options: [
            { cost: 30, value: 10 },
            { cost: 12, value: 5 },
          ],
        },
        ...knapsackItems(["x", 50, 100], ["y", 20, 30]),
      ],
    });
    const frontier = computeFrontier(highs, model, { ...limits, contactModel: null });
    expect(frontier.points[0]).toMatchObject({ budget: 12, cost: 12, value: 5, feasible: true });
  });

  it("values one more unit of budget by the LP relaxation's shadow price on the budget row", () => {
    // The relaxation fills c (5 a €), then a and b at 4 a €: the last euro of 50 buys 4.
    const model = handModel({ objective: "value", budget: 50, candidates: knapsack.slice(0, 3) });
    const frontier = computeFrontier(highs, model, { ...limits, contactModel: null });
    expect(frontier.marginalBudget?.method).toBe("dual");
    expect(frontier.marginalBudget?.perUnit).toBeCloseTo(4);
  });

  it("without a budget row, values more budget by the frontier's slope around what the plan costs", () => {
    const model = handModel({ candidates: knapsackItems(["gain", 10, 30], ["more", 20, 50]) });
    const solved = solveOptimisation(highs, model, limits);
    const frontier = computeFrontier(highs, model, { ...limits, contactModel: null, solved });
    expect(frontier.marginalBudget).toEqual({ perUnit: 0, method: "slope" });
    expect(frontier.marginalContact).toBeNull();
  });

  describe("one more allowed contact a month", () => {
    const cap = (limit: number): ConstraintRef => ({
      kind: "contactCap",
      capOf: "roadmap",
      cap: limit,
      segmentId: "smb",
      phaseId: "new",
      month: 0,
      entryMonth: 0,
    });
    const capped = (limit: number) =>
      handModel({
        candidates: knapsackItems(["email", 10, 50], ["call", 20, 80]),
        rows: [{ constraint: cap(limit), upper: limit, terms: { email: 1, call: 1 } }],
      });

    it("is the gain of solving with every cap one higher", () => {
      const frontier = computeFrontier(highs, capped(1), { ...limits, contactModel: capped(2) });
      // With one send allowed the call alone (net 60); with two, the email too (net 100).
      expect(frontier.marginalContact).toEqual({ perUnit: 40, method: "slope" });
    });

    it("is nothing when caps are respected but no choice of options could reach them", () => {
      const uncapped = handModel({ candidates: knapsackItems(["email", 10, 50]) });
      const frontier = computeFrontier(highs, uncapped, { ...limits, contactModel: uncapped });
      expect(frontier.marginalContact).toEqual({ perUnit: 0, method: "slope" });
    });

    it("without the raised model, is the cap rows' shadow price in the LP relaxation", () => {
      const frontier = computeFrontier(highs, capped(1), { ...limits, contactModel: null });
      expect(frontier.marginalContact?.method).toBe("dual");
      // Any price from the email's net (40) to the call's (60) clears this degenerate LP.
      expect(frontier.marginalContact?.perUnit).toBeGreaterThanOrEqual(40);
      expect(frontier.marginalContact?.perUnit).toBeLessThanOrEqual(60);
    });
  });
});
