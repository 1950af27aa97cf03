import type { Highs } from "highs";
import { columnEntries, modelData, outsideRow, rowActivity } from "./highsModel";
import type { OptimisationModel } from "./types";

/** A column at least this close to 1 in the relaxation is taken as chosen. */
const WHOLE = 1 - 1e-6;

/**
 * A plan made from the LP relaxation, to start the solver from: every option
 * the relaxation sends whole, then — largest share first, most valuable first
 * among equals — every other option worth something while it fits every row
 * it is in. With thousands of small sends and a few dozen binding rows only a
 * few options are fractional, so the plan is within a fraction of a percent
 * of the relaxation's bound: on the benchmark roadmap it lets HiGHS stop at
 * the root instead of spending seconds on cuts and sub-MIPs to find as good a
 * plan itself. The relaxation's objective comes with it: no plan can beat it,
 * so it bounds the gap before HiGHS has a bound of its own. Null when the
 * relaxation is not solved; no plan when the rounding breaks a row it must
 * reach (a lock or a coverage rule).
 */
export function roundedRelaxation(
  highs: Highs,
  model: OptimisationModel,
  timeLimitSeconds: number,
): { optionIndices: number[] | null; bound: number } | null {
  if (model.options.length === 0) return null;
  const solved = relaxation(highs, model, timeLimitSeconds);
  if (!solved) return null;
  const { shares, bound } = solved;
  const columns = columnEntries(model);
  const candidateOf = new Int32Array(model.options.length);
  model.candidates.forEach((candidate, c) => {
    for (const index of candidate.optionIndices) candidateOf[index] = c;
  });
  const activity = new Float64Array(model.rows.length);
  const taken = new Uint8Array(model.candidates.length);
  const chosen: number[] = [];
  const take = (option: number) => {
    const c = candidateOf[option] as number;
    if (taken[c]) return;
    const entries = columns[option] ?? [];
    const fits = entries.every(([row, a]) => {
      const bounds = model.rows[row] as { lower: number; upper: number };
      return !outsideRow({ lower: Number.NEGATIVE_INFINITY, upper: bounds.upper }, (activity[row] as number) + a);
    });
    if (!fits) return;
    for (const [row, a] of entries) activity[row] = (activity[row] as number) + a;
    taken[c] = 1;
    chosen.push(option);
  };
  const order = model.options.map((_, index) => index);
  order.sort(
    (a, b) =>
      Number((shares[b] as number) >= WHOLE) - Number((shares[a] as number) >= WHOLE) ||
      (shares[b] as number) - (shares[a] as number) ||
      (model.options[b]?.objective ?? 0) - (model.options[a]?.objective ?? 0),
  );
  for (const option of order) {
    if ((shares[option] as number) >= WHOLE || (model.options[option]?.objective ?? 0) > 0) take(option);
  }
  const final = rowActivity(model, chosen);
  return { optionIndices: model.rows.some((row, r) => outsideRow(row, final[r] as number)) ? null : chosen, bound };
}

/** The relaxation's column values and objective, when HiGHS solves it to optimality. */
function relaxation(
  highs: Highs,
  model: OptimisationModel,
  timeLimitSeconds: number,
): { shares: Float64Array; bound: number } | null {
  const solver = highs.createModel(modelData(highs, model, { integer: false }));
  try {
    solver.options.set({ output_flag: false, time_limit: timeLimitSeconds });
    solver.run();
    if (solver.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
    return { shares: solver.getSolution().colValue, bound: solver.getObjectiveValue() };
  } finally {
    solver.dispose();
  }
}
