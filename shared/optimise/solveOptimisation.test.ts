import type { Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { rowActivity } from "./highsModel";
import { solveOptimisation } from "./solveOptimisation";
import { handModel, knapsackItems } from "./testing/handModel";
import type { OptimisationOutcome, SolveProgress } from "./types";

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

const settle = { timeLimitSeconds: 60, gapTolerance: 0 };

const chosenIds = (outcome: OptimisationOutcome, model: ReturnType<typeof handModel>) =>
  outcome.choice.flatMap((index) => (index >= 0 ? [model.options[index]?.communicationId] : []));

describe("solveOptimisation", () => {
  it("picks the most valuable set of sends within the budget", () => {
    // Best within 50: b + c (value 220) beats a alone (value 160) and a + c is over.
    const model = handModel({
      objective: "value",
      budget: 50,
      candidates: knapsackItems(["a", 40, 160], ["b", 30, 120], ["c", 20, 100]),
    });
    const outcome = solveOptimisation(highs, model, settle);
    expect(outcome.status).toBe("optimal");
    expect(chosenIds(outcome, model)).toEqual(["b", "c"]);
    expect(outcome).toMatchObject({ value: 220, cost: 50, objective: 220, gap: 0, conflict: [] });
    expect(outcome.roi).toBeCloseTo((220 - 50) / 50);
  });

  it("with the net objective and no budget, keeps exactly the sends that bring more than they cost", () => {
    const model = handModel({ candidates: knapsackItems(["gain", 10, 25], ["loss", 30, 20], ["even", 5, 5.5]) });
    const outcome = solveOptimisation(highs, model, settle);
    expect(chosenIds(outcome, model)).toEqual(["gain", "even"]);
    expect(outcome.objective).toBeCloseTo(15.5);
  });

  it("chooses one option per communication: the less frequent one when the more frequent does not fit", () => {
    const model = handModel({
      objective: "value",
      budget: 70,
      candidates: [
        {
          id: "newsletter",
          options: [
            { cost: 60, value: 200, everyMonths: 1 },
            { cost: 25, value: 110, everyMonths: 3 },
          ],
        },
        { id: "call", options: [{ cost: 40, value: 150 }] },
      ],
    });
    const outcome = solveOptimisation(highs, model, settle);
    expect(outcome.choice).toEqual([1, 2]);
    expect(outcome.value).toBe(260);
  });

  it("tells which rows hold the plan back: the spent budget, not the owner budget with room left", () => {
    const model = handModel({
      objective: "value",
      budget: 50,
      candidates: knapsackItems(["a", 40, 160], ["b", 30, 120], ["c", 20, 100]),
      rows: [
        { constraint: { kind: "ownerBudget", ownerId: "sales", budget: 1000 }, upper: 1000, terms: { a: 40, b: 30 } },
      ],
    });
    const outcome = solveOptimisation(highs, model, settle);
    expect(outcome.binding).toEqual([{ kind: "budget", budget: 50 }]);
  });

  it("names a contact cap as binding when a dropped send would have gone over it, and not a budget it leaves unspent", () => {
    const cap = {
      kind: "contactCap",
      capOf: "roadmap",
      cap: 1,
      segmentId: "smb",
      phaseId: "new",
      month: 0,
      entryMonth: 0,
    } as const;
    const model = handModel({
      objective: "value",
      budget: 1000,
      candidates: knapsackItems(["email", 10, 50], ["call", 20, 80]),
      rows: [{ constraint: cap, upper: 1, terms: { email: 1, call: 1 } }],
    });
    const outcome = solveOptimisation(highs, model, settle);
    expect(chosenIds(outcome, model)).toEqual(["call"]);
    expect(outcome.binding).toEqual([cap]);
  });

  it("does not call a budget binding when it is spent to the cent but nothing else is worth buying", () => {
    const model = handModel({ budget: 30, candidates: knapsackItems(["a", 30, 100], ["b", 10, 5]) });
    const outcome = solveOptimisation(highs, model, settle);
    expect(outcome.cost).toBe(30);
    expect(outcome.binding).toEqual([]);
  });

  it("orders binding rows budget, owners, years, caps, then the rest", () => {
    const model = handModel({
      objective: "value",
      budget: 10,
      candidates: [
        { id: "a", lock: "out", options: [{ cost: 5, value: 100 }] },
        ...knapsackItems(["b", 10, 50], ["c", 10, 40], ["d", 10, 30]),
      ],
      rows: [
        { constraint: { kind: "yearBudget", year: 0, budget: 10 }, upper: 10, terms: { b: 10, c: 10 } },
        { constraint: { kind: "ownerBudget", ownerId: "o", budget: 5 }, upper: 5, terms: { c: 10, d: 10 } },
      ],
    });
    const outcome = solveOptimisation(highs, model, settle);
    expect(outcome.binding.map((ref) => ref.kind)).toEqual(["budget", "ownerBudget", "yearBudget", "oneOption"]);
  });

  it("reports a model with nothing to choose as optimal, choosing nothing", () => {
    const outcome = solveOptimisation(highs, handModel({ candidates: [] }), settle);
    expect(outcome).toMatchObject({ status: "optimal", choice: [], value: 0, cost: 0, roi: null, gap: 0 });
  });

  it("reports infeasible settings with the rows that clash", () => {
    const model = handModel({
      budget: 40,
      candidates: [
        { id: "a", lock: "in", options: [{ cost: 30, value: 1 }] },
        { id: "b", lock: "in", options: [{ cost: 25, value: 1 }] },
        { id: "c", options: [{ cost: 1, value: 10 }] },
      ],
    });
    const outcome = solveOptimisation(highs, model, settle);
    expect(outcome.status).toBe("infeasible");
    expect(outcome.choice).toEqual([-1, -1, -1]);
    expect(outcome.gap).toBe(Number.POSITIVE_INFINITY);
    expect(outcome.conflict).toEqual([
      { kind: "oneOption", communicationId: "a", lock: "in" },
      { kind: "oneOption", communicationId: "b", lock: "in" },
      { kind: "budget", budget: 40 },
    ]);
  });
});

/**
 * A knapsack with many items of near-equal value per cost, a tight budget and
 * thirty overlapping owner budgets: the solver finds good plans at once but
 * proving the best takes minutes, far beyond the limits below, so a test
 * about stopping early never waits on the solve.
 */
function hardKnapsack(count: number) {
  let seed = 7;
  const random = () => {
    seed = (seed * 16_807) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const candidates = Array.from({ length: count }, (_, i) => {
    const cost = 1000 + Math.floor(random() * 1000);
    return { id: `c${i}`, options: [{ cost, value: cost + Math.floor(random() * 20) }] };
  });
  const rows = Array.from({ length: 30 }, (_, k) => ({
    constraint: { kind: "ownerBudget", ownerId: `o${k}`, budget: 20_000 } as const,
    upper: 20_000 + k * 37,
    terms: Object.fromEntries(
      candidates.filter((_, i) => i % 30 === k || (i * 7) % 30 === k).map((c) => [c.id, c.options[0]?.cost ?? 0]),
    ),
  }));
  return handModel({ objective: "value", budget: (count * 1500) / 3 + 0.5, candidates, rows });
}

/** Options by value per cost, each taken while every row still holds. */
function greedy(model: ReturnType<typeof handModel>): number[] {
  const order = model.options.map((_, index) => index);
  const ratio = (index: number) => (model.options[index]?.value ?? 0) / (model.options[index]?.cost ?? 1);
  order.sort((a, b) => ratio(b) - ratio(a));
  const taken: number[] = [];
  for (const index of order) {
    const activity = rowActivity(model, [...taken, index]);
    if (model.rows.every((row, r) => (activity[r] ?? 0) <= row.upper)) taken.push(index);
  }
  return taken;
}

describe("solveOptimisation stopping early", () => {
  it("stops at the time limit with the best plan so far and its gap", () => {
    const model = hardKnapsack(1500);
    // Started from a greedy plan, so there is a plan to keep however busy the machine is.
    const start = greedy(model);
    const outcome = solveOptimisation(highs, model, { timeLimitSeconds: 5, gapTolerance: 0, start });
    expect(outcome.status).toBe("timeLimit");
    expect(outcome.gap).toBeGreaterThan(0);
    expect(Number.isFinite(outcome.gap)).toBe(true);
    expect(outcome.value).toBeGreaterThanOrEqual(start.reduce((sum, i) => sum + (model.options[i]?.value ?? 0), 0));
    const activity = rowActivity(model, outcome.choice);
    expect(model.rows.every((row, r) => (activity[r] ?? 0) <= row.upper)).toBe(true);
  });

  it("stops when asked, keeping the best plan found and reporting progress and better plans on the way", () => {
    const model = hardKnapsack(1500);
    const progress: SolveProgress[] = [];
    const improving: OptimisationOutcome[] = [];
    const outcome = solveOptimisation(highs, model, {
      timeLimitSeconds: 600,
      gapTolerance: 0,
      onProgress: (p) => progress.push(p),
      onImprovingSolution: (o) => improving.push(o),
      shouldStop: () => improving.some((plan) => plan.value > 0),
    });
    expect(outcome.status).toBe("stopped");
    expect(outcome.choice.some((index) => index >= 0)).toBe(true);
    expect(Number.isFinite(outcome.gap)).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.stage === "solving")).toBe(true);
    const last = improving.at(-1);
    expect(last?.status).toBe("stopped");
    expect(last?.value).toBe(outcome.value);
  });
});
