import { type CommunicationCosts, communicationCosts, costsOfCommunications } from "../model/costs";
import type { Communication, Roadmap } from "../model/schema";
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
   * Contacts per segment, at `[t * n + j]` for segment `segmentIndices[j]`, where
   * n = `segmentIndices.length`: a month's segments side by side, as the budget reads them.
   */
  readonly reachBySegment: Float64Array;
  /** 1 in the months it fires, else 0. */
  readonly fires: Uint8Array;
  /** Contacts: customers it is sent to each month (one customer reached in three months is three contacts). */
  readonly reach: Float64Array;
  /** Customers reached for the first time in their stay in the phase, each month. */
  readonly customersReached: Float64Array;
  readonly cost: Float64Array;
  readonly responses: Float64Array;
  readonly value: Float64Array;
  /** Months it fires in. */
  readonly sends: number;
  readonly totalReach: number;
  /** Customers reached at least once (a customer who leaves the phase and comes back is reached anew). */
  readonly totalCustomersReached: number;
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
 * brings, month by month (DOMAIN.md, "The arithmetic"):
 * - on entry reaches the customers who entered the phase `offsetMonths`
 *   earlier and are still in it: all of them in the month of entry and the
 *   month after, then a month's stay rate fewer each month (entries before
 *   the plan start are unknown, so it reaches no one in the first
 *   `offsetMonths` months);
 * - recurring reaches the phase's customers in months 0, k, 2k…;
 * - one-off reaches them in its month.
 * Reach counts the audience's segments only, times the audience share (the
 * same share of customers each time, e.g. those who agreed to email). It
 * counts customers (accounts, for a B2B client): the audience's roles say who
 * inside a customer is addressed, not how many customers are.
 *
 * A customer responds at most once per stay in the phase: a recurring send
 * earns only from those who have not yet responded, so responses never exceed
 * the customers reached. A customer who leaves and comes back later (a
 * renewal each year, a second win-back) is a new stay and may respond again.
 */
export function scheduleCommunication(
  flow: CustomerFlow,
  communication: Communication,
  { costs = communicationCosts(communication, undefined), index = indexFlow(flow) }: ScheduleOptions = {},
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
  const storage = new Float64Array((5 + n) * T);
  const reach = storage.subarray(0, T);
  const customersReached = storage.subarray(T, 2 * T);
  const cost = storage.subarray(2 * T, 3 * T);
  const responses = storage.subarray(3 * T, 4 * T);
  const value = storage.subarray(4 * T, 5 * T);
  const reachBySegment = storage.subarray(5 * T);
  const { timing, responseRate } = communication;

  // Flow arrays hold a month's phases side by side, so one phase's months are P apart.
  for (let j = 0; j < n; j++) {
    const s = segmentIndices[j] as number;
    const stay = flow.stayRate[s * P + phaseIndex] as number;
    switch (timing.kind) {
      case "onEntry": {
        const k = timing.offsetMonths;
        const entered = (s * T - k) * P + phaseIndex;
        // Entrants of a month are all there at the start of the next; each month after, the stay rate keeps some.
        const stillThere = k <= 1 ? 1 : stay ** (k - 1);
        for (let t = k; t < T; t++) {
          const reached = share * stillThere * (flow.entries[entered + t * P] as number);
          reachBySegment[t * n + j] = reached;
          customersReached[t] = (customersReached[t] as number) + reached;
          responses[t] = (responses[t] as number) + reached * responseRate;
        }
        break;
      }
      case "recurring": {
        const present = s * (T + 1) * P + phaseIndex;
        const entering = s * T * P + phaseIndex;
        // The audience's customers in the phase not yet reached, and not yet responded, in this stay.
        let unreached = share * (flow.population[present] as number);
        let unanswered = unreached;
        for (let t = 0; t < T; t++) {
          if (t % timing.everyMonths === 0) {
            reachBySegment[t * n + j] = share * (flow.population[present + t * P] as number);
            customersReached[t] = (customersReached[t] as number) + unreached;
            const answering = unanswered * responseRate;
            responses[t] = (responses[t] as number) + answering;
            unreached = 0;
            unanswered -= answering;
          }
          const arriving = share * (flow.entries[entering + t * P] as number);
          unreached = unreached * stay + arriving;
          unanswered = unanswered * stay + arriving;
        }
        break;
      }
      case "oneOff": {
        if (timing.month < T) {
          const present = (s * (T + 1) + timing.month) * P + phaseIndex;
          const reached = share * (flow.population[present] as number);
          reachBySegment[timing.month * n + j] = reached;
          customersReached[timing.month] = (customersReached[timing.month] as number) + reached;
          responses[timing.month] = (responses[timing.month] as number) + reached * responseRate;
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

  const { fixedCost, costPerContact } = costs;
  const { valuePerResponse } = communication;
  const fires = new Uint8Array(T);
  let sends = 0;
  let totalReach = 0;
  let totalCustomersReached = 0;
  let totalCost = 0;
  let totalResponses = 0;
  let totalValue = 0;
  for (let t = 0; t < T; t++) {
    const reached = reach[t] as number;
    if (reached <= 0) {
      // Nothing is sent, so no one can be reached or respond (a share of nothing can round to a trace).
      customersReached[t] = 0;
      responses[t] = 0;
      continue;
    }
    const monthCost = fixedCost + costPerContact * reached;
    const monthResponses = responses[t] as number;
    const monthValue = monthResponses * valuePerResponse;
    fires[t] = 1;
    cost[t] = monthCost;
    value[t] = monthValue;
    sends++;
    totalReach += reached;
    totalCustomersReached += customersReached[t] as number;
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
    customersReached,
    cost,
    responses,
    value,
    sends,
    totalReach,
    totalCustomersReached,
    totalCost,
    totalResponses,
    totalValue,
    roi: returnOnInvestment(totalValue, totalCost),
  };
}

/**
 * A communication's contacts by how many times the customer had received it
 * in this stay in the phase: `[i]` holds the contacts of customers receiving
 * it for the (i + 1)-th time. On-entry and one-off sends reach a customer
 * once, so they have only `[0]`. Responses are Σ `[i]` × rate × (1 − rate)^i
 * (those who answered an earlier send do not answer again), which lets the
 * budget workbook recompute them from the response rate.
 */
export function contactsBySendNumber(
  flow: CustomerFlow,
  communication: Communication,
  schedule: CommunicationSchedule,
): Float64Array {
  const { timing } = communication;
  if (timing.kind !== "recurring") return Float64Array.of(schedule.totalReach);
  const T = flow.months;
  const P = flow.phaseIds.length;
  const p = schedule.phaseIndex;
  const { share } = communication.audience;
  const bySendNumber = new Float64Array(Math.ceil(T / timing.everyMonths));
  for (const s of schedule.segmentIndices) {
    const stay = flow.stayRate[s * P + p] as number;
    // Customers first reached at the same send stay together: they get the later sends as their 2nd, 3rd…
    const firstReached: { send: number; month: number; customers: number }[] = [];
    let unreached = share * (flow.population[s * (T + 1) * P + p] as number);
    for (let t = 0; t < T; t++) {
      if (t % timing.everyMonths === 0) {
        const send = t / timing.everyMonths;
        if (schedule.fires[t] === 1) {
          if (unreached > 0) firstReached.push({ send, month: t, customers: unreached });
          for (const group of firstReached) {
            const i = send - group.send;
            bySendNumber[i] = (bySendNumber[i] as number) + group.customers * stay ** (t - group.month);
          }
        }
        unreached = 0;
      }
      unreached = unreached * stay + share * (flow.entries[(s * T + t) * P + p] as number);
    }
  }
  return bySendNumber;
}

export interface ScheduleOptions {
  /** Defaults to the communication's own costs, 0 where it inherits (there is no channel to ask). */
  costs?: CommunicationCosts;
  index?: FlowIndex;
}

/** Schedules of all communications of a roadmap, in document order, with their channels' costs where they inherit. */
export function scheduleCommunications(
  flow: CustomerFlow,
  roadmap: Pick<Roadmap, "channels" | "communications">,
): CommunicationSchedule[] {
  const index = indexFlow(flow);
  const costs = costsOfCommunications(roadmap);
  return roadmap.communications.map((communication, c) =>
    scheduleCommunication(flow, communication, { costs: costs[c], index }),
  );
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
