import type { Highs, Model as HighsModel } from "highs";
import { modelData } from "./highsModel";
import type { ConstraintRef, OptimisationModel } from "./types";

/** HiGHS's IIS strategy: from an elastic LP, then reduced to an irreducible set (FromLp | Irreducible). */
const IIS_STRATEGY = 2 | 4;

/**
 * A small set of rows of an infeasible model that cannot all hold together,
 * for `describeConflict` to put in words. First HiGHS's irreducible
 * infeasible subsystem of the LP relaxation (one LP, then HiGHS's own
 * deletion filter); when the relaxation is feasible — the rows only clash for
 * whole sends, as with an odd cycle of alternatives and coverage rules — a
 * deletion filter over the rows with the 0/1 programme as the judge: drop a
 * group of rows (the budget, each year's, each owner's, the locks, each
 * coverage rule, each group of alternatives, the caps), keep it dropped if
 * the rest still clash, and halve the groups that must stay until single
 * rows remain. A communication's own "at most one option" row is never
 * blamed: it is how the programme is built, not a setting.
 */
export function findConflict(
  highs: Highs,
  model: OptimisationModel,
  { timeLimitSeconds }: { timeLimitSeconds: number },
): ConstraintRef[] {
  const rows = relaxationConflict(highs, model, timeLimitSeconds) ?? deletionFilter(highs, model, timeLimitSeconds);
  return rows.map((row) => (model.rows[row] as { constraint: ConstraintRef }).constraint);
}

function isStructural(constraint: ConstraintRef): boolean {
  return constraint.kind === "oneOption" && constraint.lock === "free";
}

function relaxationConflict(highs: Highs, model: OptimisationModel, timeLimitSeconds: number): number[] | null {
  const solver = highs.createModel(modelData(highs, model, { integer: false, objective: false }));
  try {
    solver.options.set({ output_flag: false, time_limit: timeLimitSeconds, iis_strategy: IIS_STRATEGY });
    solver.run();
    if (solver.getModelStatus() !== highs.constants.modelStatus.infeasible) return null;
    const iis = solver.getIis();
    const rows = [...iis.rowIndex].filter(
      (row) => !isStructural((model.rows[row] as { constraint: ConstraintRef }).constraint),
    );
    return rows.length > 0 ? rows.sort((a, b) => a - b) : null;
  } finally {
    solver.dispose();
  }
}

/** Rows grouped as a person would relax them: the budget, each year, each owner, the locks, each rule, each group, the caps. */
function constraintGroups(model: OptimisationModel): number[][] {
  const groups = new Map<string, number[]>();
  model.rows.forEach((row, r) => {
    const constraint = row.constraint;
    if (isStructural(constraint)) return;
    const key = groupKey(constraint);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  });
  return [...groups.values()];
}

function groupKey(constraint: ConstraintRef): string {
  switch (constraint.kind) {
    case "budget":
      return "budget";
    case "yearBudget":
      return `year:${constraint.year}`;
    case "ownerBudget":
      return `owner:${constraint.ownerId}`;
    case "oneOption":
      return "locks";
    case "purposeCoverage":
      return `coverage:${constraint.ruleId}`;
    case "exclusiveGroup":
      return `group:${constraint.groupId}`;
    case "contactCap":
      return "caps";
  }
}

function deletionFilter(highs: Highs, model: OptimisationModel, timeLimitSeconds: number): number[] {
  const solver = highs.createModel(modelData(highs, model, { integer: true, objective: false }));
  try {
    // Any plan at all answers the question, so the first one found ends each solve.
    solver.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_max_improving_sols: 1 });
    const clash = (kept: readonly number[][]) => !feasibleWith(highs, solver, model, kept);
    const necessary: number[][] = [];
    const pending = constraintGroups(model);
    while (pending.length > 0) {
      const group = pending.shift() as number[];
      if (clash([...necessary, ...pending])) continue;
      if (group.length === 1) {
        necessary.push(group);
      } else {
        const half = Math.ceil(group.length / 2);
        pending.unshift(group.slice(0, half), group.slice(half));
      }
    }
    return necessary.flat().sort((a, b) => a - b);
  } finally {
    solver.dispose();
  }
}

/**
 * Whether some plan keeps to the kept rows (and every communication's own row), the others lifted.
 * A solve that ends without an answer counts as feasible, so a row is only dropped when proven unneeded.
 */
function feasibleWith(highs: Highs, solver: HighsModel, model: OptimisationModel, kept: readonly number[][]): boolean {
  const active = new Uint8Array(model.rows.length);
  model.rows.forEach((row, r) => {
    if (isStructural(row.constraint)) active[r] = 1;
  });
  for (const group of kept) for (const r of group) active[r] = 1;
  const lower = Float64Array.from(model.rows, (row, r) => (active[r] ? row.lower : Number.NEGATIVE_INFINITY));
  const upper = Float64Array.from(model.rows, (row, r) => (active[r] ? row.upper : Number.POSITIVE_INFINITY));
  solver.changeRowsBounds({ kind: "range", from: 0, to: model.rows.length - 1 }, lower, upper);
  solver.clearSolver();
  solver.run();
  const status = solver.getModelStatus();
  return (
    status !== highs.constants.modelStatus.infeasible && status !== highs.constants.modelStatus.unboundedOrInfeasible
  );
}
