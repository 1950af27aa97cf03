import { describe, expect, it } from "vitest";
import {
  CURRENT_SCHEMA_VERSION,
  createRoadmap,
  parseRoadmap,
  ROADMAP_TEMPLATES,
  type Roadmap,
} from "../../shared/model";
import sampleV4 from "../../shared/model/migrations/fixtures/v4-sample.roadmap?raw";
import { failWrites } from "../test/failingStorage";
import { describeStorageError, RoadmapRepository } from "./roadmapRepository";

const uniqueName = () => `repo-test-${Math.random()}`;
const template = () => {
  const first = ROADMAP_TEMPLATES[0];
  if (!first) throw new Error("no template");
  return first.create(new Date("2027-01-15T00:00:00Z"));
};

describe("RoadmapRepository", () => {
  it("a save that fails half-way leaves the old document and its summary both as they were", async () => {
    const repository = new RoadmapRepository(uniqueName());
    const roadmap = { ...template(), updatedAt: "2027-01-01T00:00:00.000Z" };
    await repository.addRoadmap(roadmap);
    // The document is written first, then the summary: the summary's write is the one that fails.
    const lift = failWrites(["summaries"]);
    const edited = {
      ...roadmap,
      name: "Edited",
      phases: roadmap.phases.slice(1),
      updatedAt: "2027-01-02T00:00:00.000Z",
    };
    const failures = await Promise.allSettled([repository.saveRoadmap(edited), repository.addRoadmap(edited)]);
    lift();
    for (const failure of failures) {
      expect(failure.status).toBe("rejected");
      if (failure.status === "rejected")
        expect(describeStorageError(failure.reason)).toBe("the browser's storage is full");
    }
    expect(await repository.loadRoadmap(roadmap.id)).toEqual({
      ok: true,
      value: { roadmap, migrationNotes: [], fromVersion: roadmap.schemaVersion, stored: roadmap },
    });
    expect(await repository.getSummary(roadmap.id)).toMatchObject({
      name: roadmap.name,
      phaseCount: roadmap.phases.length,
      updatedAt: roadmap.updatedAt,
    });
  });

  it("names each way a write can fail in words for the status bar", async () => {
    const repository = new RoadmapRepository(uniqueName());
    repository.close();
    const closed = await repository.saveRoadmap(createRoadmap()).catch((error: unknown) => error);
    expect(describeStorageError(closed)).toMatch(/^the library was closed/);
    expect(describeStorageError(new DOMException("x", "AbortError"))).toBe(
      "the browser stopped the write before it finished",
    );
    expect(
      describeStorageError(Object.assign(new Error("wrapped"), { inner: new DOMException("x", "QuotaExceededError") })),
    ).toBe("the browser's storage is full");
    expect(describeStorageError(new Error("disk on fire"))).toBe("disk on fire");
  });

  it("lists added roadmaps newest first with their phase count, and loads them back identical", async () => {
    const repository = new RoadmapRepository(uniqueName());
    const older = { ...createRoadmap({ name: "Older" }), updatedAt: "2027-01-01T00:00:00.000Z" };
    const newer = { ...template(), updatedAt: "2027-02-01T00:00:00.000Z" };
    await repository.addRoadmap(older);
    await repository.addRoadmap(newer);

    const list = await repository.listRoadmaps();
    expect(list.map((s) => s.name)).toEqual([newer.name, "Older"]);
    expect(list[0]?.phaseCount).toBe(newer.phases.length);

    const loaded = await repository.loadRoadmap(newer.id);
    expect(loaded).toEqual({
      ok: true,
      value: { roadmap: newer, migrationNotes: [], fromVersion: newer.schemaVersion, stored: newer },
    });
  });

  it("moves a roadmap to the trash and back without losing it", async () => {
    const repository = new RoadmapRepository(uniqueName());
    const roadmap = createRoadmap({ name: "Keep me" });
    await repository.addRoadmap(roadmap);
    await repository.moveToTrash(roadmap.id, new Date("2027-02-02T00:00:00Z"));
    expect(await repository.listRoadmaps()).toEqual([]);
    expect((await repository.listTrash()).map((s) => s.deletedAt)).toEqual(["2027-02-02T00:00:00.000Z"]);

    await repository.restoreFromTrash(roadmap.id);
    expect((await repository.listRoadmaps()).map((s) => s.name)).toEqual(["Keep me"]);
    expect(await repository.listTrash()).toEqual([]);
  });

  it("an autosave of a trashed roadmap keeps it in the trash", async () => {
    const repository = new RoadmapRepository(uniqueName());
    const roadmap = createRoadmap({ name: "Trashed" });
    await repository.addRoadmap(roadmap);
    await repository.moveToTrash(roadmap.id);
    await repository.saveRoadmap({ ...roadmap, name: "Trashed, edited" });
    expect(await repository.listRoadmaps()).toEqual([]);
    expect((await repository.listTrash()).map((s) => s.name)).toEqual(["Trashed, edited"]);
  });

  it("deletes for good: summary and document both gone", async () => {
    const repository = new RoadmapRepository(uniqueName());
    const roadmap = createRoadmap();
    await repository.addRoadmap(roadmap);
    await repository.deletePermanently([roadmap.id]);
    expect(await repository.getSummary(roadmap.id)).toBeUndefined();
    expect(await repository.loadRoadmap(roadmap.id)).toEqual({ ok: false, error: { kind: "missing" } });
  });

  it("reports a stored document that no longer validates instead of handing it to the editor", async () => {
    const name = uniqueName();
    const repository = new RoadmapRepository(name);
    const roadmap = createRoadmap();
    await repository.addRoadmap({ ...roadmap, horizonMonths: 0 });
    const loaded = await repository.loadRoadmap(roadmap.id);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok && loaded.error.kind === "invalid") {
      expect(loaded.error.issues[0]).toEqual({ path: "horizonMonths", problem: "must be between 1 and 600, got 0" });
    }
  });

  it("keeps settings across connections", async () => {
    const name = uniqueName();
    const first = new RoadmapRepository(name);
    await first.setSetting("openRoadmapId", "abc");
    first.close();
    const second = new RoadmapRepository(name);
    expect(await second.getSetting("openRoadmapId")).toBe("abc");
  });

  describe("versions", () => {
    const versionOf = (roadmap: Roadmap, id: string, createdAt: string, document: unknown = roadmap) => ({
      id,
      roadmapId: roadmap.id,
      name: `Version ${id}`,
      note: "",
      author: "Ann",
      createdAt,
      kind: "named" as const,
      document,
    });

    it("keeps, lists newest first without documents, loads and deletes versions, counting their space", async () => {
      const repository = new RoadmapRepository(uniqueName());
      const roadmap = template();
      const other = createRoadmap({ name: "Other" });
      const older = versionOf(roadmap, "v1", "2027-01-01T09:00:00.000Z");
      const edited = { ...roadmap, name: "Edited", horizonMonths: roadmap.horizonMonths + 12 };
      const newer = versionOf(roadmap, "v2", "2027-01-02T09:00:00.000Z", edited);
      await repository.saveVersion(older);
      await repository.saveVersions([newer, versionOf(other, "v3", "2027-01-03T09:00:00.000Z")]);

      const listed = await repository.listVersions(roadmap.id);
      expect(listed.map((v) => v.id)).toEqual(["v2", "v1"]);
      expect(listed[0]).not.toHaveProperty("document");
      expect(listed[0]).toMatchObject({ name: "Version v2", author: "Ann", kind: "named" });
      expect(listed[1]?.sizeBytes).toBe(new TextEncoder().encode(JSON.stringify(roadmap)).length);

      const loaded = await repository.loadVersion("v2");
      expect(loaded.ok && loaded.value.roadmap).toEqual(edited);
      expect(await repository.loadVersion("nope")).toEqual({ ok: false, error: { kind: "missing" } });

      const space = await repository.versionSpace();
      expect(space.get(roadmap.id)).toEqual({
        count: 2,
        bytes: (listed[0]?.sizeBytes ?? 0) + (listed[1]?.sizeBytes ?? 0),
      });
      expect(space.get(other.id)?.count).toBe(1);

      await repository.deleteVersions(["v1"]);
      expect((await repository.listVersions(roadmap.id)).map((v) => v.id)).toEqual(["v2"]);
      expect(await repository.loadVersion("v1")).toEqual({ ok: false, error: { kind: "missing" } });
    });

    it("reads a version kept in an older file format through the migrations, saying it was migrated", async () => {
      const repository = new RoadmapRepository(uniqueName());
      const stored = JSON.parse(sampleV4) as Record<string, unknown>;
      const roadmap = { ...createRoadmap(), id: String(stored.id) };
      await repository.saveVersion(versionOf(roadmap, "old", "2026-06-01T09:00:00.000Z", stored));
      const loaded = await repository.loadVersion("old");
      const expected = parseRoadmap(stored);
      expect(loaded.ok && expected.ok).toBe(true);
      if (loaded.ok && expected.ok) {
        expect(loaded.value.fromVersion).toBe(4);
        expect(loaded.value.roadmap).toEqual(expected.value.roadmap);
        expect(loaded.value.roadmap.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
        expect(loaded.value.stored).toEqual(stored);
      }
    });

    it("keeps a roadmap's versions while it is in the trash, and deletes them with it for good", async () => {
      const repository = new RoadmapRepository(uniqueName());
      const roadmap = createRoadmap();
      const kept = createRoadmap({ name: "Kept" });
      await repository.addRoadmap(roadmap);
      await repository.addRoadmap(kept);
      await repository.saveVersions([
        versionOf(roadmap, "a", "2027-01-01T09:00:00.000Z"),
        versionOf(kept, "b", "2027-01-01T09:00:00.000Z"),
      ]);
      await repository.moveToTrash(roadmap.id);
      expect((await repository.listVersions(roadmap.id)).map((v) => v.id)).toEqual(["a"]);
      await repository.deletePermanently([roadmap.id]);
      expect(await repository.listVersions(roadmap.id)).toEqual([]);
      expect(await repository.loadVersion("a")).toEqual({ ok: false, error: { kind: "missing" } });
      expect((await repository.listVersions(kept.id)).map((v) => v.id)).toEqual(["b"]);
    });
  });
});
