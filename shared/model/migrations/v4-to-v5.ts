/**
 * v5 adds scenarios: the roadmap's own plan becomes the base scenario, named
 * "Plan" and leaving nothing out, and there are no other scenarios yet. A v4
 * file's plan is exactly the base's, so there is nothing to report.
 *
 * Frozen: like every migration, this one must keep working on the files of its
 * day, so it never imports today's schema or constants.
 */
export function migrateV4ToV5(doc: Record<string, unknown>): Record<string, unknown> {
  return {
    ...doc,
    baseScenario: { name: "Plan", notes: "", excludedCommunicationIds: [] },
    scenarios: [],
    schemaVersion: 5,
  };
}
