import { describe, expect, it } from "vitest";
import { planRoadmap } from "../engine";
import { LIMITS } from "../model/limits";
import { readRoadmapFile, serializeRoadmap } from "../model/roadmapFile";
import { resolveScenario } from "../model/scenarios";
import { BASE_SCENARIO_ID, type OptimiserSettings, type Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { testScenario } from "../model/testing/scenario";
import { describeConstraint } from "./constraintText";
import { buildOptimisationModel, evaluateChoice } from "./optimisationModel";
import { explainDecisions, optimisationJson, writeOptimisedScenario } from "./optimisedScenario";
import type {
  ConstraintRef,
  ConstraintRow,
  OptimisationFrontier,
  OptimisationModel,
  OptimisationOption,
  OptimisationOutcome,
  OptimisationRun,
} from "./types";

const NOW = new Date("2026-03-15T10:00:00Z");
const NEWSLETTER = "comm-customer-newsletter";
const TIPS = "comm-core-tips";
const RENEWAL = "comm-renewal-reminders";
const BANNER = "comm-analytics-upgrade-banner";

/** The B2B template with a "Lean" scenario, and options for the tips (every 3 months) and the renewal reminder (mass). */
function roadmapWithOptions(): Roadmap {
  const doc = createB2bSubscriptionRoadmap(NOW);
  doc.scenarios = [testScenario({ id: "lean", name: "Lean", communications: { [NEWSLETTER]: { fixedCost: 900 } } })];
  doc.optimiser = {
    ...doc.optimiser,
    budget: 1_200_000,
    communications: {
      [TIPS]: { everyMonths: [3], personalisation: [], lock: "free" },
      [RENEWAL]: {
        everyMonths: [],
        personalisation: [{ level: "mass", fixedCost: null, costPerContact: 0.1, responseRate: 0.2 }],
        lock: "free",
      },
    },
  };
  return doc;
}

function modelOf(doc: Roadmap, scenarioId: string, settings: OptimiserSettings = doc.optimiser): OptimisationModel {
  const built = buildOptimisationModel(doc, scenarioId, settings);
  if (!built.ok) throw new Error(built.error);
  return built.value;
}

/** The candidates' current options, except where `pick` chooses another (by the option, or -1 to drop). */
function choose(model: OptimisationModel, pick: Record<string, (option: OptimisationOption) => boolean>): number[] {
  return model.candidates.map((candidate) => {
    const wanted = pick[candidate.communicationId];
    if (!wanted) return candidate.optionIndices[0] as number;
    return candidate.optionIndices.find((index) => wanted(model.options[index] as OptimisationOption)) ?? -1;
  });
}

function runOf(model: OptimisationModel, choice: number[], fields: Partial<OptimisationOutcome> = {}): OptimisationRun {
  const evaluated = evaluateChoice(model, choice);
  return {
    model,
    scenarioId: model.scenarioId,
    frontier: null,
    outcome: {
      status: "optimal",
      objective: evaluated.objective,
      value: evaluated.value,
      cost: evaluated.cost,
      roi: evaluated.cost > 0 ? (evaluated.value - evaluated.cost) / evaluated.cost : null,
      gap: 0,
      choice,
      binding: [],
      conflict: [],
      seconds: 0.1,
      ...fields,
    },
  };
}

/** Drops the banner, sends the tips every 3 months and the renewal reminder en masse. */
function leanerChoice(model: OptimisationModel): number[] {
  return choose(model, {
    [BANNER]: () => false,
    [TIPS]: (option) => option.everyMonths === 3,
    [RENEWAL]: (option) => option.personalisation === "mass",
  });
}

const planOf = (doc: Roadmap, scenarioId: string) => planRoadmap(resolveScenario(doc, scenarioId));

describe("writeOptimisedScenario", () => {
  it("adds a copy of the optimised scenario that plans the chosen options, and leaves every other plan as it was", () => {
    const doc = roadmapWithOptions();
    const model = modelOf(doc, "lean");
    const run = runOf(model, leanerChoice(model));
    const written = writeOptimisedScenario(doc, run, { now: NOW });
    if (!written.ok) throw new Error(written.error);
    const { roadmap, scenarioId } = written.value;

    expect(roadmap.scenarios.map((s) => s.name)).toEqual(["Lean", "Optimised, budget €1.2M"]);
    expect(roadmap.communications).toEqual(doc.communications);
    expect(roadmap.baseScenario).toEqual(doc.baseScenario);
    expect(roadmap.scenarios[0]).toEqual(doc.scenarios[0]);
    for (const id of [BASE_SCENARIO_ID, "lean"]) expect(planOf(roadmap, id)).toEqual(planOf(doc, id));

    const scenario = roadmap.scenarios[1];
    expect(scenario?.id).toBe(scenarioId);
    expect(scenario?.excludedCommunicationIds).toContain(BANNER);
    expect(scenario?.communications[TIPS]?.timing).toEqual({ kind: "recurring", everyMonths: 3 });
    expect(scenario?.communications[RENEWAL]).toMatchObject({
      personalisation: "mass",
      costPerContact: 0.1,
      responseRate: 0.2,
    });
    // Copied from Lean, so its own newsletter cost stays.
    expect(scenario?.communications[NEWSLETTER]?.fixedCost).toBe(900);
    const totals = planOf(roadmap, scenarioId).budget;
    expect(totals.totalCost).toBeCloseTo(run.outcome.cost, 6);
    expect(totals.totalValue).toBeCloseTo(run.outcome.value, 6);
    expect(totals.totalCost).toBeLessThan(planOf(doc, "lean").budget.totalCost);
  });

  it("optimising the roadmap's own plan leaves it and the other scenarios as they were", () => {
    const doc = roadmapWithOptions();
    const model = modelOf(doc, BASE_SCENARIO_ID);
    const run = runOf(model, leanerChoice(model));
    const written = writeOptimisedScenario(doc, run, { now: NOW });
    if (!written.ok) throw new Error(written.error);
    const { roadmap, scenarioId } = written.value;
    expect(roadmap.communications).toEqual(doc.communications);
    expect(roadmap.baseScenario).toEqual(doc.baseScenario);
    expect(roadmap.scenarios.slice(0, -1)).toEqual(doc.scenarios);
    for (const id of [BASE_SCENARIO_ID, "lean"]) expect(planOf(roadmap, id)).toEqual(planOf(doc, id));
    const optimised = planOf(roadmap, scenarioId).budget;
    expect(optimised.totalCost).toBeCloseTo(run.outcome.cost, 6);
    expect(optimised.totalValue).toBeCloseTo(run.outcome.value, 6);
    expect(roadmap.scenarios.at(-1)?.optimisation?.fromScenarioName).toBe("Plan");
    expect(roadmap.scenarios.at(-1)?.communications[NEWSLETTER]).toBeUndefined();
  });

  it("keeps how the scenario was made, with a reason for each change, in a file that reads back", () => {
    const doc = roadmapWithOptions();
    const model = modelOf(doc, "lean");
    const budget: ConstraintRef = { kind: "budget", budget: 1_200_000 };
    const points = [
      { budget: 100_000, cost: 99_000, value: 900_000, net: 780_000, feasible: true },
      { budget: 1_200_000, cost: 410_000, value: 3_100_000, net: 2_500_000, feasible: true },
    ];
    const frontier: OptimisationFrontier = {
      points,
      plan: { cost: 416_000, value: 3_000_000, net: 2_400_000, onFrontier: false, shortfall: 100_000 },
      marginalBudget: { perUnit: 0.42, method: "dual" },
      marginalContact: { perUnit: 1800, method: "slope" },
    };
    const run = {
      ...runOf(model, leanerChoice(model), { status: "timeLimit", gap: 0.004, binding: [budget, budget] }),
      frontier,
    };
    const written = writeOptimisedScenario(doc, run, { now: NOW });
    if (!written.ok) throw new Error(written.error);
    const scenario = written.value.roadmap.scenarios[1];
    const lean = planOf(doc, "lean").budget;

    expect(scenario?.optimisation).toMatchObject({
      createdAt: NOW.toISOString(),
      fromScenarioId: "lean",
      fromScenarioName: "Lean",
      status: "timeLimit",
      gap: 0.004,
      cost: run.outcome.cost,
      value: run.outcome.value,
      frontier: points,
      marginalBudget: { perUnit: 0.42, method: "dual" },
      marginalContact: { perUnit: 1800, method: "slope" },
      binding: [describeConstraint(budget, doc)],
    });
    expect(scenario?.optimisation?.planCost).toBeCloseTo(lean.totalCost, 6);
    expect(scenario?.optimisation?.planValue).toBeCloseTo(lean.totalValue, 6);
    expect(scenario?.optimisation?.settings.budget).toBe(1_200_000);
    expect(Object.keys(scenario?.optimisation?.reasons ?? {}).sort()).toEqual([BANNER, TIPS, RENEWAL].sort());
    expect(scenario?.optimisation?.reasons[TIPS]).toMatch(/^every 3 months instead of every month/);
    expect(scenario?.optimisation?.reasons[RENEWAL]).toMatch(/^mass instead of one-to-one/);
    expect(scenario?.optimisation?.reasons[BANNER]).toMatch(/^dropped: /);
    expect(scenario?.notes).toMatch(
      /^Optimised from “Lean”: €[\d,]+ of value for €[\d,]+, against €[\d,]+ for €[\d,]+\.$/,
    );

    const read = readRoadmapFile("optimised.roadmap", serializeRoadmap(written.value.roadmap));
    if (!read.ok) throw new Error(read.error.summary);
    expect(read.value.roadmap.scenarios[1]?.optimisation).toEqual(scenario?.optimisation);
  });

  it("names the scenario by its budget and objective, numbered when the name is taken", () => {
    const doc = roadmapWithOptions();
    const nameOf = (roadmap: Roadmap, settings: OptimiserSettings) => {
      const model = modelOf(roadmap, BASE_SCENARIO_ID, settings);
      const written = writeOptimisedScenario(roadmap, runOf(model, leanerChoice(model)), { now: NOW, settings });
      if (!written.ok) throw new Error(written.error);
      return { roadmap: written.value.roadmap, name: written.value.roadmap.scenarios.at(-1)?.name };
    };
    const first = nameOf(doc, doc.optimiser);
    expect(first.name).toBe("Optimised, budget €1.2M");
    expect(nameOf(first.roadmap, doc.optimiser).name).toBe("Optimised, budget €1.2M 2");
    expect(nameOf(doc, { ...doc.optimiser, budget: null }).name).toBe("Optimised, no budget limit");
    expect(nameOf(doc, { ...doc.optimiser, budget: 850_000, objective: "value" }).name).toBe(
      "Optimised for value, budget €850K",
    );
    const dollars = { ...roadmapWithOptions(), currency: "USD" };
    expect(nameOf(dollars, { ...doc.optimiser, budget: 2_500_000 }).name).toBe("Optimised, budget $2.5M");
  });

  it("refuses when the run found no plan, stopped before finding one, or the roadmap holds as many scenarios as it may", () => {
    const doc = roadmapWithOptions();
    const model = modelOf(doc, BASE_SCENARIO_ID);
    const noPlan = model.candidates.map(() => -1);
    const refusals = [
      {
        fields: { status: "infeasible", gap: Number.POSITIVE_INFINITY },
        error: "The optimiser found no plan that keeps to every constraint, so there is no optimised scenario to add.",
      },
      {
        fields: { status: "timeLimit", gap: Number.POSITIVE_INFINITY },
        error: "The optimiser stopped before it found any plan, so there is no optimised scenario to add.",
      },
    ] as const;
    for (const { fields, error } of refusals) {
      expect(writeOptimisedScenario(doc, runOf(model, noPlan, fields), { now: NOW })).toEqual({ ok: false, error });
    }

    const full: Roadmap = {
      ...doc,
      scenarios: Array.from({ length: LIMITS.scenarios }, (_, i) => testScenario({ id: `s${i}`, name: `S${i}` })),
    };
    const refused = writeOptimisedScenario(full, runOf(model, leanerChoice(model)), { now: NOW });
    expect(refused).toEqual({
      ok: false,
      error: `A roadmap can hold at most ${LIMITS.scenarios} scenarios besides its own plan; delete one first.`,
    });
  });
});

/**
 * A hand-made programme over the template's communications, with the figures
 * each option brings chosen so every kind of reason shows.
 */
function handMadeRun(doc: Roadmap): OptimisationRun {
  const options: OptimisationOption[] = [];
  const option = (
    communicationId: string,
    fields: Partial<OptimisationOption> & Pick<OptimisationOption, "cost" | "value">,
  ): number => {
    options.push({
      communicationId,
      everyMonths: null,
      personalisation: "mass",
      isCurrent: options.every((o) => o.communicationId !== communicationId),
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.1,
      discountedCost: fields.cost,
      discountedValue: fields.value,
      costByYear: [fields.cost],
      contacts: 1000,
      objective: fields.value - fields.cost,
      ...fields,
    });
    return options.length - 1;
  };
  const newsletter = option(NEWSLETTER, { everyMonths: 1, cost: 1000, value: 400 });
  const tipsMonthly = option(TIPS, { everyMonths: 1, cost: 100, value: 500, contacts: 1000 });
  const tipsQuarterly = option(TIPS, { everyMonths: 3, cost: 40, value: 250, contacts: 340 });
  const renewalMass = option(RENEWAL, { cost: 100, value: 120 });
  const renewalPersonal = option(RENEWAL, { personalisation: "oneToOne", cost: 200, value: 420 });
  const saveCall = option("comm-save-call", { personalisation: "oneToOne", cost: 300, value: 900 });
  const resellerCall = option("comm-reseller-welcome-call", { cost: 100, value: 150 });
  const trialSeries = option("comm-trial-welcome-series", { cost: 100, value: 300 });
  const conference = option("comm-customer-conference", { cost: 500, value: 2000 });
  const survey = option("comm-relationship-survey", { everyMonths: 6, personalisation: "segment", cost: 50, value: 0 });
  const candidate = (communicationId: string, optionIndices: number[], lock: "free" | "in" | "out" = "free") => ({
    communicationId,
    name: doc.communications.find((c) => c.id === communicationId)?.name ?? communicationId,
    optionIndices,
    lock,
  });
  const cap: ConstraintRef = {
    kind: "contactCap",
    capOf: "roadmap",
    cap: 4,
    segmentId: "smallBusiness",
    phaseId: "phase-active-single",
    month: 5,
    entryMonth: 2,
  };
  const group: ConstraintRef = { kind: "exclusiveGroup", groupId: "welcome" };
  const budget: ConstraintRef = { kind: "budget", budget: 640 };
  const row = (constraint: ConstraintRef, indices: number[]): ConstraintRow => ({
    constraint,
    lower: Number.NEGATIVE_INFINITY,
    upper: 1,
    indices: Int32Array.from(indices),
    values: Float64Array.from(indices.map(() => 1)),
  });
  const candidates = [
    candidate(NEWSLETTER, [newsletter]),
    candidate(TIPS, [tipsMonthly, tipsQuarterly]),
    candidate(RENEWAL, [renewalMass, renewalPersonal]),
    candidate("comm-save-call", [saveCall]),
    candidate("comm-reseller-welcome-call", [resellerCall]),
    candidate("comm-trial-welcome-series", [trialSeries]),
    candidate("comm-customer-conference", [conference], "out"),
    candidate("comm-relationship-survey", [survey]),
  ];
  const model: OptimisationModel = {
    objective: "net",
    scenarioId: BASE_SCENARIO_ID,
    options,
    candidates,
    rows: [
      row(cap, [newsletter, tipsMonthly, saveCall]),
      {
        constraint: budget,
        lower: Number.NEGATIVE_INFINITY,
        upper: 640,
        indices: Int32Array.from(options.keys()),
        values: Float64Array.from(options, (o) => o.cost),
      },
      row(group, [resellerCall, trialSeries]),
      row({ kind: "oneOption", communicationId: TIPS, lock: "free" }, [tipsMonthly, tipsQuarterly]),
    ],
    budget: 640,
    planOptionIndices: candidates.map((c) => c.optionIndices[0] as number),
  };
  const choice = [-1, tipsQuarterly, renewalPersonal, saveCall, -1, trialSeries, -1, -1];
  return {
    model,
    scenarioId: BASE_SCENARIO_ID,
    frontier: null,
    outcome: {
      status: "optimal",
      objective: 1000,
      value: 1870,
      cost: 640,
      roi: 1230 / 640,
      gap: 0,
      choice,
      binding: [budget, cap, group],
      conflict: [],
      seconds: 0.1,
    },
  };
}

describe("explainDecisions", () => {
  it("says in a short sentence why each dropped or changed communication was, and nothing of the rest", () => {
    const doc = createB2bSubscriptionRoadmap(NOW);
    const segment = doc.segments.find((s) => s.id === "smallBusiness")?.name;
    const phase = doc.phases.find((p) => p.id === "phase-active-single")?.name;
    expect(segment).toBeDefined();
    expect(phase).toBeDefined();
    const cap = `the contact cap of 4 a month for ${segment} customers in ${phase}`;
    const budget = describeConstraint({ kind: "budget", budget: 640 }, doc);
    expect(explainDecisions(handMadeRun(doc), doc)).toEqual({
      [NEWSLETTER]: `dropped: brings €0.40 per € it costs, among the lowest of the plan; hit ${cap}; no room left in ${budget}`,
      [TIPS]: `every 3 months instead of every month: hit ${cap}; to keep within ${budget}; €6.25 back per € instead of €5.00`,
      [RENEWAL]: "one-to-one instead of mass: €2.10 back per € instead of €1.20",
      "comm-reseller-welcome-call": `dropped: alternative to Trial welcome series, which brings more per €; brings €1.50 per € it costs; no room left in ${budget}`,
      "comm-customer-conference": "dropped: locked out in the optimiser's settings",
      "comm-relationship-survey": `dropped: brings no value of its own for what it costs, the lowest of the plan; no room left in ${budget}`,
    });
  });
});

describe("optimisationJson", () => {
  it("gives the chosen option of each kept communication by id, the dropped ids and the binding constraints in words", () => {
    const doc = createB2bSubscriptionRoadmap(NOW);
    const run = handMadeRun(doc);
    expect(optimisationJson(run, doc)).toEqual({
      status: "optimal",
      objective: 1000,
      value: 1870,
      cost: 640,
      roi: 1230 / 640,
      gap: 0,
      chosen: [
        { communication: TIPS, frequency: 3, personalisation: "mass" },
        { communication: RENEWAL, frequency: null, personalisation: "oneToOne" },
        { communication: "comm-save-call", frequency: null, personalisation: "oneToOne" },
        { communication: "comm-trial-welcome-series", frequency: null, personalisation: "mass" },
      ],
      dropped: [NEWSLETTER, "comm-reseller-welcome-call", "comm-customer-conference", "comm-relationship-survey"],
      binding: run.outcome.binding.map((ref) => describeConstraint(ref, doc)),
    });
  });
});
