import { describe, expect, it } from "vitest";
import { describeIssue } from "../issues";
import { parseRoadmap } from "../parse";
import { CURRENT_SCHEMA_VERSION } from "../schema";
import { sampleRoadmap } from "../testing/sampleRoadmap";
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrateToLatest } from "./index";
import { migrateV0ToV1 } from "./v0-to-v1";

/**
 * A file as the workshop prototype wrote it: `version: 0`, the name in
 * `title`, rates in percent. Written out by hand, never built from today's
 * types, so the test keeps describing the files that exist.
 */
function v0File(): Record<string, unknown> {
  return {
    version: 0,
    title: "Prototype roadmap",
    id: "roadmap-v0",
    client: "Workshop client",
    currency: "EUR",
    startMonth: "2025-01",
    horizonMonths: 12,
    createdAt: "2024-11-02T10:00:00.000Z",
    updatedAt: "2024-11-03T16:30:00.000Z",
    stages: [{ id: "onboard", name: "Onboard", kind: "onboard", color: "#00a3a3" }],
    phases: [
      { id: "phase-new", name: "New customer", stageId: "onboard", churnPercent: 5 },
      { id: "phase-active", name: "Active", stageId: "onboard", churnPercent: 1.5 },
    ],
    transitions: [{ id: "tr-settles", from: "phase-new", to: "phase-active", ratePercent: 30 }],
    segments: [{ id: "all", name: "All customers", color: "#4f5d75" }],
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe("v0 to v1", () => {
  it("renames title to name, adds the file type and version, and turns percentages into shares", () => {
    expect(migrateV0ToV1(v0File())).toEqual({
      type: "relationship-roadmap",
      schemaVersion: 1,
      name: "Prototype roadmap",
      id: "roadmap-v0",
      client: "Workshop client",
      currency: "EUR",
      startMonth: "2025-01",
      horizonMonths: 12,
      createdAt: "2024-11-02T10:00:00.000Z",
      updatedAt: "2024-11-03T16:30:00.000Z",
      stages: [{ id: "onboard", name: "Onboard", kind: "onboard", color: "#00a3a3" }],
      phases: [
        { id: "phase-new", name: "New customer", stageId: "onboard", churnRate: 0.05 },
        { id: "phase-active", name: "Active", stageId: "onboard", churnRate: 0.015 },
      ],
      transitions: [{ id: "tr-settles", from: "phase-new", to: "phase-active", rate: 0.3 }],
      segments: [{ id: "all", name: "All customers", color: "#4f5d75" }],
    });
  });

  it("opens a v0 file as a valid current roadmap and says it was migrated", () => {
    const result = parseRoadmap(v0File());
    if (!result.ok) throw new Error(result.error.map(describeIssue).join("\n"));
    expect(result.value.fromVersion).toBe(0);
    const { roadmap } = result.value;
    expect(roadmap.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(roadmap.name).toBe("Prototype roadmap");
    expect(roadmap.phases.map((phase) => phase.churnRate)).toEqual([0.05, 0.015]);
    expect(roadmap.transitions.map((transition) => transition.rate)).toEqual([0.3]);
  });

  it("leaves the document it was given untouched", () => {
    const input = deepFreeze(v0File());
    expect(() => migrateV0ToV1(input)).not.toThrow();
    expect(input).toEqual(v0File());
  });

  it("leaves a rate that is not a number for validation to name", () => {
    const file = v0File();
    file.phases = [{ id: "phase-new", name: "New customer", stageId: "onboard", churnPercent: "five" }];
    file.transitions = [];
    const result = parseRoadmap(file);
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      'phases[0].churnRate: must be a number, got "five"',
    ]);
  });
});

describe("the migration registry", () => {
  it("has one migration for every version before the current one", () => {
    expect(MIGRATIONS).toHaveLength(CURRENT_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(CURRENT_SCHEMA_VERSION);
  });

  it("passes a current document through as it is", () => {
    const doc = sampleRoadmap();
    const result = migrateToLatest(doc);
    expect(result).toEqual({ ok: true, value: { doc, fromVersion: CURRENT_SCHEMA_VERSION } });
  });

  it("refuses a file from a newer version of the app and says to update", () => {
    const result = parseRoadmap({ ...sampleRoadmap(), schemaVersion: 99 });
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      `schemaVersion: was saved by a newer version of Relationship Roadmap (file format 99; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update the app to open it`,
    ]);
  });

  it("refuses a document without a schema version as not a roadmap file", () => {
    const { schemaVersion: _, ...withoutVersion } = sampleRoadmap();
    const result = parseRoadmap(withoutVersion);
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      "schemaVersion: is missing: this does not look like a Relationship Roadmap file",
    ]);
  });

  it.each([
    ["1", 'schemaVersion: must be a whole number of at least 1, got "1"'],
    [1.5, "schemaVersion: must be a whole number of at least 1, got 1.5"],
    [0, "schemaVersion: must be a whole number of at least 1, got 0"],
    [null, "schemaVersion: must be a whole number of at least 1, got null"],
  ])("refuses the schema version %j", (schemaVersion, shown) => {
    const result = parseRoadmap({ ...sampleRoadmap(), schemaVersion });
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([shown]);
  });
});
