import fc from "fast-check";
import { budgetRow } from "../../engine/budget";
import { planRoadmap } from "../../engine/planEngine";
import { blankPhase, emptyRoadmap, segment } from "../../engine/testing/randomRoadmaps";
import { communicationCosts } from "../../model/costs";
import { defaultOptimiserSettings } from "../../model/defaults";
import { resolveScenario } from "../../model/scenarios";
import {
  BASE_SCENARIO_ID,
  type Communication,
  type CommunicationOptions,
  type OptimiserSettings,
  PERSONALISATION_LEVELS,
  type Phase,
  type Roadmap,
  type Scenario,
  type Timing,
  type Transition,
} from "../../model/schema";
import { generateRoadmap } from "../../model/testing/generateRoadmap";

/**
 * Roadmaps with optimiser settings, for checking the optimiser against a
 * brute-force enumeration and against the plan engine. Small ones keep the
 * enumeration within `MAX_CHOICES` plans; figures are whole numbers scaled
 * down, as a user types them.
 */

/** What the optimiser is asked about: a document, the scenario it optimises and the settings (also in the document). */
export interface OptimiserInstance {
  readonly document: Roadmap;
  readonly scenarioId: string;
  readonly settings: OptimiserSettings;
}

/** Most plans a brute force enumerates for one small instance: every choice of eight three-way communications. */
export const MAX_CHOICES = 3 ** 8;

const OWNER_IDS = ["owner-a", "owner-b", "owner-c"];
/** Few channels and purposes, so caps, channel caps and coverage rules have something to bite on. */
const CHANNEL_IDS = ["email", "email", "email", "directMail", "sms", "phone"];
const PURPOSES_USED = ["welcome", "retention", "crossSell"] as const;
/** The channel whose own cap is tight in every small instance that has one. */
const CAPPED_CHANNEL = "email";

const share = (max: number) => fc.integer({ min: 0, max: Math.round(max * 1000) }).map((n) => n / 1000);
const amount = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
/** A factor of the plan's own figure: budgets drawn around what the plan costs, never exactly it. */
const factor = (min: number, max: number) =>
  fc.integer({ min: min * 1000, max: max * 1000 }).map((n) => n / 1000 + 1e-4);

const timing = fc.oneof(
  fc.integer({ min: 0, max: 2 }).map((offsetMonths): Timing => ({ kind: "onEntry", offsetMonths })),
  fc.integer({ min: 1, max: 3 }).map((everyMonths): Timing => ({ kind: "recurring", everyMonths })),
  fc.integer({ min: 0, max: 17 }).map((month): Timing => ({ kind: "oneOff", month })),
);

const personalisationOption = fc.record({
  fixedCost: fc.oneof(fc.constant(null), amount(0, 600)),
  costPerContact: fc.oneof(fc.constant(null), amount(0, 4)),
  responseRate: share(0.4),
});

const communicationFigures = fc.record({
  // Most on the first two phases, so several reach the same cohorts and the caps bite.
  phase: fc.oneof(fc.constant(0), fc.constant(1), fc.nat()),
  channel: fc.constantFrom(...CHANNEL_IDS),
  owner: fc.constantFrom(...OWNER_IDS),
  purpose: fc.constantFrom(...PURPOSES_USED),
  segment: fc.option(fc.nat(), { nil: null }),
  share: fc.oneof(
    fc.constant(1),
    share(1).map((s) => Math.max(0.1, s)),
  ),
  timing,
  level: fc.constantFrom(...PERSONALISATION_LEVELS),
  fixedCost: fc.oneof(fc.constant(null), amount(0, 500)),
  costPerContact: fc.oneof(fc.constant(null), amount(0, 3)),
  responseRate: share(0.3),
  valuePerResponse: amount(0, 300),
  retired: fc.nat({ max: 19 }).map((n) => n === 0),
  extraFrequencies: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
  extraLevels: fc.array(personalisationOption, { maxLength: 2 }),
  lock: fc.nat({ max: 11 }).map((n): CommunicationOptions["lock"] => (n === 0 ? "in" : n === 1 ? "out" : "free")),
});

const phaseFigures = fc.record({
  initial: fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 3, maxLength: 3 }),
  arrivals: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 3, maxLength: 3 }),
  churn: share(0.1),
  onward: share(0.3),
});

/**
 * A small roadmap with optimiser settings: 1–3 segments, 2–5 phases in a
 * chain (plus a way back), 6–24 months, 5–8 communications, some recurring
 * with other frequencies and some with other personalisation levels, tight
 * contact caps (the roadmap's and sometimes e-mail's own), sometimes locks, a
 * purpose-coverage rule, a pair of alternatives, owner and year budgets and a
 * total budget around the plan's cost; sometimes of a scenario rather than the
 * plan. At most `MAX_CHOICES` choices in all.
 */
export const smallInstances: fc.Arbitrary<OptimiserInstance> = fc
  .record({
    segments: fc.array(amount(0, 5_000), { minLength: 1, maxLength: 3 }),
    phases: fc.array(phaseFigures, { minLength: 2, maxLength: 5 }),
    loopBack: fc.option(share(0.2), { nil: null }),
    horizonMonths: fc.integer({ min: 6, max: 24 }),
    annualDiscountRate: fc.oneof(fc.constant(0), share(0.3)),
    contactCap: fc.constantFrom(1, 2, 2, 3),
    channelCap: fc.boolean(),
    communications: fc.array(communicationFigures, { minLength: 5, maxLength: 8 }),
    objective: fc.constantFrom<OptimiserSettings["objective"]>("net", "value"),
    budget: fc.option(factor(0.4, 1.3), { nil: null }),
    ownerBudget: fc.option(fc.record({ owner: fc.constantFrom(...OWNER_IDS), factor: factor(0.4, 1.1) }), {
      nil: null,
    }),
    yearBudget: fc.option(fc.record({ year: fc.nat({ max: 1 }), factor: factor(0.3, 1) }), { nil: null, freq: 2 }),
    respectContactCaps: fc.nat({ max: 4 }).map((n) => n !== 0),
    coverage: fc.option(fc.record({ purpose: fc.constantFrom(...PURPOSES_USED), ownPhases: fc.boolean() }), {
      nil: null,
    }),
    alternatives: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: null }),
    scenario: fc.option(fc.record({ leaveOut: fc.nat(), override: fc.nat(), responseRate: share(0.4) }), {
      nil: null,
      freq: 2,
    }),
  })
  .map((figures) => {
    const horizon = figures.horizonMonths;
    const segments = figures.segments.map((annualValue, i) => segment(`segment-${i + 1}`, annualValue));
    const perSegment = (values: readonly number[]) =>
      Object.fromEntries(segments.map((s, i) => [s.id, values[i] ?? 0]).filter(([, n]) => n !== 0));
    const phases: Phase[] = figures.phases.map((p, i) => ({
      ...blankPhase(`phase-${i + 1}`),
      initialCustomers: perSegment(p.initial),
      arrivalsPerMonth: i === 0 ? perSegment(p.arrivals) : {},
      churnRate: p.churn,
    }));
    const transitions: Transition[] = phases.slice(1).map((to, i) => ({
      id: `transition-${i + 1}`,
      from: (phases[i] as Phase).id,
      to: to.id,
      rate: (figures.phases[i] as { onward: number }).onward,
      rateBySegment: {},
      trigger: "",
      markedAsLoop: false,
    }));
    if (figures.loopBack !== null && phases.length > 2) {
      transitions.push({
        id: "transition-back",
        from: (phases.at(-1) as Phase).id,
        to: (phases[1] as Phase).id,
        rate: figures.loopBack,
        rateBySegment: {},
        trigger: "",
        markedAsLoop: true,
      });
    }
    const communications: Communication[] = figures.communications.map((c, i) => ({
      id: `comm-${i + 1}`,
      phaseId: (phases[c.phase % phases.length] as Phase).id,
      name: `Communication ${i + 1}`,
      purpose: c.purpose,
      channelId: c.channel,
      ownerId: c.owner,
      audience: {
        segmentIds: c.segment === null ? [] : [(segments[c.segment % segments.length] as { id: string }).id],
        roleIds: [],
        share: c.share,
      },
      timing: c.timing.kind === "oneOff" ? { kind: "oneOff", month: c.timing.month % horizon } : c.timing,
      personalisation: c.level,
      fixedCost: c.fixedCost,
      costPerContact: c.costPerContact,
      responseRate: c.responseRate,
      valuePerResponse: c.valuePerResponse,
      status: c.retired ? "retired" : i % 2 === 0 ? "existing" : "proposed",
      notes: "",
    }));

    const options: Record<string, CommunicationOptions> = {};
    let choices = 1;
    figures.communications.forEach((c, i) => {
      const communication = communications[i] as Communication;
      const own = communication.timing;
      const everyMonths =
        own.kind === "recurring" ? c.extraFrequencies.filter((every) => every !== own.everyMonths) : [];
      const otherLevels = PERSONALISATION_LEVELS.filter((level) => level !== communication.personalisation);
      let personalisation = c.extraLevels.map((level, k) => ({ level: otherLevels[k] ?? "mass", ...level }));
      // Leaving it out, or one option per frequency and level: keep the whole enumeration within MAX_CHOICES.
      const ways = () => 1 + (1 + everyMonths.length) * (1 + personalisation.length);
      while (choices * ways() > MAX_CHOICES && personalisation.length > 0) personalisation = personalisation.slice(1);
      while (choices * ways() > MAX_CHOICES && everyMonths.length > 0) everyMonths.pop();
      choices *= ways();
      if (everyMonths.length > 0 || personalisation.length > 0 || c.lock !== "free") {
        options[communication.id] = { everyMonths, personalisation, lock: c.lock };
      }
    });

    const channels = emptyRoadmap().channels.map((channel) =>
      figures.channelCap && channel.id === CAPPED_CHANNEL ? { ...channel, contactCap: 1 } : channel,
    );
    const base: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: horizon,
      annualDiscountRate: figures.annualDiscountRate,
      // Under e-mail's own cap of 1 the roadmap's is at least 2, so the channel's is the one that bites.
      contactCap: figures.channelCap ? Math.max(2, figures.contactCap) : figures.contactCap,
      segments,
      phases,
      transitions,
      channels,
      communications,
    };
    const scenarios: Scenario[] =
      figures.scenario === null
        ? []
        : [
            {
              id: "variant",
              name: "Variant",
              notes: "",
              excludedCommunicationIds: [
                (communications[figures.scenario.leaveOut % communications.length] as Communication).id,
              ],
              communications: {
                [(communications[figures.scenario.override % communications.length] as Communication).id]: {
                  responseRate: figures.scenario.responseRate,
                },
              },
              transitions: {},
              phases: {},
              optimisation: null,
            },
          ];
    const scenarioId = scenarios[0]?.id ?? BASE_SCENARIO_ID;
    const withScenarios: Roadmap = { ...base, scenarios };
    const viewed = resolveScenario(withScenarios, scenarioId);
    const plan = planRoadmap(viewed).budget;
    const cents = (value: number) => Math.round(value * 100) / 100;

    const sent = viewed.communications.filter((c) => c.status !== "retired");
    const coverage = figures.coverage;
    const coveredPhases = coverage
      ? [...new Set(sent.filter((c) => c.purpose === coverage.purpose).map((c) => c.phaseId))]
      : [];
    const alternatives = figures.alternatives
      ? [...new Set(figures.alternatives.map((n) => (communications[n % communications.length] as Communication).id))]
      : [];
    const ownerCost = (ownerId: string) => {
      const k = plan.byDimension.owner.keys.indexOf(ownerId);
      return k < 0 ? 0 : (plan.byDimension.owner.totalCost[k] as number);
    };
    const monthly = budgetRow(plan.overall.byMonth, "total")?.cost ?? new Float64Array(0);
    const yearCost = (year: number) => monthly.subarray(year * 12, year * 12 + 12).reduce((sum, cost) => sum + cost, 0);
    // A second year only when the horizon has one.
    const yearBudget = figures.yearBudget && {
      ...figures.yearBudget,
      year: figures.yearBudget.year * 12 < horizon ? figures.yearBudget.year : 0,
    };

    const settings: OptimiserSettings = {
      ...defaultOptimiserSettings(),
      objective: figures.objective,
      budget: figures.budget === null ? null : cents(plan.totalCost * figures.budget),
      ownerBudgets: figures.ownerBudget
        ? [
            {
              ownerId: figures.ownerBudget.owner,
              budget: cents(ownerCost(figures.ownerBudget.owner) * figures.ownerBudget.factor),
            },
          ]
        : [],
      yearBudgets:
        yearBudget === null
          ? []
          : [{ year: yearBudget.year, budget: cents(yearCost(yearBudget.year) * yearBudget.factor) }],
      respectContactCaps: figures.respectContactCaps,
      communications: options,
      purposeCoverage:
        coverage && coveredPhases.length > 0
          ? [
              {
                id: "coverage-1",
                purposes: [coverage.purpose],
                phaseIds: coverage.ownPhases ? coveredPhases.slice(0, 1) : [],
              },
            ]
          : [],
      exclusiveGroups:
        alternatives.length >= 2 ? [{ id: "group-1", name: "Alternatives", communicationIds: alternatives }] : [],
      timeLimitSeconds: 600,
      gapTolerance: 0,
    };
    return { document: { ...withScenarios, optimiser: settings }, scenarioId, settings };
  });

/**
 * Generated roadmaps of 60–150 communications with every recurring send
 * offered one other frequency and every communication one other
 * personalisation level, owner budgets and a budget around the plan's cost:
 * too many choices to enumerate, enough to check the solution keeps every
 * constraint and beats the plan.
 */
export const largeInstances: fc.Arbitrary<OptimiserInstance> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    phases: fc.integer({ min: 8, max: 30 }),
    communications: fc.integer({ min: 60, max: 150 }),
    segments: fc.integer({ min: 1, max: 4 }),
    objective: fc.constantFrom<OptimiserSettings["objective"]>("net", "value"),
    budget: fc.option(factor(0.5, 1.2), { nil: null }),
    ownerBudget: factor(0.6, 1.1),
    contactCap: fc.integer({ min: 2, max: 4 }),
  })
  .map((figures) => {
    const generated = generateRoadmap({
      phases: figures.phases,
      transitionsPerPhase: 1.5,
      communications: figures.communications,
      segments: figures.segments,
      seed: figures.seed,
    });
    const roadmap: Roadmap = { ...generated, contactCap: figures.contactCap };
    const plan = planRoadmap(roadmap).budget;
    const settings: OptimiserSettings = {
      ...defaultOptimiserSettings(),
      objective: figures.objective,
      budget: figures.budget === null ? null : Math.round(plan.totalCost * figures.budget),
      ownerBudgets: plan.byDimension.owner.keys.map((ownerId, k) => ({
        ownerId,
        budget: Math.round((plan.byDimension.owner.totalCost[k] as number) * figures.ownerBudget),
      })),
      communications: richerOptions(roadmap),
      timeLimitSeconds: 600,
      gapTolerance: 1e-4,
    };
    return { document: { ...roadmap, optimiser: settings }, scenarioId: BASE_SCENARIO_ID, settings };
  });

/** What a level costs and how often it is answered against a mass send: as the settings panel's presets offer. */
const LEVEL_FACTORS = {
  mass: { cost: 1, response: 1 },
  segment: { cost: 1.5, response: 1.3 },
  oneToOne: { cost: 4, response: 2 },
} as const;

/**
 * Every recurring send may also go out at other intervals (of 1, 2, 3 and 6
 * months, at most `frequencies` of them), and every communication at the
 * other personalisation levels (at most `levels`), each dearer and more often
 * answered than the one below it by the factors the settings panel offers.
 */
export function richerOptions(
  roadmap: Pick<Roadmap, "communications" | "channels">,
  frequencies = 1,
  levels = 1,
): Record<string, CommunicationOptions> {
  const channels = new Map(roadmap.channels.map((channel) => [channel.id, channel]));
  const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
  return Object.fromEntries(
    roadmap.communications.map((c) => {
      const own = c.timing;
      const everyMonths =
        own.kind === "recurring" ? [1, 2, 3, 6].filter((every) => every !== own.everyMonths).slice(0, frequencies) : [];
      const costs = communicationCosts(c, channels.get(c.channelId));
      const personalisation = PERSONALISATION_LEVELS.filter((level) => level !== c.personalisation)
        .slice(0, levels)
        .map((level) => {
          const cost = LEVEL_FACTORS[level].cost / LEVEL_FACTORS[c.personalisation].cost;
          const response = LEVEL_FACTORS[level].response / LEVEL_FACTORS[c.personalisation].response;
          return {
            level,
            fixedCost: round(costs.fixedCost * cost, 2),
            costPerContact: round(costs.costPerContact * cost, 2),
            responseRate: Math.min(1, round(c.responseRate * response, 4)),
          };
        });
      return [c.id, { everyMonths, personalisation, lock: "free" as const }];
    }),
  );
}
