import { err, ok, type Result } from "../result";
import { fromZodIssues, type RoadmapIssue } from "./issues";
import { migrateToLatest } from "./migrations";
import { type Roadmap, RoadmapSchema } from "./schema";

export interface ParsedRoadmap {
  roadmap: Roadmap;
  /** The version the document was written in; lower than the current one when it was migrated. */
  fromVersion: number;
}

/**
 * The one entry point for a roadmap from outside (a file, the library, the
 * clipboard): migrates it to the current version, then validates it whole.
 * Either the typed document or every problem found, each with its path.
 */
export function parseRoadmap(raw: unknown): Result<ParsedRoadmap, RoadmapIssue[]> {
  const migrated = migrateToLatest(raw);
  if (!migrated.ok) return migrated;
  const parsed = RoadmapSchema.safeParse(migrated.value.doc);
  if (!parsed.success) return err(fromZodIssues(parsed.error.issues, migrated.value.doc));
  return ok({ roadmap: parsed.data, fromVersion: migrated.value.fromVersion });
}
