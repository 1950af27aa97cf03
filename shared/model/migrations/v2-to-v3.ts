/**
 * v3 adds what a workshop needs, all of it new and empty in an older file:
 * sticky notes (`stickyNotes: []`), the presentation walk (`presentation`,
 * empty: lifecycle order), quick-add's remembered owner, channel and audience
 * (`captureDefaults`, none yet) and a transition's `markedAsLoop` (false: a
 * transition is a loop when it goes to an earlier stage). Nothing in a v2
 * file changes meaning, so there is nothing to report.
 *
 * Frozen: like every migration, this one must keep working on the files of its
 * day, so it never imports today's schema or constants.
 */
export function migrateV2ToV3(doc: Record<string, unknown>): Record<string, unknown> {
  const transitions = Array.isArray(doc.transitions)
    ? doc.transitions.map((t: unknown) =>
        t !== null && typeof t === "object" && !Array.isArray(t) ? { ...t, markedAsLoop: false } : t,
      )
    : doc.transitions;
  return {
    ...doc,
    transitions,
    stickyNotes: [],
    presentation: { walkOrder: [] },
    captureDefaults: { ownerId: null, channelId: null, audience: null },
    schemaVersion: 3,
  };
}
