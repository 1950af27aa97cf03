import type { Transaction } from "dexie";
import { type LibraryV1Roadmap, upgradeRoadmapV1ToV2 } from "./v1-to-v2";
import { LIBRARY_V3_STORES } from "./v2-to-v3";

/**
 * Every layout the library has had, oldest first. Append-only: a released
 * version is never edited, since users' databases are at it; a new layout is
 * a new entry whose `upgrade` calls only a frozen module of its own
 * (`vN-to-vM.ts`), never today's repository code.
 */
export const LIBRARY_VERSIONS: readonly {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  { version: 1, stores: { roadmaps: "id, updatedAt", settings: "key" } },
  {
    version: 2,
    stores: { roadmaps: null, summaries: "id, updatedAt", documents: "id", settings: "key" },
    upgrade: async (tx) => {
      const rows = (await tx.table("roadmaps").toArray()) as LibraryV1Roadmap[];
      const upgraded = rows.map(upgradeRoadmapV1ToV2);
      await tx.table("documents").bulkPut(upgraded.map((row) => row.document));
      await tx.table("summaries").bulkPut(upgraded.map((row) => row.summary));
    },
  },
  // New, empty tables: Dexie creates them and every roadmap stays where it is.
  { version: 3, stores: LIBRARY_V3_STORES },
];

/** The version today's app opens the library at. */
export const LIBRARY_VERSION = LIBRARY_VERSIONS.length;
