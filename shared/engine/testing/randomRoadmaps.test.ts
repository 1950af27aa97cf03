import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../../test/budget";
import { describeIssue } from "../../model/issues";
import { parseRoadmap } from "../../model/parse";
import { randomRoadmaps } from "./randomRoadmaps";

describe("randomRoadmaps", () => {
  it("only makes roadmaps the app would open, so the engine's properties hold for real documents", () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const result = parseRoadmap(JSON.parse(JSON.stringify(roadmap)));
        expect(result.ok ? [] : result.error.slice(0, 3).map(describeIssue)).toEqual([]);
      }),
      propertyRuns(100),
    );
  });
});
