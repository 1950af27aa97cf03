import { describe, expect, it, vi } from "vitest";
import { updatePhase } from "../../../shared/model";
import { eventually } from "../../../test/eventually";
import { failWrites } from "../../test/failingStorage";
import { createTestApp } from "../../test/fakes";

async function openTemplate() {
  let clock = new Date("2027-03-01T10:00:00Z").getTime();
  const app = createTestApp(() => new Date(clock));
  const id = await app.store
    .getState()
    .createRoadmap({ name: "", client: "", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  const advance = (ms: number) => {
    clock += ms;
  };
  return { ...app, id, advance };
}

const churnOf = (state: ReturnType<Awaited<ReturnType<typeof openTemplate>>["store"]["getState"]>, phaseId: string) =>
  state.document?.phases.find((p) => p.id === phaseId)?.churnRate;

describe("undo history", () => {
  it("undoes and redoes each change, newest first", async () => {
    const { store } = await openTemplate();
    const phase = store.getState().document?.phases[0];
    if (!phase) throw new Error("no phase");
    const original = phase.churnRate;
    store.getState().edit((r) => updatePhase(r, phase.id, { churnRate: 0.3 }));
    store.getState().edit((r) => updatePhase(r, phase.id, { name: "Free trial" }));

    store.getState().undo();
    expect(store.getState().document?.phases[0]?.name).toBe(phase.name);
    expect(churnOf(store.getState(), phase.id)).toBe(0.3);
    store.getState().undo();
    expect(churnOf(store.getState(), phase.id)).toBe(original);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().document?.phases[0]?.name).toBe("Free trial");
    expect(store.getState().future).toEqual([]);
  });

  it("makes typing in one field one undo step, but not edits of another field or after a pause", async () => {
    const { store, advance } = await openTemplate();
    const phase = store.getState().document?.phases[0];
    if (!phase) throw new Error("no phase");
    for (const name of ["F", "Fr", "Fre", "Free"]) {
      store.getState().edit((r) => updatePhase(r, phase.id, { name }), { coalesceKey: `phase:${phase.id}:name` });
      advance(200);
    }
    expect(store.getState().past).toHaveLength(1);
    store
      .getState()
      .edit((r) => updatePhase(r, phase.id, { churnRate: 0.2 }), { coalesceKey: `phase:${phase.id}:churn` });
    expect(store.getState().past).toHaveLength(2);
    advance(5000);
    store
      .getState()
      .edit((r) => updatePhase(r, phase.id, { churnRate: 0.25 }), { coalesceKey: `phase:${phase.id}:churn` });
    expect(store.getState().past).toHaveLength(3);

    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document?.phases[0]?.name).toBe("Free");
    store.getState().undo();
    expect(store.getState().document?.phases[0]?.name).toBe(phase.name);
  });

  it("a new change after undo drops the redo steps", async () => {
    const { store } = await openTemplate();
    const phase = store.getState().document?.phases[0];
    if (!phase) throw new Error("no phase");
    store.getState().edit((r) => updatePhase(r, phase.id, { churnRate: 0.3 }));
    store.getState().undo();
    store.getState().edit((r) => updatePhase(r, phase.id, { churnRate: 0.4 }));
    store.getState().redo();
    expect(churnOf(store.getState(), phase.id)).toBe(0.4);
  });

  it("survives switching between the editor's views but starts empty for another roadmap", async () => {
    const { store } = await openTemplate();
    const phase = store.getState().document?.phases[0];
    if (!phase) throw new Error("no phase");
    store.getState().edit((r) => updatePhase(r, phase.id, { churnRate: 0.3 }));
    expect(store.getState().past).toHaveLength(1);
    const other = await store.getState().createRoadmap({ name: "Other", client: "", templateId: null });
    await store.getState().openRoadmap(other);
    expect(store.getState().past).toEqual([]);
  });
});

describe("autosave", () => {
  it("saves a change to the library within a second, without a Save command", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const { store, repository, id } = await openTemplate();
      const phase = store.getState().document?.phases[0];
      if (!phase) throw new Error("no phase");
      store.getState().edit((r) => updatePhase(r, phase.id, { name: "Renamed on the canvas" }));
      expect(store.getState().saveStatus).toBe("pending");
      await vi.advanceTimersByTimeAsync(1000);
      vi.useRealTimers();
      await eventually(() => expect(store.getState().saveStatus).toBe("saved"));
      const saved = await repository.loadRoadmap(id);
      expect(saved.ok && saved.value.roadmap.phases[0]?.name).toBe("Renamed on the canvas");
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps saving while edits keep coming: no change waits more than a second", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const { store, repository, id, advance } = await openTemplate();
      const phase = store.getState().document?.phases[0];
      if (!phase) throw new Error("no phase");
      for (let i = 1; i <= 6; i++) {
        store.getState().edit((r) => updatePhase(r, phase.id, { name: `Name ${i}` }));
        advance(200);
        await vi.advanceTimersByTimeAsync(200);
      }
      vi.useRealTimers();
      await eventually(async () => {
        const saved = await repository.loadRoadmap(id);
        expect(saved.ok && saved.value.roadmap.phases[0]?.name).toMatch(/Name [4-6]/);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("flushes pending changes at once when asked (window hidden or closed)", async () => {
    const { store, repository, id } = await openTemplate();
    const phase = store.getState().document?.phases[0];
    if (!phase) throw new Error("no phase");
    store.getState().edit((r) => updatePhase(r, phase.id, { name: "Flushed" }));
    await store.getState().flushAutosave();
    const saved = await repository.loadRoadmap(id);
    expect(saved.ok && saved.value.roadmap.phases[0]?.name).toBe("Flushed");
    expect(store.getState().saveStatus).toBe("saved");
  });

  it("says plainly when the browser's storage is full, keeps the change, and saves it once there is room", async () => {
    const { store, repository, id } = await openTemplate();
    const phase = store.getState().document?.phases[0];
    if (!phase) throw new Error("no phase");
    const lift = failWrites(["documents"]);
    try {
      store.getState().edit((r) => updatePhase(r, phase.id, { name: "Kept" }));
      await store.getState().flushAutosave();
      expect(store.getState().saveStatus).toBe("failed");
      expect(store.getState().saveProblem).toBe("the browser's storage is full");
      expect(store.getState().notices.at(-1)?.message).toMatch(/^Changes are not saved: the browser's storage is full/);
      expect(store.getState().notices.at(-1)?.action?.label).toBe("Save as file…");
      expect(store.getState().document?.phases[0]?.name).toBe("Kept");

      // Another edit while it fails: still "failed", not "Saving…", and both changes wait in memory.
      store.getState().edit((r) => updatePhase(r, phase.id, { churnRate: 0.42 }));
      expect(store.getState().saveStatus).toBe("failed");
      await store.getState().flushAutosave();
      expect(store.getState().saveStatus).toBe("failed");
      const stored = await repository.loadRoadmap(id);
      expect(stored.ok && stored.value.roadmap.phases[0]?.name).toBe(phase.name);
    } finally {
      lift();
    }
    await store.getState().flushAutosave();
    expect(store.getState().saveStatus).toBe("saved");
    expect(store.getState().saveProblem).toBeNull();
    expect(store.getState().notices.at(-1)?.message).toBe("Your changes are saved to the library again.");
    const saved = await repository.loadRoadmap(id);
    expect(saved.ok && saved.value.roadmap.phases[0]).toMatchObject({ name: "Kept", churnRate: 0.42 });
  });

  it("keeps a roadmap whose changes the library refuses open instead of dropping them, and offers a file", async () => {
    const { store, saves } = await openTemplate();
    const lift = failWrites(["documents"]);
    try {
      store.getState().edit((r) => ({ ...r, name: "Renamed before closing" }));
      await store.getState().closeRoadmap();
      expect(store.getState().screen.kind).toBe("editor");
      expect(store.getState().document?.name).toBe("Renamed before closing");
      const notice = store.getState().notices.at(-1);
      expect(notice?.message).toMatch(/stays open: its changes are not saved \(the browser's storage is full\)/);
      notice?.action?.run();
      await eventually(() => expect(saves).toHaveLength(1));
      expect(saves[0]?.contents).toContain("Renamed before closing");
    } finally {
      lift();
    }
    await store.getState().closeRoadmap();
    expect(store.getState().screen.kind).toBe("home");
    expect(store.getState().summaries.map((s) => s.name)).toContain("Renamed before closing");
  });

  it("says the library was closed when the database connection is gone", async () => {
    const { store, repository } = await openTemplate();
    repository.close();
    store.getState().edit((r) => ({ ...r, name: "After close" }));
    await store.getState().flushAutosave();
    expect(store.getState().saveStatus).toBe("failed");
    expect(store.getState().saveProblem).toMatch(/^the library was closed/);
  });
});
