import Dexie, { type Table } from "dexie";
import { parseRoadmap, type Roadmap, type RoadmapIssue } from "../../shared/model";
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
    const stored = await this.db.documents.get(id);
    if (!stored) return err({ kind: "missing" });
    const parsed = parseRoadmap(stored.document);
    if (!parsed.ok) return err({ kind: "invalid", issues: parsed.error });
    return ok({ roadmap: parsed.value.roadmap, migrationNotes: parsed.value.migrationNotes });
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

  async deletePermanently(ids: readonly string[]): Promise<void> {
    const db = this.strictDb;
    await db.transaction("rw", db.summaries, db.documents, async () => {
      await db.summaries.bulkDelete([...ids]);
      await db.documents.bulkDelete([...ids]);
    });
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
