import type { Highs } from "highs";
import type { FrontierPoint, MarginalValue } from "../model/schema";
import { modelData, outsideRow, rowActivity } from "./highsModel";
import { withBudget } from "./optimisationModel";
import { solveOptimisation } from "./solveOptimisation";
import type {
  FrontierPlan,
  OptimisationFrontier,
  OptimisationModel,
  OptimisationOutcome,
  SolveProgress,
} from "./types";

export interface FrontierOptions {
  /** Budget levels from the least any plan can cost to well beyond the plan's cost. */
  readonly points?: number;
  /** The same model with every contact cap one higher (`extraContacts: 1`), for the value of one more contact. */
  readonly contactModel: OptimisationModel | null;
  /** For the whole frontier: each solve gets an equal share of what is left. */
  readonly timeLimitSeconds: number;
  readonly gapTolerance: number;
  readonly onProgress?: (progress: SolveProgress) => void;
  /** Asked while the solver works; true ends the frontier early with the points solved so far. */
  readonly shouldStop?: () => boolean;
  /** The model's own solve, when the caller has it: its plan seeds the points and it is not solved again. */
  readonly solved?: OptimisationOutcome;
}

/** What the last level reaches beyond the larger of the plan's cost and the budget, so the curve shows where it flattens. */
const BEYOND = 1.5;

/** A plan known to keep to every row but the budget: the best of them within a level's budget starts that level's solve. */
interface KnownPlan {
  readonly optionIndices: readonly number[];
  readonly cost: number;
  readonly objective: number;
}

/**
 * The efficient frontier: the best plan at `points` budgets, evenly spaced
 * from the least any plan can cost (its locked-in sends at their cheapest) to
 * half again beyond the larger of the plan's cost and the model's budget,
 * plus the plan's own cost, so that whether the plan is on the frontier is
 * answered by a solve at exactly its cost rather than read off a line
 * between two points. "Best" is the model's objective: the most value within
 * the budget, or the most net.
 *
 * Levels are solved from the lowest up, each started from the best plan
 * already known that fits its budget (a plan within a smaller budget fits a
 * larger one), so the frontier never falls as the budget rises and each
 * solve begins near its answer. The best plan with no budget at all answers
 * every level it fits without a solve: nothing within a budget can beat it.
 *
 * The value of one more unit of budget is the LP relaxation's shadow price on
 * the budget row ("dual") when HiGHS proves that LP optimal, else the slope
 * of the frontier around the budget ("slope"). The value of one more allowed
 * contact a month is the gain of solving `contactModel` ("slope"), or
 * without it the sum of the cap rows' shadow prices ("dual").
 */
export function computeFrontier(
  highs: Highs,
  model: OptimisationModel,
  options: FrontierOptions,
): OptimisationFrontier {
  const started = Date.now();
  const planCost = sumOf(model, model.planOptionIndices, "cost");
  const levels = budgetLevels(model, planCost, options.points ?? 10);
  const needsOwnSolve = options.solved === undefined;
  const contactSolve = options.contactModel !== null && hasCapRows(model);
  // The best plan with no budget at all often costs less than the top levels (caps and owners' budgets
  // hold it back, or nothing more is worth its cost): once solved, every level it fits is answered.
  const unlimitedSolve = model.budget !== null;
  const steps = levels.length + (needsOwnSolve ? 1 : 0) + (contactSolve ? 1 : 0) + (unlimitedSolve ? 1 : 0);
  let step = 0;
  const solve = (solvedModel: OptimisationModel, start: readonly number[] | undefined) => {
    step += 1;
    const left = Math.max(options.timeLimitSeconds - (Date.now() - started) / 1000, 0);
    return solveOptimisation(highs, solvedModel, {
      timeLimitSeconds: Math.max(left / (steps - step + 1), 0.1),
      gapTolerance: options.gapTolerance,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
      stage: { stage: "frontier", step, steps },
      ...(start ? { start } : {}),
    });
  };

  const own = options.solved ?? solve(model, undefined);
  const known: KnownPlan[] = [];
  const learn = (outcome: OptimisationOutcome) => {
    if (Number.isFinite(outcome.gap)) {
      known.push({ optionIndices: chosenOptions(outcome), cost: outcome.cost, objective: outcome.objective });
    }
  };
  learn(own);
  const unlimited = model.budget === null ? own : unlimitedSolve ? solve(withBudget(model, null), undefined) : null;
  if (unlimited && unlimited !== own) learn(unlimited);
  const settled = unlimited?.status === "optimal" ? unlimited : null;

  const points: FrontierPoint[] = [];
  const bestAt = new Map<number, KnownPlan>();
  for (const budget of levels) {
    const fitting = bestKnownWithin(known, budget);
    const answered = (settled !== null && settled.cost <= budget) || (options.shouldStop?.() ?? false);
    const outcome = answered ? null : solve(withBudget(model, budget), fitting?.optionIndices ?? []);
    if (outcome) learn(outcome);
    const best = bestKnownWithin(known, budget);
    if (!best) {
      points.push({ budget, cost: 0, value: 0, net: 0, feasible: false });
      continue;
    }
    bestAt.set(budget, best);
    points.push({
      budget,
      cost: best.cost,
      value: sumOf(model, best.optionIndices, "value"),
      net: netOf(model, best.optionIndices),
      feasible: true,
    });
  }

  const relaxation = relaxationDuals(highs, model);
  const contact = contactSolve && options.contactModel ? solve(options.contactModel, chosenOptions(own)) : null;
  return {
    points,
    plan: planOnFrontier(model, planCost, bestAt.get(planCost), options.gapTolerance),
    marginalBudget: marginalBudget(model, relaxation, points, own),
    marginalContact: marginalContact(model, relaxation, own, options.contactModel, contact),
  };
}

function hasCapRows(model: OptimisationModel): boolean {
  return model.rows.some((row) => row.constraint.kind === "contactCap");
}

function chosenOptions(outcome: OptimisationOutcome): number[] {
  return outcome.choice.filter((index) => index >= 0);
}

function bestKnownWithin(known: readonly KnownPlan[], budget: number): KnownPlan | undefined {
  let best: KnownPlan | undefined;
  for (const plan of known) {
    if (plan.cost <= budget * (1 + 1e-9) + 1e-9 && (!best || plan.objective > best.objective)) best = plan;
  }
  return best;
}

function sumOf(
  model: OptimisationModel,
  optionIndices: readonly number[],
  field: "cost" | "value" | "objective",
): number {
  return optionIndices.reduce((sum, index) => sum + (model.options[index]?.[field] ?? 0), 0);
}

function netOf(model: OptimisationModel, optionIndices: readonly number[]): number {
  return optionIndices.reduce(
    (sum, index) => sum + (model.options[index]?.discountedValue ?? 0) - (model.options[index]?.discountedCost ?? 0),
    0,
  );
}

/** The least any plan can cost: each locked-in communication at its cheapest option. */
function leastCost(model: OptimisationModel): number {
  return model.candidates
    .filter((candidate) => candidate.lock === "in")
    .reduce((sum, candidate) => sum + Math.min(...candidate.optionIndices.map((i) => model.options[i]?.cost ?? 0)), 0);
}

/** `points` evenly spaced budgets, and the plan's cost among them; in rising order, each once. */
function budgetLevels(model: OptimisationModel, planCost: number, points: number): number[] {
  const least = leastCost(model);
  const mostEver = model.candidates.reduce(
    (sum, candidate) => sum + Math.max(0, ...candidate.optionIndices.map((i) => model.options[i]?.cost ?? 0)),
    0,
  );
  const reach = Math.max(planCost, model.budget ?? 0, least) * BEYOND;
  const top = reach > least ? reach : Math.max(mostEver, least);
  const count = Math.max(points, 2);
  // A level a rounding error away from the plan's cost is the plan's cost, so the plan is not solved twice.
  const levels = Array.from({ length: count }, (_, k) => least + ((top - least) * k) / (count - 1)).map((level) =>
    Math.abs(level - planCost) <= 1e-9 * top ? planCost : level,
  );
  if (planCost > 0) levels.push(planCost);
  return [...new Set(levels)].sort((a, b) => a - b);
}

function planOnFrontier(
  model: OptimisationModel,
  planCost: number,
  best: KnownPlan | undefined,
  gapTolerance: number,
): FrontierPlan {
  const planObjective = sumOf(model, model.planOptionIndices, "objective");
  const activity = rowActivity(model, model.planOptionIndices);
  const keepsRows = model.rows.every(
    (row, r) => row.constraint.kind === "budget" || !outsideRow(row, activity[r] as number),
  );
  const bestObjective = best?.objective ?? planObjective;
  const shortfall = Math.max(0, bestObjective - planObjective);
  return {
    cost: planCost,
    value: sumOf(model, model.planOptionIndices, "value"),
    net: netOf(model, model.planOptionIndices),
    onFrontier: keepsRows && shortfall <= gapTolerance * Math.max(1, Math.abs(bestObjective)) + 1e-9,
    shortfall,
  };
}

/** Row duals of the LP relaxation, when HiGHS proves it optimal with a feasible dual; otherwise null. */
function relaxationDuals(highs: Highs, model: OptimisationModel): Float64Array | null {
  if (model.options.length === 0 || model.rows.length === 0) return null;
  const solver = highs.createModel(modelData(highs, model, { integer: false }));
  try {
    solver.options.set({ output_flag: false });
    solver.run();
    const clean =
      solver.getModelStatus() === highs.constants.modelStatus.optimal &&
      solver.info.get("dual_solution_status") === highs.constants.solutionStatus.feasible;
    return clean ? solver.getSolution().rowDual : null;
  } finally {
    solver.dispose();
  }
}

/**
 * More budget never lowers the best plan, so the shadow price counts by its
 * size whatever sign convention HiGHS uses for a maximisation.
 */
function marginalBudget(
  model: OptimisationModel,
  duals: Float64Array | null,
  points: readonly FrontierPoint[],
  own: OptimisationOutcome,
): MarginalValue | null {
  const row = model.rows.findIndex((r) => r.constraint.kind === "budget");
  if (row >= 0 && duals) return { perUnit: Math.abs(duals[row] as number), method: "dual" };
  return frontierSlope(points, model.budget ?? own.cost, model.objective);
}

/** The frontier's slope between the two levels around `budget` (the last two when it lies beyond them). */
function frontierSlope(
  points: readonly FrontierPoint[],
  budget: number,
  objective: OptimisationModel["objective"],
): MarginalValue | null {
  const feasible = points.filter((point) => point.feasible);
  if (feasible.length < 2) return null;
  const above = feasible.findIndex((point) => point.budget > budget);
  const at = above === -1 ? feasible.length - 1 : Math.max(above, 1);
  const upper = feasible[at] as FrontierPoint;
  const lower = feasible[at - 1] as FrontierPoint;
  const measure = (point: FrontierPoint) => (objective === "value" ? point.value : point.net);
  return { perUnit: Math.max(0, (measure(upper) - measure(lower)) / (upper.budget - lower.budget)), method: "slope" };
}

/**
 * Null when caps are not respected (no raised model, no cap rows). Caps that
 * are respected but that no choice of options could reach have no rows: one
 * more contact is worth nothing, as solving the raised model would show.
 */
function marginalContact(
  model: OptimisationModel,
  duals: Float64Array | null,
  own: OptimisationOutcome,
  contactModel: OptimisationModel | null,
  contact: OptimisationOutcome | null,
): MarginalValue | null {
  if (!hasCapRows(model)) return contactModel ? { perUnit: 0, method: "slope" } : null;
  if (contact && Number.isFinite(contact.gap) && Number.isFinite(own.gap)) {
    return { perUnit: Math.max(0, contact.objective - own.objective), method: "slope" };
  }
  if (!duals) return null;
  const sum = model.rows.reduce(
    (total, row, r) => total + (row.constraint.kind === "contactCap" ? Math.abs(duals[r] as number) : 0),
    0,
  );
  return { perUnit: sum, method: "dual" };
}
