/**
 * What a roadmap file may hold: far more than anyone draws by hand (a workshop
 * roadmap has tens of phases; the benchmarks draw 3,000 phases and 2,000
 * communications), and little enough that every accepted file opens, plans and
 * exports in seconds within a laptop's memory. A crafted file beyond them is
 * refused with the field, the value and the limit, before any work is done on it.
 * The README's file-format section lists them; change both together.
 */
export const LIMITS = {
  /** px from the canvas origin, either way; the 3,000-phase benchmark spans 45,000 px. */
  coordinate: 1_000_000,
  stages: 100,
  phases: 10_000,
  transitions: 30_000,
  segments: 100,
  owners: 1_000,
  channels: 1_000,
  roles: 1_000,
  communications: 10_000,
  stickyNotes: 10_000,
  surveyDimensions: 50,
  surveyItems: 200,
  surveyWaves: 100,
  /** Scenarios besides the roadmap's own plan (As-is, To-be, Lean…). */
  scenarios: 50,
  /**
   * Respondents in one wave. 100,000 answers of 30 items are about 20 MB in
   * the file, its size limit; the 10,000 respondents take 2 MB.
   */
  respondentsPerWave: 100_000,
  /** Columns of an import file whose mapping is remembered, and the values mapped to a phase, segment… */
  importColumns: 1_000,
  importValues: 10_000,
  /** Per phase: KPIs, objectives, products held. */
  itemsPerPhase: 100,
  /** Any amount of money: a fixed cost, a cost per contact, a value. */
  money: 1_000_000_000_000,
  /** Customers of one segment in one phase, at the start or arriving each month. */
  customers: 1_000_000_000,
  /** A KPI's target, either way. */
  kpiTarget: 1_000_000_000_000,
  /**
   * Segments × months × (phases + transitions): the cells the plan's customer
   * flow fills, each kept for every month (about 32 bytes a cell). 12 million
   * is 3,000 phases and 4,500 transitions over 10 years for 12 segments.
   */
  planCells: 12_000_000,
  /**
   * Communications × months: the send occasions the exports write a row or an
   * event for, at most. 120,000 is the export benchmark's 2,000 communications
   * over 5 years.
   */
  communicationMonths: 120_000,
} as const;

/** A whole number as the README and the messages write it: 1,000,000. */
export function formatLimit(value: number): string {
  return value.toLocaleString("en-US");
}

/** A point kept inside the canvas the file format accepts, so what the user drags can always be saved and opened. */
export function clampToCanvas(value: number): number {
  return Math.min(LIMITS.coordinate, Math.max(-LIMITS.coordinate, value));
}
