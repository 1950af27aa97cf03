import type { Communication } from "../model/schema";
import type { CustomerFlow } from "./flow";
import { indexById } from "./flow";

/**
 * One communication over the horizon: when it sends, whom it reaches, what it
 * costs and what it is expected to bring. Monthly arrays have one entry per
 * month of the horizon.
 *
 * A communication *fires* in a month when its timing says so, it is not
 * retired, and at least some of its audience is there to receive it (reach
 * above 0). Its fixed cost is paid once for each month it fires: one send
 * occasion, however many customers it goes to. A scheduled month with no one
 * to reach costs nothing, since nothing is sent.
 */
export interface CommunicationSchedule {
  readonly communicationId: string;
  /** Index of its phase in the flow; -1 when the phase does not exist (it then never fires). */
  readonly phaseIndex: number;
  /** Segments it can reach, as flow indices in document order; empty when it cannot reach anyone. */
  readonly segmentIndices: Int32Array;
  /**
   * Customers reached per segment, at `[t * n + j]` for segment `segmentIndices[j]`, where
   * n = `segmentIndices.length`: a month's segments side by side, as the budget reads them.
   */
  readonly reachBySegment: Float64Array;
  /** 1 in the months it fires, else 0. */
  readonly fires: Uint8Array;
  readonly reach: Float64Array;
  readonly cost: Float64Array;
  readonly responses: Float64Array;
  readonly value: Float64Array;
  /** Months it fires in. */
  readonly sends: number;
  readonly totalReach: number;
  readonly totalCost: number;
  readonly totalResponses: number;
  readonly totalValue: number;
  /** (value − cost) / cost; null when it costs nothing. */
  readonly roi: number | null;
}

/** Flow indices of the roadmap's phases and segments, built once per flow. */
export interface FlowIndex {
  readonly phase: ReadonlyMap<string, number>;
  readonly segment: ReadonlyMap<string, number>;
}

/** Phase and segment lookups for `scheduleCommunication`. */
export function indexFlow(flow: CustomerFlow): FlowIndex {
  return {
    phase: indexById(flow.phaseIds.map((id) => ({ id }))),
    segment: indexById(flow.segmentIds.map((id) => ({ id }))),
  };
}

/** Return on investment: what the money brings beyond itself, per unit spent; null when nothing is spent. */
export function returnOnInvestment(value: number, cost: number): number | null {
  return cost === 0 ? null : (value - cost) / cost;
}

/**
 * When one communication fires, whom it reaches and what that costs and
 * brings, month by month (DOMAIN.md, "The arithmetic"): on entry reaches the
 * customers who entered the phase `offsetMonths` earlier (entries before the
 * plan start are unknown, so it reaches no one in the first `offsetMonths`
 * months); recurring reaches the phase's customers in months 0, k, 2k…;
 * one-off reaches them in its month. Reach counts the audience's segments
 * only, times the audience share. It counts customers (accounts, for a B2B
 * client): the audience's roles say who inside a customer is addressed, not
 * how many customers are.
 */
export function scheduleCommunication(
  flow: CustomerFlow,
  communication: Communication,
  index: FlowIndex = indexFlow(flow),
): CommunicationSchedule {
  const T = flow.months;
  const P = flow.phaseIds.length;
  const phaseIndex = index.phase.get(communication.phaseId) ?? -1;
  const { share } = communication.audience;
  const canReach = communication.status !== "retired" && phaseIndex >= 0 && share > 0;
  const segmentIndices = canReach
    ? audienceSegments(communication.audience.segmentIds, flow, index)
    : new Int32Array(0);
  const n = segmentIndices.length;
  // One allocation per communication: a fresh typed array of this size costs more to create than to fill.
  const storage = new Float64Array((4 + n) * T);
  const reach = storage.subarray(0, T);
  const cost = storage.subarray(T, 2 * T);
  const responses = storage.subarray(2 * T, 3 * T);
  const value = storage.subarray(3 * T, 4 * T);
  const reachBySegment = storage.subarray(4 * T);
  const { timing } = communication;

  // Flow arrays hold a month's phases side by side, so one phase's months are P apart.
  for (let j = 0; j < n; j++) {
    const s = segmentIndices[j] as number;
    switch (timing.kind) {
      case "onEntry": {
        const entered = (s * T - timing.offsetMonths) * P + phaseIndex;
        for (let t = timing.offsetMonths; t < T; t++) {
          reachBySegment[t * n + j] = share * (flow.entries[entered + t * P] as number);
        }
        break;
      }
      case "recurring": {
        const present = s * (T + 1) * P + phaseIndex;
        for (let t = 0; t < T; t += timing.everyMonths) {
          reachBySegment[t * n + j] = share * (flow.population[present + t * P] as number);
        }
        break;
      }
      case "oneOff": {
        if (timing.month < T) {
          const present = (s * (T + 1) + timing.month) * P + phaseIndex;
          reachBySegment[timing.month * n + j] = share * (flow.population[present] as number);
        }
        break;
      }
    }
  }
  for (let t = 0; t < T; t++) {
    let reached = 0;
    for (let j = 0; j < n; j++) reached += reachBySegment[t * n + j] as number;
    reach[t] = reached;
  }

  const { fixedCost, costPerContact, responseRate, valuePerResponse } = communication;
  const fires = new Uint8Array(T);
  let sends = 0;
  let totalReach = 0;
  let totalCost = 0;
  let totalResponses = 0;
  let totalValue = 0;
  for (let t = 0; t < T; t++) {
    const reached = reach[t] as number;
    if (reached <= 0) continue;
    const monthCost = fixedCost + costPerContact * reached;
    const monthResponses = reached * responseRate;
    const monthValue = monthResponses * valuePerResponse;
    fires[t] = 1;
    cost[t] = monthCost;
    responses[t] = monthResponses;
    value[t] = monthValue;
    sends++;
    totalReach += reached;
    totalCost += monthCost;
    totalResponses += monthResponses;
    totalValue += monthValue;
  }

  return {
    communicationId: communication.id,
    phaseIndex,
    segmentIndices,
    reachBySegment,
    fires,
    reach,
    cost,
    responses,
    value,
    sends,
    totalReach,
    totalCost,
    totalResponses,
    totalValue,
    roi: returnOnInvestment(totalValue, totalCost),
  };
}

/** Schedules of all communications, in document order. */
export function scheduleCommunications(
  flow: CustomerFlow,
  communications: readonly Communication[],
): CommunicationSchedule[] {
  const index = indexFlow(flow);
  return communications.map((communication) => scheduleCommunication(flow, communication, index));
}

/**
 * Flow indices of the segments an audience names, in document order and each
 * once; every segment when it names none. Ids of segments that do not exist
 * reach no one (the plan's diagnostics report them).
 */
function audienceSegments(segmentIds: readonly string[], flow: CustomerFlow, index: FlowIndex): Int32Array {
  const S = flow.segmentIds.length;
  if (segmentIds.length === 0) return Int32Array.from({ length: S }, (_, s) => s);
  const named = new Uint8Array(S);
  let count = 0;
  for (const id of segmentIds) {
    const s = index.segment.get(id);
    if (s !== undefined && named[s] === 0) {
      named[s] = 1;
      count++;
    }
  }
  const indices = new Int32Array(count);
  for (let s = 0, j = 0; s < S; s++) if (named[s] === 1) indices[j++] = s;
  return indices;
}
