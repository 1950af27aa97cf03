import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { deleteElements, updateCommunication, updatePhase, updateTransition } from "./edits";
import { describeIssue } from "./issues";
import { LIMITS } from "./limits";
import { deleteCommunication, duplicateCommunication, moveCommunication } from "./organisation";
import { parseRoadmap } from "./parse";
import {
  addScenario,
  applyToAllScenarios,
  asIsFromExisting,
  communicationsLeftOut,
  communicationsOnlyIn,
  editInScenario,
  freeScenarioName,
  includeInScenario,
  ownFields,
  removeScenario,
  renameScenario,
  SCENARIO_FIELDS,
  useBaseValue,
} from "./scenarioEdits";
import { resolveScenario, scenarioChoices } from "./scenarios";
import { BASE_SCENARIO_ID, type Roadmap, type Scenario } from "./schema";
import { createB2bSubscriptionRoadmap } from "./templates/b2bSubscriptionSoftware";

const NOW = new Date("2026-12-01T10:00:00Z");

function b2b(): Roadmap {
  return createB2bSubscriptionRoadmap(NOW);
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** A scenario's view edited as the editor does it: the edit applied to what it shows, written back. */
function editIn(document: Roadmap, scenarioId: string, edit: (viewed: Roadmap) => Roadmap): Roadmap {
  const viewed = resolveScenario(document, scenarioId);
  return editInScenario(document, scenarioId, viewed, edit(viewed));
}

function problemsOf(roadmap: Roadmap): string[] {
  const result = parseRoadmap(JSON.parse(JSON.stringify(roadmap)));
  return result.ok ? [] : result.error.map(describeIssue);
}

/** The B2B template with an As-is (existing communications), a To-be (the base's copy) and a Lean scenario. */
function withThreeScenarios(): { roadmap: Roadmap; asIs: string; toBe: string; lean: string } {
  const asIs = must(asIsFromExisting(b2b()));
  const toBe = must(addScenario(asIs.roadmap, { name: "To-be" }));
  const lean = must(addScenario(toBe.roadmap, { name: "Lean" }));
  return { roadmap: lean.roadmap, asIs: asIs.scenarioId, toBe: toBe.scenarioId, lean: lean.scenarioId };
}

/** The plan's first communication duplicated while that plan is edited. */
function duplicateFirstIn(document: Roadmap, planId: string): { roadmap: Roadmap; addedId: string } {
  let addedId = "";
  const roadmap = editIn(document, planId, (v) => {
    const first = v.communications[0];
    const copy = first && duplicateCommunication(v, first.id);
    if (!copy) throw new Error("the plan has a communication to duplicate");
    addedId = copy.id;
    return copy.roadmap;
  });
  return { roadmap, addedId };
}

const commById = (roadmap: Roadmap, id: string) => roadmap.communications.find((c) => c.id === id);

describe("editInScenario", () => {
  it("gives exactly the edited roadmap when the base plan is edited and there are no scenarios", () => {
    const document = b2b();
    const first = document.communications[0];
    if (!first) throw new Error("template has communications");
    const after = updateCommunication(document, first.id, { responseRate: 0.5, name: "Renamed" });
    expect(editInScenario(document, BASE_SCENARIO_ID, document, after)).toBe(after);
  });

  it("keeps a scenario's response rate to that scenario and leaves the base and other scenarios as they were", () => {
    const { roadmap, toBe, lean } = withThreeScenarios();
    const comm = roadmap.communications[0];
    if (!comm) throw new Error("template has communications");
    const edited = editIn(roadmap, lean, (v) => updateCommunication(v, comm.id, { responseRate: 0.42 }));
    expect(commById(resolveScenario(edited, lean), comm.id)?.responseRate).toBe(0.42);
    expect(commById(resolveScenario(edited, toBe), comm.id)?.responseRate).toBe(comm.responseRate);
    expect(commById(edited, comm.id)).toBe(comm);
    expect(edited.scenarios.find((s) => s.id === lean)?.communications[comm.id]).toEqual({ responseRate: 0.42 });
  });

  it("shares a structural change (a name) with every scenario", () => {
    const { roadmap, toBe, lean } = withThreeScenarios();
    const comm = roadmap.communications[0];
    if (!comm) throw new Error("template has communications");
    const edited = editIn(roadmap, lean, (v) => updateCommunication(v, comm.id, { name: "Kick-off call" }));
    for (const id of [BASE_SCENARIO_ID, toBe, lean]) {
      expect(commById(resolveScenario(edited, id), comm.id)?.name).toBe("Kick-off call");
    }
    expect(edited.scenarios.find((s) => s.id === lean)?.communications[comm.id]).toBeUndefined();
  });

  it("pins the old value in the other scenarios when the base plan's value changes", () => {
    const { roadmap, toBe } = withThreeScenarios();
    const transition = roadmap.transitions[0];
    if (!transition) throw new Error("template has transitions");
    const edited = editIn(roadmap, BASE_SCENARIO_ID, (v) => updateTransition(v, transition.id, { rate: 0.33 }));
    expect(edited.transitions[0]?.rate).toBe(0.33);
    expect(resolveScenario(edited, toBe).transitions[0]?.rate).toBe(transition.rate);
    expect(edited.scenarios.find((s) => s.id === toBe)?.transitions[transition.id]).toEqual({ rate: transition.rate });
  });

  it("drops an override set back to the base plan's value, so a scenario says only what differs", () => {
    const { roadmap, lean } = withThreeScenarios();
    const phase = roadmap.phases[0];
    if (!phase) throw new Error("template has phases");
    const changed = editIn(roadmap, lean, (v) => updatePhase(v, phase.id, { churnRate: 0.2 }));
    const back = editIn(changed, lean, (v) => updatePhase(v, phase.id, { churnRate: phase.churnRate }));
    expect(back.scenarios.find((s) => s.id === lean)?.phases).toEqual({});
  });

  it("leaves a communication added in a scenario out of every other plan", () => {
    const { roadmap, asIs, toBe, lean } = withThreeScenarios();
    const { roadmap: edited, addedId } = duplicateFirstIn(roadmap, lean);
    expect(commById(resolveScenario(edited, lean), addedId)).toBeDefined();
    for (const id of [BASE_SCENARIO_ID, asIs, toBe])
      expect(commById(resolveScenario(edited, id), addedId)).toBeUndefined();
    expect(problemsOf(edited)).toEqual([]);
  });

  it("leaves a communication removed in a scenario out of it only, and deletes it when no plan has it", () => {
    const { roadmap, asIs, toBe, lean } = withThreeScenarios();
    const proposed = roadmap.communications.find((c) => c.status === "proposed");
    if (!proposed) throw new Error("template has proposed communications");
    const leanless = editIn(roadmap, lean, (v) => deleteCommunication(v, proposed.id));
    expect(commById(resolveScenario(leanless, lean), proposed.id)).toBeUndefined();
    expect(commById(resolveScenario(leanless, toBe), proposed.id)).toBeDefined();
    expect(commById(leanless, proposed.id)).toBeDefined();
    expect(communicationsLeftOut(leanless, lean).map((c) => c.id)).toContain(proposed.id);

    const fromToBe = editIn(leanless, toBe, (v) => deleteCommunication(v, proposed.id));
    const gone = editIn(fromToBe, BASE_SCENARIO_ID, (v) => deleteCommunication(v, proposed.id));
    expect(commById(gone, proposed.id)).toBeUndefined();
    expect(gone.scenarios.find((s) => s.id === asIs)?.excludedCommunicationIds).not.toContain(proposed.id);
    expect(problemsOf(gone)).toEqual([]);
  });

  it("deletes the hidden communications of a phase deleted in a scenario, and keeps the file valid", () => {
    const { roadmap, asIs } = withThreeScenarios();
    const phase = roadmap.phases.find((p) =>
      roadmap.communications.some((c) => c.phaseId === p.id && c.status === "proposed"),
    );
    if (!phase) throw new Error("template has a phase with proposed communications");
    const edited = editIn(roadmap, asIs, (v) => deleteElements(v, { phaseIds: [phase.id], transitionIds: [] }));
    expect(edited.communications.some((c) => c.phaseId === phase.id)).toBe(false);
    expect(problemsOf(edited)).toEqual([]);
  });

  it("keeps a sticky note on a communication the edited scenario does not show when something is deleted", () => {
    const { roadmap, asIs } = withThreeScenarios();
    const hidden = roadmap.communications.find((c) => c.status !== "existing");
    const transition = roadmap.transitions[0];
    if (!hidden || !transition) throw new Error("template has proposed communications and transitions");
    const noted: Roadmap = {
      ...roadmap,
      stickyNotes: [
        {
          id: "note-1",
          text: "Check the budget",
          author: "",
          status: "open",
          resolvedAt: null,
          createdAt: NOW.toISOString(),
          anchor: { kind: "communication", communicationId: hidden.id },
        },
      ],
    };
    const edited = editIn(noted, asIs, (v) => deleteElements(v, { phaseIds: [], transitionIds: [transition.id] }));
    expect(edited.stickyNotes[0]?.anchor).toEqual({ kind: "communication", communicationId: hidden.id });
  });

  it("keeps the view's order when a communication is moved in a scenario, with hidden ones in their places", () => {
    const { roadmap, asIs } = withThreeScenarios();
    const viewed = resolveScenario(roadmap, asIs);
    const second = viewed.communications.find(
      (c, i) => i > 0 && viewed.communications.slice(0, i).some((d) => d.phaseId === c.phaseId),
    );
    if (!second) throw new Error("two existing communications share a phase");
    const moved = moveCommunication(viewed, second.id, "up");
    const edited = editInScenario(roadmap, asIs, viewed, moved);
    expect(resolveScenario(edited, asIs).communications.map((c) => c.id)).toEqual(
      moved.communications.map((c) => c.id),
    );
    expect(edited.communications).toHaveLength(roadmap.communications.length);
  });

  it("does nothing when the view is unchanged", () => {
    const { roadmap, lean } = withThreeScenarios();
    const viewed = resolveScenario(roadmap, lean);
    expect(editInScenario(roadmap, lean, viewed, viewed)).toBe(roadmap);
  });
});

describe("scenario management", () => {
  it("adds a scenario that plans what the base plans", () => {
    const roadmap = b2b();
    const { roadmap: next, scenarioId } = must(addScenario(roadmap, { name: "  To-be " }));
    expect(next.scenarios.map((s) => s.name)).toEqual(["To-be"]);
    expect(resolveScenario(next, scenarioId).communications).toEqual(roadmap.communications);
  });

  it("duplicates a scenario with its own values and its left-out communications", () => {
    const { roadmap, asIs } = withThreeScenarios();
    const comm = resolveScenario(roadmap, asIs).communications[0];
    if (!comm) throw new Error("as-is has communications");
    const edited = editIn(roadmap, asIs, (v) => updateCommunication(v, comm.id, { costPerContact: 7 }));
    const { roadmap: copied, scenarioId } = must(addScenario(edited, { name: "As-is copy", copyOf: asIs }));
    expect(resolveScenario(copied, scenarioId).communications).toEqual(resolveScenario(copied, asIs).communications);
    const copy = copied.scenarios.find((s) => s.id === scenarioId);
    const source = copied.scenarios.find((s) => s.id === asIs);
    expect(copy?.communications).not.toBe(source?.communications);
  });

  it("refuses an empty name, a name in use (whatever its case) and one more than the limit", () => {
    const { roadmap } = withThreeScenarios();
    expect(addScenario(roadmap, { name: "   " })).toEqual({ ok: false, error: "A scenario needs a name." });
    expect(addScenario(roadmap, { name: "lean" })).toEqual({
      ok: false,
      error: "There is already a scenario called “Lean”. Choose another name.",
    });
    expect(addScenario(roadmap, { name: "PLAN" }).ok).toBe(false);
    expect(addScenario(roadmap, { name: "x".repeat(201) })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 200/),
    });
    expect(addScenario(roadmap, { name: "Copy", copyOf: "gone" })).toMatchObject({ ok: false });
    let full = b2b();
    for (let i = 0; i < LIMITS.scenarios; i += 1) full = must(addScenario(full, { name: `S${i}` })).roadmap;
    expect(addScenario(full, { name: "One more" })).toEqual({
      ok: false,
      error: `A roadmap can hold at most ${LIMITS.scenarios} scenarios besides its own plan; delete one first.`,
    });
    expect(full.scenarios).toHaveLength(LIMITS.scenarios);
  });

  it("renames a scenario and the base plan, refusing a clash but not its own name in another case", () => {
    const { roadmap, lean } = withThreeScenarios();
    expect(scenarioChoices(must(renameScenario(roadmap, lean, "LEAN"))).map((c) => c.name)).toContain("LEAN");
    expect(renameScenario(roadmap, lean, "To-be")).toMatchObject({ ok: false, error: expect.stringMatching(/To-be/) });
    expect(must(renameScenario(roadmap, BASE_SCENARIO_ID, "Proposal")).baseScenario.name).toBe("Proposal");
    expect(renameScenario(roadmap, "gone", "X")).toMatchObject({ ok: false });
  });

  it("refuses to delete the base plan, and deletes a scenario with the communications only it had", () => {
    const { roadmap, lean, toBe } = withThreeScenarios();
    expect(removeScenario(roadmap, BASE_SCENARIO_ID)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot be deleted/),
    });
    expect(removeScenario(roadmap, "gone")).toMatchObject({ ok: false });
    const { roadmap: withOwn, addedId } = duplicateFirstIn(roadmap, lean);
    expect(communicationsOnlyIn(withOwn, lean).map((c) => c.id)).toEqual([addedId]);
    const removed = must(removeScenario(withOwn, lean));
    expect(removed.scenarios.map((s) => s.id)).not.toContain(lean);
    expect(commById(removed, addedId)).toBeUndefined();
    expect(removed.baseScenario.excludedCommunicationIds).toEqual([]);
    expect(resolveScenario(removed, toBe).communications).toEqual(resolveScenario(withOwn, toBe).communications);
    expect(problemsOf(removed)).toEqual([]);
  });

  it("makes an as-is scenario of exactly the existing communications", () => {
    const roadmap = b2b();
    const { roadmap: next, scenarioId } = must(asIsFromExisting(roadmap));
    const existing = roadmap.communications.filter((c) => c.status === "existing").map((c) => c.id);
    expect(existing.length).toBeGreaterThan(0);
    expect(resolveScenario(next, scenarioId).communications.map((c) => c.id)).toEqual(existing);
    expect(next.scenarios[0]?.name).toBe("As-is");
    expect(asIsFromExisting(next)).toMatchObject({ ok: false, error: expect.stringMatching(/As-is/) });
    expect(must(asIsFromExisting(next, freeScenarioName(next, "As-is"))).roadmap.scenarios[1]?.name).toBe("As-is 2");
  });

  it("refuses an as-is scenario when no communication is existing", () => {
    const roadmap = b2b();
    const none = {
      ...roadmap,
      communications: roadmap.communications.map((c) => ({ ...c, status: "proposed" as const })),
    };
    expect(asIsFromExisting(none)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/No communication has the status/),
    });
  });
});

describe("own values", () => {
  it("lists the fields a scenario sets, gives them to all, or goes back to the base plan's value", () => {
    const { roadmap, toBe, lean } = withThreeScenarios();
    const comm = roadmap.communications[0];
    if (!comm) throw new Error("template has communications");
    const target = { kind: "communication", id: comm.id } as const;
    const lean42 = editIn(roadmap, lean, (v) =>
      updateCommunication(v, comm.id, { responseRate: 0.42, personalisation: "oneToOne" }),
    );
    const toBe9 = editIn(lean42, toBe, (v) => updateCommunication(v, comm.id, { responseRate: 0.09 }));
    expect(ownFields(toBe9, lean, target)).toEqual(["personalisation", "responseRate"]);
    expect(ownFields(toBe9, BASE_SCENARIO_ID, target)).toEqual([]);

    const applied = applyToAllScenarios(toBe9, lean, target);
    for (const id of scenarioChoices(applied).map((c) => c.id)) {
      const resolved = commById(resolveScenario(applied, id), comm.id);
      if (!resolved) continue;
      expect(resolved.responseRate).toBe(0.42);
      expect(resolved.personalisation).toBe("oneToOne");
      expect(ownFields(applied, id, target)).toEqual([]);
    }

    const based = useBaseValue(toBe9, lean, target, "responseRate");
    expect(commById(resolveScenario(based, lean), comm.id)?.responseRate).toBe(comm.responseRate);
    expect(ownFields(based, lean, target)).toEqual(["personalisation"]);
  });

  it("puts a left-out communication back into the scenario", () => {
    const { roadmap, asIs } = withThreeScenarios();
    const [leftOut] = communicationsLeftOut(roadmap, asIs);
    if (!leftOut) throw new Error("as-is leaves out proposed communications");
    const included = includeInScenario(roadmap, asIs, leftOut.id);
    expect(commById(resolveScenario(included, asIs), leftOut.id)).toEqual(leftOut);
    expect(includeInScenario(included, asIs, leftOut.id)).toBe(included);
  });
});

describe("editInScenario properties", () => {
  type Edit =
    | { kind: "comm"; index: number; field: (typeof SCENARIO_FIELDS.communication)[number]; value: number }
    | { kind: "rename"; index: number }
    | { kind: "rate"; index: number; value: number; bySegment: boolean }
    | { kind: "churn"; index: number; value: number }
    | { kind: "duplicate"; index: number }
    | { kind: "deleteComm"; index: number }
    | { kind: "move"; index: number; up: boolean }
    | { kind: "deleteTransition"; index: number }
    | { kind: "deletePhase"; index: number };

  const share = fc.double({ min: 0, max: 0.3, noNaN: true });
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({
      kind: fc.constant("comm" as const),
      index: fc.nat(),
      field: fc.constantFrom(...SCENARIO_FIELDS.communication),
      value: share,
    }),
    fc.record({ kind: fc.constant("rename" as const), index: fc.nat() }),
    fc.record({ kind: fc.constant("rate" as const), index: fc.nat(), value: share, bySegment: fc.boolean() }),
    fc.record({ kind: fc.constant("churn" as const), index: fc.nat(), value: share }),
    fc.record({ kind: fc.constant("duplicate" as const), index: fc.nat() }),
    fc.record({ kind: fc.constant("deleteComm" as const), index: fc.nat() }),
    fc.record({ kind: fc.constant("move" as const), index: fc.nat(), up: fc.boolean() }),
    fc.record({ kind: fc.constant("deleteTransition" as const), index: fc.nat() }),
    fc.record({ kind: fc.constant("deletePhase" as const), index: fc.nat() }),
  );

  function pick<T>(items: readonly T[], index: number): T | undefined {
    return items.length === 0 ? undefined : items[index % items.length];
  }

  function apply(viewed: Roadmap, e: Edit): Roadmap {
    switch (e.kind) {
      case "comm": {
        const c = pick(viewed.communications, e.index);
        if (!c) return viewed;
        const patch = {
          timing: { kind: "recurring", everyMonths: 1 + Math.round(e.value * 20) } as const,
          personalisation: e.value > 0.15 ? ("oneToOne" as const) : ("segment" as const),
          fixedCost: e.value > 0.2 ? null : Math.round(e.value * 1000),
          costPerContact: Math.round(e.value * 100) / 10,
          responseRate: e.value,
          valuePerResponse: Math.round(e.value * 5000),
        }[e.field];
        return updateCommunication(viewed, c.id, { [e.field]: patch });
      }
      case "rename": {
        const c = pick(viewed.communications, e.index);
        return c ? updateCommunication(viewed, c.id, { name: `${c.name}!`.slice(0, 200) }) : viewed;
      }
      case "rate": {
        const t = pick(viewed.transitions, e.index);
        const segment = viewed.segments[0];
        if (!t) return viewed;
        return e.bySegment && segment
          ? updateTransition(viewed, t.id, { rateBySegment: { ...t.rateBySegment, [segment.id]: e.value } })
          : updateTransition(viewed, t.id, { rate: e.value });
      }
      case "churn": {
        const p = pick(viewed.phases, e.index);
        return p ? updatePhase(viewed, p.id, { churnRate: e.value }) : viewed;
      }
      case "duplicate": {
        const c = pick(viewed.communications, e.index);
        return (c && duplicateCommunication(viewed, c.id)?.roadmap) || viewed;
      }
      case "deleteComm": {
        const c = pick(viewed.communications, e.index);
        return c ? deleteCommunication(viewed, c.id) : viewed;
      }
      case "move": {
        const c = pick(viewed.communications, e.index);
        return c ? moveCommunication(viewed, c.id, e.up ? "up" : "down") : viewed;
      }
      case "deleteTransition": {
        const t = pick(viewed.transitions, e.index);
        return t ? deleteElements(viewed, { phaseIds: [], transitionIds: [t.id] }) : viewed;
      }
      case "deletePhase": {
        const p = pick(viewed.phases, e.index);
        return p ? deleteElements(viewed, { phaseIds: [p.id], transitionIds: [] }) : viewed;
      }
    }
  }

  const plans = (roadmap: Roadmap) => scenarioChoices(roadmap).map((c) => c.id);

  /** What a plan says about the fields scenarios may set, by item id. */
  function overridable(roadmap: Roadmap, planId: string) {
    const resolved = resolveScenario(roadmap, planId);
    const pickFields = (item: Record<string, unknown>, fields: readonly string[]) =>
      Object.fromEntries(fields.map((f) => [f, item[f]]));
    return {
      communications: new Map(resolved.communications.map((c) => [c.id, pickFields(c, SCENARIO_FIELDS.communication)])),
      transitions: new Map(resolved.transitions.map((t) => [t.id, pickFields(t, SCENARIO_FIELDS.transition)])),
      phases: new Map(resolved.phases.map((p) => [p.id, pickFields(p, SCENARIO_FIELDS.phase)])),
    };
  }

  /** The B2B template with As-is, To-be and Lean, each already edited a little. */
  const document = fc.array(fc.tuple(fc.nat(3), edit), { maxLength: 6 }).map((setup) => {
    const { roadmap } = withThreeScenarios();
    return setup.reduce((doc, [plan, e]) => {
      const planId = plans(doc)[plan] ?? BASE_SCENARIO_ID;
      return editIn(doc, planId, (v) => apply(v, e));
    }, roadmap);
  });

  it(
    "never changes what another scenario plans for the fields a scenario may set, and the edited one plans exactly the view",
    () => {
      fc.assert(
        fc.property(document, fc.nat(3), edit, (doc, plan, e) => {
          const planId = plans(doc)[plan] ?? BASE_SCENARIO_ID;
          const viewed = resolveScenario(doc, planId);
          const after = apply(viewed, e);
          const next = editInScenario(doc, planId, viewed, after);
          const resolved = resolveScenario(next, planId);
          expect(resolved.communications).toEqual(after.communications);
          expect(resolved.transitions).toEqual(after.transitions);
          expect(resolved.phases).toEqual(after.phases);
          for (const other of plans(doc)) {
            if (other === planId) continue;
            const was = overridable(doc, other);
            const is = overridable(next, other);
            for (const list of ["communications", "transitions", "phases"] as const) {
              for (const [id, values] of is[list]) {
                const before = was[list].get(id);
                // A communication appears in another plan only when it was there already.
                expect(before, `${list} ${id} appeared in ${other}`).toBeDefined();
                expect(values).toEqual(before);
              }
            }
          }
          expect(problemsOf(next)).toEqual([]);
        }),
        propertyRuns(60),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it("gives exactly the edited roadmap for every edit of the base plan when there are no scenarios", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let doc = b2b();
        for (const e of edits) {
          const after = apply(doc, e);
          expect(editInScenario(doc, BASE_SCENARIO_ID, doc, after)).toBe(after);
          doc = after;
        }
      }),
      propertyRuns(50),
    );
  });

  it("is not vacuous: the generated edits set scenario values, add and delete communications", () => {
    const seen = new Set<string>();
    for (const [doc, plan, e] of fc.sample(fc.tuple(document, fc.nat(3), edit), propertyRuns(60))) {
      const planId = plans(doc)[plan] ?? BASE_SCENARIO_ID;
      const next = editIn(doc, planId, (v) => apply(v, e));
      const overrides = (s: Scenario[]) =>
        s.reduce(
          (n, x) =>
            n + Object.keys(x.communications).length + Object.keys(x.transitions).length + Object.keys(x.phases).length,
          0,
        );
      if (overrides(next.scenarios) > overrides(doc.scenarios)) seen.add("an override set");
      if (next.communications.length > doc.communications.length) seen.add("a communication added");
      if (next.communications.length < doc.communications.length) seen.add("a communication deleted");
      if (
        next.scenarios.some(
          (s, i) => s.excludedCommunicationIds.length > (doc.scenarios[i]?.excludedCommunicationIds.length ?? 0),
        )
      ) {
        seen.add("left out of a scenario");
      }
    }
    expect([...seen].sort()).toEqual([
      "a communication added",
      "a communication deleted",
      "an override set",
      "left out of a scenario",
    ]);
  });
});
