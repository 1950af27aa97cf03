import { defaultChannels, defaultStages, emptySegmentStrategy, emptyWorkshopFields } from "../defaults";
import {
  COMMUNICATION_STATUSES,
  type Communication,
  CURRENT_SCHEMA_VERSION,
  type Owner,
  PERSONALISATION_LEVELS,
  type Phase,
  PURPOSES,
  ROADMAP_FILE_TYPE,
  type Roadmap,
  type Segment,
  type Timing,
  type Transition,
} from "../schema";

export interface GenerateRoadmapOptions {
  phases: number;
  /** Average outgoing transitions per phase; 1.5 with 3,000 phases gives 4,500 transitions. */
  transitionsPerPhase: number;
  communications: number;
  segments: number;
  /** Same seed, same roadmap: benchmarks and tests stay comparable between runs. */
  seed: number;
}

const SEGMENT_COLORS = ["#1f4e79", "#2e86ab", "#f18f01", "#c73e1d", "#3b1f2b", "#6a994e", "#7b2cbf", "#4f5d75"];
const HORIZON_MONTHS = 24;
const PHASES_PER_COLUMN = 20;

/**
 * A valid roadmap of any size, for benchmarks of the file format, the canvas
 * and the engine. Phases form one chain (so every phase is reachable) plus
 * random extra transitions; every phase's outgoing rates and churn stay
 * below 1 for every segment, as the engine expects of a real roadmap.
 */
export function generateRoadmap(options: GenerateRoadmapOptions): Roadmap {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const stages = defaultStages();
  const channels = defaultChannels();

  const segments: Segment[] = Array.from({ length: Math.max(1, options.segments) }, (_, i) => ({
    id: `segment-${i + 1}`,
    name: `Segment ${i + 1}`,
    annualValue: Math.round(random() * 20_000),
    color: SEGMENT_COLORS[i % SEGMENT_COLORS.length] as string,
    strategy: emptySegmentStrategy(),
  }));
  const perSegment = (max: number) =>
    Object.fromEntries(segments.map((segment) => [segment.id, Math.floor(random() * max)]));

  const phases: Phase[] = Array.from({ length: options.phases }, (_, i) => ({
    id: `phase-${i + 1}`,
    name: `Phase ${i + 1}`,
    stageId: (stages[Math.floor((i / options.phases) * stages.length)] ?? pick(stages)).id,
    description: `Customers in phase ${i + 1} of a generated roadmap.`,
    objectives: ["Keep customers moving on"],
    productsHeld: ["Core product"],
    customerLifestage: "",
    kpis: [
      { id: `kpi-${i + 1}`, name: "Conversion", target: Math.round(random() * 100), unit: "%", timeframe: "monthly" },
    ],
    initialCustomers: perSegment(1_000),
    arrivalsPerMonth: i === 0 ? perSegment(200) : {},
    churnRate: round(random() * 0.05),
    relationshipStrength: null,
    position: { x: Math.floor(i / PHASES_PER_COLUMN) * 300, y: (i % PHASES_PER_COLUMN) * 150 },
  }));

  const transitions = generateTransitions(phases, options, random);

  const owners: Owner[] = [
    { id: "owner-product-a", name: "Product A", kind: "productManagement", partnerType: null },
    { id: "owner-product-b", name: "Product B", kind: "productManagement", partnerType: null },
    { id: "owner-marketing", name: "Marketing", kind: "marketing", partnerType: null },
    { id: "owner-partners", name: "Partners", kind: "partnerChannel", partnerType: "reseller" },
  ];
  const roles = [
    { id: "role-buyer", name: "Economic buyer" },
    { id: "role-admin", name: "Admin" },
    { id: "role-user", name: "End user" },
  ];

  const communications: Communication[] = Array.from(
    { length: phases.length === 0 ? 0 : options.communications },
    (_, i) => {
      const channel = pick(channels);
      return {
        id: `comm-${i + 1}`,
        phaseId: pick(phases).id,
        name: `Communication ${i + 1}`,
        purpose: pick(PURPOSES),
        channelId: channel.id,
        ownerId: pick(owners).id,
        audience: {
          segmentIds: random() < 0.5 ? [] : [pick(segments).id],
          roleIds: random() < 0.5 ? [] : [pick(roles).id],
          share: round(0.2 + random() * 0.8),
        },
        timing: generateTiming(i, random),
        personalisation: pick(PERSONALISATION_LEVELS),
        // Most communications pay their channel's costs; some were negotiated on their own.
        fixedCost: random() < 0.8 ? null : Math.round(random() * 2_000),
        costPerContact: random() < 0.8 ? null : round(random() * 5),
        responseRate: round(random() * 0.2),
        valuePerResponse: Math.round(random() * 500),
        status: pick(COMMUNICATION_STATUSES),
        notes: "",
      };
    },
  );

  return {
    type: ROADMAP_FILE_TYPE,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: `generated-${options.seed}`,
    name: `Generated roadmap (${options.phases} phases, seed ${options.seed})`,
    client: "Generated client",
    preparedBy: "",
    currency: "EUR",
    startMonth: "2027-01",
    horizonMonths: HORIZON_MONTHS,
    annualDiscountRate: 0.1,
    contactCap: 4,
    notes: "",
    createdAt: "2027-01-01T00:00:00.000Z",
    updatedAt: "2027-01-01T00:00:00.000Z",
    stages,
    phases,
    transitions,
    segments,
    owners,
    channels,
    roles,
    communications,
    ...emptyWorkshopFields(),
  };
}

function generateTransitions(phases: Phase[], options: GenerateRoadmapOptions, random: () => number): Transition[] {
  if (phases.length < 2) return [];
  const wanted = Math.min(Math.round(phases.length * options.transitionsPerPhase), phases.length * (phases.length - 1));
  const pairs: [number, number][] = [];
  const taken = new Set<string>();
  const add = (from: number, to: number) => {
    const key = `${from}>${to}`;
    if (from === to || taken.has(key)) return;
    taken.add(key);
    pairs.push([from, to]);
  };
  for (let i = 0; i + 1 < phases.length && pairs.length < wanted; i++) add(i, i + 1);
  while (pairs.length < wanted) add(Math.floor(random() * phases.length), Math.floor(random() * phases.length));

  const outDegree = new Map<number, number>();
  for (const [from] of pairs) outDegree.set(from, (outDegree.get(from) ?? 0) + 1);
  // Rates are bounded by what the phase's churn leaves over, split between its transitions.
  const budget = (from: number) => (0.9 - (phases[from]?.churnRate ?? 0)) / (outDegree.get(from) ?? 1);
  return pairs.map(
    ([from, to], i): Transition => ({
      id: `transition-${i + 1}`,
      from: `phase-${from + 1}`,
      to: `phase-${to + 1}`,
      rate: round(random() * budget(from)),
      rateBySegment: random() < 0.2 ? { "segment-1": round(random() * budget(from)) } : {},
      trigger: `Trigger ${i + 1}`,
      markedAsLoop: false,
    }),
  );
}

function generateTiming(index: number, random: () => number): Timing {
  switch (index % 3) {
    case 0:
      return { kind: "onEntry", offsetMonths: Math.floor(random() * 4) };
    case 1:
      return { kind: "recurring", everyMonths: 1 + Math.floor(random() * 6) };
    default:
      return { kind: "oneOff", month: Math.floor(random() * HORIZON_MONTHS) };
  }
}

/** Rounds down to 4 decimals, so rounding never lifts a rate over its budget. */
function round(value: number): number {
  return Math.floor(value * 10_000) / 10_000;
}

/** Small, fast, seedable PRNG; the quality is plenty for test data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
