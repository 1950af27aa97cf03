import type { ReactNode } from "react";
import { useAppState } from "../../app/AppStoreContext";
import type { PlanSummary } from "./planService";

/**
 * What every plan view shows before it has numbers: why the plan failed, or
 * that it is on its way. Its children render only with a plan in hand.
 */
export function PlanGate({ children }: { children: (plan: PlanSummary, stale: boolean) => ReactNode }) {
  const plan = useAppState((state) => state.plan);
  const stale = useAppState((state) => state.planStale);
  const error = useAppState((state) => state.planError);
  if (error) {
    return (
      <p className="plan-message" role="alert">
        The plan could not be computed: {error}
      </p>
    );
  }
  if (!plan) return <p className="plan-message muted">Computing the plan…</p>;
  return children(plan, stale);
}
