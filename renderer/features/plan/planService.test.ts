import { describe, expect, it } from "vitest";
import type { Roadmap } from "../../../shared/model/schema";
import { createB2bSubscriptionRoadmap } from "../../../shared/model/templates/b2bSubscriptionSoftware";
import { withSurveyWave } from "../../../shared/survey/testing/surveyWave";
import {
  createPlanner,
  createPlanRequestHandler,
  createWorkerPlanService,
  type PlanOutcome,
  type PlanRequestMessage,
  type PlanResponseMessage,
} from "./planService";

/**
 * A worker that copies every message both ways as a real one does, and runs
 * the real worker's handler on what it receives.
 */
function fakePlanWorker() {
  const handle = createPlanRequestHandler();
  const received: PlanRequestMessage[] = [];
  const listeners: ((event: MessageEvent<PlanResponseMessage>) => void)[] = [];
  const worker = {
    postMessage(message: PlanRequestMessage) {
      const copy = structuredClone(message);
      received.push(copy);
      queueMicrotask(() => {
        const data = structuredClone(handle(copy));
        for (const listener of listeners) listener({ data } as MessageEvent<PlanResponseMessage>);
      });
    },
    addEventListener(type: string, listener: (event: MessageEvent<PlanResponseMessage>) => void) {
      if (type === "message") listeners.push(listener);
    },
    terminate() {},
  };
  return { worker: worker as unknown as Worker, received };
}

/** The template with a wave of answers that differ by phase and ask for fewer contacts than the plan sends. */
function roadmapWithSurvey(strength: (phaseIndex: number) => number): Roadmap {
  const roadmap = createB2bSubscriptionRoadmap(new Date("2026-05-01T09:00:00.000Z"));
  const rows = roadmap.phases.flatMap((phase, index) =>
    [0, 1, 2, 3, 4, 5].map((k) => ({
      phase: phase.id,
      answers: Math.min(5, Math.max(1, strength(index) + (k % 2))),
      preferredContactsPerMonth: 0,
    })),
  );
  return withSurveyWave(roadmap, rows);
}

function renamed(roadmap: Roadmap, index: number, name: string): Roadmap {
  return { ...roadmap, phases: roadmap.phases.map((phase, i) => (i === index ? { ...phase, name } : phase)) };
}

describe("the worker plan service", () => {
  it("sends the survey once across edits that keep it, again when it changes, and plans as a fresh planner would", async () => {
    const { worker, received } = fakePlanWorker();
    const service = createWorkerPlanService(() => worker);
    const outcomes: PlanOutcome[] = [];
    service.onResult((outcome) => outcomes.push(outcome));
    const planned = async (roadmap: Roadmap) => {
      const before = outcomes.length;
      service.request(roadmap);
      await expect.poll(() => outcomes.length).toBe(before + 1);
      return outcomes.at(-1);
    };
    const fresh = (roadmap: Roadmap) => createPlanner()(structuredClone(roadmap));

    const first = roadmapWithSurvey((i) => 5 - (i % 4));
    const edits = [first, renamed(first, 0, "Signed up"), renamed(renamed(first, 0, "Signed up"), 1, "Trial")];
    for (const roadmap of edits) expect(await planned(roadmap)).toEqual(fresh(roadmap));
    expect(received.map((message) => message.survey !== undefined)).toEqual([true, false, false]);

    const resurveyed = roadmapWithSurvey((i) => 1 + (i % 3));
    // The new answers change what the plan says, so a worker that kept the old survey would be caught.
    expect(fresh(resurveyed)).not.toEqual(fresh(first));
    expect(await planned(resurveyed)).toEqual(fresh(resurveyed));
    const renamedAgain = renamed(resurveyed, 2, "Paying");
    expect(await planned(renamedAgain)).toEqual(fresh(renamedAgain));
    expect(received.map((message) => message.survey !== undefined)).toEqual([true, false, false, true, false]);
    expect(received.every((message) => !("survey" in message.roadmap))).toBe(true);
  });

  it("answers with an error, not a plan without answers, when a document arrives before any survey", () => {
    const roadmap = roadmapWithSurvey(() => 3);
    const { survey: _survey, ...withoutSurvey } = roadmap;
    expect(createPlanRequestHandler()({ seq: 1, roadmap: withoutSurvey })).toEqual({
      seq: 1,
      roadmapId: roadmap.id,
      error: "the planning worker got no survey",
    });
  });
});
