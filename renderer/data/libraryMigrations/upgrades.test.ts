import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { parseRoadmap } from "../../../shared/model";
import b2bV1 from "../../../shared/model/migrations/fixtures/v1-b2b-subscription-software.roadmap?raw";
import sampleV1 from "../../../shared/model/migrations/fixtures/v1-sample.roadmap?raw";
import { RoadmapRepository } from "../roadmapRepository";
import { LIBRARY_VERSION, LIBRARY_VERSIONS } from ".";
import { upgradeRoadmapV1ToV2 } from "./v1-to-v2";

/** Roadmaps as the apps of each past library version wrote them: file format 1, the format of that day. */
const OLD_DOCUMENTS = [JSON.parse(sampleV1), JSON.parse(b2bV1)] as Record<string, unknown>[];

/**
 * For every past library version, its layout exactly as it shipped and rows
 * shaped as that version's app wrote them — test data, frozen here, never
 * derived from today's code.
 */
const PAST_LIBRARIES: { version: number; stores: Record<string, string>; seed(db: Dexie): Promise<void> }[] = [
  {
    version: 1,
    stores: { roadmaps: "id, updatedAt", settings: "key" },
    seed: async (db) => {
      await db
        .table("roadmaps")
        .bulkPut(OLD_DOCUMENTS.map((document) => ({ id: document.id, document, updatedAt: document.updatedAt })));
      await db.table("settings").put({ key: "openRoadmapId", value: OLD_DOCUMENTS[0]?.id });
    },
  },
  {
    version: 2,
    stores: { summaries: "id, updatedAt", documents: "id", settings: "key" },
    seed: async (db) => {
      await db.table("documents").bulkPut(OLD_DOCUMENTS.map((document) => ({ id: document.id, document })));
      await db.table("summaries").bulkPut(
        OLD_DOCUMENTS.map((doc) => ({
          id: doc.id,
          name: doc.name,
          client: doc.client,
          updatedAt: doc.updatedAt,
          phaseCount: (doc.phases as unknown[]).length,
          communicationCount: (doc.communications as unknown[]).length,
          deletedAt: null,
        })),
      );
      await db.table("settings").put({ key: "openRoadmapId", value: OLD_DOCUMENTS[0]?.id });
    },
  },
];

const uniqueName = () => `upgrade-test-${Math.random()}`;

describe("upgrading the library", () => {
  it("has a test library for every version before the current one", () => {
    expect(PAST_LIBRARIES.map((past) => past.version)).toEqual(
      LIBRARY_VERSIONS.map((v) => v.version).filter((version) => version < LIBRARY_VERSION),
    );
  });

  it("v1 → v2 splits a row into its document, moved untouched, and a summary, and leaves the row as it was", () => {
    const document = OLD_DOCUMENTS[0] ?? {};
    const row = { id: String(document.id), document, updatedAt: "2026-01-01T00:00:00.000Z" };
    const before = structuredClone(row);
    const upgraded = upgradeRoadmapV1ToV2(row);
    expect(row).toEqual(before);
    expect(upgraded.document).toEqual({ id: row.id, document });
    expect(upgraded.document.document).toBe(document);
    expect(upgraded.summary).toEqual({
      id: "roadmap-sample",
      name: "Sample roadmap",
      client: "Sample client",
      updatedAt: "2026-12-01T09:00:00.000Z",
      phaseCount: 2,
      communicationCount: 1,
      deletedAt: null,
    });
    // A row the v1 app could not have written whole still moves, listed under a plain name.
    expect(upgradeRoadmapV1ToV2({ id: "x", document: null, updatedAt: "2026-01-01T00:00:00.000Z" }).summary).toEqual({
      id: "x",
      name: "Untitled roadmap",
      client: "",
      updatedAt: "2026-01-01T00:00:00.000Z",
      phaseCount: 0,
      communicationCount: 0,
      deletedAt: null,
    });
  });

  for (const past of PAST_LIBRARIES) {
    it(`opens a version-${past.version} library with every roadmap, its summary and the settings intact`, async () => {
      const name = uniqueName();
      const old = new Dexie(name);
      old.version(past.version).stores(past.stores);
      await past.seed(old);
      old.close();

      const repository = new RoadmapRepository(name);
      const listed = await repository.listRoadmaps();
      expect(
        listed.map(({ id, name, client, phaseCount, communicationCount, deletedAt }) => ({
          id,
          name,
          client,
          phaseCount,
          communicationCount,
          deletedAt,
        })),
      ).toEqual(
        [...OLD_DOCUMENTS]
          .sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)))
          .map((doc) => ({
            id: doc.id,
            name: doc.name,
            client: doc.client,
            phaseCount: (doc.phases as unknown[]).length,
            communicationCount: (doc.communications as unknown[]).length,
            deletedAt: null,
          })),
      );
      for (const document of OLD_DOCUMENTS) {
        const loaded = await repository.loadRoadmap(String(document.id));
        const expected = parseRoadmap(document);
        expect(loaded.ok && expected.ok).toBe(true);
        // Stored as that day's app wrote it; reading it migrates the file format, saying what that changed.
        if (loaded.ok && expected.ok) {
          expect(loaded.value.roadmap).toEqual(expected.value.roadmap);
          expect(loaded.value.migrationNotes).toEqual(expected.value.migrationNotes);
          expect(loaded.value.roadmap.schemaVersion).toBeGreaterThan(Number(document.schemaVersion));
        }
      }
      expect(await repository.getSetting("openRoadmapId")).toBe(OLD_DOCUMENTS[0]?.id);
      // Versions came in with library version 3: an older library has none, and can keep them from now on.
      for (const document of OLD_DOCUMENTS) expect(await repository.listVersions(String(document.id))).toEqual([]);
      expect(await repository.versionSpace()).toEqual(new Map());
      repository.close();
    });
  }
});
