import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import { VERSION_KINDS, type VersionKind } from "./versions";
import { thinVersions } from "./versionThinning";

const NOW = new Date("2027-03-31T12:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;

const version = (id: string, kind: VersionKind, daysAgo: number) => ({
  id,
  kind,
  createdAt: new Date(NOW.getTime() - daysAgo * DAY_MS).toISOString(),
});

describe("thinning versions", () => {
  it("keeps named versions forever and automatic ones for 30 days", () => {
    const versions = [
      version("named-old", "named", 400),
      version("daily-today", "daily", 0),
      version("daily-29", "daily", 29),
      version("daily-30", "daily", 30),
      version("daily-31", "daily", 31),
      version("import-45", "beforeImport", 45),
      version("restore-10", "beforeRestore", 10),
      version("migration-200", "beforeMigration", 200),
      version("optimisation-31", "beforeOptimisation", 30.01),
      version("restore-90", "beforeRestore", 90),
    ];
    expect(thinVersions(versions, NOW)).toEqual([
      "daily-31",
      "import-45",
      "migration-200",
      "optimisation-31",
      "restore-90",
    ]);
  });

  it("keeps a version whose date cannot be read, and one dated after now (a clock set wrong)", () => {
    expect(
      thinVersions([{ id: "x", kind: "daily", createdAt: "not a date" }, version("future", "daily", -3)], NOW),
    ).toEqual([]);
  });

  it("never drops a named version or anything from the last 30 days, and thinning twice drops nothing more", () => {
    const versions = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 8 }),
        kind: fc.constantFrom(...VERSION_KINDS),
        daysAgo: fc.double({ min: -5, max: 800, noNaN: true }),
      }),
      { selector: (v) => v.id, maxLength: 60 },
    );
    fc.assert(
      fc.property(versions, (generated) => {
        const all = generated.map((v) => version(v.id, v.kind, v.daysAgo));
        const dropped = new Set(thinVersions(all, NOW));
        for (const v of all) {
          const recent = NOW.getTime() - Date.parse(v.createdAt) <= 30 * DAY_MS;
          if (v.kind === "named" || recent) expect(dropped.has(v.id)).toBe(false);
        }
        const kept = all.filter((v) => !dropped.has(v.id));
        expect(thinVersions(kept, NOW)).toEqual([]);
        // Only automatic versions past 30 days go, and every one of them does.
        expect(all.filter((v) => dropped.has(v.id)).every((v) => v.kind !== "named")).toBe(true);
      }),
      propertyRuns(300),
    );
  });
});
