import { describe, expect, it } from "vitest";
import { createRoadmap, serializeRoadmap } from "../../../shared/model";
import { eventually } from "../../../test/eventually";
import { failWrites } from "../../test/failingStorage";
import { createTestApp } from "../../test/fakes";

const TEMPLATE_ID = "b2b-subscription-software";

describe("library", () => {
  it("says why the library refused a write — duplicate, rename, import — and lists what it really holds", async () => {
    const { store } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Original", client: "", templateId: null });
    const lift = failWrites(["documents"]);
    try {
      await store.getState().duplicateRoadmap(id);
      expect(store.getState().notices.at(-1)?.message).toBe(
        "Duplicating failed: the browser's storage is full. Nothing was changed.",
      );
      await store.getState().renameRoadmap(id, "New name");
      expect(store.getState().notices.at(-1)?.message).toBe(
        "Renaming failed: the browser's storage is full. Nothing was changed.",
      );
      const imported = { ...createRoadmap({ name: "From a file" }) };
      await store
        .getState()
        .importFile(
          { handle: "h", name: "file.roadmap", text: serializeRoadmap(imported), sizeInBytes: 10 },
          { open: true },
        );
      expect(store.getState().notices.at(-1)?.message).toMatch(
        /^Adding “From a file” failed: the browser's storage is full/,
      );
      expect(store.getState().screen.kind).toBe("home");
    } finally {
      lift();
    }
    await store.getState().refreshLibrary();
    expect(store.getState().summaries.map((s) => s.name)).toEqual(["Original"]);
  });

  it("creates a roadmap from the template under the name and client given", async () => {
    const { store } = createTestApp();
    const id = await store
      .getState()
      .createRoadmap({ name: "  Acme renewal plan ", client: "Acme", templateId: TEMPLATE_ID });
    const [summary] = store.getState().summaries;
    expect(summary).toMatchObject({ id, name: "Acme renewal plan", client: "Acme" });
    expect(summary?.phaseCount).toBeGreaterThanOrEqual(6);
  });

  it("a blank roadmap with no name given is called “Untitled roadmap” and has no phases", async () => {
    const { store } = createTestApp();
    await store.getState().createRoadmap({ name: "", client: "", templateId: null });
    expect(store.getState().summaries).toMatchObject([{ name: "Untitled roadmap", phaseCount: 0 }]);
  });

  it("renames, and refuses an empty or over-long name with the reason, leaving the old name", async () => {
    const { store, repository } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Old", client: "", templateId: null });

    expect(await store.getState().renameRoadmap(id, "   ")).toBe("The name must not be empty.");
    expect(await store.getState().renameRoadmap(id, "x".repeat(201))).toBe("The name must be at most 200 characters.");
    expect(store.getState().summaries[0]?.name).toBe("Old");

    expect(await store.getState().renameRoadmap(id, "New name")).toBeNull();
    expect(store.getState().summaries[0]?.name).toBe("New name");
    const loaded = await repository.loadRoadmap(id);
    expect(loaded.ok && loaded.value.roadmap.name).toBe("New name");
  });

  it("duplicates into a separate roadmap that edits do not share", async () => {
    const { store } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Original", client: "", templateId: TEMPLATE_ID });
    await store.getState().duplicateRoadmap(id);
    const names = store
      .getState()
      .summaries.map((s) => s.name)
      .sort();
    expect(names).toEqual(["Original", "Original (copy)"]);
    const copy = store.getState().summaries.find((s) => s.name === "Original (copy)");
    await store.getState().renameRoadmap(copy?.id ?? "", "Variant B");
    expect(
      store
        .getState()
        .summaries.map((s) => s.name)
        .sort(),
    ).toEqual(["Original", "Variant B"]);
  });

  it("moves to the trash with an Undo that brings it back", async () => {
    const { store } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Oops", client: "", templateId: null });
    await store.getState().moveToTrash(id);
    expect(store.getState().summaries).toEqual([]);
    expect(store.getState().trash.map((s) => s.name)).toEqual(["Oops"]);

    const notice = store.getState().notices.at(-1);
    expect(notice?.message).toBe("Moved “Oops” to the trash.");
    notice?.action?.run();
    await eventually(() => expect(store.getState().summaries.map((s) => s.name)).toEqual(["Oops"]));
    expect(store.getState().trash).toEqual([]);
  });

  it("empties the trash for good", async () => {
    const { store, repository } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Gone", client: "", templateId: null });
    await store.getState().moveToTrash(id);
    await store.getState().emptyTrash();
    expect(store.getState().trash).toEqual([]);
    expect(await repository.getSummary(id)).toBeUndefined();
  });

  describe("import", () => {
    const file = (text: string, name = "client.roadmap") => ({
      handle: "upload",
      name,
      text,
      sizeInBytes: text.length,
    });

    it("adds a valid file to the library", async () => {
      const { store } = createTestApp();
      const roadmap = createRoadmap({ name: "From a colleague" });
      await store.getState().importFile(file(serializeRoadmap(roadmap)));
      expect(store.getState().summaries.map((s) => s.id)).toEqual([roadmap.id]);
      expect(store.getState().dialog).toBeNull();
    });

    it.each([
      ["not JSON", "{ this is not json", /client\.roadmap could not be opened: the file is not valid JSON/],
      [
        "the wrong shape",
        serializeRoadmap({ ...createRoadmap(), horizonMonths: -3 }),
        /client\.roadmap could not be opened: horizonMonths: must be between 1 and 600, got -3/,
      ],
      [
        "a newer version",
        JSON.stringify({ ...createRoadmap(), schemaVersion: 7 }),
        /saved by a newer version of Relationship Roadmap/,
      ],
      ["absurd nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`, /nests 5000 levels deep/],
    ])("refuses %s with a message naming the file and problem, library unchanged", async (_, text, message) => {
      const { store } = createTestApp();
      await store.getState().createRoadmap({ name: "Existing", client: "", templateId: null });
      const before = store.getState().summaries;

      await store.getState().importFile(file(text));

      const dialog = store.getState().dialog;
      expect(dialog?.kind).toBe("importError");
      if (dialog?.kind === "importError") expect(dialog.error.summary).toMatch(message);
      await store.getState().refreshLibrary();
      expect(store.getState().summaries).toEqual(before);
    });

    it("refuses a file over 20 MB before reading it", async () => {
      const { store } = createTestApp();
      await store
        .getState()
        .importFile({ handle: "upload", name: "huge.roadmap", text: "{}", sizeInBytes: 21 * 1024 * 1024 });
      const dialog = store.getState().dialog;
      if (dialog?.kind !== "importError") throw new Error("expected an import error");
      expect(dialog.error.summary).toMatch(
        /huge\.roadmap could not be opened: the file is 21\.0 MB, larger than the 20\.0 MB/,
      );
      expect(store.getState().summaries).toEqual([]);
    });

    it("asks before replacing a roadmap the library already has, and Replace can be undone", async () => {
      const { store, repository } = createTestApp();
      const roadmap = createRoadmap({ name: "Mine" });
      await repository.addRoadmap(roadmap);
      await store.getState().importFile(file(serializeRoadmap({ ...roadmap, name: "Theirs" })));
      expect(store.getState().dialog).toMatchObject({ kind: "importConflict", existingName: "Mine" });

      await store.getState().resolveImportConflict("replace");
      expect(store.getState().summaries.map((s) => s.name)).toEqual(["Theirs"]);
      store.getState().notices.at(-1)?.action?.run();
      await eventually(async () => {
        const loaded = await repository.loadRoadmap(roadmap.id);
        expect(loaded.ok && loaded.value.roadmap.name).toBe("Mine");
      });
    });

    it("shows the imported version in the editor when it replaces the open roadmap", async () => {
      const { store, repository } = createTestApp();
      const roadmap = createRoadmap({ name: "Mine" });
      await repository.addRoadmap(roadmap);
      await store.getState().openRoadmap(roadmap.id);
      await store.getState().importFile(file(serializeRoadmap({ ...roadmap, name: "Theirs" })));
      await store.getState().resolveImportConflict("replace");
      expect(store.getState().document?.name).toBe("Theirs");
      // A later edit must not write the old version back.
      await store.getState().flushAutosave();
      const saved = await repository.loadRoadmap(roadmap.id);
      expect(saved.ok && saved.value.roadmap.name).toBe("Theirs");
    });

    it("keeps both as separate roadmaps when asked", async () => {
      const { store, repository } = createTestApp();
      const roadmap = createRoadmap({ name: "Mine" });
      await repository.addRoadmap(roadmap);
      await store.getState().importFile(file(serializeRoadmap(roadmap)));
      await store.getState().resolveImportConflict("keepBoth");
      expect(store.getState().summaries).toHaveLength(2);
      expect(new Set(store.getState().summaries.map((s) => s.id)).size).toBe(2);
    });

    it("cancel leaves the library as it was", async () => {
      const { store, repository } = createTestApp();
      const roadmap = createRoadmap({ name: "Mine" });
      await repository.addRoadmap(roadmap);
      await store.getState().importFile(file(serializeRoadmap({ ...roadmap, name: "Theirs" })));
      await store.getState().resolveImportConflict("cancel");
      await store.getState().refreshLibrary();
      expect(store.getState().summaries.map((s) => s.name)).toEqual(["Mine"]);
    });

    it("opens the imported roadmap when importing through Open…", async () => {
      const { store, queueOpen } = createTestApp();
      const roadmap = createRoadmap({ name: "Open me" });
      queueOpen({ canceled: false, file: file(serializeRoadmap(roadmap)) });
      await store.getState().importFromDisk({ open: true });
      expect(store.getState().screen).toEqual({ kind: "editor", roadmapId: roadmap.id });
      expect(store.getState().document?.name).toBe("Open me");
    });

    it("says what it changed when the file was saved by an older version of the app", async () => {
      const { store, queueOpen } = createTestApp();
      const roadmap = createRoadmap({ name: "From 2026" });
      const v1 = { ...JSON.parse(serializeRoadmap(roadmap)), schemaVersion: 1 };
      v1.segments = [{ ...v1.segments[0], size: 250 }];
      queueOpen({ canceled: false, file: file(JSON.stringify(v1)) });
      await store.getState().importFromDisk();
      expect(store.getState().notices.at(-1)).toMatchObject({
        tone: "info",
        message:
          "Imported “From 2026”. It was saved by an older version of the app and has been brought up to date: The segment “All customers” had a size of 250 customers but the roadmap has no phases to hold them; add them as a phase's customers at the start. This note is kept in the roadmap's notes.",
      });
    });

    it("shows the platform's error when the file cannot be read", async () => {
      const { store, queueOpen } = createTestApp();
      queueOpen({ error: "client.roadmap could not be read: permission denied" });
      await store.getState().importFromDisk();
      expect(store.getState().notices.at(-1)).toMatchObject({
        tone: "error",
        message: "client.roadmap could not be read: permission denied",
      });
    });
  });

  it("exports the roadmap as its file text under a safe file name", async () => {
    const { store, repository, saves } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Q3: plan/draft", client: "", templateId: TEMPLATE_ID });
    await store.getState().exportRoadmap(id);
    const loaded = await repository.loadRoadmap(id);
    expect(saves).toEqual([
      {
        kind: "roadmap",
        contents: loaded.ok ? serializeRoadmap(loaded.value.roadmap) : "",
        suggestedName: "Q3 plan draft.roadmap",
        handle: null,
      },
    ]);
  });

  it("says so when a save fails, e.g. a full disk", async () => {
    const { store, failNextSaves } = createTestApp();
    const id = await store.getState().createRoadmap({ name: "Plan", client: "", templateId: null });
    failNextSaves("Plan.roadmap was not saved: the disk is full.");
    await store.getState().exportRoadmap(id);
    expect(store.getState().notices.at(-1)).toMatchObject({
      tone: "error",
      message: "Plan.roadmap was not saved: the disk is full.",
    });
  });
});
