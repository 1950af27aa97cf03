import { describe, expect, it } from "vitest";
import { describeIssue } from "../../model/issues";
import { parseRoadmap } from "../../model/parse";
import { scenarioBenchmarkRoadmap } from "./scenarioBenchmark";

describe("the scenario benchmark's roadmap", () => {
  it("is a valid roadmap file whose scenarios override what the benchmark says", () => {
    const roadmap = scenarioBenchmarkRoadmap();
    const parsed = parseRoadmap(JSON.parse(JSON.stringify(roadmap)));
    expect(parsed.ok ? [] : parsed.error.map((issue) => describeIssue(issue))).toEqual([]);
    const [asIs, lean] = roadmap.scenarios;
    expect(asIs?.excludedCommunicationIds.length).toBeGreaterThan(0);
    expect(Object.keys(lean?.communications ?? {}).length).toBeGreaterThanOrEqual(300);
    expect(Object.keys(lean?.transitions ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(lean?.phases ?? {}).length).toBeGreaterThan(0);
  });
});
