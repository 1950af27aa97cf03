import fc from "fast-check";
import loadHighs, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { createPlanEngine } from "../engine/planEngine";
import { describeIssue } from "../model/issues";
import { parseRoadmap } from "../model/parse";
import { resolveScenario } from "../model/scenarios";
import type { OptimiserSettings, Roadmap } from "../model/schema";
import { computeFrontier } from "./frontier";
import { buildOptimisationModel } from "./optimisationModel";
import { writeOptimisedScenario } from "./optimisedScenario";
import { runOptimisation } from "./runOptimisation";
import { solveOptimisation } from "./solveOptimisation";
import { bruteForce, bruteForceFrontier, choiceJudge, type Judgement } from "./testing/bruteForce";
import { largeInstances, type OptimiserInstance, smallInstances } from "./testing/smallInstances";
import type { OptimisationModel } from "./types";

/**
 * The evidence that the optimiser is right: on small instances its best plan
 * is the best of all plans, tried one by one with the plan engine; its plan,
 * planned again by the engine (as a roadmap and as the scenario it writes),
 * keeps every rule and is worth what it said; on larger ones it keeps every
 * rule and does at least as well as the plan; the frontier only rises.
 */

/** Solved to proven best, however long that takes on a busy machine: no result depends on timing. */
const EXACT = { timeLimitSeconds: 3_600, gapTolerance: 0 } as const;

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const close = (actual: number, expected: number, relative = 1e-6) =>
  Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));

function modelOf(instance: OptimiserInstance): OptimisationModel {
  const built = buildOptimisationModel(instance.document, instance.scenarioId, instance.settings);
  if (!built.ok) throw new Error(`the optimiser refused valid settings: ${built.error}`);
  return built.value;
}

/** How many options the settings give a communication: its own, times its other frequencies and levels. */
function optionsOffered(instance: OptimiserInstance, communicationId: string): number {
  const viewed = resolveScenario(instance.document, instance.scenarioId);
  const communication = viewed.communications.find((c) => c.id === communicationId);
  const offered: OptimiserSettings["communications"][string] | undefined =
    instance.settings.communications[communicationId];
  const frequencies = communication?.timing.kind === "recurring" ? 1 + (offered?.everyMonths.length ?? 0) : 1;
  return frequencies * (1 + (offered?.personalisation.length ?? 0));
}

describe("the optimiser on small instances", () => {
  it(
    "finds the best plan of all, as trying every choice with the plan engine does, and agrees on which plans keep the rules",
    () => {
      fc.assert(
        fc.property(smallInstances, (instance) => {
          const model = modelOf(instance);
          const live = resolveScenario(instance.document, instance.scenarioId).communications.filter(
            (c) => c.status !== "retired",
          );
          // The enumeration trusts the model's candidates and options: check they are what the settings offer.
          expect(model.candidates.map((c) => c.communicationId)).toEqual(live.map((c) => c.id));
          // Options that would send nothing are left out of the model: never more than offered, the current first.
          for (const candidate of model.candidates) {
            expect(candidate.optionIndices.length, candidate.communicationId).toBeLessThanOrEqual(
              optionsOffered(instance, candidate.communicationId),
            );
            expect(model.options[candidate.optionIndices[0] as number]?.isCurrent).toBe(true);
          }

          const outcome = solveOptimisation(highs, model, EXACT);
          const { best, disagreements } = bruteForce(instance, model);
          // Every choice, not only the best: the model's rows keep exactly the plans the engine finds within the rules.
          expect(disagreements).toEqual([]);
          if (best === null) {
            expect(outcome.status).toBe("infeasible");
            return;
          }
          expect(outcome.status).toBe("optimal");
          expect(
            close(outcome.objective, best.objective),
            `solver ${outcome.objective} (${outcome.choice}), brute force ${best.objective} (${best.choice})`,
          ).toBe(true);
          const judged = choiceJudge(instance, model).judge(outcome.choice);
          expect(judged.broken).toEqual([]);
          expect(close(judged.objective, best.objective)).toBe(true);
        }),
        propertyRuns(25),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it(
    "chooses a plan that, planned again as a roadmap and as the scenario it writes, keeps every rule and is worth what it said",
    () => {
      fc.assert(
        fc.property(smallInstances, (instance) => {
          const result = runOptimisation(highs, instance.document, instance.scenarioId, instance.settings, {
            withFrontier: false,
          });
          if (!result.ok) throw new Error(result.error);
          const run = result.value;
          if (run.outcome.status === "infeasible") return;
          const judge = choiceJudge(instance, run.model);
          const reported = run.outcome;
          const asRoadmap = judge.judge(reported.choice);
          expect(asRoadmap.broken).toEqual([]);
          expectWorth(asRoadmap, reported);

          const written = writeOptimisedScenario(instance.document, run, { now: new Date("2027-03-01T10:00:00Z") });
          if (!written.ok) throw new Error(written.error);
          const optimised = resolveScenario(written.value.roadmap, written.value.scenarioId);
          expectOnlyOfferedOptions(instance, optimised);
          const asScenario = judge.judgeRoadmap(optimised);
          expect(asScenario.broken).toEqual([]);
          expectWorth(asScenario, reported);
          // Saved and opened again, the roadmap with its new scenario and record is a valid file.
          const reopened = parseRoadmap(JSON.parse(JSON.stringify(written.value.roadmap)));
          expect(reopened.ok ? [] : reopened.error.slice(0, 3).map(describeIssue)).toEqual([]);
        }),
        propertyRuns(20),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it(
    "draws a frontier whose every point is the best plan within its budget, as trying every choice finds, never falling",
    () => {
      fc.assert(
        fc.property(smallInstances, (instance) => {
          const model = modelOf(instance);
          const { points } = computeFrontier(highs, model, { points: 10, contactModel: null, ...EXACT });
          const expected = bruteForceFrontier(
            instance,
            model,
            points.map((point) => point.budget),
          );
          points.forEach((point, k) => {
            const best = expected[k];
            expect(point.feasible, `budget ${point.budget}`).toBe(best !== null);
            if (!best) return;
            // The chart shows net for the net objective and undiscounted value for the value objective.
            const [shown, truth] =
              instance.settings.objective === "net" ? [point.net, best.objective] : [point.value, best.value];
            expect(close(shown, truth), `budget ${point.budget}: frontier ${shown}, brute force ${truth}`).toBe(true);
          });
          expectMonotone(points, instance.settings.objective);
        }),
        propertyRuns(10),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

describe("the optimiser on generated roadmaps of 60 to 150 communications", () => {
  it(
    "keeps every rule, planned again by the engine, and does at least as well as the plan when the plan keeps them",
    () => {
      fc.assert(
        fc.property(largeInstances, (instance) => {
          const model = modelOf(instance);
          const outcome = solveOptimisation(highs, model, EXACT);
          const judge = choiceJudge(instance, model);
          const engine = createPlanEngine();
          const plan = judge.judgeRoadmap(resolveScenario(instance.document, instance.scenarioId), engine);
          if (outcome.status === "infeasible") {
            // Nothing is locked in, so leaving everything out keeps every rule: the optimiser must find a plan.
            throw new Error(`infeasible: ${outcome.conflict.map((c) => c.kind).join(", ")}`);
          }
          const chosen = judge.judge(outcome.choice, engine);
          expect(chosen.broken).toEqual([]);
          expectWorth(chosen, outcome);
          if (plan.broken.length === 0) {
            expect(chosen.objective).toBeGreaterThanOrEqual(
              plan.objective - 1e-6 * Math.max(1, Math.abs(plan.objective)),
            );
          }
        }),
        propertyRuns(3),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it(
    "draws a frontier whose best objective never falls as the budget grows",
    () => {
      fc.assert(
        fc.property(largeInstances, (instance) => {
          const frontier = computeFrontier(highs, modelOf(instance), { points: 10, contactModel: null, ...EXACT });
          expectMonotone(frontier.points, instance.settings.objective);
        }),
        propertyRuns(1),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

/**
 * Each communication the optimised scenario sends is one the optimised scenario sent, changed only in what
 * the settings offered: another of its allowed intervals, or another level with that level's costs (a null
 * cost keeping its own) and response rate. Checked on the roadmap, not the model, so a wrong option would show.
 */
function expectOnlyOfferedOptions(instance: OptimiserInstance, optimised: Roadmap): void {
  const before = new Map(resolveScenario(instance.document, instance.scenarioId).communications.map((c) => [c.id, c]));
  for (const sent of optimised.communications) {
    const own = before.get(sent.id);
    expect(own, `${sent.id} was not in the scenario`).toBeDefined();
    if (!own) continue;
    const offered = instance.settings.communications[sent.id];
    const { timing, personalisation, fixedCost, costPerContact, responseRate, ...rest } = sent;
    const { timing: ownTiming, personalisation: ownLevel, ...ownRest } = own;
    expect(rest).toEqual(Object.fromEntries(Object.entries(ownRest).filter(([key]) => key in rest)));
    if (ownTiming.kind === "recurring" && timing.kind === "recurring") {
      expect([ownTiming.everyMonths, ...(offered?.everyMonths ?? [])]).toContain(timing.everyMonths);
    } else {
      expect(timing).toEqual(ownTiming);
    }
    const level =
      personalisation === ownLevel
        ? { fixedCost: own.fixedCost, costPerContact: own.costPerContact, responseRate: own.responseRate }
        : offered?.personalisation.find((option) => option.level === personalisation);
    expect(level, `${sent.id} at ${personalisation}, not offered`).toBeDefined();
    expect({ fixedCost, costPerContact, responseRate }).toEqual({
      fixedCost: level?.fixedCost ?? own.fixedCost,
      costPerContact: level?.costPerContact ?? own.costPerContact,
      responseRate: level?.responseRate,
    });
  }
}

/** The engine's figures for a plan match what the solver reported of it: value, cost and the objective. */
function expectWorth(judged: Judgement, reported: { objective: number; value: number; cost: number }): void {
  expect(close(judged.value, reported.value), `value: engine ${judged.value}, solver ${reported.value}`).toBe(true);
  expect(close(judged.cost, reported.cost), `cost: engine ${judged.cost}, solver ${reported.cost}`).toBe(true);
  expect(
    close(judged.objective, reported.objective),
    `objective: engine ${judged.objective}, solver ${reported.objective}`,
  ).toBe(true);
}

function expectMonotone(
  points: readonly { budget: number; cost: number; value: number; net: number; feasible: boolean }[],
  objective: OptimiserSettings["objective"],
): void {
  expect(points.length).toBeGreaterThan(0);
  for (const [before, after] of points.slice(0, -1).map((point, i) => [point, points[i + 1]] as const)) {
    if (!after) continue;
    expect(after.budget).toBeGreaterThanOrEqual(before.budget);
    // More budget never makes a plan impossible, and never makes the best plan worse.
    if (before.feasible) expect(after.feasible).toBe(true);
    if (before.feasible && after.feasible) {
      const worth = (point: typeof before) => (objective === "net" ? point.net : point.value);
      expect(worth(after)).toBeGreaterThanOrEqual(worth(before) - 1e-6 * Math.max(1, Math.abs(worth(before))));
    }
  }
  for (const point of points) {
    if (point.feasible) expect(point.cost).toBeLessThanOrEqual(point.budget + 1e-6 * Math.max(1, point.budget));
  }
}
