import type { Highs, Model as HighsModel, ModelData } from "highs";
import type { OptimisationModel } from "./types";

/** The programme as HiGHS takes it: one 0/1 column per option, maximised, rows in CSR form. */
export function modelData(
  highs: Highs,
  model: OptimisationModel,
  { integer, objective = true }: { integer: boolean; objective?: boolean },
): ModelData {
  const numCols = model.options.length;
  const numRows = model.rows.length;
  const starts = new Int32Array(numRows + 1);
  for (let r = 0; r < numRows; r++)
    starts[r + 1] = (starts[r] as number) + (model.rows[r] as { indices: Int32Array }).indices.length;
  const indices = new Int32Array(starts[numRows] as number);
  const values = new Float64Array(starts[numRows] as number);
  model.rows.forEach((row, r) => {
    indices.set(row.indices, starts[r]);
    values.set(row.values, starts[r]);
  });
  return {
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: objective ? Float64Array.from(model.options, (option) => option.objective) : new Float64Array(numCols),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: Float64Array.from(model.rows, (row) => row.lower),
    rowUpper: Float64Array.from(model.rows, (row) => row.upper),
    matrix: { format: "csr", numRows, numCols, starts, indices, values },
    ...(integer ? { integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer) } : {}),
  };
}

/** Offers HiGHS a plan to start from; it checks the plan against the rows and ignores it if it breaks one. */
export function startFrom(solver: HighsModel, model: OptimisationModel, optionIndices: readonly number[]): void {
  const colValue = new Float64Array(model.options.length);
  for (const index of optionIndices) colValue[index] = 1;
  solver.setSolution({ colValue });
}
