/**
 * v4 adds the relationship survey (its questionnaire and waves of answers) and
 * the remembered mapping steps of survey and inventory imports. A v3 file has
 * neither: it gets an empty survey on the 1–5 scale with the small-cell
 * minimum of 5, and no remembered mappings. The phases' hand-typed
 * `relationshipStrength` stays as it was. Nothing changes meaning, so there is
 * nothing to report.
 *
 * Frozen: like every migration, this one must keep working on the files of its
 * day, so it never imports today's schema or constants.
 */
export function migrateV3ToV4(doc: Record<string, unknown>): Record<string, unknown> {
  return {
    ...doc,
    survey: { scale: "1-5", dimensions: [], items: [], minimumRespondents: 5, waves: [] },
    importMappings: { survey: { columns: [], values: [] }, inventory: { columns: [], values: [] } },
    schemaVersion: 4,
  };
}
