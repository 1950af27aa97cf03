import fc from "fast-check";
import { defaultChannels, defaultStages, emptySegmentStrategy, emptyWorkshopFields } from "../../model/defaults";
import {
  COMMUNICATION_STATUSES,
  type Communication,
  CURRENT_SCHEMA_VERSION,
  type Phase,
  PURPOSES,
  ROADMAP_FILE_TYPE,
  type Roadmap,
  type Segment,
  type Timing,
  type Transition,
} from "../../model/schema";
import { generateRoadmap } from "../../model/testing/generateRoadmap";

/**
 * Random roadmaps for property tests. Figures are drawn as whole numbers
 * scaled down, so they look like what a user types (0.35, 12.5) rather than
 * the extremes a float generator favours (5e-324), which no plan contains.
 */

const share = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((n) => n / 1000);
const amount = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
const customers = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000 }));

const OWNER_IDS = ["owner-a", "owner-b", "owner-c"];

/** A phase's figures for one of up to three segments. */
const phaseFigures = fc.record({
  initial: fc.array(customers, { minLength: 3, maxLength: 3 }),
  arrivals: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 })), { minLength: 3, maxLength: 3 }),
  churn: fc.oneof(fc.constant(0), share(0.5)),
});

const transitionFigures = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  // Up to 70 % each, so a phase with two or more often adds up to more than 100 %.
  rate: share(0.7),
  override: fc.option(fc.record({ segment: fc.nat(), rate: share(0.7) }), { nil: null }),
});

const timingFigures: fc.Arbitrary<(horizon: number) => Timing> = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((offsetMonths) => () => ({ kind: "onEntry", offsetMonths }) as const),
  fc.integer({ min: 1, max: 7 }).map((everyMonths) => () => ({ kind: "recurring", everyMonths }) as const),
  fc.nat().map((month) => (horizon: number) => ({ kind: "oneOff", month: month % horizon }) as const),
);

const communicationFigures = fc.record({
  phase: fc.nat(),
  timing: timingFigures,
  segments: fc.oneof(fc.constant([] as number[]), fc.uniqueArray(fc.nat({ max: 2 }), { minLength: 1, maxLength: 3 })),
  share: fc.oneof(fc.constant(1), share(1)),
  // Null: the channel's default, as most communications in a real roadmap.
  fixedCost: fc.oneof(fc.constant(null), fc.constant(0), amount(2_000)),
  costPerContact: fc.oneof(fc.constant(null), fc.constant(0), amount(50)),
  responseRate: share(0.5),
  valuePerResponse: amount(1_000),
  status: fc.constantFrom(...COMMUNICATION_STATUSES),
  purpose: fc.constantFrom(...PURPOSES),
  channel: fc.nat(),
  owner: fc.nat(),
});

/**
 * Small hand-built roadmaps: 1–3 segments, 1–6 phases, any transitions
 * between different phases (so loops, dead ends and outflows over 100 %
 * happen), 0–14 communications of every timing. Valid by the schema.
 */
export const smallRoadmaps: fc.Arbitrary<Roadmap> = fc
  .record({
    segments: fc.array(amount(50_000), { minLength: 1, maxLength: 3 }),
    phases: fc.array(phaseFigures, { minLength: 1, maxLength: 6 }),
    transitions: fc.array(transitionFigures, { maxLength: 10 }),
    communications: fc.array(communicationFigures, { maxLength: 14 }),
    horizonMonths: fc.integer({ min: 1, max: 36 }),
    contactCap: fc.integer({ min: 1, max: 4 }),
    channelCaps: fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), { minLength: 10, maxLength: 10 }),
    annualDiscountRate: share(0.5),
  })
  .map((figures) => {
    const segments: Segment[] = figures.segments.map((annualValue, i) => segment(`segment-${i + 1}`, annualValue));
    const segmentId = (i: number) => (segments[i % segments.length] as Segment).id;
    const perSegment = (values: number[]) =>
      Object.fromEntries(segments.map((s, i) => [s.id, values[i] ?? 0]).filter(([, n]) => n !== 0));
    const phases: Phase[] = figures.phases.map((p, i) => ({
      ...blankPhase(`phase-${i + 1}`),
      initialCustomers: perSegment(p.initial),
      arrivalsPerMonth: perSegment(p.arrivals),
      churnRate: p.churn,
    }));
    const phaseId = (i: number) => (phases[i % phases.length] as Phase).id;
    const seen = new Set<string>();
    const transitions: Transition[] = [];
    for (const t of figures.transitions) {
      const from = phaseId(t.from);
      const to = phaseId(t.to);
      if (from === to || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      transitions.push({
        id: `transition-${transitions.length + 1}`,
        from,
        to,
        rate: t.rate,
        rateBySegment: t.override ? { [segmentId(t.override.segment)]: t.override.rate } : {},
        trigger: "",
        markedAsLoop: false,
      });
    }
    const channels = defaultChannels().map((channel, i) => ({
      ...channel,
      contactCap: figures.channelCaps[i] ?? null,
    }));
    const communications: Communication[] = figures.communications.map((c, i) => ({
      id: `comm-${i + 1}`,
      phaseId: phaseId(c.phase),
      name: `Communication ${i + 1}`,
      purpose: c.purpose,
      channelId: (channels[c.channel % channels.length] as (typeof channels)[number]).id,
      ownerId: OWNER_IDS[c.owner % OWNER_IDS.length] as string,
      audience: { segmentIds: [...new Set(c.segments.map(segmentId))], roleIds: [], share: c.share },
      timing: c.timing(figures.horizonMonths),
      personalisation: "mass",
      fixedCost: c.fixedCost,
      costPerContact: c.costPerContact,
      responseRate: c.responseRate,
      valuePerResponse: c.valuePerResponse,
      status: c.status,
      notes: "",
    }));
    return {
      ...emptyRoadmap(),
      horizonMonths: figures.horizonMonths,
      contactCap: figures.contactCap,
      annualDiscountRate: figures.annualDiscountRate,
      segments,
      phases,
      transitions,
      channels,
      communications,
    };
  });

/** Roadmaps from `generateRoadmap` with a random seed and size, over 24 to 60 months. */
export const generatedRoadmaps: fc.Arbitrary<Roadmap> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    phases: fc.integer({ min: 1, max: 30 }),
    transitionsPerPhase: fc.integer({ min: 0, max: 30 }).map((n) => n / 10),
    communications: fc.integer({ min: 0, max: 60 }),
    segments: fc.integer({ min: 1, max: 4 }),
    // The generator's one-off sends fall in the first 24 months, so a shorter horizon would be invalid.
    horizonMonths: fc.integer({ min: 24, max: 60 }),
  })
  .map(({ horizonMonths, ...options }) => ({ ...generateRoadmap(options), horizonMonths }));

/** Either kind of random roadmap. */
export const randomRoadmaps: fc.Arbitrary<Roadmap> = fc.oneof(smallRoadmaps, generatedRoadmaps);

/** A roadmap with fixed ids and dates and nothing in it yet: a base for hand-built test cases. */
export function emptyRoadmap(): Roadmap {
  return {
    type: ROADMAP_FILE_TYPE,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: "roadmap-test",
    name: "Test roadmap",
    client: "",
    preparedBy: "",
    currency: "EUR",
    startMonth: "2027-01",
    horizonMonths: 12,
    annualDiscountRate: 0,
    contactCap: 4,
    notes: "",
    createdAt: "2026-12-01T09:00:00.000Z",
    updatedAt: "2026-12-01T09:00:00.000Z",
    stages: defaultStages(),
    phases: [],
    transitions: [],
    segments: [segment("segment-1", 0)],
    owners: OWNER_IDS.map((id) => ({ id, name: id, kind: "marketing", partnerType: null })),
    channels: defaultChannels(),
    roles: [],
    communications: [],
    ...emptyWorkshopFields(),
  };
}

/** One phase ("phase-1", named `phaseName`) of 100 customers over 3 months, with these communications. */
export function onePhaseRoadmap(phaseName: string, ...communications: Communication[]): Roadmap {
  return {
    ...emptyRoadmap(),
    horizonMonths: 3,
    phases: [{ ...blankPhase("phase-1"), name: phaseName, initialCustomers: { "segment-1": 100 } }],
    communications,
  };
}

/** "onboarding": 1,000 customers at the start and 100 new ones a month, 10 % a month move on to "active". */
export function onboarding(communications: Roadmap["communications"], horizonMonths = 8): Roadmap {
  return {
    ...emptyRoadmap(),
    horizonMonths,
    contactCap: 4,
    phases: [
      {
        ...blankPhase("onboarding"),
        initialCustomers: { "segment-1": 1_000 },
        arrivalsPerMonth: { "segment-1": 100 },
      },
      blankPhase("active"),
    ],
    transitions: [
      {
        id: "settle",
        from: "onboarding",
        to: "active",
        rate: 0.1,
        rateBySegment: {},
        trigger: "",
        markedAsLoop: false,
      },
    ],
    communications,
  };
}

/** A phase with no customers, arrivals or churn, in the Develop stage. */
export function blankPhase(id: string): Phase {
  return {
    id,
    name: id,
    stageId: "develop",
    description: "",
    objectives: [],
    productsHeld: [],
    customerLifestage: "",
    kpis: [],
    initialCustomers: {},
    arrivalsPerMonth: {},
    churnRate: 0,
    relationshipStrength: null,
    position: { x: 0, y: 0 },
  };
}

/** A segment with the given annual value per customer. */
export function segment(id: string, annualValue: number): Segment {
  return {
    id,
    name: id,
    annualValue,
    color: "#4f5d75",
    strategy: emptySegmentStrategy(),
  };
}

/** An email communication on a phase, sent to everyone, free unless costs are given (not the channel's). */
export function communication(id: string, phaseId: string, patch: Partial<Communication> = {}): Communication {
  return {
    id,
    phaseId,
    name: id,
    purpose: "education",
    channelId: "email",
    ownerId: "owner-a",
    audience: { segmentIds: [], roleIds: [], share: 1 },
    timing: { kind: "recurring", everyMonths: 1 },
    personalisation: "mass",
    fixedCost: 0,
    costPerContact: 0,
    responseRate: 0,
    valuePerResponse: 0,
    status: "existing",
    notes: "",
    ...patch,
  };
}
