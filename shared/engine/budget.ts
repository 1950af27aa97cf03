import type { Communication, Roadmap } from "../model/schema";
import { PURPOSES } from "../model/vocabulary";
import type { Period, PlanCalendar } from "./calendar";
import { type CommunicationSchedule, returnOnInvestment } from "./schedule";

/** The ways a budget is broken down (DOMAIN.md: "Budgets roll up by…"). */
export const BUDGET_DIMENSIONS = ["phase", "stage", "channel", "owner", "segment", "purpose"] as const;
export type BudgetDimension = (typeof BUDGET_DIMENSIONS)[number];

/** Cost and expected value of each key (row) in each period (column). */
export interface BudgetTable {
  readonly keys: readonly string[];
  readonly periods: readonly Period[];
  /** Cost of `keys[k]` in `periods[j]`, at `[k * periods.length + j]`. */
  readonly cost: Float64Array;
  readonly value: Float64Array;
}

/** One breakdown of the budget, by month, quarter and year and over the whole horizon. */
export interface DimensionBudget {
  /** Ids of phases, stages, channels, owners or segments in document order; purposes in schema order. */
  readonly keys: readonly string[];
  /** Over the whole horizon, per key. */
  readonly totalCost: Float64Array;
  readonly totalValue: Float64Array;
  readonly byMonth: BudgetTable;
  readonly byQuarter: BudgetTable;
  readonly byYear: BudgetTable;
}

/** One key's row of a table: its cost and value in each of the table's periods; undefined for an unknown key. */
export function budgetRow(table: BudgetTable, key: string): { cost: Float64Array; value: Float64Array } | undefined {
  const k = table.keys.indexOf(key);
  if (k < 0) return undefined;
  const columns = table.periods.length;
  return {
    cost: table.cost.subarray(k * columns, (k + 1) * columns),
    value: table.value.subarray(k * columns, (k + 1) * columns),
  };
}

/**
 * What the plan costs and is expected to bring. Each breakdown adds up to the
 * totals (to rounding): a communication's cost is split between segments in
 * proportion to the customers of each it reaches that month, fixed cost included.
 */
export interface Budget {
  readonly totalCost: number;
  readonly totalValue: number;
  readonly totalResponses: number;
  /** Contacts made: customers reached, summed over communications and months. */
  readonly totalReach: number;
  /** Send occasions: months in which a communication fires, summed over communications. */
  readonly sends: number;
  /** (value − cost) / cost; null when the plan costs nothing. */
  readonly roi: number | null;
  /** The whole plan as a single key, "total", for the per-period totals. */
  readonly overall: DimensionBudget;
  readonly byDimension: Readonly<Record<BudgetDimension, DimensionBudget>>;
}

/** The parts of a roadmap the budget's breakdowns are keyed by. */
export type BudgetInputs = Pick<Roadmap, "phases" | "stages" | "channels" | "owners" | "segments" | "communications">;

/** Rolls budgets up, reusing the sums of communications that did not change since its last roll-up. */
export interface BudgetRollUp {
  rollUp(roadmap: BudgetInputs, schedules: readonly CommunicationSchedule[], calendar: PlanCalendar): Budget;
}

/**
 * Rolls the communications' monthly costs and values up by month, quarter and
 * year × phase, stage, channel, owner, segment and purpose. `schedules[c]`
 * belongs to `roadmap.communications[c]`.
 */
export function rollUpBudget(
  roadmap: BudgetInputs,
  schedules: readonly CommunicationSchedule[],
  calendar: PlanCalendar,
): Budget {
  return createBudgetRollUp().rollUp(roadmap, schedules, calendar);
}

/**
 * Communications are summed in chunks of this many, in document order; a
 * chunk whose communications are all unchanged keeps its sums. Small enough
 * that re-summing one chunk is cheap, large enough that adding up the chunks
 * is too.
 */
const CHUNK_SIZE = 64;

/** Which table a chunk's row adds into; `TABLES` counts them. */
const OVERALL = 0;
const PHASE = 1;
const CHANNEL = 2;
const OWNER = 3;
const PURPOSE = 4;
const SEGMENT = 5;
const TABLES = 6;

/**
 * Sums of one chunk of communications: each row is one key of one table
 * (a phase, a channel, a segment…), with its cost for every month followed by
 * its value for every month, at `[row * 2T + t]` and `[row * 2T + T + t]`.
 */
interface ChunkSums {
  readonly communications: readonly Communication[];
  readonly schedules: readonly CommunicationSchedule[];
  readonly months: number;
  readonly rowTables: Uint8Array;
  readonly rowKeys: readonly string[];
  /** The keys of each table the chunk has rows for, in the order first used. */
  readonly keysByTable: readonly (readonly string[])[];
  readonly sums: Float64Array;
}

/**
 * A budget roll-up that remembers its last chunks. Every table cell is the sum,
 * in chunk order, of the chunks' sums, each summed in document order; so a
 * roadmap gives the same bits whether its chunks were reused or summed afresh.
 */
export function createBudgetRollUp(): BudgetRollUp {
  let chunks: readonly ChunkSums[] = [];
  return {
    rollUp(roadmap, schedules, calendar) {
      const T = calendar.months.length;
      const segmentIds = roadmap.segments.map((segment) => segment.id);
      const next: ChunkSums[] = [];
      for (let first = 0; first < schedules.length; first += CHUNK_SIZE) {
        const last = Math.min(first + CHUNK_SIZE, schedules.length);
        const previous = chunks[next.length];
        next.push(
          previous && chunkUnchanged(previous, roadmap.communications, schedules, first, last, T)
            ? previous
            : sumChunk(roadmap.communications.slice(first, last), schedules.slice(first, last), segmentIds, T),
        );
      }
      chunks = next;
      return assemble(roadmap, schedules, chunks, calendar);
    },
  };
}

function chunkUnchanged(
  chunk: ChunkSums,
  communications: readonly Communication[],
  schedules: readonly CommunicationSchedule[],
  first: number,
  last: number,
  T: number,
): boolean {
  if (chunk.months !== T || chunk.schedules.length !== last - first) return false;
  for (let c = first; c < last; c++) {
    if (chunk.schedules[c - first] !== schedules[c] || chunk.communications[c - first] !== communications[c]) {
      return false;
    }
  }
  return true;
}

function sumChunk(
  communications: readonly Communication[],
  schedules: readonly CommunicationSchedule[],
  segmentIds: readonly string[],
  T: number,
): ChunkSums {
  const rowOf = Array.from({ length: TABLES }, () => new Map<string, number>());
  const rowTables: number[] = [];
  const rowKeys: string[] = [];
  const row = (table: number, key: string): number => {
    let found = rowOf[table]?.get(key);
    if (found === undefined) {
      found = rowTables.length;
      rowOf[table]?.set(key, found);
      rowTables.push(table);
      rowKeys.push(key);
    }
    return found;
  };
  // Rows are handed out first, so the sums can live in one array: typed arrays cost more to create than to fill.
  const rowsOf = schedules.map((schedule, c) => {
    if (schedule.sends === 0) return [];
    const communication = communications[c] as Communication;
    return [
      row(OVERALL, "total"),
      row(PHASE, communication.phaseId),
      row(CHANNEL, communication.channelId),
      row(OWNER, communication.ownerId),
      row(PURPOSE, communication.purpose),
      ...Array.from(schedule.segmentIndices, (s) => row(SEGMENT, segmentIds[s] as string)),
    ];
  });

  const width = 2 * T;
  const sums = new Float64Array(rowTables.length * width);
  schedules.forEach((schedule, c) => {
    const rows = rowsOf[c] as number[];
    if (rows.length === 0) return;
    const { fires, cost, value, reach, reachBySegment } = schedule;
    const n = rows.length - 5;
    for (let t = 0; t < T; t++) {
      if (fires[t] === 0) continue;
      const k = cost[t] as number;
      const v = value[t] as number;
      for (let i = 0; i < 5; i++) {
        const at = (rows[i] as number) * width + t;
        sums[at] = (sums[at] as number) + k;
        sums[at + T] = (sums[at + T] as number) + v;
      }
      // Segments share a sending in proportion to the customers of each it reaches, fixed cost included.
      // Divided rather than multiplied by 1 / reach: a reach too small to invert (a rate like 5e-324) stays a share.
      const reached = reach[t] as number;
      for (let j = 0; j < n; j++) {
        const part = (reachBySegment[t * n + j] as number) / reached;
        if (part === 0) continue;
        const at = (rows[5 + j] as number) * width + t;
        sums[at] = (sums[at] as number) + part * k;
        sums[at + T] = (sums[at + T] as number) + part * v;
      }
    }
  });
  return {
    communications,
    schedules,
    months: T,
    rowTables: Uint8Array.from(rowTables),
    rowKeys,
    keysByTable: Array.from({ length: TABLES }, (_, table) => rowKeys.filter((_, i) => rowTables[i] === table)),
    sums,
  };
}

/** Adds the chunks up into the budget's tables and derives quarters, years, stages and totals. */
function assemble(
  roadmap: BudgetInputs,
  schedules: readonly CommunicationSchedule[],
  chunks: readonly ChunkSums[],
  calendar: PlanCalendar,
): Budget {
  const T = calendar.months.length;
  const used = (table: number) => chunks.flatMap((chunk) => chunk.keysByTable[table] ?? []);
  const keys = [
    keyIndex(["total"], []),
    keyIndex(
      roadmap.phases.map((phase) => phase.id),
      used(PHASE),
    ),
    keyIndex(
      roadmap.channels.map((channel) => channel.id),
      used(CHANNEL),
    ),
    keyIndex(
      roadmap.owners.map((owner) => owner.id),
      used(OWNER),
    ),
    keyIndex(PURPOSES, used(PURPOSE)),
    keyIndex(
      roadmap.segments.map((segment) => segment.id),
      used(SEGMENT),
    ),
  ];
  const costs = keys.map((table) => new Float64Array(table.keys.length * T));
  const values = keys.map((table) => new Float64Array(table.keys.length * T));

  for (const chunk of chunks) {
    const width = 2 * T;
    chunk.rowKeys.forEach((key, i) => {
      const table = chunk.rowTables[i] as number;
      const cost = costs[table] as Float64Array;
      const value = values[table] as Float64Array;
      const target = ((keys[table] as KeyIndex).index.get(key) as number) * T;
      const source = i * width;
      for (let t = 0; t < T; t++) {
        cost[target + t] = (cost[target + t] as number) + (chunk.sums[source + t] as number);
        value[target + t] = (value[target + t] as number) + (chunk.sums[source + T + t] as number);
      }
    });
  }

  let totalCost = 0;
  let totalValue = 0;
  let totalResponses = 0;
  let totalReach = 0;
  let sends = 0;
  for (const schedule of schedules) {
    totalCost += schedule.totalCost;
    totalValue += schedule.totalValue;
    totalResponses += schedule.totalResponses;
    totalReach += schedule.totalReach;
    sends += schedule.sends;
  }

  const phaseKeys = keys[PHASE] as KeyIndex;
  const stages = keyIndex(
    roadmap.stages.map((stage) => stage.id),
    roadmap.phases.map((phase) => phase.stageId),
  );
  const stageIdOfPhase = new Map<string, string>();
  for (const phase of roadmap.phases) {
    if (!stageIdOfPhase.has(phase.id)) stageIdOfPhase.set(phase.id, phase.stageId);
  }
  // Only phases that exist can send, so every phase row has a stage.
  const stageOfPhase = phaseKeys.keys.map((id) => stages.index.get(stageIdOfPhase.get(id) ?? "") ?? 0);

  const dimension = (table: number) =>
    dimensionBudget(
      (keys[table] as KeyIndex).keys,
      costs[table] as Float64Array,
      values[table] as Float64Array,
      calendar,
    );
  return {
    totalCost,
    totalValue,
    totalResponses,
    totalReach,
    sends,
    roi: returnOnInvestment(totalValue, totalCost),
    overall: dimension(OVERALL),
    byDimension: {
      phase: dimension(PHASE),
      stage: dimensionBudget(
        stages.keys,
        sumRowsInto(costs[PHASE] as Float64Array, stageOfPhase, stages.keys.length, T),
        sumRowsInto(values[PHASE] as Float64Array, stageOfPhase, stages.keys.length, T),
        calendar,
      ),
      channel: dimension(CHANNEL),
      owner: dimension(OWNER),
      segment: dimension(SEGMENT),
      purpose: dimension(PURPOSE),
    },
  };
}

interface KeyIndex {
  readonly keys: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/**
 * Row keys: the listed ids, then any id a communication uses that is not
 * listed (the schema forbids those, but money must not vanish from a
 * breakdown because of one), in the order first used.
 */
function keyIndex(listed: readonly string[], used: readonly string[]): KeyIndex {
  const keys: string[] = [];
  const index = new Map<string, number>();
  for (const list of [listed, used]) {
    for (const key of list) {
      if (index.has(key)) continue;
      index.set(key, keys.length);
      keys.push(key);
    }
  }
  return { keys, index };
}

/** Adds the rows of a `[row * T + t]` table into groups, row `r` into group `groupOf[r]`. */
function sumRowsInto(table: Float64Array, groupOf: readonly number[], groups: number, T: number): Float64Array {
  const grouped = new Float64Array(groups * T);
  groupOf.forEach((group, row) => {
    for (let t = 0; t < T; t++) {
      grouped[group * T + t] = (grouped[group * T + t] as number) + (table[row * T + t] as number);
    }
  });
  return grouped;
}

function dimensionBudget(
  keys: readonly string[],
  monthlyCost: Float64Array,
  monthlyValue: Float64Array,
  calendar: PlanCalendar,
): DimensionBudget {
  const T = calendar.months.length;
  const table = (periods: readonly Period[]): BudgetTable => ({
    keys,
    periods,
    cost: sumPeriods(monthlyCost, keys.length, T, periods),
    value: sumPeriods(monthlyValue, keys.length, T, periods),
  });
  const whole = [{ label: "total", firstMonth: 0, monthCount: T }];
  return {
    keys,
    totalCost: sumPeriods(monthlyCost, keys.length, T, whole),
    totalValue: sumPeriods(monthlyValue, keys.length, T, whole),
    byMonth: { keys, periods: calendar.months, cost: monthlyCost, value: monthlyValue },
    byQuarter: table(calendar.quarters),
    byYear: table(calendar.years),
  };
}

/** A `[key * T + t]` monthly table summed into `[key * periods.length + j]`. */
function sumPeriods(monthly: Float64Array, keyCount: number, T: number, periods: readonly Period[]): Float64Array {
  const columns = periods.length;
  const summed = new Float64Array(keyCount * columns);
  for (let j = 0; j < columns; j++) {
    const { firstMonth, monthCount } = periods[j] as Period;
    for (let k = 0; k < keyCount; k++) {
      let sum = 0;
      for (let t = firstMonth; t < firstMonth + monthCount; t++) sum += monthly[k * T + t] as number;
      summed[k * columns + j] = sum;
    }
  }
  return summed;
}
