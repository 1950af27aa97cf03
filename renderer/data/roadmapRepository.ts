import Dexie, { type Table } from "dexie";
import {
  byteLength,
  parseRoadmap,
  type Roadmap,
  type RoadmapIssue,
  type RoadmapVersion,
  type VersionKind,
} from "../../shared/model";
import { err, ok, type Result } from "../../shared/result";
import { LIBRARY_VERSIONS } from "./libraryMigrations";

/** What the home screen lists, kept apart from the document so the list loads fast. */
export interface RoadmapSummary {
  id: string;
  name: string;
  client: string;
  updatedAt: string;
  phaseCount: number;
  communicationCount: number;
  /** When it was moved to the trash; null while it is in the library. */
  deletedAt: string | null;
}

interface StoredDocument {
  id: string;
  /** Kept as written; read back through `parseRoadmap`, which migrates older versions. */
  document: unknown;
}

/** A version as the Versions panel lists it: everything but the document, and how much space the document takes. */
export interface VersionSummary {
  id: string;
  roadmapId: string;
  name: string;
  note: string;
  author: string;
  createdAt: string;
  kind: VersionKind;
  /** The document's size as UTF-8 JSON: what it adds to the library, and to a file exported with versions. */
  sizeBytes: number;
}

/** How many versions a roadmap has and the space they take. */
export interface VersionSpace {
  count: number;
  bytes: number;
}

interface Setting {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = "relationship-roadmap";

/** The library's current layout; `LIBRARY_VERSIONS` holds every layout it had and how each is upgraded. */
class RoadmapDatabase extends Dexie {
  summaries!: Table<RoadmapSummary, string>;
  documents!: Table<StoredDocument, string>;
  settings!: Table<Setting, string>;
  versions!: Table<VersionSummary, string>;
  /**
   * Kept as the object it was, not as JSON text: measured on the v4 fixtures, V8's serialisation
   * (what IndexedDB stores) of the object is 53–93 % the size of the JSON text's (text with one
   * character beyond Latin-1 is stored two bytes a character) and no slower to write.
   */
  versionDocuments!: Table<StoredDocument, string>;

  constructor(name: string, durability: "strict" | "default") {
    super(name, { chromeTransactionDurability: durability });
    for (const { version, stores, upgrade } of LIBRARY_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

export function summarize(roadmap: Roadmap, deletedAt: string | null): RoadmapSummary {
  return {
    id: roadmap.id,
    name: roadmap.name,
    client: roadmap.client,
    updatedAt: roadmap.updatedAt,
    phaseCount: roadmap.phases.length,
    communicationCount: roadmap.communications.length,
    deletedAt,
  };
}

export type LoadError = { kind: "missing" } | { kind: "invalid"; issues: RoadmapIssue[] };

/** A roadmap read from the library, and what bringing it to the current file format changed, if anything. */
export interface LoadedRoadmap {
  roadmap: Roadmap;
  /** Sentences for the user; empty unless it was stored in an older format and migrating it changed something. */
  migrationNotes: string[];
  /** The file format it was stored in; lower than the current one when reading it migrated it. */
  fromVersion: number;
  /** The document exactly as stored, before migration: what a version kept before migrating holds. */
  stored: unknown;
}

/**
 * The only module that touches IndexedDB. Explicit writes (create, import,
 * delete, restore) commit with strict durability, so they survive a power cut
 * the moment the user sees them; autosaves use the faster default.
 */
export class RoadmapRepository {
  private readonly db: RoadmapDatabase;
  private readonly strictDb: RoadmapDatabase;

  constructor(name = DATABASE_NAME) {
    this.db = new RoadmapDatabase(name, "default");
    this.strictDb = new RoadmapDatabase(name, "strict");
  }

  /** Called when another window upgrades the database; this one has closed its connection. */
  onVersionChange(listener: () => void): void {
    for (const db of [this.db, this.strictDb]) db.on("versionchange", listener);
  }

  async listRoadmaps(): Promise<RoadmapSummary[]> {
    const all = await this.db.summaries.orderBy("updatedAt").reverse().toArray();
    return all.filter((summary) => summary.deletedAt === null);
  }

  async listTrash(): Promise<RoadmapSummary[]> {
    const all = await this.db.summaries.toArray();
    return all
      .filter((summary) => summary.deletedAt !== null)
      .sort((a, b) => (b.deletedAt ?? "").localeCompare(a.deletedAt ?? ""));
  }

  async getSummary(id: string): Promise<RoadmapSummary | undefined> {
    return this.db.summaries.get(id);
  }

  async loadRoadmap(id: string): Promise<Result<LoadedRoadmap, LoadError>> {
    return loaded(await this.db.documents.get(id));
  }

  /** Adds a new roadmap, or replaces one with the same id (an import the user chose to let replace). */
  async addRoadmap(roadmap: Roadmap): Promise<void> {
    await this.write(this.strictDb, roadmap, null);
  }

  /** Saves an edit of a roadmap in the library; used by autosave. Keeps it in the trash if it is there. */
  async saveRoadmap(roadmap: Roadmap): Promise<void> {
    await this.write(this.db, roadmap, "keep");
  }

  async moveToTrash(id: string, now = new Date()): Promise<void> {
    await this.strictDb.summaries.update(id, { deletedAt: now.toISOString() });
  }

  async restoreFromTrash(id: string): Promise<void> {
    await this.strictDb.summaries.update(id, { deletedAt: null });
  }

  /** Deletes roadmaps and their versions; a roadmap in the trash keeps its versions until then. */
  async deletePermanently(ids: readonly string[]): Promise<void> {
    const db = this.strictDb;
    await db.transaction("rw", [db.summaries, db.documents, db.versions, db.versionDocuments], async () => {
      await db.summaries.bulkDelete([...ids]);
      await db.documents.bulkDelete([...ids]);
      const versionIds = (await db.versions
        .where("roadmapId")
        .anyOf([...ids])
        .primaryKeys()) as string[];
      await db.versions.bulkDelete(versionIds);
      await db.versionDocuments.bulkDelete(versionIds);
    });
  }

  /** Keeps versions (one or many, in one transaction); one with the id of a stored version replaces it. */
  async saveVersions(versions: readonly RoadmapVersion[]): Promise<void> {
    const db = this.strictDb;
    await db.transaction("rw", db.versions, db.versionDocuments, async () => {
      await db.versionDocuments.bulkPut(versions.map(({ id, document }) => ({ id, document })));
      await db.versions.bulkPut(versions.map(summarizeVersion));
    });
  }

  async saveVersion(version: RoadmapVersion): Promise<void> {
    await this.saveVersions([version]);
  }

  /** A roadmap's versions without their documents, newest first. */
  async listVersions(roadmapId: string): Promise<VersionSummary[]> {
    const versions = await this.db.versions.where("roadmapId").equals(roadmapId).toArray();
    return versions.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async getVersionSummary(versionId: string): Promise<VersionSummary | undefined> {
    return this.db.versions.get(versionId);
  }

  /** A version's roadmap, brought to the current file format like any roadmap read from the library. */
  async loadVersion(versionId: string): Promise<Result<LoadedRoadmap, LoadError>> {
    return loaded(await this.db.versionDocuments.get(versionId));
  }

  /** Versions with their documents, oldest first: what a file exported with versions holds. */
  async exportVersions(roadmapId: string): Promise<RoadmapVersion[]> {
    const summaries = (await this.listVersions(roadmapId)).reverse();
    const documents = await this.db.versionDocuments.bulkGet(summaries.map((summary) => summary.id));
    return summaries.flatMap(({ sizeBytes: _, ...summary }, index) => {
      const stored = documents[index];
      return stored ? [{ ...summary, document: stored.document }] : [];
    });
  }

  async deleteVersions(ids: readonly string[]): Promise<void> {
    const db = this.strictDb;
    await db.transaction("rw", db.versions, db.versionDocuments, async () => {
      await db.versions.bulkDelete([...ids]);
      await db.versionDocuments.bulkDelete([...ids]);
    });
  }

  /** Per roadmap with versions, how many it has and the space they take; read from the summaries alone. */
  async versionSpace(): Promise<Map<string, VersionSpace>> {
    const space = new Map<string, VersionSpace>();
    await this.db.versions.each(({ roadmapId, sizeBytes }) => {
      const sum = space.get(roadmapId) ?? { count: 0, bytes: 0 };
      space.set(roadmapId, { count: sum.count + 1, bytes: sum.bytes + sizeBytes });
    });
    return space;
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    const setting = await this.db.settings.get(key);
    return setting?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }

  close(): void {
    this.db.close();
    this.strictDb.close();
  }

  /**
   * The document and its summary in one transaction: a write that fails
   * half-way (storage full, the window closing) leaves both as they were,
   * never a list entry that disagrees with its document. Rejects with what
   * IndexedDB reported; `describeStorageError` says it for the user.
   */
  private async write(db: RoadmapDatabase, roadmap: Roadmap, deletedAt: string | null | "keep"): Promise<void> {
    await db.transaction("rw", db.summaries, db.documents, async () => {
      const trashedAt = deletedAt === "keep" ? ((await db.summaries.get(roadmap.id))?.deletedAt ?? null) : deletedAt;
      await db.documents.put({ id: roadmap.id, document: roadmap });
      await db.summaries.put(summarize(roadmap, trashedAt));
    });
  }
}

function loaded(stored: StoredDocument | undefined): Result<LoadedRoadmap, LoadError> {
  if (!stored) return err({ kind: "missing" });
  const parsed = parseRoadmap(stored.document);
  if (!parsed.ok) return err({ kind: "invalid", issues: parsed.error });
  const { roadmap, migrationNotes, fromVersion } = parsed.value;
  return ok({ roadmap, migrationNotes, fromVersion, stored: stored.document });
}

function summarizeVersion({ document, ...version }: RoadmapVersion): VersionSummary {
  return { ...version, sizeBytes: byteLength(JSON.stringify(document) ?? "") };
}

/** The names IndexedDB and Dexie give a failed write, possibly wrapped (Dexie keeps the cause in `inner`). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === "string") names.push(name);
    current = inner ?? cause;
  }
  return names;
}

/** Why a library write failed, in words for the status bar: "the browser's storage is full". */
export function describeStorageError(error: unknown): string {
  const names = errorNames(error);
  if (names.includes("QuotaExceededError")) return "the browser's storage is full";
  if (names.includes("DatabaseClosedError") || names.includes("InvalidStateError"))
    return "the library was closed, perhaps by an update in another window; reload this window";
  if (names.includes("AbortError") || names.includes("TransactionInactiveError"))
    return "the browser stopped the write before it finished";
  if (names.includes("UnknownError")) return "the browser could not write to its storage";
  return error instanceof Error ? error.message : String(error);
}
