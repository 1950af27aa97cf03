import type { FrontierPoint, MarginalValue, OptimisationObjective, PersonalisationLevel } from "../model/schema";

/**
 * The campaign optimiser's shapes, shared by the model builder, the solver
 * run, the scenario writer, the CLI and the renderer. The optimisation is a
 * mixed-integer programme: one 0/1 column per option of each communication,
 * one row per constraint. It is linear because the customer flow does not
 * depend on which communications are sent (DOMAIN.md): each option's cost,
 * value and contacts are fixed numbers once the flow is known.
 */

/** One way of sending one communication: a column of the programme. */
export interface OptimisationOption {
  readonly communicationId: string;
  /** Every N months, for a recurring send; null for on-entry and one-off sends. */
  readonly everyMonths: number | null;
  readonly personalisation: PersonalisationLevel;
  /** The communication as the optimised scenario has it now (its own timing and personalisation). */
  readonly isCurrent: boolean;
  /** What a scenario must set for this option: null where the communication's own value stands. */
  readonly fixedCost: number | null;
  readonly costPerContact: number | null;
  readonly responseRate: number;
  /** Over the horizon, undiscounted: what budgets are held to. */
  readonly cost: number;
  readonly value: number;
  /** Discounted to the plan's start with the roadmap's yearly rate: what the objective weighs. */
  readonly discountedCost: number;
  readonly discountedValue: number;
  /** Undiscounted cost in each plan year (12 months from the start month; the last may be shorter). */
  readonly costByYear: readonly number[];
  /** Contacts made over the horizon (customers reached, summed over months). */
  readonly contacts: number;
  /** The objective's coefficient: discountedValue − discountedCost ("net") or discountedValue ("value"). */
  readonly objective: number;
}

/** One communication of the optimised scenario and the columns of its options. */
export interface OptimisationCandidate {
  readonly communicationId: string;
  readonly name: string;
  /** Indices into `OptimisationModel.options`, the communication's current option first. */
  readonly optionIndices: readonly number[];
  readonly lock: "free" | "in" | "out";
}

/** What a row of the programme stands for, so binding and conflicting rows can be named in words. */
export type ConstraintRef =
  | { readonly kind: "budget"; readonly budget: number }
  | { readonly kind: "yearBudget"; readonly year: number; readonly budget: number }
  | { readonly kind: "ownerBudget"; readonly ownerId: string; readonly budget: number }
  | {
      readonly kind: "contactCap";
      /** Whose cap: the roadmap's, or a channel's (its id), as in `ContactCollision.capOf`. */
      readonly capOf: "roadmap" | string;
      readonly cap: number;
      readonly segmentId: string;
      readonly phaseId: string;
      /** Month of the horizon, from 0. */
      readonly month: number;
      /** When the cohort entered the phase; null for the customers there at the plan's start. */
      readonly entryMonth: number | null;
    }
  /** At most one option of a communication (exactly one when locked in, none when locked out). */
  | { readonly kind: "oneOption"; readonly communicationId: string; readonly lock: "free" | "in" | "out" }
  | { readonly kind: "purposeCoverage"; readonly ruleId: string; readonly phaseId: string }
  | { readonly kind: "exclusiveGroup"; readonly groupId: string };

/** One row: lower ≤ Σ values[k] × x[indices[k]] ≤ upper (an open side is ±Infinity). */
export interface ConstraintRow {
  readonly constraint: ConstraintRef;
  readonly lower: number;
  readonly upper: number;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** The programme for one scenario and one set of settings, built by `buildOptimisationModel`. */
export interface OptimisationModel {
  readonly objective: OptimisationObjective;
  /** The id of the scenario it optimises (`BASE_SCENARIO_ID` for the plan). */
  readonly scenarioId: string;
  readonly options: readonly OptimisationOption[];
  /** Every communication of the scenario that is not retired, in document order. */
  readonly candidates: readonly OptimisationCandidate[];
  readonly rows: readonly ConstraintRow[];
  /** The budget the model was built with: the settings', a frontier point's, or null for none. */
  readonly budget: number | null;
  /** The scenario's own plan as option indices (its current option of each communication it sends). */
  readonly planOptionIndices: readonly number[];
}

/** How a solve ended. "stopped": cancelled by the user; the best plan found so far is kept. */
export type SolveStatus = "optimal" | "timeLimit" | "stopped" | "infeasible";

/** The solver's answer, in the model's terms. */
export interface OptimisationOutcome {
  readonly status: SolveStatus;
  /** Objective, value, cost and ROI of the chosen plan (value and cost undiscounted; the objective as modelled). */
  readonly objective: number;
  readonly value: number;
  readonly cost: number;
  readonly roi: number | null;
  /** Relative gap between the plan found and the best bound, 0 when proven best; Infinity with no plan. */
  readonly gap: number;
  /** The chosen option index of each candidate (same order as `model.candidates`), or -1 when it is left out. */
  readonly choice: readonly number[];
  /** Rows at their limit in the chosen plan. */
  readonly binding: readonly ConstraintRef[];
  /** When infeasible: a smallest set of rows that cannot all hold together (empty otherwise). */
  readonly conflict: readonly ConstraintRef[];
  readonly seconds: number;
}

/** What a running solve reports, for a progress bar and the gap so far. */
export interface SolveProgress {
  /** "solving" the plan, or "frontier" point `step` of `steps`. */
  readonly stage: "model" | "solving" | "frontier";
  readonly step: number;
  readonly steps: number;
  /** Best objective found so far and the bound; null until known. */
  readonly best: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
}

/** The plan the optimiser started from, placed against the frontier. */
export interface FrontierPlan {
  /** Undiscounted cost and value of the scenario as it is; net discounted, as on the frontier. */
  readonly cost: number;
  readonly value: number;
  readonly net: number;
  /** Whether no plan within its cost does better than it (within the gap tolerance), keeping to every other row. */
  readonly onFrontier: boolean;
  /** How much more the best plan within its cost reaches, in the objective's terms (discounted value, or net). */
  readonly shortfall: number;
}

/** The best plan at each of several budgets, the plan marked among them, and what one more unit would be worth. */
export interface OptimisationFrontier {
  /** In rising budget order: the levels asked for, and the plan's own cost among them. */
  readonly points: readonly FrontierPoint[];
  readonly plan: FrontierPlan;
  /** What one more unit of budget adds to the objective, at the model's budget. */
  readonly marginalBudget: MarginalValue | null;
  /** What allowing every cohort one more contact a month adds to the objective; null without contact caps. */
  readonly marginalContact: MarginalValue | null;
}

/** One whole optimiser run: the model it solved, the solver's answer and, when asked and found, the frontier. */
export interface OptimisationRun {
  readonly scenarioId: string;
  readonly model: OptimisationModel;
  readonly outcome: OptimisationOutcome;
  readonly frontier: OptimisationFrontier | null;
}
