import type { PlanResult } from "./planEngine";

/** How one headline figure moved between two plans. */
export interface FigureMovement {
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** ROI is undefined for a plan that spends nothing, so its movement may be too. */
export interface RoiMovement {
  readonly before: number | null;
  readonly after: number | null;
  /** Null when either plan's ROI is. */
  readonly change: number | null;
}

/** How the totals moved from one plan to another: what a comparison of two versions or scenarios leads with. */
export interface PlanMovement {
  readonly budget: FigureMovement;
  readonly value: FigureMovement;
  readonly roi: RoiMovement;
  /** Customers still in some phase at the end of the horizon. */
  readonly customersKept: FigureMovement;
  /** Cohort-months whose contacts exceed a cap, as the contact-pressure view counts them. */
  readonly collisions: FigureMovement;
}

/** The budget, value, ROI, customers kept and collisions of two plans, each with its change (after − before). */
export function planMovement(before: PlanResult, after: PlanResult): PlanMovement {
  const figure = (of: (plan: PlanResult) => number): FigureMovement => {
    const from = of(before);
    const to = of(after);
    return { before: from, after: to, change: to - from };
  };
  const roiBefore = before.budget.roi;
  const roiAfter = after.budget.roi;
  return {
    budget: figure((plan) => plan.budget.totalCost),
    value: figure((plan) => plan.budget.totalValue),
    roi: {
      before: roiBefore,
      after: roiAfter,
      change: roiBefore === null || roiAfter === null ? null : roiAfter - roiBefore,
    },
    customersKept: figure((plan) => plan.customers.atEnd),
    collisions: figure((plan) => plan.pressure.collisions.length),
  };
}
