import { describe, expect, it } from "vitest";
import { communicationsOnPhases, type Point, parseRoadmap } from "../../../shared/model";
import { err, ok, type Result } from "../../../shared/result";
import { findCommand } from "../../app/commands";
import { createTestApp } from "../../test/fakes";
import {
  addPhaseAt,
  autoArrange,
  connect,
  copySelection,
  deletePhasesResolved,
  deleteSelection,
  duplicateSelection,
  pasteClip,
  pasteText,
  selectAll,
} from "./canvasActions";
import { type CanvasController, registerCanvasController } from "./canvasController";
import { PHASE_NODE_HEIGHT, PHASE_NODE_WIDTH } from "./canvasModel";
import type { LayoutService } from "./layoutService";

async function openRoadmap(templateId: string | null, layouter?: LayoutService) {
  const app = createTestApp(undefined, layouter ? { layouter } : {});
  const id = await app.store.getState().createRoadmap({ name: "Plan", client: "", templateId });
  await app.store.getState().openRoadmap(id);
  return app;
}

const state = (app: Awaited<ReturnType<typeof openRoadmap>>) => app.store.getState();
const phaseNamed = (app: Awaited<ReturnType<typeof openRoadmap>>, name: string) => {
  const phase = state(app).document?.phases.find((p) => p.name === name);
  if (!phase) throw new Error(`no phase ${name}`);
  return phase;
};

describe("canvas commands", () => {
  it("adds a phase where asked, selects it and starts renaming it; undo removes it", async () => {
    const app = await openRoadmap(null);
    addPhaseAt(state(app), { x: 400, y: 300 }, "retain");
    const [phase] = state(app).document?.phases ?? [];
    expect(phase).toMatchObject({ name: "New phase", stageId: "retain", position: { x: 300, y: 240 } });
    expect(state(app).selection.phaseIds).toEqual([phase?.id]);
    expect(state(app).renamingPhaseId).toBe(phase?.id);
    state(app).undo();
    expect(state(app).document?.phases).toEqual([]);
  });

  it("adds a phase asked for without a spot in the middle of the view, beside the phases already there", async () => {
    const app = await openRoadmap(null);
    const unregister = registerCanvasController(fakeCanvas({ x: 500, y: 400 }));
    try {
      addPhaseAt(state(app));
      state(app).select({ phaseIds: [], transitionIds: [] });
      addPhaseAt(state(app));
      addPhaseAt(state(app), undefined, "retain");
    } finally {
      unregister();
    }
    const phases = state(app).document?.phases ?? [];
    // The first is centred on the middle of the view, on the grid; the others go round it.
    expect(phases.map((p) => p.position)).toEqual([
      { x: 400, y: 340 },
      { x: 400, y: 480 },
      { x: 400, y: 200 },
    ]);
    expect(phases.map((p) => p.stageId)).toEqual(["acquire", "acquire", "retain"]);
  });

  it("adds the next phase right of the selected one, in the next stage and joined to it, as one undo step", async () => {
    const app = await openRoadmap(null);
    addPhaseAt(state(app), { x: 400, y: 300 }, "acquire");
    const [first] = state(app).document?.phases ?? [];
    addPhaseAt(state(app), { x: 800, y: 300 }, "acquire");
    state(app).select({ phaseIds: [first?.id ?? ""], transitionIds: [] });
    addPhaseAt(state(app));
    const added = state(app).document?.phases.at(-1);
    // Right of the first, a transition's length away; the phase already there pushes it down a row.
    expect(added).toMatchObject({ stageId: "onboard", position: { x: 600, y: 380 } });
    expect(state(app).document?.transitions).toMatchObject([{ from: first?.id, to: added?.id }]);
    expect(state(app).selection.phaseIds).toEqual([added?.id]);
    expect(state(app).renamingPhaseId).toBe(added?.id);
    state(app).undo();
    expect(state(app).document?.phases).toHaveLength(2);
    expect(state(app).document?.transitions).toEqual([]);
  });

  it("keeps a phase exactly where the user pointed, even on another phase", async () => {
    const app = await openRoadmap(null);
    addPhaseAt(state(app), { x: 400, y: 300 });
    addPhaseAt(state(app), { x: 400, y: 300 });
    expect(state(app).document?.phases.map((p) => p.position)).toEqual([
      { x: 300, y: 240 },
      { x: 300, y: 240 },
    ]);
  });

  it("connects two phases and refuses a self-loop or a duplicate with a message", async () => {
    const app = await openRoadmap(null);
    addPhaseAt(state(app), { x: 0, y: 0 });
    addPhaseAt(state(app), { x: 400, y: 0 });
    const [a, b] = state(app).document?.phases ?? [];
    if (!a || !b) throw new Error("phases missing");
    connect(state(app), a.id, b.id);
    expect(state(app).document?.transitions).toMatchObject([{ from: a.id, to: b.id, rate: 0.1 }]);
    connect(state(app), a.id, a.id);
    expect(state(app).notices.at(-1)?.message).toMatch(/cannot lead to itself/);
    connect(state(app), a.id, b.id);
    expect(state(app).notices.at(-1)?.message).toMatch(/already a transition/);
    connect(state(app), b.id, a.id);
    expect(state(app).document?.transitions).toHaveLength(2);
  });

  it("deletes a phase with neither communications nor transitions at once", async () => {
    const app = await openRoadmap("b2b-subscription-software");
    addPhaseAt(state(app), { x: 5000, y: 5000 });
    const added = phaseNamed(app, "New phase");
    deleteSelection(state(app));
    expect(state(app).dialog).toBeNull();
    expect(state(app).document?.phases.some((p) => p.id === added.id)).toBe(false);
  });

  it("asks before deleting a phase with transitions; the deletion takes them, and one undo brings all back", async () => {
    const app = await openRoadmap("b2b-subscription-software");
    const advocate = phaseNamed(app, "Advocate");
    state(app).edit((r) => ({ ...r, communications: r.communications.filter((c) => c.phaseId !== advocate.id) }));
    const before = state(app).document;
    state(app).select({ phaseIds: [advocate.id], transitionIds: [] });
    deleteSelection(state(app));
    expect(state(app).dialog).toEqual({ kind: "deletePhases", phaseIds: [advocate.id], transitionIds: [] });
    expect(state(app).document).toBe(before);

    deletePhasesResolved(state(app), [advocate.id], [], { kind: "delete" });
    const after = state(app).document;
    expect(after?.phases.some((p) => p.id === advocate.id)).toBe(false);
    expect(after?.transitions.some((t) => t.from === advocate.id || t.to === advocate.id)).toBe(false);
    state(app).undo();
    expect(state(app).document?.phases).toEqual(before?.phases);
    expect(state(app).document?.transitions).toEqual(before?.transitions);
  });

  it("asks before deleting a phase with communications, and can move them to another phase", async () => {
    const app = await openRoadmap("b2b-subscription-software");
    const onboarding = phaseNamed(app, "First 90 days");
    const active = phaseNamed(app, "Active single-product");
    const carried = communicationsOnPhases(state(app).document ?? never(), [onboarding.id]).map((c) => c.id);
    state(app).select({ phaseIds: [onboarding.id], transitionIds: [] });
    deleteSelection(state(app));
    expect(state(app).dialog).toEqual({ kind: "deletePhases", phaseIds: [onboarding.id], transitionIds: [] });
    expect(state(app).document?.phases.some((p) => p.id === onboarding.id)).toBe(true);

    const before = state(app).document;
    deletePhasesResolved(state(app), [onboarding.id], [], { kind: "moveTo", phaseId: active.id });
    const moved = state(app).document?.communications.filter((c) => carried.includes(c.id));
    expect(moved?.map((c) => c.phaseId)).toEqual(carried.map(() => active.id));
    expect(parseRoadmap(state(app).document).ok).toBe(true);
    state(app).undo();
    expect(state(app).document?.phases).toEqual(before?.phases);
    expect(state(app).document?.transitions).toEqual(before?.transitions);
    expect(state(app).document?.communications).toEqual(before?.communications);
  });

  it("duplicates a phase without customers next to it at once, and selects the copy", async () => {
    const app = await openRoadmap("b2b-subscription-software");
    const renewal = phaseNamed(app, "Renewal due");
    state(app).edit((r) => ({
      ...r,
      phases: r.phases.map((p) => (p.id === renewal.id ? { ...p, initialCustomers: {} } : p)),
    }));
    state(app).select({ phaseIds: [renewal.id], transitionIds: [] });
    duplicateSelection(state(app));
    expect(state(app).dialog).toBeNull();
    const copies = state(app).document?.phases.filter((p) => p.name === "Renewal due") ?? [];
    expect(copies).toHaveLength(2);
    const copy = copies.find((p) => p.id !== renewal.id);
    expect(copy?.position).toEqual({ x: renewal.position.x + 40, y: renewal.position.y + 40 });
    expect(state(app).selection.phaseIds).toEqual([copy?.id]);
  });

  it("asks before duplicating a phase that holds customers, and the copy starts empty unless asked", async () => {
    const app = await openRoadmap("b2b-subscription-software");
    const renewal = phaseNamed(app, "Renewal due");
    const before = state(app).document;
    state(app).select({ phaseIds: [renewal.id], transitionIds: [] });
    duplicateSelection(state(app));
    const dialog = state(app).dialog;
    if (dialog?.kind !== "pastePhases") throw new Error(`expected the paste question, got ${dialog?.kind}`);
    expect(dialog).toMatchObject({ action: "duplicate", offset: { x: 40, y: 40 } });
    expect(state(app).document).toBe(before);

    pasteClip(state(app), dialog.clip, dialog.offset, false);
    expect(state(app).dialog).toBeNull();
    const copy = state(app).document?.phases.find((p) => p.name === "Renewal due" && p.id !== renewal.id);
    expect(copy?.initialCustomers).toEqual({});
    expect(state(app).selection.phaseIds).toEqual([copy?.id]);

    state(app).undo();
    expect(state(app).document?.phases).toEqual(before?.phases);
    pasteClip(state(app), dialog.clip, dialog.offset, true);
    const counted = state(app).document?.phases.find((p) => p.name === "Renewal due" && p.id !== renewal.id);
    expect(counted?.initialCustomers).toEqual(renewal.initialCustomers);
  });

  it("copies phases from one roadmap and pastes them into another, bringing owners and channels along", async () => {
    const app = await openRoadmap("b2b-subscription-software");
    const source = state(app).document;
    const onboarding = phaseNamed(app, "First 90 days");
    state(app).select({ phaseIds: [onboarding.id], transitionIds: [] });
    const clip = copySelection(state(app));
    expect(clip?.communications.length).toBeGreaterThan(0);

    const blank = await state(app).createRoadmap({ name: "Other client", client: "", templateId: null });
    await state(app).openRoadmap(blank);
    pasteText(state(app), JSON.stringify(clip));
    // The phase holds customers: the paste waits for the answer, and without them is what it makes by default.
    expect(state(app).dialog).toMatchObject({ kind: "pastePhases", action: "paste", clip });
    expect(state(app).document?.phases).toEqual([]);
    pasteClip(state(app), clip ?? never(), (state(app).dialog as { offset: Point }).offset, false);
    const pasted = state(app).document;
    expect(pasted?.phases.map((p) => p.initialCustomers)).toEqual([{}]);
    expect(pasted?.phases.map((p) => p.name)).toEqual(["First 90 days"]);
    expect(pasted?.communications).toHaveLength(clip?.communications.length ?? -1);
    const ownerIds = new Set(pasted?.communications.map((c) => c.ownerId));
    expect(
      pasted?.owners
        .filter((o) => ownerIds.has(o.id))
        .map((o) => o.name)
        .sort(),
    ).toEqual(
      source?.owners
        .filter((o) => ownerIds.has(o.id))
        .map((o) => o.name)
        .sort(),
    );
    expect(parseRoadmap(pasted).ok).toBe(true);
  });

  it("refuses to paste text that is not phases, with the reason, changing nothing", async () => {
    const app = await openRoadmap("b2b-subscription-software");
    const before = state(app).document;
    pasteText(state(app), "Quarterly review notes");
    expect(state(app).notices.at(-1)).toMatchObject({
      tone: "error",
      message: "The clipboard does not hold phases from Relationship Roadmap.",
    });
    pasteText(state(app), JSON.stringify({ type: "relationship-roadmap/phases", version: 1, phases: [] }));
    expect(state(app).notices.at(-1)?.message).toMatch(/^The clipboard's phases could not be pasted: /);
    expect(state(app).document).toBe(before);
  });

  // The first auto-arrange loads elkjs (1.4 MB), as the app does on first use: slow on a busy machine.
  it("auto-arranges the whole roadmap as one undo step", { timeout: 30_000 }, async () => {
    const app = await openRoadmap("b2b-subscription-software");
    const before = state(app).document?.phases.map((p) => p.position);
    await autoArrange(state(app));
    const after = state(app).document?.phases.map((p) => p.position);
    expect(after).not.toEqual(before);
    state(app).undo();
    expect(state(app).document?.phases.map((p) => p.position)).toEqual(before);
  });

  it("shows it is arranging while the layout runs, and offers the command again when it is done", async () => {
    let finish: (result: Result<Map<string, Point>, string>) => void = () => {};
    const app = await openRoadmap("b2b-subscription-software", {
      layOut: () => new Promise((resolve) => (finish = resolve)),
    });
    const arrange = findCommand("canvas.autoArrange");
    const trial = phaseNamed(app, "Trial");
    const running = autoArrange(state(app));
    expect(state(app).arranging).toBe(true);
    expect(arrange?.isEnabled(state(app))).toBe(false);
    finish(ok(new Map([[trial.id, { x: 2000, y: 1000 }]])));
    await running;
    expect(state(app).arranging).toBe(false);
    expect(arrange?.isEnabled(state(app))).toBe(true);
    expect(phaseNamed(app, "Trial").position).toEqual({ x: 2000, y: 1000 });
  });

  it("says why auto-arrange failed and leaves the phases where they were", async () => {
    const app = await openRoadmap("b2b-subscription-software", { layOut: async () => err("the layout worker failed") });
    const before = state(app).document;
    await autoArrange(state(app));
    expect(state(app).document).toBe(before);
    expect(state(app).arranging).toBe(false);
    expect(state(app).notices.at(-1)).toMatchObject({
      tone: "error",
      message: "Auto-arrange failed: the layout worker failed. The phases stay where they were.",
    });
  });

  it("selects every phase and transition", async () => {
    const app = await openRoadmap("b2b-subscription-software");
    selectAll(state(app));
    expect(state(app).selection.phaseIds).toHaveLength(state(app).document?.phases.length ?? -1);
    expect(state(app).selection.transitionIds).toHaveLength(state(app).document?.transitions.length ?? -1);
  });
});

/** A canvas on screen whose view is centred on `center`, with every phase at its usual size. */
function fakeCanvas(center: Point): CanvasController {
  return {
    fitView: () => {},
    zoomTo: () => {},
    viewportCenter: () => center,
    screenToCanvas: (point) => point,
    sizeOf: () => ({ width: PHASE_NODE_WIDTH, height: PHASE_NODE_HEIGHT }),
    revealPhase: () => {},
    focus: () => {},
  };
}

function never(): never {
  throw new Error("no document");
}
