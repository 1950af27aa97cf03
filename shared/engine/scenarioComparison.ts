import type { RoadmapDifference } from "../model/roadmapDiff";

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
