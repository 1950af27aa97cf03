import type { OptimisationObjective } from "../../model/schema";
import type { ConstraintRef, ConstraintRow, OptimisationModel, OptimisationOption } from "../types";

/** One option of a hand-built candidate: what it costs and brings (discounting left out). */
export interface HandOption {
  readonly cost: number;
  readonly value: number;
  readonly everyMonths?: number | null;
  readonly personalisation?: OptimisationOption["personalisation"];
}

export interface HandCandidate {
  readonly id: string;
  readonly name?: string;
  readonly lock?: "free" | "in" | "out";
  /** The first is the communication as the plan has it. */
  readonly options: readonly HandOption[];
  /** Whether the plan sends it (in its first option); true unless said. */
  readonly inPlan?: boolean;
}

/** A row over candidates: each listed candidate's options weigh `coefficient` (one for all, or one per option). */
export interface HandRow {
  readonly constraint: ConstraintRef;
  readonly lower?: number;
  readonly upper?: number;
  readonly terms: Readonly<Record<string, number | readonly number[]>>;
}

/**
 * An optimisation model written by hand for solver tests: each candidate's
 * "at most one option" row (exactly one when locked in, none when locked
 * out), the budget row when there is a budget, then `rows`. Values and costs
 * are not discounted, so "net" weighs value − cost.
 */
export function handModel(spec: {
  readonly objective?: OptimisationObjective;
  readonly budget?: number | null;
  readonly candidates: readonly HandCandidate[];
  readonly rows?: readonly HandRow[];
}): OptimisationModel {
  const objective = spec.objective ?? "net";
  const options: OptimisationOption[] = [];
  const optionIndices = new Map<string, number[]>();
  const candidates = spec.candidates.map((candidate) => {
    const indices = candidate.options.map((option, k) => {
      options.push({
        communicationId: candidate.id,
        everyMonths: option.everyMonths ?? null,
        personalisation: option.personalisation ?? "mass",
        isCurrent: k === 0,
        fixedCost: null,
        costPerContact: null,
        responseRate: 0,
        cost: option.cost,
        value: option.value,
        discountedCost: option.cost,
        discountedValue: option.value,
        costByYear: [option.cost],
        contacts: 1,
        objective: objective === "net" ? option.value - option.cost : option.value,
      });
      return options.length - 1;
    });
    optionIndices.set(candidate.id, indices);
    return {
      communicationId: candidate.id,
      name: candidate.name ?? candidate.id,
      optionIndices: indices,
      lock: candidate.lock ?? "free",
    };
  });
  const row = (constraint: ConstraintRef, lower: number, upper: number, terms: HandRow["terms"]): ConstraintRow => {
    const entries = Object.entries(terms).flatMap(([id, coefficient]) =>
      (optionIndices.get(id) ?? []).map((index, k): [number, number] => [
        index,
        typeof coefficient === "number" ? coefficient : (coefficient[k] ?? 0),
      ]),
    );
    return {
      constraint,
      lower,
      upper,
      indices: Int32Array.from(entries, ([index]) => index),
      values: Float64Array.from(entries, ([, value]) => value),
    };
  };
  const rows: ConstraintRow[] = candidates.map((candidate) =>
    row(
      { kind: "oneOption", communicationId: candidate.communicationId, lock: candidate.lock },
      candidate.lock === "in" ? 1 : Number.NEGATIVE_INFINITY,
      candidate.lock === "out" ? 0 : 1,
      { [candidate.communicationId]: 1 },
    ),
  );
  const budget = spec.budget ?? null;
  if (budget !== null) {
    rows.push(
      row({ kind: "budget", budget }, Number.NEGATIVE_INFINITY, budget, {
        ...Object.fromEntries(spec.candidates.map((candidate) => [candidate.id, candidate.options.map((o) => o.cost)])),
      }),
    );
  }
  for (const extra of spec.rows ?? []) {
    rows.push(
      row(
        extra.constraint,
        extra.lower ?? Number.NEGATIVE_INFINITY,
        extra.upper ?? Number.POSITIVE_INFINITY,
        extra.terms,
      ),
    );
  }
  return {
    objective,
    scenarioId: "base",
    options,
    candidates,
    rows,
    budget,
    planOptionIndices: spec.candidates.flatMap((candidate) =>
      candidate.inPlan === false ? [] : [(optionIndices.get(candidate.id) ?? [])[0] as number],
    ),
  };
}

/** Candidates with one option each, as [id, cost, value]: the items of a knapsack. */
export function knapsackItems(...items: readonly [string, number, number][]): HandCandidate[] {
  return items.map(([id, cost, value]) => ({ id, options: [{ cost, value }] }));
}
