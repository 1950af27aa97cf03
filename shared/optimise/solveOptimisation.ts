import type { Highs, Model as HighsModel } from "highs";
import { returnOnInvestment } from "../engine/schedule";
import { findConflict } from "./conflict";
import { columnEntries, modelData, outsideRow, rowActivity, startFrom } from "./highsModel";
import { roundedRelaxation } from "./roundedRelaxation";
import type { ConstraintRef, OptimisationModel, OptimisationOutcome, SolveProgress, SolveStatus } from "./types";

/** What a solve may take and whom it tells how it is going. */
export interface SolveOptions {
  /** The solver stops after this long and keeps the best plan it has. */
  readonly timeLimitSeconds: number;
  /** The solver stops once its plan is proven within this share of the best possible. */
  readonly gapTolerance: number;
  readonly onProgress?: (progress: SolveProgress) => void;
  /** Each better plan the solver finds, as an outcome, so a cancelled run can keep the last one. */
  readonly onImprovingSolution?: (outcome: OptimisationOutcome) => void;
  /** Asked while the solver works; true stops it with the best plan so far (status "stopped"). */
  readonly shouldStop?: () => boolean;
  /**
   * Option indices of a plan to start from: the solver begins with it when it keeps to every row,
   * so a good plan is on hand from the first second. The scenario's own plan by default.
   */
  readonly start?: readonly number[];
  /** Which part of a run the progress belongs to; the plan's own solve by default. */
  readonly stage?: Pick<SolveProgress, "stage" | "step" | "steps">;
}

/** Each blocked improvement kind lists at most this many rows, those blocking the most first. */
const BINDING_PER_KIND = 5;
/** Progress is reported at least this often (solver seconds) while the solver works. */
const PROGRESS_INTERVAL_SECONDS = 0.25;
/** The MIP always gets this long, even when the relaxation used up the limit, so the start plan is kept. */
const MIN_SOLVE_SECONDS = 0.1;
/** The largest gap an outcome reports with a plan (the record's limit); Infinity means no plan. */
const MAX_GAP = 1e6;
/** A 0/1 column counts as chosen above this value: HiGHS returns integers within its tolerance. */
const CHOSEN = 0.5;

/**
 * Solves the optimisation model with HiGHS: maximises its objective over one
 * 0/1 column per option, within its rows, until the plan is proven within
 * `gapTolerance` of the best possible, the time limit passes, or `shouldStop`
 * says so. `highs` is the loaded WASM module (the CLI loads it in Node, the
 * worker in the browser), so this file stays free of either runtime.
 *
 * With no plan that keeps to every row, the outcome is "infeasible" and its
 * `conflict` is a small set of rows that cannot all hold, to be explained in
 * words (`describeConflict`). When the solver stops before it has any plan,
 * the outcome has no choice (every candidate -1) and an infinite gap.
 */
export function solveOptimisation(highs: Highs, model: OptimisationModel, options: SolveOptions): OptimisationOutcome {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  if (model.options.length === 0) {
    return withBinding(
      model,
      outcomeOf(
        model,
        model.candidates.map(() => -1),
        "optimal",
        0,
        seconds(),
      ),
    );
  }
  const solver = highs.createModel(modelData(highs, model, { integer: true }));
  try {
    const relaxed = roundedRelaxation(highs, model, options.timeLimitSeconds);
    const bound = relaxed?.bound ?? null;
    solver.options.set({
      output_flag: false,
      // The relaxation's time counts against the limit: the user asked for an answer within it.
      time_limit: Math.max(options.timeLimitSeconds - seconds(), MIN_SOLVE_SECONDS),
      mip_rel_gap: options.gapTolerance,
    });
    startFrom(
      solver,
      model,
      betterStart(model, options.start ?? model.planOptionIndices, relaxed?.optionIndices ?? null),
    );
    solver.run(callbacks(highs, model, options, started, bound));
    return finish(highs, solver, model, options, seconds, bound);
  } finally {
    solver.dispose();
  }
}

/** Of the plan given and the rounded relaxation's, the one worth more that keeps every row; HiGHS keeps to it or better. */
function betterStart(
  model: OptimisationModel,
  given: readonly number[],
  rounded: readonly number[] | null,
): readonly number[] {
  if (!rounded) return given;
  const activity = rowActivity(model, given);
  const givenKeepsRows = !model.rows.some((row, r) => outsideRow(row, activity[r] as number));
  const worth = (indices: readonly number[]) => indices.reduce((sum, i) => sum + (model.options[i]?.objective ?? 0), 0);
  return givenKeepsRows && worth(given) >= worth(rounded) ? given : rounded;
}

function finish(
  highs: Highs,
  solver: HighsModel,
  model: OptimisationModel,
  options: SolveOptions,
  seconds: () => number,
  bound: number | null,
): OptimisationOutcome {
  const status = solveStatus(highs, solver.getModelStatus());
  if (status === "infeasible") {
    const conflict = findConflict(highs, model, { timeLimitSeconds: options.timeLimitSeconds });
    return {
      ...outcomeOf(
        model,
        model.candidates.map(() => -1),
        status,
        Number.POSITIVE_INFINITY,
        0,
      ),
      conflict,
      seconds: seconds(),
    };
  }
  const hasPlan = solver.info.get("primal_solution_status") === highs.constants.solutionStatus.feasible;
  if (!hasPlan) {
    return outcomeOf(
      model,
      model.candidates.map(() => -1),
      status,
      Number.POSITIVE_INFINITY,
      seconds(),
    );
  }
  const choice = choiceOf(model, solver.getSolution().colValue);
  const outcome = outcomeOf(model, choice, status, 0, seconds());
  const gap = planGap(Number(solver.info.get("mip_gap")), outcome.objective, bound);
  return withBinding(model, { ...outcome, gap: status === "optimal" ? Math.min(gap, options.gapTolerance) : gap });
}

/**
 * How far a plan may be from the best, as a share of its objective: HiGHS's
 * gap, or before HiGHS has a bound of its own (stopped at once) the gap to the
 * LP relaxation's objective, which no plan beats. At most `MAX_GAP`, which a
 * record can hold: a plan worth nothing is infinitely far from a positive bound.
 */
function planGap(highsGap: number, objective: number, bound: number | null): number {
  const gap = Number.isFinite(highsGap)
    ? highsGap
    : bound === null
      ? MAX_GAP
      : (bound - objective) / Math.max(Math.abs(objective), Number.MIN_VALUE);
  return Math.min(Math.max(0, gap), MAX_GAP);
}

function solveStatus(highs: Highs, code: number): SolveStatus {
  const status = highs.constants.modelStatus;
  switch (code) {
    case status.optimal:
    case status.empty:
      return "optimal";
    case status.infeasible:
    case status.unboundedOrInfeasible:
      return "infeasible";
    case status.interrupted:
      return "stopped";
    case status.timeLimit:
    case status.iterationLimit:
    case status.solutionLimit:
    case status.objectiveBound:
    case status.objectiveTarget:
      return "timeLimit";
    default:
      // Load, model, presolve, solve and postsolve errors: the programme or HiGHS is broken, not the settings.
      throw new Error(`solveOptimisation: HiGHS ended with model status ${code}`);
  }
}

function callbacks(
  highs: Highs,
  model: OptimisationModel,
  options: SolveOptions,
  started: number,
  bound: number | null,
) {
  const stage = options.stage ?? { stage: "solving", step: 1, steps: 1 };
  let reportedAt = Number.NEGATIVE_INFINITY;
  let reportedBest: number | null = null;
  const report = (data: {
    mip_primal_bound?: number;
    mip_dual_bound?: number;
    mip_gap?: number;
    running_time?: number;
  }) => {
    const best = finiteOrNull(data.mip_primal_bound);
    const time = data.running_time ?? 0;
    if (best === reportedBest && time - reportedAt < PROGRESS_INTERVAL_SECONDS) return;
    reportedAt = time;
    reportedBest = best;
    options.onProgress?.({
      ...stage,
      best,
      bound: finiteOrNull(data.mip_dual_bound),
      gap: best === null ? null : finiteOrNull(data.mip_gap),
      seconds: (Date.now() - started) / 1000,
    });
  };
  const type = highs.constants.callbackType;
  return {
    [type.mipImprovingSolution]: (event: { data: { mip_solution?: Float64Array; mip_gap?: number } }) => {
      const solution = event.data.mip_solution;
      if (!solution || !options.onImprovingSolution) return undefined;
      const outcome = outcomeOf(model, choiceOf(model, solution), "stopped", 0, (Date.now() - started) / 1000);
      const gap = planGap(event.data.mip_gap ?? Number.NaN, outcome.objective, bound);
      options.onImprovingSolution(withBinding(model, { ...outcome, gap }));
      return undefined;
    },
    [type.mipLogging]: (event: { data: Parameters<typeof report>[0] }) => {
      report(event.data);
      return undefined;
    },
    [type.mipInterrupt]: (event: { data: Parameters<typeof report>[0]; interrupt(): void }) => {
      report(event.data);
      if (options.shouldStop?.()) event.interrupt();
      return undefined;
    },
  };
}

function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) && Math.abs(value) < 1e30 ? value : null;
}

/** The option each candidate takes in a column vector (the largest of its columns above ½), or -1. */
export function choiceOf(model: OptimisationModel, colValue: ArrayLike<number>): number[] {
  return model.candidates.map((candidate) => {
    let chosen = -1;
    let best = CHOSEN;
    for (const index of candidate.optionIndices) {
      const x = colValue[index] ?? 0;
      if (x > best) {
        best = x;
        chosen = index;
      }
    }
    return chosen;
  });
}

/** The outcome of a choice: its objective, value, cost and ROI added up from its options (no binding rows yet). */
export function outcomeOf(
  model: OptimisationModel,
  choice: readonly number[],
  status: SolveStatus,
  gap: number,
  seconds: number,
): OptimisationOutcome {
  let objective = 0;
  let value = 0;
  let cost = 0;
  for (const index of choice) {
    const option = index >= 0 ? model.options[index] : undefined;
    if (!option) continue;
    objective += option.objective;
    value += option.value;
    cost += option.cost;
  }
  return {
    status,
    objective,
    value,
    cost,
    roi: returnOnInvestment(value, cost),
    gap,
    choice,
    binding: [],
    conflict: [],
    seconds,
  };
}

function withBinding(model: OptimisationModel, outcome: OptimisationOutcome): OptimisationOutcome {
  return { ...outcome, binding: bindingRows(model, outcome.choice) };
}

const KIND_ORDER: Record<ConstraintRef["kind"], number> = {
  budget: 0,
  ownerBudget: 1,
  yearBudget: 2,
  contactCap: 3,
  oneOption: 4,
  purposeCoverage: 5,
  exclusiveGroup: 6,
};

/**
 * The rows that hold the plan back: those that a single better move — adding
 * a left-out communication, or switching one to a more valuable option (more
 * frequent, more personal), or dropping one that loses money — would break.
 * A budget spent to the cent but with nothing better left to buy does not
 * bind; a cap binds where a dropped or less frequent send would have gone
 * over it. Ordered budget, owners' budgets, years' budgets, caps, then the
 * rest; at most a few of each kind, those blocking the most objective first.
 */
export function bindingRows(model: OptimisationModel, choice: readonly number[]): ConstraintRef[] {
  const activity = rowActivity(model, choice);
  const columns = columnEntries(model);
  const blocked = new Float64Array(model.rows.length);
  const delta = new Map<number, number>();
  model.candidates.forEach((candidate, c) => {
    const current = choice[c] ?? -1;
    const currentObjective = current >= 0 ? (model.options[current]?.objective ?? 0) : 0;
    for (const alternative of [...candidate.optionIndices, -1]) {
      if (alternative === current) continue;
      const gain = (alternative >= 0 ? (model.options[alternative]?.objective ?? 0) : 0) - currentObjective;
      if (gain <= 1e-9 * Math.max(1, Math.abs(currentObjective))) continue;
      delta.clear();
      for (const [row, coefficient] of alternative >= 0 ? (columns[alternative] ?? []) : []) {
        delta.set(row, (delta.get(row) ?? 0) + coefficient);
      }
      for (const [row, coefficient] of current >= 0 ? (columns[current] ?? []) : []) {
        delta.set(row, (delta.get(row) ?? 0) - coefficient);
      }
      for (const [row, change] of delta) {
        const bounds = model.rows[row];
        if (!bounds || !breaks(activity[row] as number, change, bounds)) continue;
        blocked[row] = Math.max(blocked[row] as number, gain);
      }
    }
  });
  const rows = [...blocked.keys()].filter((row) => (blocked[row] as number) > 0);
  rows.sort((a, b) => {
    const kind = KIND_ORDER[rowKind(model, a)] - KIND_ORDER[rowKind(model, b)];
    return kind !== 0 ? kind : (blocked[b] as number) - (blocked[a] as number) || a - b;
  });
  const perKind = new Map<ConstraintRef["kind"], number>();
  return rows
    .filter((row) => {
      const kind = rowKind(model, row);
      const count = perKind.get(kind) ?? 0;
      perKind.set(kind, count + 1);
      return count < BINDING_PER_KIND;
    })
    .map((row) => (model.rows[row] as { constraint: ConstraintRef }).constraint);
}

function rowKind(model: OptimisationModel, row: number): ConstraintRef["kind"] {
  return (model.rows[row] as { constraint: ConstraintRef }).constraint.kind;
}

/** Whether moving a row's activity by `change` takes it outside its bounds. */
function breaks(activity: number, change: number, row: { lower: number; upper: number }): boolean {
  return change !== 0 && outsideRow(row, activity + change);
}
