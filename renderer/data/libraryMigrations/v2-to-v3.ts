/**
 * Library (IndexedDB) version 2 → 3: adds the versions of roadmaps (named and
 * automatic), split like roadmaps into `versions` (what the Versions panel and
 * the library's space figures list) and `versionDocuments` (the roadmap as it
 * was). Both start empty, so nothing is moved and there is no upgrade step.
 *
 * Frozen: these are the layouts version-3 apps wrote.
 */

/** A row of version 3's `versions` table. */
export interface LibraryV3VersionSummary {
  id: string;
  roadmapId: string;
  name: string;
  note: string;
  author: string;
  createdAt: string;
  kind: string;
  /** The document's size as UTF-8 JSON: what it adds to the library, and to a file exported with versions. */
  sizeBytes: number;
}

/** A row of version 3's `versionDocuments` table: the document as it was written, in the file format of its day. */
export interface LibraryV3VersionDocument {
  id: string;
  document: unknown;
}

export const LIBRARY_V3_STORES = {
  versions: "id, roadmapId",
  versionDocuments: "id",
} as const;
