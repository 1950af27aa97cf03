import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA_VERSION, type Roadmap, readRoadmapFile, serializeRoadmap } from "../../../shared/model";
import sampleV4 from "../../../shared/model/migrations/fixtures/v4-sample.roadmap?raw";
import { eventually } from "../../../test/eventually";
import { LIBRARY_VERSIONS } from "../../data/libraryMigrations";
import { RoadmapRepository } from "../../data/roadmapRepository";
import { failWrites } from "../../test/failingStorage";
import { createTestApp } from "../../test/fakes";

/** A clock the test moves forward. */
function testClock(start: string) {
  let current = new Date(start);
  return { now: () => current, set: (iso: string) => (current = new Date(iso)) };
}

async function openAcme(clock = testClock("2027-03-01T10:00:00Z"), repository?: RoadmapRepository) {
  const app = createTestApp(clock.now, repository ? { repository } : {});
  const id = await app.store
    .getState()
    .createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  const document = () => app.store.getState().document as Roadmap;
  const versionsOf = async (kind: string) =>
    (await app.repository.listVersions(id)).filter((version) => version.kind === kind);
  const versionDocument = async (versionId: string) => {
    const loaded = await app.repository.loadVersion(versionId);
    if (!loaded.ok) throw new Error(`version ${versionId} did not load`);
    return loaded.value.roadmap;
  };
  return { ...app, id, clock, document, versionsOf, versionDocument };
}

const rename = (name: string) => (roadmap: Roadmap) => ({ ...roadmap, name });

describe("versions", () => {
  it("saves a named version signed with the author's name, and refuses a bad one with the reason, keeping nothing", async () => {
    const app = await openAcme();
    app.store.getState().setPreference("authorName", "Ann Example");
    expect(await app.store.getState().saveVersion({ name: " Board, 12 May ", note: "As shown to the board" })).toBe(
      true,
    );
    expect(app.store.getState().versions).toMatchObject([
      { name: "Board, 12 May", note: "As shown to the board", author: "Ann Example", kind: "named" },
    ]);
    expect(app.store.getState().notices.at(-1)?.message).toBe("Saved the version “Board, 12 May”.");

    expect(await app.store.getState().saveVersion({ name: "   ", note: "" })).toBe(false);
    expect(app.store.getState().notices.at(-1)?.message).toBe("The version was not saved: its name must not be empty.");

    const lift = failWrites(["versionDocuments"]);
    try {
      expect(await app.store.getState().saveVersion({ name: "Full disk", note: "" })).toBe(false);
    } finally {
      lift();
    }
    expect(app.store.getState().notices.at(-1)?.message).toBe(
      "Saving the version failed: the browser's storage is full. The roadmap itself is unchanged.",
    );
    expect((await app.repository.listVersions(app.id)).map((v) => v.name)).toEqual(["Board, 12 May"]);
    expect(app.document().name).toBe("Acme");
  });

  it("restores a version as one undo step, keeping the roadmap's id and the state before as a version", async () => {
    const app = await openAcme();
    await app.store.getState().saveVersion({ name: "Original", note: "" });
    const original = app.store.getState().versions[0]?.id ?? "";
    app.store.getState().edit(rename("Changed"));
    app.store.getState().edit((roadmap) => ({ ...roadmap, client: "Another client" }));
    const steps = app.store.getState().past.length;

    await app.store.getState().restoreVersion(original);
    expect(app.document()).toMatchObject({ id: app.id, name: "Acme" });
    expect(app.document().client).toBe("Acme");
    expect(app.store.getState().past.length).toBe(steps + 1);
    const [beforeRestore] = await app.versionsOf("beforeRestore");
    expect(beforeRestore?.note).toBe("Kept before restoring “Original”.");
    expect(await app.versionDocument(beforeRestore?.id ?? "")).toMatchObject({ name: "Changed" });
    expect(app.store.getState().versions.map((v) => v.kind)).toContain("beforeRestore");

    app.store.getState().undo();
    expect(app.document()).toMatchObject({ name: "Changed" });
    expect(app.document().client).toBe("Another client");
  });

  it("does not restore when the state before cannot be kept first, and says so", async () => {
    const app = await openAcme();
    await app.store.getState().saveVersion({ name: "Original", note: "" });
    app.store.getState().edit(rename("Changed"));
    const lift = failWrites(["versionDocuments"]);
    try {
      await app.store.getState().restoreVersion(app.store.getState().versions.at(-1)?.id ?? "");
    } finally {
      lift();
    }
    expect(app.document().name).toBe("Changed");
    expect(app.store.getState().notices.at(-1)?.message).toBe(
      "“Original” was not restored: the current state could not be kept as a version first. Nothing was changed.",
    );
  });

  it("keeps the state before the first edit of each calendar day, once a day, also across sessions", async () => {
    const app = await openAcme(testClock("2027-03-01T10:00:00Z"));
    const start = app.document();
    app.store.getState().edit(rename("Monday morning"));
    const [monday] = await eventually(async () => {
      const dailies = await app.versionsOf("daily");
      expect(dailies).toHaveLength(1);
      return dailies;
    });
    expect(await app.versionDocument(monday?.id ?? "")).toEqual(start);

    app.clock.set("2027-03-01T16:00:00Z");
    app.store.getState().edit(rename("Monday afternoon"));
    app.clock.set("2027-03-02T09:00:00Z");
    app.store.getState().edit(rename("Tuesday"));
    const dailies = await eventually(async () => {
      const found = await app.versionsOf("daily");
      expect(found).toHaveLength(2);
      return found;
    });
    expect(await app.versionDocument(dailies[0]?.id ?? "")).toMatchObject({ name: "Monday afternoon" });
    await app.store.getState().flushAutosave();

    // The next session, the same day: the day's version is already kept.
    const later = createTestApp(app.clock.now, { repository: app.repository });
    await later.store.getState().openRoadmap(app.id);
    await later.store.getState().noteEditForDailyVersion(app.document());
    expect(await app.versionsOf("daily")).toHaveLength(2);
  });

  it("keeps the roadmap as it was before a file replaces it in the library, unsaved edits included", async () => {
    const app = await openAcme();
    app.store.getState().edit(rename("Edited, not saved yet"));
    const file = serializeRoadmap({ ...app.document(), name: "From the file" });
    await app.store
      .getState()
      .importFile({ handle: "f", name: "acme.roadmap", text: file, sizeInBytes: file.length }, { open: false });
    await app.store.getState().resolveImportConflict("replace");
    expect(app.document().name).toBe("From the file");
    const [kept] = await app.versionsOf("beforeImport");
    expect(await app.versionDocument(kept?.id ?? "")).toMatchObject({ name: "Edited, not saved yet" });
  });

  it("keeps a roadmap stored in an older file format as it was stored, once, before saving it migrated", async () => {
    const name = `versions-migration-${Math.random()}`;
    const stored = JSON.parse(sampleV4) as Record<string, unknown>;
    const db = new Dexie(name);
    for (const { version, stores } of LIBRARY_VERSIONS) db.version(version).stores(stores);
    await db.table("documents").put({ id: stored.id, document: stored });
    await db.table("summaries").put({
      id: stored.id,
      name: stored.name,
      client: stored.client,
      updatedAt: stored.updatedAt,
      phaseCount: 2,
      communicationCount: 1,
      deletedAt: null,
    });
    db.close();
    const repository = new RoadmapRepository(name);
    const app = createTestApp(undefined, { repository });
    const id = String(stored.id);
    await app.store.getState().openRoadmap(id);
    expect(app.store.getState().versions).toMatchObject([{ kind: "beforeMigration" }]);
    const versionId = app.store.getState().versions[0]?.id ?? "";
    const version = await repository.loadVersion(versionId);
    expect(version.ok && version.value.stored).toEqual(stored);
    expect(version.ok && version.value.fromVersion).toBe(4);
    const library = await repository.loadRoadmap(id);
    expect(library.ok && library.value.fromVersion).toBe(CURRENT_SCHEMA_VERSION);

    await app.store.getState().closeRoadmap();
    await app.store.getState().openRoadmap(id);
    expect(app.store.getState().versions.map((v) => v.id)).toEqual([versionId]);
  });

  it("thins old automatic versions when a roadmap is opened, keeping named ones and the last 30 days", async () => {
    const app = await openAcme(testClock("2027-06-30T10:00:00Z"));
    const version = (id: string, kind: "named" | "daily", createdAt: string) => ({
      id,
      roadmapId: app.id,
      name: id,
      note: "",
      author: "",
      createdAt,
      kind,
      document: app.document(),
    });
    await app.repository.saveVersions([
      version("named in January", "named", "2027-01-05T10:00:00Z"),
      version("daily in April", "daily", "2027-04-01T10:00:00Z"),
      version("daily in June", "daily", "2027-06-10T10:00:00Z"),
    ]);
    await app.store.getState().closeRoadmap();
    await app.store.getState().openRoadmap(app.id);
    expect(app.store.getState().versions.map((v) => v.name)).toEqual(["daily in June", "named in January"]);
  });

  it("copies a version to a new roadmap in the library, and opens it", async () => {
    const app = await openAcme();
    await app.store.getState().saveVersion({ name: "Board", note: "" });
    app.store.getState().edit(rename("Acme later"));
    await app.store.getState().copyVersionToNewRoadmap(app.store.getState().versions[0]?.id ?? "");
    expect(app.document().id).not.toBe(app.id);
    expect(app.document().name).toBe("Acme (version Board)");
    expect(
      app.store
        .getState()
        .summaries.map((s) => s.name)
        .sort(),
    ).toEqual(["Acme (version Board)", "Acme later"]);
  });

  it("tells once that automatic versions fail, never holding up the work", async () => {
    const app = await openAcme();
    const lift = failWrites(["versionDocuments"]);
    try {
      expect(await app.store.getState().keepAutomaticVersion("beforeOptimisation")).toBe(false);
      const notice = app.store.getState().notices.at(-1);
      expect(notice?.message).toBe(
        "A version could not be kept automatically: the browser's storage is full. Your work goes on and is saved as usual.",
      );
      app.store.getState().dismissNotice(notice?.id ?? 0);
      expect(await app.store.getState().keepAutomaticVersion("beforeOptimisation")).toBe(false);
      expect(app.store.getState().notices).toEqual([]);
      app.store.getState().edit(rename("Still editing"));
      expect(app.document().name).toBe("Still editing");
    } finally {
      lift();
    }
    expect(await app.store.getState().keepAutomaticVersion("beforeOptimisation")).toBe(true);
    expect(app.store.getState().versions.map((v) => v.name)).toContain("Before optimisation");
  });

  it("writes versions into the file on request, and a file's versions come into the library with it", async () => {
    const app = await openAcme();
    await app.store.getState().saveVersion({ name: "Board", note: "As shown" });
    await app.store.getState().saveToFile({ saveAs: true, includeVersions: true });
    const text = String(app.saves.at(-1)?.contents ?? "");
    const file = JSON.parse(text) as { versions: Record<string, unknown>[] };
    expect(file.versions).toHaveLength(1);
    expect(file.versions[0]).toMatchObject({ name: "Board", note: "As shown", kind: "named" });
    expect(file.versions[0]).not.toHaveProperty("roadmapId");
    // The CLI and older readers read the roadmap and pass over its versions.
    const read = readRoadmapFile("acme.roadmap", text);
    expect(read.ok && read.value.roadmap).toEqual(app.document());

    // Saving again to the same file keeps writing its versions.
    await app.store.getState().saveToFile({ saveAs: false });
    expect(JSON.parse(String(app.saves.at(-1)?.contents ?? "{}"))).toHaveProperty("versions");

    const broken = {
      ...file,
      versions: [...file.versions, { ...file.versions[0], name: "Broken", createdAt: "soon" }],
    };
    const withBroken = JSON.stringify(broken);
    const other = createTestApp();
    const importFile = () =>
      other.store
        .getState()
        .importFile(
          { handle: "h", name: "acme.roadmap", text: withBroken, sizeInBytes: withBroken.length },
          { open: true },
        );
    await importFile();
    expect(other.store.getState().document?.name).toBe("Acme");
    expect(other.store.getState().versions.map((v) => [v.name, v.note, v.roadmapId])).toEqual([
      ["Board", "As shown", app.id],
    ]);
    const notices = other.store.getState().notices.map((n) => n.message);
    expect(notices).toContain("Imported “Acme”. 1 version added.");
    expect(other.store.getState().versionSpace.get(app.id)?.count).toBe(1);
    expect(notices.find((n) => n.startsWith("acme.roadmap:"))).toMatch(
      /^acme\.roadmap: a version was left out, the rest opened\. “Broken”: its createdAt /,
    );

    // The same file again, replacing the roadmap: its versions are not doubled.
    await importFile();
    await other.store.getState().resolveImportConflict("replace");
    expect((await other.repository.listVersions(app.id)).filter((v) => v.kind === "named")).toHaveLength(1);
  });
});
