import { namesById } from "../model/queries";
import { diffRoadmaps, type RoadmapDifference } from "../model/roadmapDiff";
import { resolveScenario, scenarioChoices } from "../model/scenarios";
import type { Roadmap } from "../model/schema";
import type { BudgetDimension } from "./budget";
import { lifetimeValueOf } from "./lifetimeValue";
import { createPlanEngine, type PlanEngine, type PlanResult } from "./planEngine";
import { worstPressureBySegment } from "./pressure";
import { returnOnInvestment } from "./schedule";

/** The headline figures of one scenario's plan over the horizon. */
export interface ScenarioTotals {
  /** Everything the plan's communications cost. */
  readonly budget: number;
  /** Expected value of the responses. */
  readonly value: number;
  /** (value − budget) / budget; null when nothing is spent. */
  readonly roi: number | null;
  readonly customersAtStart: number;
  readonly arrivals: number;
  readonly churned: number;
  /** Customers still in some phase at the end of the horizon. */
  readonly customersKept: number;
  /** Cohort-months whose contacts exceed a cap (the contact-pressure view's count). */
  readonly collisions: number;
}

/** Cost and value of one group of a scenario's communications: a year, a stage, an owner or a channel. */
export interface ScenarioBreakdownRow {
  /** The stage's, owner's or channel's id; the year's label for years. */
  readonly id: string;
  readonly label: string;
  readonly cost: number;
  readonly value: number;
}

export interface ScenarioSegmentFigures {
  readonly segmentId: string;
  readonly name: string;
  readonly customersKept: number;
  readonly cost: number;
  readonly value: number;
  readonly roi: number | null;
  /** Discounted lifetime value of one customer, as the plan's lifetime-value figures give it; null when undefined. */
  readonly lifetimeValue: number | null;
  readonly collisions: number;
  /** Most contacts one customer cohort of the segment gets in one month. */
  readonly worstContactsPerMonth: number;
}

/** One scenario's plan, in the shape every comparison (view, PDF, workbook, slides, CLI) reads. */
export interface ScenarioFigures {
  readonly scenarioId: string;
  readonly name: string;
  readonly totals: ScenarioTotals;
  readonly byYear: readonly ScenarioBreakdownRow[];
  readonly byStage: readonly ScenarioBreakdownRow[];
  readonly byOwner: readonly ScenarioBreakdownRow[];
  readonly byChannel: readonly ScenarioBreakdownRow[];
  readonly bySegment: readonly ScenarioSegmentFigures[];
}

/** Two or three scenarios side by side, and what each says differently from the first. */
export interface ScenarioComparison {
  readonly scenarios: readonly ScenarioFigures[];
  /** For each scenario after the first: how its roadmap differs from the first's. */
  readonly differences: readonly {
    readonly from: string;
    readonly to: string;
    readonly changes: readonly RoadmapDifference[];
  }[];
}

/**
 * Plans each scenario and puts their figures side by side, in the order given
 * (the first is what the others are compared with). One engine plans them all,
 * one after the other: scenarios with the same phases' churn and transitions
 * share one customer flow, and communications a scenario leaves alone keep
 * their schedules, so such a scenario costs far less than the first.
 *
 * `engines` can also give each scenario an engine of its own, kept by the
 * caller: comparing again after an edit then replans only what the edit
 * changed in each scenario, at the price of a first comparison that shares
 * nothing between scenarios.
 *
 * The ids must be the roadmap's (`scenarioChoices`): callers check names first
 * and say which are unknown, so an unknown id here is a bug.
 */
export function compareScenarios(
  roadmap: Roadmap,
  scenarioIds: readonly string[],
  engines: PlanEngine | ((scenarioId: string) => PlanEngine) = createPlanEngine(),
): ScenarioComparison {
  const engineFor = typeof engines === "function" ? engines : () => engines;
  const choices = new Map(scenarioChoices(roadmap).map((choice) => [choice.id, choice.name]));
  const planned = scenarioIds.map((scenarioId) => {
    const name = choices.get(scenarioId);
    if (name === undefined) throw new Error(`compareScenarios: the roadmap has no scenario "${scenarioId}"`);
    const resolved = resolveScenario(roadmap, scenarioId);
    return { scenarioId, name, resolved, figures: scenarioFigures(resolved, engineFor(scenarioId).run(resolved)) };
  });
  const [first, ...rest] = planned;
  return {
    scenarios: planned.map(({ scenarioId, name, figures }) => ({ scenarioId, name, ...figures })),
    differences: first
      ? rest.map((other) => ({
          from: first.scenarioId,
          to: other.scenarioId,
          changes: diffRoadmaps(first.resolved, other.resolved),
        }))
      : [],
  };
}

/** One planned roadmap's figures, in the comparison's shape. */
export function scenarioFigures(roadmap: Roadmap, plan: PlanResult): Omit<ScenarioFigures, "scenarioId" | "name"> {
  const { budget, customers, pressure, lifetimeValue } = plan;
  const years = budget.overall.byYear;
  const breakdown = (dimension: BudgetDimension, names: ReadonlyMap<string, string>): ScenarioBreakdownRow[] => {
    const { keys, totalCost, totalValue } = budget.byDimension[dimension];
    return keys.map((id, k) => ({
      id,
      label: names.get(id) ?? id,
      cost: totalCost[k] ?? 0,
      value: totalValue[k] ?? 0,
    }));
  };
  const segmentBudget = budget.byDimension.segment;
  const kept = new Map(customers.bySegment.map((counts) => [counts.segmentId, counts.atEnd]));
  const worst = new Map(worstPressureBySegment(pressure).map((cell) => [cell.segmentId, cell.contacts]));
  const collisions = new Map<string, number>();
  for (const collision of pressure.collisions) {
    collisions.set(collision.segmentId, (collisions.get(collision.segmentId) ?? 0) + 1);
  }
  // The phase the plan's lifetime-value table leads with: where customers arrive, else the first phase.
  const entryPhaseId = lifetimeValue.entryPhaseIds[0] ?? lifetimeValue.phaseIds[0];

  return {
    totals: {
      budget: budget.totalCost,
      value: budget.totalValue,
      roi: budget.roi,
      customersAtStart: customers.atStart,
      arrivals: customers.arrivals,
      churned: customers.churned,
      customersKept: customers.atEnd,
      collisions: pressure.collisions.length,
    },
    byYear: years.periods.map((period, j) => ({
      id: period.label,
      label: period.label,
      cost: years.cost[j] ?? 0,
      value: years.value[j] ?? 0,
    })),
    byStage: breakdown("stage", namesById(roadmap.stages)),
    byOwner: breakdown("owner", namesById(roadmap.owners)),
    byChannel: breakdown("channel", namesById(roadmap.channels)),
    bySegment: roadmap.segments.map((segment) => {
      const k = segmentBudget.keys.indexOf(segment.id);
      const cost = k < 0 ? 0 : (segmentBudget.totalCost[k] ?? 0);
      const value = k < 0 ? 0 : (segmentBudget.totalValue[k] ?? 0);
      return {
        segmentId: segment.id,
        name: segment.name,
        customersKept: kept.get(segment.id) ?? 0,
        cost,
        value,
        roi: returnOnInvestment(value, cost),
        lifetimeValue:
          entryPhaseId === undefined ? null : (lifetimeValueOf(lifetimeValue, segment.id, entryPhaseId) ?? null),
        collisions: collisions.get(segment.id) ?? 0,
        worstContactsPerMonth: worst.get(segment.id) ?? 0,
      };
    }),
  };
}
