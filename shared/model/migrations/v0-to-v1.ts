/**
 * v0 was the format of the workshop prototype: `version: 0` instead of
 * `type`/`schemaVersion`, the roadmap's name in `title`, and rates kept as
 * percentages (`churnPercent`, `ratePercent`). v1 stores shares as 0–1.
 *
 * Frozen: like every migration, this one must keep working on the files of its
 * day, so it never imports today's schema or constants.
 */
export function migrateV0ToV1(doc: Record<string, unknown>): Record<string, unknown> {
  const { version: _version, title, phases, transitions, ...rest } = doc;
  return {
    ...rest,
    type: "relationship-roadmap",
    schemaVersion: 1,
    name: title,
    phases: mapRecords(phases, ({ churnPercent, ...phase }) => ({
      ...phase,
      churnRate: percentToShare(churnPercent),
    })),
    transitions: mapRecords(transitions, ({ ratePercent, ...transition }) => ({
      ...transition,
      rate: percentToShare(ratePercent),
    })),
  };
}

function mapRecords(value: unknown, map: (record: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => (item !== null && typeof item === "object" ? map(item as Record<string, unknown>) : item));
}

/** Leaves anything that is not a number alone, so validation can name it afterwards. */
function percentToShare(value: unknown): unknown {
  return typeof value === "number" ? value / 100 : value;
}
