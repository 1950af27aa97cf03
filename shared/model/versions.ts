import { z } from "zod";
import { id, isoTimestamp, name, text } from "./fields";

/**
 * Why a version was kept: named by the user, or kept automatically before
 * something that changes a lot at once, or once per day of editing.
 */
export const VERSION_KINDS = [
  "named",
  "daily",
  "beforeImport",
  "beforeOptimisation",
  "beforeMigration",
  "beforeRestore",
] as const;

/**
 * A saved state of a roadmap. `document` is the roadmap as it was, in the
 * file format of its day: it is read back through `parseRoadmap`, which
 * migrates it, never trusted as it is.
 */
export const RoadmapVersionSchema = z.object({
  id: id(),
  roadmapId: id(),
  name: name(),
  note: text(5000),
  /** From the author name in the app's preferences. */
  author: text(200),
  createdAt: isoTimestamp(),
  kind: z.enum(VERSION_KINDS),
  document: z.unknown(),
});

export type VersionKind = (typeof VERSION_KINDS)[number];
export type RoadmapVersion = z.infer<typeof RoadmapVersionSchema>;
