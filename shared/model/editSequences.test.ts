import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { copyPhases, DUPLICATE_OFFSET, type PhaseClip, parsePhaseClip, pastePhases } from "./clipboard";
import {
  type Alignment,
  addPhase,
  alignPhases,
  connectPhases,
  deleteElements,
  distributePhases,
  movePhases,
  type OrphanedCommunications,
  replaceStages,
  updatePhase,
  updateTransition,
} from "./edits";
import { describeIssue } from "./issues";
import { parseRoadmap } from "./parse";
import type { Roadmap } from "./schema";
import { ROADMAP_TEMPLATES } from "./templates";

const FAST_CHECK = propertyRuns(100);

const NOW = new Date("2026-11-23T10:00:00Z");
const SIZE = { width: 220, height: 104 };
const sizeOf = () => SIZE;

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

/** Indices are drawn unbounded and taken modulo the list as it is when the edit runs. */
function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function pickIds(items: readonly { id: string }[], indices: readonly number[]): string[] {
  return [...new Set(indices.flatMap((i) => pick(items, i)?.id ?? []))];
}

const index = fc.nat();
const indices = fc.array(fc.nat(), { maxLength: 4 });
const share = fc.double({ min: 0, max: 1, noNaN: true });
const coordinate = fc.double({ min: -5000, max: 5000, noNaN: true });
const point = fc.record({ x: coordinate, y: coordinate });

type Edit =
  | { kind: "add"; stage: number; at: { x: number; y: number } }
  | { kind: "connect"; from: number; to: number; rate: number }
  | { kind: "delete"; phases: number[]; transitions: number[]; moveTo: number | null }
  | { kind: "duplicate"; phases: number[]; withCustomers: boolean }
  | { kind: "copy"; phases: number[] }
  | { kind: "paste"; offset: { x: number; y: number }; withCustomers: boolean }
  | { kind: "move"; moves: { phase: number; to: { x: number; y: number } }[] }
  | { kind: "align"; phases: number[]; alignment: Alignment }
  | { kind: "distribute"; phases: number[]; axis: "horizontal" | "vertical" }
  | { kind: "churn"; phase: number; churnRate: number }
  | { kind: "rate"; transition: number; rate: number; segment: number; segmentRate: number | null }
  | { kind: "stages"; keep: number[]; fallback: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("add"), stage: index, at: point }),
  fc.record({ kind: fc.constant("connect"), from: index, to: index, rate: share }),
  fc.record({ kind: fc.constant("delete"), phases: indices, transitions: indices, moveTo: fc.option(index) }),
  fc.record({ kind: fc.constant("duplicate"), phases: indices, withCustomers: fc.boolean() }),
  fc.record({ kind: fc.constant("copy"), phases: indices }),
  fc.record({ kind: fc.constant("paste"), offset: point, withCustomers: fc.boolean() }),
  fc.record({
    kind: fc.constant("move"),
    moves: fc.array(fc.record({ phase: index, to: point }), { maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant("align"),
    phases: indices,
    alignment: fc.constantFrom<Alignment>("left", "centerX", "right", "top", "middle", "bottom"),
  }),
  fc.record({
    kind: fc.constant("distribute"),
    phases: indices,
    axis: fc.constantFrom<"horizontal" | "vertical">("horizontal", "vertical"),
  }),
  fc.record({ kind: fc.constant("churn"), phase: index, churnRate: share }),
  fc.record({
    kind: fc.constant("rate"),
    transition: index,
    rate: share,
    segment: index,
    segmentRate: fc.option(share),
  }),
  fc.record({ kind: fc.constant("stages"), keep: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fallback: index }),
);

/** One user edit, as the canvas and the inspector make it; `clip` is what the clipboard holds. */
function apply(roadmap: Roadmap, e: Edit, clipboard: { clip: PhaseClip | null }): Roadmap {
  switch (e.kind) {
    case "add": {
      const stage = pick(roadmap.stages, e.stage);
      return stage ? addPhase(roadmap, { stageId: stage.id, position: e.at }).roadmap : roadmap;
    }
    case "connect": {
      const from = pick(roadmap.phases, e.from);
      const to = pick(roadmap.phases, e.to);
      if (!from || !to) return roadmap;
      const result = connectPhases(roadmap, from.id, to.id, e.rate);
      return result.ok ? result.value.roadmap : roadmap;
    }
    case "delete": {
      const target = e.moveTo === null ? undefined : pick(roadmap.phases, e.moveTo);
      const orphans: OrphanedCommunications = target ? { kind: "moveTo", phaseId: target.id } : { kind: "delete" };
      return deleteElements(
        roadmap,
        { phaseIds: pickIds(roadmap.phases, e.phases), transitionIds: pickIds(roadmap.transitions, e.transitions) },
        orphans,
      );
    }
    case "duplicate": {
      const clip = copyPhases(roadmap, pickIds(roadmap.phases, e.phases));
      return clip
        ? pastePhases(roadmap, clip, DUPLICATE_OFFSET, { withStartingCustomers: e.withCustomers }).roadmap
        : roadmap;
    }
    case "copy": {
      // Through the clipboard's text, as Copy and Paste take it.
      const clip = copyPhases(roadmap, pickIds(roadmap.phases, e.phases));
      if (!clip) return roadmap;
      const read = parsePhaseClip(JSON.stringify(clip));
      if (!read.ok) throw new Error(read.error);
      clipboard.clip = read.value;
      return roadmap;
    }
    case "paste":
      return clipboard.clip
        ? pastePhases(roadmap, clipboard.clip, e.offset, { withStartingCustomers: e.withCustomers }).roadmap
        : roadmap;
    case "move":
      return movePhases(
        roadmap,
        new Map(e.moves.flatMap(({ phase, to }) => pickIds(roadmap.phases, [phase]).map((id) => [id, to] as const))),
      );
    case "align":
      return alignPhases(roadmap, pickIds(roadmap.phases, e.phases), e.alignment, sizeOf);
    case "distribute":
      return distributePhases(roadmap, pickIds(roadmap.phases, e.phases), e.axis, sizeOf);
    case "churn": {
      const phase = pick(roadmap.phases, e.phase);
      return phase ? updatePhase(roadmap, phase.id, { churnRate: e.churnRate }) : roadmap;
    }
    case "rate": {
      const transition = pick(roadmap.transitions, e.transition);
      const segment = pick(roadmap.segments, e.segment);
      if (!transition || !segment) return roadmap;
      const rateBySegment = { ...transition.rateBySegment };
      if (e.segmentRate === null) delete rateBySegment[segment.id];
      else rateBySegment[segment.id] = e.segmentRate;
      return updateTransition(roadmap, transition.id, { rate: e.rate, rateBySegment });
    }
    case "stages": {
      // As the stages dialog does: keep some stages, in a new order; the first one takes the rest's phases.
      const stages = [...new Set(e.keep.flatMap((i) => pick(roadmap.stages, i) ?? []))];
      const fallback = stages[0];
      return fallback ? replaceStages(roadmap, stages, fallback.id) : roadmap;
    }
  }
}

describe("any sequence of edits", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("keeps the B2B template a valid document after every step", () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const clipboard: { clip: PhaseClip | null } = {
          clip: copyPhases(template(), ["phase-at-risk", "phase-lapsed"]),
        };
        let roadmap = template();
        for (const [step, e] of edits.entries()) {
          roadmap = apply(roadmap, e, clipboard);
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
    for (const edits of fc.sample(fc.array(edit, { minLength: 25, maxLength: 25 }), {
      seed: FAST_CHECK.seed,
      numRuns: 30,
    })) {
      const clipboard: { clip: PhaseClip | null } = { clip: null };
      const roadmap = edits.reduce((doc, e) => apply(doc, e, clipboard), template());
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
