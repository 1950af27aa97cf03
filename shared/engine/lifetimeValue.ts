import type { Roadmap } from "../model/schema";
import type { CustomerFlow } from "./flow";

/**
 * Expected discounted margin over the horizon of one customer, by segment and
 * the phase the customer enters in, at `[s * P + p]`.
 */
export interface CustomerLifetimeValue {
  readonly segmentIds: readonly string[];
  readonly phaseIds: readonly string[];
  /** Monthly rate equivalent to the roadmap's annual discount rate. */
  readonly monthlyDiscountRate: number;
  /** Margin one customer of each segment brings a month: its annual value / 12. */
  readonly monthlyMargin: Float64Array;
  /** Lifetime value of a customer of segment s entering phase p. */
  readonly values: Float64Array;
  /**
   * Expected discounted months as a customer, the value divided by the
   * margin: compares phases even for a segment whose annual value is not set.
   */
  readonly discountedMonths: Float64Array;
  /** Phases where new customers arrive, in document order: the entry phases a report leads with. */
  readonly entryPhaseIds: readonly string[];
}

/**
 * Markov-chain lifetime value (DOMAIN.md): with the flow's monthly rates as
 * the transition matrix, `CLV[s, p] = Σ_{t<H} margin_s · P(still a customer at
 * t | entered p) / (1 + d)^t`, where being in any phase counts as still a
 * customer and churn ends it. Worked backwards from the horizon (value of
 * having k months left in each phase), which gives every entry phase at once
 * in H matrix-vector steps instead of one forward run per phase.
 */
export function customerLifetimeValue(
  flow: CustomerFlow,
  roadmap: Pick<Roadmap, "segments" | "annualDiscountRate">,
): CustomerLifetimeValue {
  const S = flow.segmentIds.length;
  const P = flow.phaseIds.length;
  const R = flow.transitionIds.length;
  const H = flow.months;
  const monthlyDiscountRate = (1 + roadmap.annualDiscountRate) ** (1 / 12) - 1;
  const discount = 1 / (1 + monthlyDiscountRate);
  const monthlyMargin = Float64Array.from(flow.segmentIds, (_, s) => (roadmap.segments[s]?.annualValue ?? 0) / 12);
  const values = new Float64Array(S * P);
  const discountedMonths = new Float64Array(S * P);

  let remaining = new Float64Array(P);
  let next = new Float64Array(P);
  for (let s = 0; s < S; s++) {
    remaining.fill(0);
    for (let k = 0; k < H; k++) {
      // With k + 1 months left: this month counts in full, the rest as seen from where the customer is next month.
      for (let p = 0; p < P; p++) {
        next[p] = 1 + discount * (flow.stayRate[s * P + p] as number) * (remaining[p] as number);
      }
      for (let r = 0; r < R; r++) {
        const rate = flow.transitionRate[s * R + r] as number;
        if (rate === 0) continue;
        const from = flow.transitionFrom[r] as number;
        next[from] = (next[from] as number) + discount * rate * (remaining[flow.transitionTo[r] as number] as number);
      }
      [remaining, next] = [next, remaining];
    }
    const margin = monthlyMargin[s] as number;
    for (let p = 0; p < P; p++) {
      discountedMonths[s * P + p] = remaining[p] as number;
      values[s * P + p] = margin * (remaining[p] as number);
    }
  }

  const entryPhaseIds = flow.phaseIds.filter((_, p) => {
    for (let s = 0; s < S; s++) if (H > 0 && (flow.arrivals[s * H * P + p] as number) > 0) return true;
    return false;
  });

  return {
    segmentIds: flow.segmentIds,
    phaseIds: flow.phaseIds,
    monthlyDiscountRate,
    monthlyMargin,
    values,
    discountedMonths,
    entryPhaseIds,
  };
}

/** Lifetime value of a customer of the segment entering the phase; undefined when either is not in the plan. */
export function lifetimeValueOf(
  lifetimeValue: CustomerLifetimeValue,
  segmentId: string,
  phaseId: string,
): number | undefined {
  const s = lifetimeValue.segmentIds.indexOf(segmentId);
  const p = lifetimeValue.phaseIds.indexOf(phaseId);
  return s < 0 || p < 0 ? undefined : lifetimeValue.values[s * lifetimeValue.phaseIds.length + p];
}
