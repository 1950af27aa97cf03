import { err, ok, type Result } from "../../result";
import type { RoadmapIssue } from "../issues";
import { migrateV0ToV1 } from "./v0-to-v1";
import { migrateV1ToV2 } from "./v1-to-v2";
import { migrateV2ToV3 } from "./v2-to-v3";
import { migrateV3ToV4 } from "./v3-to-v4";
import { migrateV4ToV5 } from "./v4-to-v5";
import { migrateV5ToV6 } from "./v5-to-v6";

/**
 * Takes a plain object and returns a new one, leaving its input untouched.
 * `report` takes a sentence for the user about anything the migration did
 * beyond re-encoding (figures moved, a value dropped, an id renamed).
 */
type Migration = (doc: Record<string, unknown>, report: (note: string) => void) => Record<string, unknown>;

/**
 * `MIGRATIONS[n]` turns a version-n document into a version-(n+1) one.
 * Append only: a released migration is never edited, since files of its
 * version are out there.
 */
export const MIGRATIONS: readonly Migration[] = [
  migrateV0ToV1,
  migrateV1ToV2,
  migrateV2ToV3,
  migrateV3ToV4,
  migrateV4ToV5,
  migrateV5ToV6,
];

/** The newest schema version the registry reaches. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export interface Migrated {
  doc: Record<string, unknown>;
  /** The version the document was in before migration. */
  fromVersion: number;
  /** What the migrations reported doing, for the user; empty when nothing needs saying. */
  notes: string[];
}

/** Reads the document's version and runs every migration from there to the latest. */
export function migrateToLatest(raw: unknown): Result<Migrated, RoadmapIssue[]> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return err([{ path: "", problem: `the file holds ${jsonKind(raw)} instead of a roadmap (a JSON object)` }]);
  }
  const version = versionOf(raw as Record<string, unknown>);
  if (!version.ok) return version;
  const fromVersion = version.value;
  if (fromVersion > LATEST_SCHEMA_VERSION) {
    return err([
      {
        path: "schemaVersion",
        problem: `was saved by a newer version of Relationship Roadmap (file format ${fromVersion}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update the app to open it`,
      },
    ]);
  }
  let doc = raw as Record<string, unknown>;
  const notes: string[] = [];
  for (let v = fromVersion; v < LATEST_SCHEMA_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (migrate) doc = migrate(doc, (note) => notes.push(note));
  }
  return ok({ doc, fromVersion, notes });
}

function versionOf(doc: Record<string, unknown>): Result<number, RoadmapIssue[]> {
  if (doc.schemaVersion === undefined && doc.version === 0) return ok(0);
  const v = doc.schemaVersion;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
    return err([
      {
        path: "schemaVersion",
        problem:
          v === undefined
            ? "is missing: this does not look like a Relationship Roadmap file"
            : `must be a whole number of at least 1, got ${JSON.stringify(v)}`,
      },
    ]);
  }
  return ok(v);
}

function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "boolean") return "a true/false value";
  return "a number";
}
