import { describe, expect, it } from "vitest";
import { isLoopTransition, loopTransitionIds } from "./loops";
import type { Roadmap, Transition } from "./schema";
import { sampleRoadmap } from "./testing/sampleRoadmap";

function roadmapWithStages(
  fromStage: string,
  toStage: string,
  markedAsLoop = false,
): { roadmap: Roadmap; t: Transition } {
  const base = sampleRoadmap();
  const [a, b] = base.phases;
  if (!a || !b) throw new Error("the sample has two phases");
  const t: Transition = { id: "t", from: a.id, to: b.id, rate: 0.1, rateBySegment: {}, trigger: "", markedAsLoop };
  const roadmap: Roadmap = {
    ...base,
    // Drawn right to left: a loop is what a transition means, never where it sits.
    phases: [
      { ...a, stageId: fromStage, position: { x: 0, y: 0 } },
      { ...b, stageId: toStage, position: { x: -500, y: 0 } },
    ],
    transitions: [t],
  };
  return { roadmap, t };
}

describe("loop transitions", () => {
  it("is a loop when it goes to an earlier stage", () => {
    const { roadmap, t } = roadmapWithStages("winBack", "retain");
    expect(isLoopTransition(roadmap, t)).toBe(true);
    expect([...loopTransitionIds(roadmap)]).toEqual(["t"]);
  });

  it("is not a loop when it goes forward or stays in its stage, wherever the phases are drawn", () => {
    expect(
      isLoopTransition(roadmapWithStages("acquire", "onboard").roadmap, roadmapWithStages("acquire", "onboard").t),
    ).toBe(false);
    const same = roadmapWithStages("retain", "retain");
    expect(isLoopTransition(same.roadmap, same.t)).toBe(false);
  });

  it("is a loop when the user marked it so, even going forward", () => {
    const { roadmap, t } = roadmapWithStages("acquire", "onboard", true);
    expect(isLoopTransition(roadmap, t)).toBe(true);
  });

  it("follows the roadmap's own stage order", () => {
    const { roadmap, t } = roadmapWithStages("acquire", "onboard");
    const reordered = { ...roadmap, stages: [...roadmap.stages].reverse() };
    expect(isLoopTransition(reordered, t)).toBe(true);
  });
});
