import type { SliceContext } from "../../app/appStore";
import type { PlanSummary } from "./planService";

/** The plan computed from the open roadmap: what it costs, buys and where it collides. */
export interface PlanSlice {
  plan: PlanSummary | null;
  /** The plan is for an older version of the document; a new one is on its way. */
  planStale: boolean;
  planError: string | null;
}

/**
 * Keeps the plan in step with the document: every new version is sent to the
 * plan service, and its answer, if it is still about the open roadmap, lands here.
 */
export function createPlanSlice({ set, get, services }: SliceContext): PlanSlice {
  services.planner.onResult((outcome) => {
    if (outcome.roadmapId !== get().document?.id) return;
    if ("error" in outcome) set({ planError: outcome.error, planStale: false });
    else set({ plan: outcome.result, planError: null, planStale: false });
  });
  return { plan: null, planStale: false, planError: null };
}
