import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { applyEdit, type EditContext, randomEdit } from "../engine/testing/randomEdits";
import { copyPhases } from "./clipboard";
import { describeIssue } from "./issues";
import { parseRoadmap } from "./parse";
import type { Roadmap } from "./schema";
import { ROADMAP_TEMPLATES } from "./templates";

const FAST_CHECK = propertyRuns(100);

const NOW = new Date("2026-11-23T10:00:00Z");

function template(): Roadmap {
  const b2b = ROADMAP_TEMPLATES[0];
  if (!b2b) throw new Error("no template");
  return b2b.create(NOW);
}

/** The lines the user would be shown on reopening the document; empty when it is valid. */
function problemsOf(roadmap: Roadmap): string[] {
  const result = parseRoadmap(JSON.parse(JSON.stringify(roadmap)));
  return result.ok ? [] : result.error.map(describeIssue);
}

describe("any sequence of edits", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("keeps the B2B template a valid document after every step", () => {
    fc.assert(
      fc.property(fc.array(randomEdit, { maxLength: 25 }), (edits) => {
        const context: EditContext = { clip: copyPhases(template(), ["phase-at-risk", "phase-lapsed"]) };
        let roadmap = template();
        for (const [step, e] of edits.entries()) {
          roadmap = applyEdit(roadmap, e, context);
          const problems = problemsOf(roadmap);
          if (problems.length > 0) throw new Error(`after edit ${step + 1} (${e.kind}): ${problems.join("; ")}`);
        }
      }),
      FAST_CHECK,
    );
  });

  it("does change the document in those sequences, so the property is not vacuous", () => {
    const base = template();
    const seen = new Set<string>();
    for (const edits of fc.sample(fc.array(randomEdit, { minLength: 25, maxLength: 25 }), {
      seed: FAST_CHECK.seed,
      numRuns: 30,
    })) {
      const context: EditContext = { clip: null };
      const roadmap = edits.reduce((doc, e) => applyEdit(doc, e, context), template());
      if (roadmap.phases.length > base.phases.length) seen.add("more phases");
      if (base.phases.some((p) => !roadmap.phases.some((q) => q.id === p.id))) seen.add("a phase deleted");
      if (roadmap.transitions.some((t) => !base.transitions.some((u) => u.id === t.id))) seen.add("a new transition");
      if (roadmap.communications.length > base.communications.length) seen.add("more communications");
      if (roadmap.stages.length < base.stages.length) seen.add("fewer stages");
    }
    expect([...seen].sort()).toEqual(
      ["a new transition", "a phase deleted", "fewer stages", "more communications", "more phases"].sort(),
    );
  });
});
