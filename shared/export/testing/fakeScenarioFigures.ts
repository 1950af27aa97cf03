import type { ScenarioFigures, ScenarioSegmentFigures, ScenarioTotals } from "../../engine/scenarioComparison";

/** A scenario's figures for tests of what shows and exports them, with every figure given or zero. */
export function fakeScenarioFigures(
  scenarioId: string,
  name: string,
  figures: {
    totals?: Partial<ScenarioTotals>;
    byYear?: ScenarioFigures["byYear"];
    byStage?: ScenarioFigures["byStage"];
    byOwner?: ScenarioFigures["byOwner"];
    byChannel?: ScenarioFigures["byChannel"];
    bySegment?: readonly (Pick<ScenarioSegmentFigures, "segmentId" | "name"> & Partial<ScenarioSegmentFigures>)[];
  } = {},
): ScenarioFigures {
  return {
    scenarioId,
    name,
    totals: {
      budget: 0,
      value: 0,
      roi: null,
      customersAtStart: 0,
      arrivals: 0,
      churned: 0,
      customersKept: 0,
      collisions: 0,
      ...figures.totals,
    },
    byYear: figures.byYear ?? [],
    byStage: figures.byStage ?? [],
    byOwner: figures.byOwner ?? [],
    byChannel: figures.byChannel ?? [],
    bySegment: (figures.bySegment ?? []).map((segment) => ({
      customersKept: 0,
      cost: 0,
      value: 0,
      roi: null,
      lifetimeValue: null,
      collisions: 0,
      worstContactsPerMonth: 0,
      ...segment,
    })),
  };
}
