import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA_VERSION, createRoadmap, type Roadmap, serializeRoadmap } from "../../../shared/model";
import { sampleRoadmap } from "../../../shared/model/testing/sampleRoadmap";
import { createMemoryPreferencesStorage } from "../../data/preferencesStorage";
import { createTestApp } from "../../test/fakes";
import { createInProcessLayoutService } from "../canvas/layoutService";
import { createInProcessCompareService } from "../compare/compareService";
import { createInProcessExportService } from "../export/exportService";
import { createInProcessOptimiserService } from "../optimiser/optimiserService";
import { createInProcessPlanService } from "../plan/planService";
import { createInProcessVersionComparer } from "../versions/versionComparer";
import { hasUnsavedFileChanges, OPEN_ROADMAP_SETTING } from "./editorSlice";

describe("editor session", () => {
  it("reopens the roadmap that was open when the app last closed", async () => {
    const first = createTestApp();
    const id = await first.store.getState().createRoadmap({ name: "Where I was", client: "", templateId: null });
    await first.store.getState().openRoadmap(id);

    // A second store over the same database stands for the app started again.
    const { createAppStore } = await import("../../app/appStore");
    const again = createAppStore({
      repository: first.repository,
      platform: first.platform,
      now: () => new Date(),
      planner: createInProcessPlanService(),
      exporter: createInProcessExportService(),
      layouter: createInProcessLayoutService(),
      comparer: createInProcessCompareService(),
      preferences: createMemoryPreferencesStorage(),
      versionComparer: createInProcessVersionComparer(),
      optimiser: createInProcessOptimiserService(),
    });
    await again.getState().restoreSession();
    expect(again.getState().screen).toEqual({ kind: "editor", roadmapId: id });
    expect(again.getState().document?.name).toBe("Where I was");
  });

  it("starts on the home screen after the roadmap was closed, or moved to the trash", async () => {
    const { store, repository } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "A", client: "", templateId: null });
    await store.getState().openRoadmap(id);
    await store.getState().closeRoadmap();
    expect(await repository.getSetting(OPEN_ROADMAP_SETTING)).toBeNull();

    await store.getState().openRoadmap(id);
    await repository.moveToTrash(id);
    await store.getState().restoreSession();
    expect(store.getState().summaries).toEqual([]);
  });

  it("closes any open dialog when another roadmap opens, so it cannot act on the wrong one", async () => {
    const { store } = createTestApp();
    const a = await store.getState().createRoadmap({ name: "A", client: "", templateId: null });
    const b = await store.getState().createRoadmap({ name: "B", client: "", templateId: null });
    await store.getState().openRoadmap(a);
    store.getState().openDialog({ kind: "stages" });
    await store.getState().openRoadmap(b);
    expect(store.getState().dialog).toBeNull();
  });

  it("saves to the same file again without asking once saved, and asks again on Save As", async () => {
    const { store, saves } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Plan", client: "", templateId: null });
    await store.getState().openRoadmap(id);
    await store.getState().saveToFile({ saveAs: false });
    await store.getState().saveToFile({ saveAs: false });
    await store.getState().saveToFile({ saveAs: true });
    expect(saves.map((save) => save.handle)).toEqual([null, "h1", null]);
  });
});

describe("changes the roadmap's file does not have yet", () => {
  const rename = (name: string) => (roadmap: Roadmap) => ({ ...roadmap, name });

  it("are none for a roadmap that lives only in the library", async () => {
    const { store } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Plan", client: "", templateId: null });
    await store.getState().openRoadmap(id);
    store.getState().edit(rename("Plan B"));
    expect(hasUnsavedFileChanges(store.getState())).toBe(false);
  });

  it("appear with an edit after saving, and go with the next save or an undo back to the saved version", async () => {
    const { store } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Plan", client: "", templateId: null });
    await store.getState().openRoadmap(id);
    await store.getState().saveToFile({ saveAs: false });
    expect(hasUnsavedFileChanges(store.getState())).toBe(false);

    store.getState().edit(rename("Plan B"));
    expect(hasUnsavedFileChanges(store.getState())).toBe(true);
    store.getState().undo();
    expect(hasUnsavedFileChanges(store.getState())).toBe(false);

    store.getState().edit(rename("Plan C"));
    await store.getState().saveToFile({ saveAs: false });
    expect(hasUnsavedFileChanges(store.getState())).toBe(false);
  });

  it("stay when saving fails, whose reason is shown", async () => {
    const { store, failNextSaves } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Plan", client: "", templateId: null });
    await store.getState().openRoadmap(id);
    await store.getState().saveToFile({ saveAs: false });
    store.getState().edit(rename("Plan B"));
    failNextSaves("The disk is full, so the file could not be saved. Free some space and try again.");
    await store.getState().saveToFile({ saveAs: false });
    expect(hasUnsavedFileChanges(store.getState())).toBe(true);
    expect(store.getState().document?.name).toBe("Plan B");
    expect(store.getState().notices.at(-1)).toMatchObject({
      tone: "error",
      message: expect.stringMatching(/disk is full/),
    });
  });

  it("belong to the roadmap saved, even when another opened while the save dialog was up", async () => {
    const { store, platform } = createTestApp();
    const a = await store.getState().createRoadmap({ name: "A", client: "", templateId: null });
    const b = await store.getState().createRoadmap({ name: "B", client: "", templateId: null });
    await store.getState().openRoadmap(a);
    const save = platform.saveFile;
    platform.saveFile = async (request) => {
      await store.getState().openRoadmap(b);
      return save(request);
    };
    await store.getState().saveToFile({ saveAs: true });
    expect(store.getState().document?.name).toBe("B");
    expect(store.getState().fileHandle).toBeNull();
  });

  it("are tracked against the file a roadmap was opened from, which Save writes back to", async () => {
    const { store, saves } = createTestApp();
    const roadmap = createRoadmap({ now: new Date("2027-01-01T00:00:00Z") });
    const text = serializeRoadmap(roadmap);
    await store
      .getState()
      .importFile({ handle: "h-opened", name: "Plan.roadmap", text, sizeInBytes: text.length }, { open: true });
    expect(hasUnsavedFileChanges(store.getState())).toBe(false);
    store.getState().edit(rename("Plan B"));
    expect(hasUnsavedFileChanges(store.getState())).toBe(true);
    await store.getState().saveToFile({ saveAs: false });
    expect(saves.at(-1)?.handle).toBe("h-opened");
  });

  it("opens a roadmap kept in an older format, says once what updating it changed, and keeps it updated", async () => {
    const { store, repository } = createTestApp();
    const current = sampleRoadmap();
    // As format 1 stored it: a segment size beside the phases' own customers, which format 2 drops.
    const v1 = {
      ...JSON.parse(serializeRoadmap(current)),
      schemaVersion: 1,
      segments: current.segments.map((segment) => ({ ...segment, size: 900 })),
    } as unknown as Roadmap;
    await repository.addRoadmap(v1);

    await store.getState().openRoadmap(current.id);
    expect(store.getState().document?.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(store.getState().notices.at(-1)?.message).toBe(
      "“Sample roadmap”: It was saved by an older version of the app and has been brought up to date: The segment “Small business” had a size of 900 but 500 customers at the start in its phases; the app now uses the phases' figures, and the size is dropped.",
    );
    const stored = await repository.loadRoadmap(current.id);
    expect(stored.ok && stored.value.migrationNotes).toEqual([]);

    const notices = store.getState().notices.length;
    await store.getState().openRoadmap(current.id);
    expect(store.getState().notices).toHaveLength(notices);
  });
});
