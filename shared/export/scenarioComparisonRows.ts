import type {
  ScenarioBreakdownRow,
  ScenarioComparison,
  ScenarioFigures,
  ScenarioSegmentFigures,
  ScenarioTotals,
} from "../engine/scenarioComparison";
import { scenarioChoices } from "../model/scenarios";
import type { Roadmap } from "../model/schema";

/** The most scenarios a comparison puts side by side (on screen, in the report). */
export const MAX_COMPARED_SCENARIOS = 3;

/** How a compared figure reads: an amount of money, a count of customers or contacts, or a return on investment. */
export type FigureKind = "money" | "count" | "roi";

/** How a scenario's figure differs from the first scenario's: by how much, and by what share of it. */
export interface FigureChange {
  readonly absolute: number;
  /** The change as a share of the first scenario's figure; null when that figure is zero. */
  readonly relative: number | null;
}

/** One figure across the compared scenarios, the first scenario's first. */
export interface ComparedFigure {
  readonly key: string;
  readonly label: string;
  readonly kind: FigureKind;
  /** One per scenario; null where the figure is undefined (an ROI with nothing spent). */
  readonly values: readonly (number | null)[];
  /** One per scenario after the first; null where either figure is undefined. */
  readonly changes: readonly (FigureChange | null)[];
}

/** Whether a scenario's roadmap has anything to compare: its base plan and at least one scenario. */
export function hasScenariosToCompare(roadmap: Pick<Roadmap, "scenarios">): boolean {
  return roadmap.scenarios.length > 0;
}

/**
 * The scenarios a comparison starts with: the base plan and the roadmap's
 * first scenarios, up to `MAX_COMPARED_SCENARIOS` in all.
 */
export function defaultComparedScenarios(roadmap: Roadmap): string[] {
  return scenarioChoices(roadmap)
    .slice(0, MAX_COMPARED_SCENARIOS)
    .map((choice) => choice.id);
}

function change(first: number | null, other: number | null): FigureChange | null {
  if (first === null || other === null) return null;
  return { absolute: other - first, relative: first === 0 ? null : (other - first) / Math.abs(first) };
}

function compared(key: string, label: string, kind: FigureKind, values: readonly (number | null)[]): ComparedFigure {
  const [first = null, ...rest] = values;
  return { key, label, kind, values, changes: rest.map((value) => change(first, value)) };
}

const TOTALS: readonly { key: keyof ScenarioTotals; label: string; kind: FigureKind }[] = [
  { key: "budget", label: "Budget", kind: "money" },
  { key: "value", label: "Expected value", kind: "money" },
  { key: "roi", label: "ROI", kind: "roi" },
  { key: "customersAtStart", label: "Customers at the start", kind: "count" },
  { key: "arrivals", label: "New customers", kind: "count" },
  { key: "churned", label: "Customers lost", kind: "count" },
  { key: "customersKept", label: "Customers kept", kind: "count" },
  { key: "collisions", label: "Collisions", kind: "count" },
];

/** The headline figures of each scenario, with each one's difference from the first scenario's. */
export function comparedTotals(comparison: ScenarioComparison): ComparedFigure[] {
  return TOTALS.map(({ key, label, kind }) =>
    compared(
      key,
      label,
      kind,
      comparison.scenarios.map((scenario) => scenario.totals[key]),
    ),
  );
}

/** The breakdowns a comparison shows, in the order it shows them. */
export const COMPARED_BREAKDOWNS = [
  { key: "byYear", title: "Budget by year", heading: "Year" },
  { key: "byStage", title: "Budget by stage", heading: "Stage" },
  { key: "byOwner", title: "Budget by owner", heading: "Owner" },
  { key: "byChannel", title: "Budget by channel", heading: "Channel" },
] as const satisfies readonly { key: keyof ScenarioFigures; title: string; heading: string }[];

export type ComparedBreakdown = (typeof COMPARED_BREAKDOWNS)[number]["key"];

/** One year, stage, owner or channel across the scenarios: what each spends and expects back on it. */
export interface ComparedBreakdownRow {
  readonly id: string;
  readonly label: string;
  readonly cost: ComparedFigure;
  readonly value: ComparedFigure;
}

/**
 * A breakdown of each scenario lined up by group: every year, stage, owner or
 * channel any scenario has, in the order the scenarios list them (the first
 * scenario's, then those only a later one has), 0 where a scenario has none.
 */
export function comparedBreakdown(comparison: ScenarioComparison, key: ComparedBreakdown): ComparedBreakdownRow[] {
  const labels = new Map<string, string>();
  for (const scenario of comparison.scenarios) {
    for (const row of scenario[key]) if (!labels.has(row.id)) labels.set(row.id, row.label);
  }
  const byId = comparison.scenarios.map(
    (scenario) => new Map<string, ScenarioBreakdownRow>(scenario[key].map((row) => [row.id, row])),
  );
  return [...labels].map(([id, label]) => ({
    id,
    label,
    cost: compared(
      `${id}:cost`,
      label,
      "money",
      byId.map((rows) => rows.get(id)?.cost ?? 0),
    ),
    value: compared(
      `${id}:value`,
      label,
      "money",
      byId.map((rows) => rows.get(id)?.value ?? 0),
    ),
  }));
}

const SEGMENT_FIGURES: readonly {
  key: Exclude<keyof ScenarioSegmentFigures, "segmentId" | "name">;
  label: string;
  kind: FigureKind;
}[] = [
  { key: "customersKept", label: "Customers kept", kind: "count" },
  { key: "cost", label: "Cost", kind: "money" },
  { key: "value", label: "Expected value", kind: "money" },
  { key: "roi", label: "ROI", kind: "roi" },
  { key: "lifetimeValue", label: "Lifetime value", kind: "money" },
  { key: "collisions", label: "Collisions", kind: "count" },
  { key: "worstContactsPerMonth", label: "Most contacts a month", kind: "count" },
];

/** One segment across the scenarios: each of its figures, with the differences from the first scenario. */
export interface ComparedSegment {
  readonly segmentId: string;
  readonly name: string;
  readonly figures: readonly ComparedFigure[];
}

/** Each segment any scenario has, in the first scenario's order, its figures side by side. */
export function comparedSegments(comparison: ScenarioComparison): ComparedSegment[] {
  const names = new Map<string, string>();
  for (const scenario of comparison.scenarios) {
    for (const segment of scenario.bySegment)
      if (!names.has(segment.segmentId)) names.set(segment.segmentId, segment.name);
  }
  return [...names].map(([segmentId, name]) => {
    const figures = comparison.scenarios.map((scenario) =>
      scenario.bySegment.find((segment) => segment.segmentId === segmentId),
    );
    return {
      segmentId,
      name,
      figures: SEGMENT_FIGURES.map(({ key, label, kind }) =>
        compared(
          key,
          label,
          kind,
          figures.map((segment) => segment?.[key] ?? null),
        ),
      ),
    };
  });
}

/** Whether a figure says what something costs or earns, so a view or report hiding costs leaves it out. */
export function isAboutMoney(figure: { kind: FigureKind }): boolean {
  return figure.kind === "money" || figure.kind === "roi";
}
