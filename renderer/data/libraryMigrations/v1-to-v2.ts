/**
 * Library (IndexedDB) version 1 → 2. Version 1 kept each roadmap whole in one
 * `roadmaps` table, so listing the library loaded every document; version 2
 * splits it into `documents` (the roadmap as written) and `summaries` (what
 * the home screen lists).
 *
 * Frozen: a database last opened by a version-1 app is upgraded by this code
 * whenever that user next opens the app, however many releases later, so it
 * must never change and never import today's model or repository. It reads
 * the stored document as the v1 app wrote it — whatever file format that was
 * — and copies out only the fields a v2 summary holds; the document itself is
 * moved untouched (loading it later migrates its file format).
 */

/** A row of version 1's `roadmaps` table, as the v1 app wrote it. */
export interface LibraryV1Roadmap {
  id: string;
  document: unknown;
  updatedAt: string;
}

/** A row of version 2's `summaries` table. */
export interface LibraryV2Summary {
  id: string;
  name: string;
  client: string;
  updatedAt: string;
  phaseCount: number;
  communicationCount: number;
  deletedAt: string | null;
}

/** A row of version 2's `documents` table. */
export interface LibraryV2Document {
  id: string;
  document: unknown;
}

/** The version-2 rows for one version-1 roadmap; keyed by the row's id, so document and summary stay paired. */
export function upgradeRoadmapV1ToV2(row: LibraryV1Roadmap): {
  document: LibraryV2Document;
  summary: LibraryV2Summary;
} {
  const doc =
    typeof row.document === "object" && row.document !== null ? (row.document as Record<string, unknown>) : {};
  const text = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  return {
    document: { id: row.id, document: row.document },
    summary: {
      id: row.id,
      name: text(doc.name, "Untitled roadmap"),
      client: text(doc.client, ""),
      updatedAt: text(doc.updatedAt, row.updatedAt),
      phaseCount: count(doc.phases),
      communicationCount: count(doc.communications),
      // Version 1 had no trash.
      deletedAt: null,
    },
  };
}
