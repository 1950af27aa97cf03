import { createRoadmap } from "../createRoadmap";
import { defaultChannels, emptySegmentStrategy } from "../defaults";
import type {
  Channel,
  Communication,
  LifecycleStage,
  Owner,
  Phase,
  Purpose,
  Roadmap,
  Segment,
  SegmentStrategy,
  Timing,
  Transition,
} from "../schema";

/**
 * Builders the gallery's templates share, so each template file holds only
 * what is particular to its industry: its figures and its words.
 */

/** Distance between phases laid out side by side, and between lanes; wider than a phase card. */
const COLUMN_WIDTH = 300;
const LANE_HEIGHT = 220;

/** Maps figures given in the template's segment order to the per-segment record a phase stores. */
export function segmentFigures(segmentIds: readonly string[]) {
  return (...figures: number[]): Record<string, number> =>
    Object.fromEntries(segmentIds.flatMap((id, i) => (figures[i] ? [[id, figures[i]]] : [])));
}

export function segment(
  id: string,
  name: string,
  annualValue: number,
  color: string,
  strategy: Partial<SegmentStrategy>,
): Segment {
  return { id, name, annualValue, color, strategy: { ...emptySegmentStrategy(), ...strategy } };
}

export interface PhaseSpec {
  id: string;
  name: string;
  stageId: string;
  description: string;
  objectives: string[];
  productsHeld: string[];
  customerLifestage: string;
  /** Name, target, unit and timeframe of each KPI. */
  kpis: [name: string, target: number, unit: string, timeframe: string][];
  initialCustomers: Record<string, number>;
  arrivalsPerMonth?: Record<string, number>;
  churnRate: number;
  /** Row on the canvas: 0 the main line, -1 above it, 1 below it. */
  lane?: number;
}

/**
 * Phases ordered by their stage's place in the lifecycle and laid out left to
 * right in that order, one column each, so the canvas reads like the lifecycle.
 */
export function layOutPhases(specs: readonly PhaseSpec[], stages: readonly LifecycleStage[]): Phase[] {
  const stageOrder = new Map(stages.map((stage, i) => [stage.id, i]));
  const rank = (spec: PhaseSpec) => stageOrder.get(spec.stageId) ?? stages.length;
  const ordered = [...specs].sort((a, b) => rank(a) - rank(b));
  return ordered.map(({ kpis, lane = 0, arrivalsPerMonth = {}, ...spec }, column) => ({
    ...spec,
    kpis: kpis.map(([name, target, unit, timeframe], i) => ({
      id: `${spec.id}-kpi-${i + 1}`,
      name,
      target,
      unit,
      timeframe,
    })),
    arrivalsPerMonth,
    relationshipStrength: null,
    position: { x: column * COLUMN_WIDTH, y: lane * LANE_HEIGHT },
  }));
}

/** A transition whose id says where it goes; `rateBySegment` overrides the rate for some segments. Whether it is a loop follows from its stages. */
export function transition(
  from: string,
  to: string,
  rate: number,
  trigger: string,
  rateBySegment: Record<string, number> = {},
): Transition {
  return { id: `tr-${from}-to-${to}`, from, to, rate, rateBySegment, trigger, markedAsLoop: false };
}

export function owner(id: string, name: string, kind: Owner["kind"], partnerType: Owner["partnerType"] = null): Owner {
  return { id, name, kind, partnerType };
}

export type ChannelPrice = Pick<Channel, "name" | "fixedCost" | "costPerContact"> &
  Partial<Pick<Channel, "contactCap">>;

/** The default channels the template uses, in their usual order, at the industry's prices. */
export function pricedChannels(prices: Readonly<Record<string, ChannelPrice>>): Channel[] {
  return defaultChannels().flatMap((channel) => {
    const price = prices[channel.id];
    return price ? [{ ...channel, ...price }] : [];
  });
}

export const onEntry = (offsetMonths = 0): Timing => ({ kind: "onEntry", offsetMonths });
export const every = (everyMonths: number): Timing => ({ kind: "recurring", everyMonths });
export const oneOff = (month: number): Timing => ({ kind: "oneOff", month });

export interface CommunicationSpec {
  id: string;
  phaseId: string;
  name: string;
  purpose: Purpose;
  channelId: string;
  ownerId: string;
  timing: Timing;
  responseRate: number;
  valuePerResponse: number;
  /** Segments reached; every segment when left out. */
  segmentIds?: string[];
  roleIds?: string[];
  share?: number;
  personalisation?: Communication["personalisation"];
  /** Left out: the channel's costs. */
  fixedCost?: number;
  costPerContact?: number;
  status?: Communication["status"];
  notes?: string;
}

export function communication({
  segmentIds = [],
  roleIds = [],
  share = 1,
  personalisation = "segment",
  fixedCost,
  costPerContact,
  status = "existing",
  notes = "",
  ...spec
}: CommunicationSpec): Communication {
  return {
    ...spec,
    audience: { segmentIds, roleIds, share },
    personalisation,
    fixedCost: fixedCost ?? null,
    costPerContact: costPerContact ?? null,
    status,
    notes,
  };
}

export interface TemplateSpec {
  name: string;
  client: string;
  currency: string;
  horizonMonths: number;
  notes: string;
  segments: Segment[];
  phases: PhaseSpec[];
  transitions: Transition[];
  owners: Owner[];
  channels: Channel[];
  roles?: Roadmap["roles"];
  communications: Communication[];
}

/**
 * A template's roadmap: everything a blank roadmap has (stages, file fields,
 * a start next month), with the template's lifecycle, people and plan in it.
 */
export function buildTemplate(spec: TemplateSpec, now: Date): Roadmap {
  const blank = createRoadmap({
    now,
    name: spec.name,
    client: spec.client,
    currency: spec.currency,
    horizonMonths: spec.horizonMonths,
  });
  return {
    ...blank,
    notes: spec.notes,
    phases: layOutPhases(spec.phases, blank.stages),
    transitions: spec.transitions,
    segments: spec.segments,
    owners: spec.owners,
    channels: spec.channels,
    roles: spec.roles ?? [],
    communications: spec.communications,
  };
}
