import { planRoadmap } from "../engine/planEngine";
import type { Roadmap } from "../model/schema";
import type { RoadmapTemplate } from "../model/templates";

/** A template's size and what its plan costs and buys, as the README describes each template. */
export interface TemplateFacts {
  id: string;
  name: string;
  industry: string;
  currency: string;
  horizonMonths: number;
  phases: number;
  transitions: number;
  segments: number;
  owners: number;
  /** Names of the owners that are indirect channels (dealers, brokers…). */
  partnerChannels: string[];
  channels: number;
  /** Not counting retired ones, which send nothing. */
  communications: number;
  customersAtStart: number;
  arrivalsPerMonth: number;
  /** The plan's total cost spread evenly over its years. */
  yearlyBudget: number;
  yearlyValue: number;
  roi: number | null;
  /** Names of the segments, value creators first as each template lists them. */
  segmentNames: string[];
}

/** The facts of one template's roadmap, computed by the planning engine. */
export function templateFacts(template: RoadmapTemplate, roadmap: Roadmap = template.create()): TemplateFacts {
  const plan = planRoadmap(roadmap);
  const perYear = 12 / roadmap.horizonMonths;
  return {
    id: template.id,
    name: template.name,
    industry: template.industry,
    currency: roadmap.currency,
    horizonMonths: roadmap.horizonMonths,
    phases: roadmap.phases.length,
    transitions: roadmap.transitions.length,
    segments: roadmap.segments.length,
    owners: roadmap.owners.length,
    partnerChannels: roadmap.owners.filter((o) => o.kind === "partnerChannel").map((o) => o.name),
    channels: roadmap.channels.length,
    communications: roadmap.communications.filter((c) => c.status !== "retired").length,
    customersAtStart: plan.customers.atStart,
    arrivalsPerMonth: plan.customers.arrivals / roadmap.horizonMonths,
    yearlyBudget: plan.budget.totalCost * perYear,
    yearlyValue: plan.budget.totalValue * perYear,
    roi: plan.budget.roi,
    segmentNames: roadmap.segments.map((s) => s.name),
  };
}

const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Money rounded to thousands, as a reader compares budgets: "€1,242,000". */
function roundedMoney(value: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(
    Math.round(value / 1000) * 1000,
  );
}

/**
 * The README's table of the gallery, one row per template, from the engine's
 * numbers; a test keeps the README's copy equal to it.
 */
export function templateGalleryMarkdown(templates: readonly RoadmapTemplate[]): string {
  const rows = templates.map((template) => {
    const f = templateFacts(template);
    const roi = f.roi === null ? "—" : `${count.format(f.roi * 100)} %`;
    return `| ${f.name} (\`${f.id}\`) | ${f.industry} | ${f.phases} | ${f.transitions} | ${f.segments} | ${f.communications} | ${f.partnerChannels.join(", ") || "—"} | ${count.format(f.customersAtStart)} | ${count.format(f.arrivalsPerMonth)} | ${f.horizonMonths} | ${roundedMoney(f.yearlyBudget, f.currency)} | ${roundedMoney(f.yearlyValue, f.currency)} | ${roi} |`;
  });
  return [
    "| Template (id) | Industry | Phases | Transitions | Segments | Communications | Partner channel | Customers at start | New a month | Months | Budget a year | Expected value a year | ROI |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}
