import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { planRoadmap } from "../engine/planEngine";
import { blankPhase, communication, emptyRoadmap, onboarding, smallRoadmaps } from "../engine/testing/randomRoadmaps";
import { defaultOptimiserSettings } from "../model/defaults";
import { BASE_SCENARIO_ID, type OptimiserSettings, type Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { testScenario } from "../model/testing/scenario";
import type { Result } from "../result";
import {
  buildOptimisationModel,
  choiceAsRoadmap,
  evaluateChoice,
  type ModelOverrides,
  withBudget,
} from "./optimisationModel";
import type { ConstraintRef, OptimisationModel } from "./types";

const NOW = new Date("2026-11-23T10:00:00Z");

function b2b(): Roadmap {
  return createB2bSubscriptionRoadmap(NOW);
}

function settingsWith(patch: Partial<OptimiserSettings>): OptimiserSettings {
  return { ...defaultOptimiserSettings(), respectContactCaps: false, ...patch };
}

function built(result: Result<OptimisationModel, string>): OptimisationModel {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The B2B template with options on two recurring sends and one on-entry send. */
const B2B_OPTIONS: OptimiserSettings["communications"] = {
  "comm-core-tips": {
    everyMonths: [1, 2, 3],
    personalisation: [
      { level: "segment", fixedCost: 400, costPerContact: null, responseRate: 0.09 },
      { level: "oneToOne", fixedCost: null, costPerContact: 6, responseRate: 0.15 },
    ],
    lock: "free",
  },
  "comm-customer-newsletter": { everyMonths: [3], personalisation: [], lock: "free" },
  "comm-renewal-reminders": {
    everyMonths: [6],
    personalisation: [{ level: "mass", fixedCost: 0, costPerContact: 0.1, responseRate: 0.2 }],
    lock: "free",
  },
};

/** The plan's model with these settings (caps aside unless asked for). */
function modelOf(roadmap: Roadmap, patch: Partial<OptimiserSettings>, overrides?: ModelOverrides): OptimisationModel {
  return built(buildOptimisationModel(roadmap, BASE_SCENARIO_ID, settingsWith(patch), overrides));
}

function optionsOf(model: OptimisationModel, communicationId: string) {
  const candidate = model.candidates.find((c) => c.communicationId === communicationId);
  return (candidate?.optionIndices ?? []).map((i) => model.options[i]);
}

function rowsOf(model: OptimisationModel, kind: ConstraintRef["kind"]) {
  return model.rows.filter((row) => row.constraint.kind === kind);
}

/** The plan with one candidate's option replaced (or the candidate left out, -1). */
function planWith(model: OptimisationModel, communicationId: string, option: number): number[] {
  return model.candidates.map((candidate, c) =>
    candidate.communicationId === communicationId ? option : (model.planOptionIndices[c] as number),
  );
}

describe("the optimisation model's options", () => {
  it("offers each communication as it is first, then every allowed interval and level, once each", () => {
    const model = modelOf(b2b(), { communications: B2B_OPTIONS });
    const tips = optionsOf(model, "comm-core-tips").map((o) => [o?.everyMonths, o?.personalisation, o?.isCurrent]);
    expect(tips).toEqual([
      [1, "mass", true],
      [1, "segment", false],
      [1, "oneToOne", false],
      [2, "mass", false],
      [2, "segment", false],
      [2, "oneToOne", false],
      [3, "mass", false],
      [3, "segment", false],
      [3, "oneToOne", false],
    ]);
    // An on-entry send has no interval to change: only its levels.
    expect(optionsOf(model, "comm-renewal-reminders").map((o) => [o?.everyMonths, o?.personalisation])).toEqual([
      [null, "oneToOne"],
      [null, "mass"],
    ]);
    // The retired cold calls are no candidate; every other communication is, in document order.
    expect(model.candidates.map((c) => c.communicationId)).toEqual(
      b2b()
        .communications.filter((c) => c.status !== "retired")
        .map((c) => c.id),
    );
    expect(model.planOptionIndices.map((i) => model.options[i]?.isCurrent)).toEqual(model.candidates.map(() => true));
  });

  it("keeps the communication's own costs where a level leaves them open, and its channel's where it has none", () => {
    const model = modelOf(b2b(), { communications: B2B_OPTIONS });
    const [, segment, oneToOne] = optionsOf(model, "comm-core-tips");
    expect([segment?.fixedCost, segment?.costPerContact, segment?.responseRate]).toEqual([400, null, 0.09]);
    expect([oneToOne?.fixedCost, oneToOne?.costPerContact, oneToOne?.responseRate]).toEqual([null, 6, 0.15]);
    const [, cheaper] = optionsOf(model, "comm-customer-newsletter");
    expect([cheaper?.everyMonths, cheaper?.fixedCost]).toEqual([3, 1500]);
  });

  it("costs and brings what the plan engine gives the communication sent that way, in total and by year", () => {
    const roadmap = b2b();
    const model = modelOf(roadmap, { communications: B2B_OPTIONS });
    model.candidates.forEach((candidate) => {
      for (const i of candidate.optionIndices) {
        const option = model.options[i];
        const plan = planRoadmap(choiceAsRoadmap(roadmap, model, planWith(model, candidate.communicationId, i)));
        const schedule = plan.communications.find((s) => s.communicationId === candidate.communicationId);
        expect(option?.cost).toBeCloseTo(schedule?.totalCost ?? Number.NaN, 6);
        expect(option?.value).toBeCloseTo(schedule?.totalValue ?? Number.NaN, 6);
        expect(option?.contacts).toBeCloseTo(schedule?.totalReach ?? Number.NaN, 6);
        const byYear = [0, 1].map((year) =>
          (schedule?.cost.slice(year * 12, year * 12 + 12) ?? []).reduce((sum, cost) => sum + cost, 0),
        );
        expect(option?.costByYear).toHaveLength(2);
        expect(option?.costByYear[0]).toBeCloseTo(byYear[0] as number, 6);
        expect(option?.costByYear[1]).toBeCloseTo(byYear[1] as number, 6);
      }
    });
  });

  it("adds up, for any choice, to the plan engine's budget of the roadmap it describes", () => {
    const roadmap = b2b();
    const model = modelOf(roadmap, { communications: B2B_OPTIONS });
    // Each candidate's last option, or left out every third one.
    const choice = model.candidates.map((candidate, c) =>
      c % 3 === 2 ? -1 : (candidate.optionIndices.at(-1) as number),
    );
    for (const picked of [model.planOptionIndices, choice]) {
      const plan = planRoadmap(choiceAsRoadmap(roadmap, model, picked));
      const evaluation = evaluateChoice(model, picked);
      expect(evaluation.cost).toBeCloseTo(plan.budget.totalCost, 4);
      expect(evaluation.value).toBeCloseTo(plan.budget.totalValue, 4);
    }
    expect(choiceAsRoadmap(roadmap, model, choice).communications.map((c) => c.id)).not.toContain(
      model.candidates[2]?.communicationId,
    );
  });

  it("discounts cost and value by month at the roadmap's yearly rate, as lifetime values are", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 24,
      annualDiscountRate: 0.1,
      phases: [{ ...blankPhase("phase-1"), initialCustomers: { "segment-1": 100 } }],
      communications: [
        communication("monthly", "phase-1", { costPerContact: 1, responseRate: 0.5, valuePerResponse: 8 }),
      ],
    };
    const model = modelOf(roadmap, {});
    const [option] = model.options;
    const monthly = 1 / (1 + planRoadmap(roadmap).lifetimeValue.monthlyDiscountRate);
    // 100 contacts a month at 1 each; half the unanswered answer each month, at 8 each.
    const cost = 100 * ((1 - monthly ** 24) / (1 - monthly));
    const value = 8 * 50 * ((1 - (monthly / 2) ** 24) / (1 - monthly / 2));
    expect(option?.cost).toBeCloseTo(2400, 6);
    expect(option?.discountedCost).toBeCloseTo(cost, 6);
    expect(option?.discountedValue).toBeCloseTo(value, 6);
    expect(option?.objective).toBeCloseTo(value - cost, 6);
    const valueModel = modelOf(roadmap, { objective: "value" });
    expect(valueModel.options[0]?.objective).toBeCloseTo(value, 6);
  });

  it("leaves out options that would reach no one, but never the communication as it is", () => {
    const roadmap: Roadmap = {
      ...emptyRoadmap(),
      horizonMonths: 3,
      phases: [{ ...blankPhase("phase-1"), initialCustomers: { "segment-1": 100 } }, blankPhase("empty")],
      communications: [
        // Sent from month 0 every month: every 12 months still sends once, in month 0.
        communication("tips", "phase-1", { timing: { kind: "recurring", everyMonths: 1 } }),
        communication("nobody", "empty", { timing: { kind: "recurring", everyMonths: 1 } }),
      ],
    };
    const options = { everyMonths: [12], personalisation: [], lock: "free" as const };
    const model = modelOf(roadmap, { communications: { tips: options, nobody: options } });
    expect(optionsOf(model, "tips").map((o) => o?.everyMonths)).toEqual([1, 12]);
    expect(optionsOf(model, "nobody").map((o) => [o?.everyMonths, o?.cost])).toEqual([[1, 0]]);
  });

  it("optimises the scenario asked for: its communications, with its own values", () => {
    const roadmap = b2b();
    const withScenario: Roadmap = {
      ...roadmap,
      scenarios: [
        testScenario({
          id: "lean",
          name: "Lean",
          excludedCommunicationIds: ["comm-customer-newsletter"],
          communications: { "comm-core-tips": { timing: { kind: "recurring", everyMonths: 2 } } },
        }),
      ],
    };
    const model = built(buildOptimisationModel(withScenario, "lean", settingsWith({ communications: B2B_OPTIONS })));
    expect(model.scenarioId).toBe("lean");
    expect(model.candidates.map((c) => c.communicationId)).not.toContain("comm-customer-newsletter");
    expect(optionsOf(model, "comm-core-tips").map((o) => o?.everyMonths)).toEqual([2, 2, 2, 1, 1, 1, 3, 3, 3]);
  });
});

describe("the optimisation model's rows", () => {
  it("holds the plan to the budget the settings, a run, or the plan's own cost give", () => {
    const roadmap = b2b();
    const net = modelOf(roadmap, {});
    const planCost = evaluateChoice(net, net.planOptionIndices).cost;
    expect(rowsOf(net, "budget")).toEqual([]);
    expect(net.budget).toBeNull();

    const capped = modelOf(roadmap, { budget: 100_000 });
    expect(capped.budget).toBe(100_000);
    const [row] = rowsOf(capped, "budget");
    expect(row?.upper).toBe(100_000);
    expect([...(row?.indices ?? [])].map((i) => capped.options[i]?.cost)).toEqual([...(row?.values ?? [])]);

    const overridden = modelOf(roadmap, { budget: 100_000 }, { budget: 5_000 });
    expect(rowsOf(overridden, "budget")[0]?.constraint).toEqual({ kind: "budget", budget: 5_000 });
    expect(evaluateChoice(overridden, overridden.planOptionIndices).violated).toContainEqual({
      kind: "budget",
      budget: 5_000,
    });

    const value = modelOf(roadmap, { objective: "value" });
    expect(value.budget).toBeCloseTo(planCost, 6);
    expect(evaluateChoice(value, value.planOptionIndices).violated).toEqual([]);
  });

  it("changes, adds or removes the budget row with withBudget, leaving the rest", () => {
    const model = modelOf(b2b(), { budget: 90_000, ownerBudgets: [] });
    const tighter = withBudget(model, 1_000);
    expect(tighter.budget).toBe(1_000);
    expect(rowsOf(tighter, "budget").map((row) => row.upper)).toEqual([1_000]);
    expect(tighter.rows.length).toBe(model.rows.length);
    const none = withBudget(model, null);
    expect(rowsOf(none, "budget")).toEqual([]);
    expect(none.rows.length).toBe(model.rows.length - 1);
    expect(rowsOf(withBudget(none, 2_000), "budget").map((row) => row.upper)).toEqual([2_000]);
    expect(model.budget).toBe(90_000);
  });

  it("holds each plan year and each owner to its budget", () => {
    const roadmap = b2b();
    const model = modelOf(roadmap, {
      yearBudgets: [{ year: 1, budget: 10 }],
      ownerBudgets: [{ ownerId: "owner-resellers", budget: 20 }],
    });
    const plan = planRoadmap(roadmap);
    const [year] = rowsOf(model, "yearBudget");
    const secondYear = plan.communications.reduce((sum, s) => sum + s.cost.slice(12, 24).reduce((a, b) => a + b, 0), 0);
    const rowSum = (row: typeof year, choice: readonly number[]) =>
      [...(row?.indices ?? [])].reduce((sum, i, k) => sum + (choice.includes(i) ? (row?.values[k] as number) : 0), 0);
    expect(rowSum(year, model.planOptionIndices)).toBeCloseTo(secondYear, 6);

    const [owner] = rowsOf(model, "ownerBudget");
    const resellers = roadmap.communications.filter((c) => c.ownerId === "owner-resellers").map((c) => c.id);
    expect([...(owner?.indices ?? [])].map((i) => model.options[i]?.communicationId).sort()).toEqual(resellers.sort());
    expect(evaluateChoice(model, model.planOptionIndices).violated).toEqual([
      { kind: "yearBudget", year: 1, budget: 10 },
      { kind: "ownerBudget", ownerId: "owner-resellers", budget: 20 },
    ]);
    // Without the resellers' sends the owner's budget holds.
    const withoutResellers = model.candidates.map((c, i) =>
      resellers.includes(c.communicationId) ? -1 : (model.planOptionIndices[i] as number),
    );
    expect(evaluateChoice(model, withoutResellers).violated.map((ref) => ref.kind)).toEqual(["yearBudget"]);
  });

  it("allows at most one option of a communication, exactly one when locked in and none when locked out", () => {
    const model = modelOf(b2b(), {
      communications: {
        ...B2B_OPTIONS,
        "comm-core-tips": { everyMonths: [2, 3], personalisation: [], lock: "in" },
        "comm-save-call": { everyMonths: [], personalisation: [], lock: "out" },
      },
    });
    const rows = rowsOf(model, "oneOption");
    expect(rows).toHaveLength(model.candidates.length);
    const tips = rows.find(
      (row) => row.constraint.kind === "oneOption" && row.constraint.communicationId === "comm-core-tips",
    );
    expect([tips?.lower, tips?.upper, tips?.indices.length]).toEqual([1, 1, 3]);
    const save = rows.find(
      (row) => row.constraint.kind === "oneOption" && row.constraint.communicationId === "comm-save-call",
    );
    expect([save?.lower, save?.upper]).toEqual([-Infinity, 0]);
    expect(model.candidates.find((c) => c.communicationId === "comm-save-call")?.lock).toBe("out");

    const tipsIndex = model.candidates.findIndex((c) => c.communicationId === "comm-core-tips");
    const twoOfTips = [...model.planOptionIndices, model.candidates[tipsIndex]?.optionIndices[1] as number];
    const violated = (choice: readonly number[]) => evaluateChoice(model, choice).violated;
    expect(violated(model.planOptionIndices)).toEqual([
      { kind: "oneOption", communicationId: "comm-save-call", lock: "out" },
    ]);
    expect(violated(twoOfTips)).toContainEqual({ kind: "oneOption", communicationId: "comm-core-tips", lock: "in" });
    expect(violated(planWith(model, "comm-core-tips", -1))).toContainEqual({
      kind: "oneOption",
      communicationId: "comm-core-tips",
      lock: "in",
    });
  });

  it("keeps a communication of the rule's purposes in each phase it names, or in each that has one", () => {
    const model = modelOf(b2b(), {
      purposeCoverage: [
        { id: "retain", purposes: ["retention", "winBack"], phaseIds: [] },
        { id: "welcome-trial", purposes: ["welcome"], phaseIds: ["phase-trial", "phase-advocate"] },
      ],
    });
    const rows = rowsOf(model, "purposeCoverage");
    expect(rows.map((row) => row.constraint)).toEqual([
      { kind: "purposeCoverage", ruleId: "retain", phaseId: "phase-renewal-due" },
      { kind: "purposeCoverage", ruleId: "retain", phaseId: "phase-at-risk" },
      { kind: "purposeCoverage", ruleId: "retain", phaseId: "phase-lapsed" },
      { kind: "purposeCoverage", ruleId: "welcome-trial", phaseId: "phase-trial" },
      { kind: "purposeCoverage", ruleId: "welcome-trial", phaseId: "phase-advocate" },
    ]);
    expect(rows.map((row) => [row.lower, row.upper])).toEqual(rows.map(() => [1, Infinity]));
    // Advocates get no welcome: that row cannot hold, whatever is chosen.
    expect(rows[4]?.indices.length).toBe(0);
    expect(evaluateChoice(model, model.planOptionIndices).violated).toEqual([
      { kind: "purposeCoverage", ruleId: "welcome-trial", phaseId: "phase-advocate" },
    ]);
    const noSaveCall = planWith(model, "comm-save-call", -1);
    expect(evaluateChoice(model, noSaveCall).violated).toContainEqual({
      kind: "purposeCoverage",
      ruleId: "retain",
      phaseId: "phase-at-risk",
    });
  });

  it("keeps at most one communication of an exclusive group, ignoring members that are not candidates", () => {
    const model = modelOf(b2b(), {
      communications: B2B_OPTIONS,
      exclusiveGroups: [
        {
          id: "tips-or-news",
          name: "Tips or newsletter",
          communicationIds: ["comm-core-tips", "comm-customer-newsletter"],
        },
        { id: "retired", name: "Only one left", communicationIds: ["comm-save-call", "comm-lapsed-cold-calls"] },
      ],
    });
    const rows = rowsOf(model, "exclusiveGroup");
    expect(rows.map((row) => row.constraint)).toEqual([{ kind: "exclusiveGroup", groupId: "tips-or-news" }]);
    expect(rows[0]?.indices.length).toBe(9 + 2);
    expect(evaluateChoice(model, model.planOptionIndices).violated).toEqual([
      { kind: "exclusiveGroup", groupId: "tips-or-news" },
    ]);
    expect(evaluateChoice(model, planWith(model, "comm-customer-newsletter", -1)).violated).toEqual([]);
  });

  it("says why it cannot build a model, without throwing", () => {
    expect(buildOptimisationModel(b2b(), "no-such-scenario", settingsWith({}))).toEqual({
      ok: false,
      error: 'There is no scenario with the id "no-such-scenario" to optimise.',
    });
    const free: Roadmap = {
      ...emptyRoadmap(),
      phases: [{ ...blankPhase("phase-1"), initialCustomers: { "segment-1": 100 } }],
      communications: [communication("free", "phase-1")],
    };
    const noBudget = buildOptimisationModel(free, BASE_SCENARIO_ID, settingsWith({ objective: "value" }));
    expect(noBudget.ok ? "built" : noBudget.error).toMatch(/needs a budget/);
    expect(buildOptimisationModel(free, BASE_SCENARIO_ID, settingsWith({ objective: "value", budget: 10 })).ok).toBe(
      true,
    );
    const empty = buildOptimisationModel({ ...free, communications: [] }, BASE_SCENARIO_ID, settingsWith({}));
    expect(empty.ok ? "built" : empty.error).toMatch(/no communications to optimise/);
  });
});

describe("the optimisation model's contact caps", () => {
  /** 1,000 customers in onboarding at the start and 100 new ones a month, 10 % a month settle; a cap of 3. */
  const crowded = (communications: Roadmap["communications"]): Roadmap => ({
    ...onboarding(communications, 6),
    contactCap: 3,
  });
  const monthly = (id: string) => communication(id, "onboarding");

  it("counts the sends each cohort gets, as the contact-pressure view does, one row per set of options", () => {
    // Three monthly sends reach everyone (3, at the cap); the cohort that entered last month also gets the follow-up.
    const followUp = communication("follow-up", "onboarding", { timing: { kind: "onEntry", offsetMonths: 1 } });
    const roadmap = crowded([monthly("a"), monthly("b"), monthly("c"), followUp]);
    const model = modelOf(roadmap, { respectContactCaps: true });
    expect(rowsOf(model, "contactCap").map((row) => [row.constraint, [...row.indices], row.upper])).toEqual([
      [
        {
          kind: "contactCap",
          capOf: "roadmap",
          cap: 3,
          segmentId: "segment-1",
          phaseId: "onboarding",
          month: 1,
          entryMonth: 0,
        },
        [0, 1, 2, 3],
        3,
      ],
    ]);
    expect(planRoadmap(roadmap).pressure.collisions.map((c) => [c.month, c.entryMonth, c.count])).toEqual(
      [1, 2, 3, 4, 5].map((month) => [month, month - 1, 4]),
    );
    expect(evaluateChoice(model, model.planOptionIndices).violated.map((ref) => ref.kind)).toEqual(["contactCap"]);
    expect(evaluateChoice(model, planWith(model, "follow-up", -1)).violated).toEqual([]);

    // One more allowed contact a month lifts the cap over what any cohort could get.
    const roomier = modelOf(roadmap, { respectContactCaps: true }, { extraContacts: 1 });
    expect(rowsOf(roomier, "contactCap")).toEqual([]);
    expect(rowsOf(modelOf(roadmap, {}), "contactCap")).toEqual([]);
  });

  it("counts a channel's sends against its own cap, each interval's months apart", () => {
    const roadmap: Roadmap = {
      ...crowded([monthly("a"), monthly("b"), communication("call", "onboarding", { channelId: "phone" })]),
      channels: emptyRoadmap().channels.map((channel) => ({
        ...channel,
        contactCap: channel.id === "email" ? 1 : null,
      })),
    };
    const model = modelOf(roadmap, {
      respectContactCaps: true,
      communications: { b: { everyMonths: [2], personalisation: [], lock: "free" } },
    });
    expect(rowsOf(modelOf(roadmap, { respectContactCaps: true }, { extraContacts: 1 }), "contactCap")).toEqual([]);
    const rows = rowsOf(model, "contactCap");
    // a and b (monthly or every two months) in even months; odd months (a and b monthly) add nothing to that row.
    expect(rows.map((row) => [row.constraint.kind === "contactCap" && row.constraint.capOf, [...row.indices]])).toEqual(
      [["email", [0, 1, 2]]],
    );
    const everyTwo = model.candidates[1]?.optionIndices[1] as number;
    const choice = [model.planOptionIndices[0] as number, everyTwo, model.planOptionIndices[2] as number];
    expect(evaluateChoice(model, choice).violated).toEqual([rows[0]?.constraint]);
  });

  it(
    "breaks a cap row exactly when the plan engine finds the chosen plan over that cap",
    () => {
      let withCollisions = 0;
      fc.assert(
        fc.property(
          // Crowded: every communication on one of the first two phases, on entry in the first two months, the
          // roadmap's cap at most 2.
          smallRoadmaps.map((roadmap) => ({
            ...roadmap,
            contactCap: Math.min(roadmap.contactCap, 2),
            communications: roadmap.communications.map((c, i) => ({
              ...c,
              phaseId: (roadmap.phases[i % Math.min(2, roadmap.phases.length)] as Roadmap["phases"][number]).id,
              timing:
                c.timing.kind === "onEntry"
                  ? { kind: "onEntry" as const, offsetMonths: c.timing.offsetMonths % 2 }
                  : c.timing,
            })),
          })),
          fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
          fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
          (roadmap, picks, everyMonths) => {
            const communications = Object.fromEntries(
              roadmap.communications.map((c) => [
                c.id,
                {
                  everyMonths,
                  personalisation: [
                    { level: "oneToOne" as const, fixedCost: 50, costPerContact: null, responseRate: 0.3 },
                  ],
                  lock: "free" as const,
                },
              ]),
            );
            const result = buildOptimisationModel(
              roadmap,
              BASE_SCENARIO_ID,
              settingsWith({ respectContactCaps: true, communications }),
            );
            if (!result.ok) return;
            const model = result.value;
            const choice = model.candidates.map((candidate, c) => {
              const pick = (picks[c] as number) % (candidate.optionIndices.length + 1);
              return pick === 0 ? -1 : (candidate.optionIndices[pick - 1] as number);
            });
            const plan = planRoadmap(choiceAsRoadmap(roadmap, model, choice));
            const evaluation = evaluateChoice(model, choice);
            expect(evaluation.cost).toBeCloseTo(plan.budget.totalCost, 4);
            expect(evaluation.value).toBeCloseTo(plan.budget.totalValue, 4);

            const { collisions } = plan.pressure;
            if (collisions.length > 0) withCollisions++;
            const violated = model.rows.filter((row) => evaluation.violated.includes(row.constraint));
            expect(violated.length > 0).toBe(collisions.length > 0);
            const chosen = new Set(choice);
            const sendsOf = (indices: Int32Array) =>
              [...indices].filter((i) => chosen.has(i)).map((i) => model.options[i]?.communicationId);
            // Each collision's sends are in a broken row with a cap no higher (the same row, or one that implies it).
            for (const collision of collisions) {
              const row = violated.find((candidate) => {
                const sends = new Set(sendsOf(candidate.indices));
                return (
                  candidate.upper <= collision.cap &&
                  collision.communications.every((c) => sends.has(c.communicationId))
                );
              });
              expect(row, JSON.stringify(collision)).toBeDefined();
            }
            // And each broken row stands for a collision where it says.
            for (const { constraint } of violated) {
              if (constraint.kind !== "contactCap") continue;
              expect(
                collisions.some(
                  (c) =>
                    c.segmentId === constraint.segmentId &&
                    c.phaseId === constraint.phaseId &&
                    c.month === constraint.month &&
                    c.cap === constraint.cap,
                ),
                JSON.stringify(constraint),
              ).toBe(true);
            }
          },
        ),
        propertyRuns(300),
      );
      expect(withCollisions).toBeGreaterThan(20);
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});
