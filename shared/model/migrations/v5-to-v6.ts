/**
 * v6 adds the campaign optimiser: the roadmap's optimiser settings (nothing
 * asked yet) and, on each scenario, the record of the optimisation that made
 * it (none, for scenarios made before). A v5 file plans exactly as before, so
 * there is nothing to report.
 *
 * Frozen: like every migration, this one must keep working on the files of its
 * day, so it never imports today's schema or constants.
 */
export function migrateV5ToV6(doc: Record<string, unknown>): Record<string, unknown> {
  const scenarios = Array.isArray(doc.scenarios)
    ? doc.scenarios.map((scenario: unknown) =>
        scenario !== null && typeof scenario === "object" && !Array.isArray(scenario)
          ? { ...scenario, optimisation: null }
          : scenario,
      )
    : doc.scenarios;
  return {
    ...doc,
    scenarios,
    optimiser: {
      objective: "net",
      budget: null,
      yearBudgets: [],
      ownerBudgets: [],
      respectContactCaps: true,
      communications: {},
      purposeCoverage: [],
      exclusiveGroups: [],
      timeLimitSeconds: 10,
      gapTolerance: 0.005,
    },
    schemaVersion: 6,
  };
}
