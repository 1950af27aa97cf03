import type { Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultOptimiserSettings } from "../model/defaults";
import { BASE_SCENARIO_ID, type OptimiserSettings, type Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { describeConflict } from "./constraintText";
import { buildOptimisationModel, evaluateChoice } from "./optimisationModel";
import { runOptimisation } from "./runOptimisation";
import type { OptimisationRun, SolveProgress } from "./types";

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

const NOW = new Date("2026-11-23T10:00:00Z");

function b2b(): Roadmap {
  return createB2bSubscriptionRoadmap(NOW);
}

/** Generous limits: these tests are about answers, not speed. */
function settingsWith(patch: Partial<OptimiserSettings>): OptimiserSettings {
  return { ...defaultOptimiserSettings(), timeLimitSeconds: 600, gapTolerance: 0, ...patch };
}

function planCost(roadmap: Roadmap, settings: OptimiserSettings): number {
  const built = buildOptimisationModel(roadmap, BASE_SCENARIO_ID, settings);
  if (!built.ok) throw new Error(built.error);
  return built.value.planOptionIndices.reduce((sum, i) => sum + (built.value.options[i]?.cost ?? 0), 0);
}

function ran(result: ReturnType<typeof runOptimisation>): OptimisationRun {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe("runOptimisation on the B2B template", () => {
  it("with a budget 30 % below the plan's, finds the best plan within it, keeping to every row, and its frontier", () => {
    const roadmap = b2b();
    const budget = Math.round(planCost(roadmap, settingsWith({})) * 0.7);
    const settings = settingsWith({ objective: "value", budget });
    const progress: SolveProgress[] = [];
    const run = ran(
      runOptimisation(highs, roadmap, BASE_SCENARIO_ID, settings, {
        withFrontier: true,
        onProgress: (p) => progress.push(p),
      }),
    );
    expect(run.outcome.status).toBe("optimal");
    expect(run.outcome.cost).toBeLessThanOrEqual(budget);
    expect(evaluateChoice(run.model, run.outcome.choice).violated).toEqual([]);
    expect(run.outcome.binding[0]).toEqual({ kind: "budget", budget });

    const frontier = run.frontier;
    expect(frontier?.points.length).toBeGreaterThanOrEqual(10);
    const values = frontier?.points.map((point) => point.value) ?? [];
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // Whether the plan is on the frontier is answered by a solve at exactly its cost.
    expect(frontier?.points.map((point) => point.budget)).toContain(frontier?.plan.cost);
    expect(frontier?.marginalBudget?.method).toBe("dual");
    expect(progress[0]?.stage).toBe("model");
    expect(progress.some((p) => p.stage === "frontier")).toBe(true);
  });

  it("reports the finished plan before it draws the frontier, so stopping then keeps it", () => {
    const reported: { status: string; objective: number }[] = [];
    let frontierStarted = false;
    const run = ran(
      runOptimisation(highs, b2b(), BASE_SCENARIO_ID, settingsWith({}), {
        withFrontier: true,
        onProgress: (p) => {
          if (p.stage === "frontier") frontierStarted = true;
        },
        onImprovingSolution: (outcome) => {
          if (!frontierStarted) reported.push({ status: outcome.status, objective: outcome.objective });
        },
      }),
    );
    expect(reported.at(-1)).toEqual({ status: "optimal", objective: run.outcome.objective });
  });

  it("leaves the frontier out when not asked", () => {
    const run = ran(runOptimisation(highs, b2b(), BASE_SCENARIO_ID, settingsWith({}), { withFrontier: false }));
    expect(run.frontier).toBeNull();
    expect(run.outcome.status).toBe("optimal");
  });

  it("explains locked-in sends above the budget instead of failing", () => {
    const roadmap = b2b();
    const locked = roadmap.communications.slice(0, 3);
    const settings = settingsWith({
      budget: 1,
      communications: Object.fromEntries(
        locked.map((communication) => [
          communication.id,
          { everyMonths: [], personalisation: [], lock: "in" as const },
        ]),
      ),
    });
    const run = ran(runOptimisation(highs, roadmap, BASE_SCENARIO_ID, settings, { withFrontier: true }));
    expect(run.outcome.status).toBe("infeasible");
    expect(run.frontier).toBeNull();
    const sentence = describeConflict(run.outcome.conflict, run.model, roadmap);
    expect(sentence).toMatch(
      /^The communications locked in cost .*, more than the budget of €1\. Raise the budget or unlock some of: /,
    );
    const named = locked.filter((communication) => sentence.includes(communication.name));
    // Every locked-in send that costs something is part of going over; one that costs nothing is not.
    const costing = locked.filter((communication) => {
      const candidate = run.model.candidates.find((c) => c.communicationId === communication.id);
      return Math.min(...(candidate?.optionIndices ?? []).map((i) => run.model.options[i]?.cost ?? 0)) > 0;
    });
    expect(named).toEqual(costing);
    expect(named.length).toBeGreaterThan(0);
  });

  it("says which scenario it could not find", () => {
    const result = runOptimisation(highs, b2b(), "no-such-scenario", settingsWith({}), { withFrontier: false });
    expect(result).toEqual({ ok: false, error: 'There is no scenario with the id "no-such-scenario" to optimise.' });
  });
});
