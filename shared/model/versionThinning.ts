import type { RoadmapVersion } from "./versions";

/** How long automatic versions are kept. */
export const AUTOMATIC_VERSION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which versions to delete so the library does not fill with old automatic
 * ones: named versions are kept forever; automatic versions (daily, before an
 * import, optimisation, migration or restore) are kept for 30 days, then
 * dropped. Within those 30 days nothing is dropped, so the last 30 days of
 * dailies are always there. A version whose date cannot be read is kept:
 * deleting is never done on a guess. Pure and idempotent: thinning what it
 * kept deletes nothing more.
 */
export function thinVersions(
  versions: readonly Pick<RoadmapVersion, "id" | "kind" | "createdAt">[],
  now: Date,
): string[] {
  const oldest = now.getTime() - AUTOMATIC_VERSION_DAYS * DAY_MS;
  return versions
    .filter((version) => version.kind !== "named" && Date.parse(version.createdAt) < oldest)
    .map((version) => version.id);
}
