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

/**
 * Offers HiGHS a plan to start from when it keeps to every row. One that
 * breaks a row is not offered: HiGHS would spend seconds trying to repair it
 * (measured on the benchmark roadmap), longer than finding a plan of its own.
 */
export function startFrom(solver: HighsModel, model: OptimisationModel, optionIndices: readonly number[]): void {
  const activity = rowActivity(model, optionIndices);
  if (model.rows.some((row, r) => outsideRow(row, activity[r] as number))) return;
  const colValue = new Float64Array(model.options.length);
  for (const index of optionIndices) colValue[index] = 1;
  solver.setSolution({ colValue });
}

/** Each row's left-hand side for a choice. */
export function rowActivity(model: OptimisationModel, choice: readonly number[]): Float64Array {
  const chosen = new Uint8Array(model.options.length);
  for (const index of choice) if (index >= 0) chosen[index] = 1;
  return Float64Array.from(model.rows, (row) => {
    let sum = 0;
    for (let k = 0; k < row.indices.length; k++) {
      if (chosen[row.indices[k] as number]) sum += row.values[k] as number;
    }
    return sum;
  });
}

/** Whether a row's activity lies outside its bounds, beyond a rounding tolerance. */
export function outsideRow(row: { readonly lower: number; readonly upper: number }, activity: number): boolean {
  return activity > row.upper + tolerance(row.upper) || activity < row.lower - tolerance(row.lower);
}

function tolerance(bound: number): number {
  return 1e-7 * Math.max(1, Number.isFinite(bound) ? Math.abs(bound) : 1);
}

/** The rows each option's column appears in, with its coefficient there. */
export function columnEntries(model: OptimisationModel): [number, number][][] {
  const columns: [number, number][][] = model.options.map(() => []);
  model.rows.forEach((row, r) => {
    for (let k = 0; k < row.indices.length; k++) columns[row.indices[k] as number]?.push([r, row.values[k] as number]);
  });
  return columns;
}
