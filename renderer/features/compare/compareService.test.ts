import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../../shared/engine";
import { BASE_SCENARIO_ID, type Roadmap } from "../../../shared/model";
import { ROADMAP_TEMPLATES } from "../../../shared/model/templates";
import type { WorkerAnswer, WorkerRequest } from "../../workers/workerCall";
import { createComparer } from "./comparer";
import { type CompareRequest, createInProcessCompareService, createWorkerCompareService } from "./compareService";

function roadmapWithAsIs(): Roadmap {
  const roadmap = ROADMAP_TEMPLATES[0]?.create(new Date("2026-11-23T10:00:00Z"));
  if (!roadmap) throw new Error("no template");
  const proposed = roadmap.communications.filter((c) => c.status !== "existing").map((c) => c.id);
  return {
    ...roadmap,
    scenarios: [
      {
        id: "as-is",
        name: "As-is",
        notes: "",
        excludedCommunicationIds: proposed,
        communications: {},
        transitions: {},
        phases: {},
        optimisation: null,
      },
    ],
  };
}

/**
 * A worker that runs the comparison as the real one does, but on this thread
 * and after a tick, through a structured clone both ways as postMessage makes.
 */
class ComparingWorker extends EventTarget {
  private readonly compare = createComparer();
  crashWith: string | null = null;
  postMessage(message: WorkerRequest<CompareRequest>) {
    const { seq, request } = structuredClone(message);
    setTimeout(() => {
      if (this.crashWith !== null) {
        this.dispatchEvent(Object.assign(new Event("error"), { message: this.crashWith }));
        return;
      }
      const answer: WorkerAnswer<unknown> = { seq, ...this.compare(request) };
      this.dispatchEvent(new MessageEvent("message", { data: structuredClone(answer) }));
    });
  }
  terminate() {}
}

describe("the comparison service", () => {
  it("answers from the worker with the comparison of the scenarios asked for", async () => {
    const roadmap = roadmapWithAsIs();
    const service = createWorkerCompareService(() => new ComparingWorker() as unknown as Worker);
    const comparison = await service.compare(roadmap, [BASE_SCENARIO_ID, "as-is"]);
    expect(comparison).toEqual(compareScenarios(roadmap, [BASE_SCENARIO_ID, "as-is"]));
    expect(comparison.scenarios.map((s) => s.name)).toEqual([roadmap.baseScenario.name, "As-is"]);
  });

  it("fails with the worker's message when the worker crashes", async () => {
    const worker = new ComparingWorker();
    worker.crashWith = "out of memory";
    const service = createWorkerCompareService(() => worker as unknown as Worker);
    await expect(service.compare(roadmapWithAsIs(), [BASE_SCENARIO_ID, "as-is"])).rejects.toThrow("out of memory");
  });

  it("fails, naming the id, when asked for a scenario the roadmap does not have", async () => {
    const service = createInProcessCompareService();
    await expect(service.compare(roadmapWithAsIs(), [BASE_SCENARIO_ID, "to-be"])).rejects.toThrow(
      /could not be compared.*to-be/,
    );
  });

  it("gives after an edit the figures a comparison afresh gives, though it keeps each scenario's planning", async () => {
    const roadmap = roadmapWithAsIs();
    const compare = createComparer();
    compare({ roadmap, scenarioIds: [BASE_SCENARIO_ID, "as-is"] });
    const existing = roadmap.communications.findIndex((c) => c.status === "existing");
    const edited: Roadmap = {
      ...roadmap,
      communications: roadmap.communications.map((c, i) => (i === existing ? { ...c, costPerContact: 99 } : c)),
    };
    // As a worker receives it: a copy, sharing no object with the document compared before.
    const again = compare({ roadmap: structuredClone(edited), scenarioIds: [BASE_SCENARIO_ID, "as-is"] });
    expect(again).toEqual({ ok: true, value: compareScenarios(edited, [BASE_SCENARIO_ID, "as-is"]) });
    const before = compareScenarios(roadmap, [BASE_SCENARIO_ID, "as-is"]).scenarios[1]?.totals.budget ?? 0;
    expect(again.ok && again.value.scenarios[1]?.totals.budget).toBeGreaterThan(before);
  });

  it("compares on the calling thread too, for tests and tools", async () => {
    const roadmap = roadmapWithAsIs();
    const comparison = await createInProcessCompareService().compare(roadmap, ["as-is", BASE_SCENARIO_ID]);
    expect(comparison).toEqual(compareScenarios(roadmap, ["as-is", BASE_SCENARIO_ID]));
  });
});
