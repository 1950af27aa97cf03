import { err, ok, type Result } from "../result";
import { formatPath, fromZodIssues, type RoadmapIssue } from "./issues";
import { migrateToLatest } from "./migrations";
import { type Roadmap, RoadmapSchema } from "./schema";

export interface ParsedRoadmap {
  roadmap: Roadmap;
  /** The version the document was written in; lower than the current one when it was migrated. */
  fromVersion: number;
  /** What migrating it changed beyond the encoding, in sentences for the user; empty when nothing. */
  migrationNotes: string[];
}

/**
 * The one entry point for a roadmap from outside (a file, the library, the
 * clipboard): migrates it to the current version, then validates it whole.
 * Either the typed document or every problem found, each with its path.
 */
export function parseRoadmap(raw: unknown): Result<ParsedRoadmap, RoadmapIssue[]> {
  const migrated = migrateToLatest(raw);
  if (!migrated.ok) return migrated;
  const { doc, fromVersion, notes } = migrated.value;
  // zod drops a "__proto__" key of a record without a word, and with it the figure the key held.
  const reserved = reservedKeys(doc);
  if (reserved.length > 0) return err(reserved);
  const parsed = RoadmapSchema.safeParse(doc);
  if (!parsed.success) return err(fromZodIssues(parsed.error.issues, doc));
  return ok({ roadmap: parsed.data, fromVersion, migrationNotes: notes });
}

/** Every own "__proto__" key in the document, as an issue at its path. */
function reservedKeys(root: unknown): RoadmapIssue[] {
  const issues: RoadmapIssue[] = [];
  // One path, grown and shrunk as the walk goes: every load walks the whole document, so it copies nothing per node.
  const path: (string | number)[] = [];
  const visit = (value: unknown) => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
      return;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      path.push(key);
      if (key === "__proto__") {
        issues.push({
          path: formatPath(path),
          problem: 'cannot be used as a key: "__proto__" is reserved by JavaScript',
        });
      } else visit((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(root);
  return issues;
}
