import type { Phase, Roadmap, Segment, Transition } from "../model/schema";
import { perSegmentValue, rateForSegment, sameRecord } from "./perSegment";

/**
 * What the customer flow depends on. Everything else in a roadmap (names,
 * positions, communications, costs) can change without re-simulating it.
 */
export type FlowInputs = Pick<Roadmap, "horizonMonths" | "phases" | "transitions" | "segments">;

/**
 * Rates typed as decimals that add up to within this of 1 are 100 % (as in
 * edits.ts): 0.6 + 0.3 + 0.1 is 0.9999999999999999 in floating point, and
 * must still empty the phase rather than leave a residue of customers that
 * communications would then be sent to and charged for.
 */
export const OUTFLOW_TOLERANCE = 1e-9;

/**
 * Customers of every segment moving through the phases, month by month.
 * Segments, phases and transitions are indexed in document order. Each
 * month's figures for all phases sit side by side, because the simulation
 * steps a whole month at a time: monthly figures are at `[(s * T + t) * P + p]`
 * (see `flowIndex`); populations have one extra month, the end of the
 * horizon, at `[(s * (T + 1) + t) * P + p]` (see `populationIndex`).
 */
export interface CustomerFlow {
  readonly segmentIds: readonly string[];
  readonly phaseIds: readonly string[];
  readonly transitionIds: readonly string[];
  /** T, the planning horizon in months. */
  readonly months: number;
  /** Phase index each transition leaves from and leads to; -1 for a phase that does not exist. */
  readonly transitionFrom: Int32Array;
  readonly transitionTo: Int32Array;
  /** Outgoing rates plus churn as drawn, per `[s * P + p]`; over 1 means the plan was scaled down. */
  readonly outflow: Float64Array;
  /** Monthly shares actually applied, per `[s * P + p]`: staying, and leaving for good. */
  readonly stayRate: Float64Array;
  readonly churnRate: Float64Array;
  /** Monthly share actually moved along each transition, per `[s * R + r]`. */
  readonly transitionRate: Float64Array;
  /** N: customers at the start of each month, and at t = T those left at the end of the horizon. */
  readonly population: Float64Array;
  /** E: customers entering the phase during the month (moved in plus new arrivals). */
  readonly entries: Float64Array;
  /** New customers arriving in the phase from outside during the month. */
  readonly arrivals: Float64Array;
  /** Customers leaving for good from the phase during the month. */
  readonly churned: Float64Array;
  /** Customers moving along each transition during the month, per `[(s * T + t) * R + r]`. */
  readonly transitionFlow: Float64Array;
}

/** Where month `t` of segment `s` in phase `p` sits in the monthly arrays of a flow. */
export function flowIndex(flow: CustomerFlow, s: number, p: number, t: number): number {
  return (s * flow.months + t) * flow.phaseIds.length + p;
}

/** Where the start of month `t` (or, at `t = T`, the horizon's end) sits in `population`. */
export function populationIndex(flow: CustomerFlow, s: number, p: number, t: number): number {
  return (s * (flow.months + 1) + t) * flow.phaseIds.length + p;
}

/**
 * Simulates DOMAIN.md's flow for every segment:
 * `N[p,t+1] = N[p,t]·(1 − Σ_out r − churn) + Σ_in N[q,t]·r[q→p] + arrivals[p]`.
 * A phase whose outgoing rates plus churn exceed 100 % for a segment has all
 * of them scaled down in proportion so they add up to 100 %, which keeps every
 * figure finite and non-negative; `outflow` keeps the figure as drawn so the
 * plan can say so. An outflow within `OUTFLOW_TOLERANCE` of 100 % is scaled
 * to exactly 100 % the same way.
 */
export function simulateCustomerFlow(inputs: FlowInputs): CustomerFlow {
  const { phases, transitions, segments } = inputs;
  const S = segments.length;
  const P = phases.length;
  const R = transitions.length;
  const T = Math.max(0, inputs.horizonMonths);
  const T1 = T + 1;

  const phaseIndex = indexById(phases);
  const transitionFrom = new Int32Array(R);
  const transitionTo = new Int32Array(R);
  transitions.forEach((transition, r) => {
    transitionFrom[r] = phaseIndex.get(transition.from) ?? -1;
    transitionTo[r] = phaseIndex.get(transition.to) ?? -1;
  });

  const outflow = new Float64Array(S * P);
  const stayRate = new Float64Array(S * P);
  const churnRate = new Float64Array(S * P);
  const transitionRate = new Float64Array(S * R);
  const population = new Float64Array(S * P * T1);
  const entries = new Float64Array(S * P * T);
  const arrivals = new Float64Array(S * P * T);
  const churned = new Float64Array(S * P * T);
  const transitionFlow = new Float64Array(S * R * T);
  const arrivalsPerMonth = new Float64Array(P);

  for (let s = 0; s < S; s++) {
    const segmentId = (segments[s] as Segment).id;
    const phaseBase = s * P;
    const transitionBase = s * R;

    for (let p = 0; p < P; p++) {
      const phase = phases[p] as Phase;
      outflow[phaseBase + p] = phase.churnRate;
      population[s * T1 * P + p] = perSegmentValue(phase.initialCustomers, segmentId);
      arrivalsPerMonth[p] = perSegmentValue(phase.arrivalsPerMonth, segmentId);
    }
    for (let r = 0; r < R; r++) {
      const from = transitionFrom[r] as number;
      // A transition with a missing end moves no one: there is nowhere to take customers from or to.
      const rate =
        from < 0 || (transitionTo[r] as number) < 0 ? 0 : rateForSegment(transitions[r] as Transition, segmentId);
      transitionRate[transitionBase + r] = rate;
      if (from >= 0) outflow[phaseBase + from] = (outflow[phaseBase + from] as number) + rate;
    }
    for (let p = 0; p < P; p++) {
      const phase = phases[p] as Phase;
      const total = outflow[phaseBase + p] as number;
      if (total > 1 - OUTFLOW_TOLERANCE) {
        churnRate[phaseBase + p] = phase.churnRate / total;
        stayRate[phaseBase + p] = 0;
      } else {
        churnRate[phaseBase + p] = phase.churnRate;
        stayRate[phaseBase + p] = 1 - total;
      }
    }
    for (let r = 0; r < R; r++) {
      const from = transitionFrom[r] as number;
      const total = from < 0 ? 0 : (outflow[phaseBase + from] as number);
      if (total > 1 - OUTFLOW_TOLERANCE)
        transitionRate[transitionBase + r] = (transitionRate[transitionBase + r] as number) / total;
    }

    for (let t = 0; t < T; t++) {
      const now = (s * T1 + t) * P;
      const next = now + P;
      const month = (s * T + t) * P;
      for (let p = 0; p < P; p++) {
        const n = population[now + p] as number;
        const arriving = arrivalsPerMonth[p] as number;
        arrivals[month + p] = arriving;
        entries[month + p] = arriving;
        churned[month + p] = n * (churnRate[phaseBase + p] as number);
        population[next + p] = n * (stayRate[phaseBase + p] as number) + arriving;
      }
      // Document order of transitions fixes the order of summation, so the same document gives the same bits.
      const moves = (s * T + t) * R;
      for (let r = 0; r < R; r++) {
        const rate = transitionRate[transitionBase + r] as number;
        if (rate === 0) continue;
        const from = transitionFrom[r] as number;
        const to = transitionTo[r] as number;
        const moved = (population[now + from] as number) * rate;
        transitionFlow[moves + r] = moved;
        entries[month + to] = (entries[month + to] as number) + moved;
        population[next + to] = (population[next + to] as number) + moved;
      }
    }
  }

  return {
    segmentIds: segments.map((segment) => segment.id),
    phaseIds: phases.map((phase) => phase.id),
    transitionIds: transitions.map((transition) => transition.id),
    months: T,
    transitionFrom,
    transitionTo,
    outflow,
    stayRate,
    churnRate,
    transitionRate,
    population,
    entries,
    arrivals,
    churned,
    transitionFlow,
  };
}

/**
 * Whether `next` would simulate to exactly the same flow as `previous`. Edits
 * share unchanged objects, so identity answers most of it; a rebuilt object
 * with the same figures (a moved phase, a renamed transition) still counts as
 * unchanged, because the flow reads only the figures.
 */
export function sameFlowInputs(previous: FlowInputs, next: FlowInputs): boolean {
  return (
    previous.horizonMonths === next.horizonMonths &&
    sameElements(previous.segments, next.segments, (a, b) => a.id === b.id) &&
    sameElements(
      previous.phases,
      next.phases,
      (a, b) =>
        a.id === b.id &&
        Object.is(a.churnRate, b.churnRate) &&
        sameRecord(a.initialCustomers, b.initialCustomers) &&
        sameRecord(a.arrivalsPerMonth, b.arrivalsPerMonth),
    ) &&
    sameElements(
      previous.transitions,
      next.transitions,
      (a, b) =>
        a.id === b.id &&
        a.from === b.from &&
        a.to === b.to &&
        Object.is(a.rate, b.rate) &&
        sameRecord(a.rateBySegment, b.rateBySegment),
    )
  );
}

/** Lists of equal length whose items are the same object or equal by `same`, position by position. */
export function sameElements<T>(a: readonly T[], b: readonly T[], same: (a: T, b: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as T;
    const y = b[i] as T;
    if (x !== y && !same(x, y)) return false;
  }
  return true;
}

/** Position of each id; the first wins if an id repeats (the schema forbids that, so it is only a guard). */
export function indexById(items: readonly { readonly id: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (!index.has(item.id)) index.set(item.id, i);
  });
  return index;
}
