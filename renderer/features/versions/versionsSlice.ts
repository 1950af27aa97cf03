import {
  CURRENT_SCHEMA_VERSION,
  createId,
  duplicateRoadmap,
  type FileVersion,
  type Roadmap,
  type RoadmapVersion,
  RoadmapVersionSchema,
  readFileVersions,
  serializeRoadmap,
  thinVersions,
  type VersionKind,
} from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";
import { describeStorageError, type LoadedRoadmap, type VersionSummary } from "../../data/roadmapRepository";

export type AutomaticVersionKind = Exclude<VersionKind, "named">;

/** What an automatic version is called in the Versions panel. */
export const AUTOMATIC_VERSION_NAMES: Record<AutomaticVersionKind, string> = {
  daily: "Start of the day",
  beforeImport: "Before import",
  beforeOptimisation: "Before optimisation",
  beforeMigration: "Before updating the file format",
  beforeRestore: "Before restoring a version",
};

/** What an automatic version keeps, when it is not the open roadmap as it is now. */
export interface VersionSource {
  roadmapId: string;
  /** The roadmap as it was, in its own file format (a library copy stored in an older one stays as it is). */
  document: unknown;
  note?: string;
}

/** The open roadmap's versions and what is done with them. */
export interface VersionsSlice {
  /** The open roadmap's versions, newest first, without their documents. */
  versions: VersionSummary[];
  refreshVersions(): Promise<void>;
  /** Keeps the open roadmap as a named version; false, with a notice saying why, when it could not. */
  saveVersion(request: { name: string; note: string }): Promise<boolean>;
  /**
   * Keeps a version automatically, of the open roadmap as it is at the call (or of `source`), then
   * thins that roadmap's old automatic versions. Never throws and never holds up an edit: a failure
   * is logged, and told to the user once until a version is kept again. True when it was kept.
   */
  keepAutomaticVersion(kind: AutomaticVersionKind, source?: VersionSource): Promise<boolean>;
  /**
   * Replaces the open roadmap by a version of it, as one undo step, keeping the roadmap's id; the
   * state before is first kept as a "beforeRestore" version, and nothing is restored if it cannot be.
   */
  restoreVersion(versionId: string): Promise<void>;
  /** A version's roadmap in the current file format; null, the user told why, when it is gone or unreadable. */
  loadVersionRoadmap(versionId: string): Promise<Roadmap | null>;
  /** Adds a version to the library as a new roadmap, "<name> (version <version name>)", and opens it. */
  copyVersionToNewRoadmap(versionId: string): Promise<void>;
  /** Called by the editor once a roadmap is open: keeps it as stored if it was migrated, thins, lists. */
  versionsOpened(loaded: LoadedRoadmap): Promise<void>;
  /** Called by the editor before each edit: the day's first edit keeps the state before it as "daily". */
  noteEditForDailyVersion(before: Roadmap): Promise<void>;
  /** A `.roadmap` file's text for a roadmap; `withVersions`, its versions from the library follow it, oldest first. */
  roadmapFileContents(roadmap: Roadmap, withVersions: boolean): Promise<string>;
  /** Adds the versions a `.roadmap` file brought to a roadmap in the library; says which were left out and why. */
  addVersionsFromFile(roadmapId: string, fileName: string, raw: unknown): Promise<number>;
}

/** The calendar day of a moment, in the user's time zone: a day of editing is the user's day. */
function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export function createVersionsSlice({ set, get, services }: SliceContext): VersionsSlice {
  const { repository, now } = services;
  let automaticFailing = false;
  /** The roadmap and day whose daily version is kept or being kept; checked on every edit, so kept in memory. */
  let dailyChecked: string | null = null;

  const openId = () => get().document?.id ?? null;

  const refreshVersions = async () => {
    const roadmapId = openId();
    const versions = roadmapId ? await repository.listVersions(roadmapId) : [];
    // Another roadmap may have opened while the list was read.
    if (openId() === roadmapId) set({ versions });
  };

  const thin = async (roadmapId: string) => {
    const doomed = thinVersions(await repository.listVersions(roadmapId), now());
    if (doomed.length > 0) await repository.deleteVersions(doomed);
  };

  const newVersion = (
    kind: VersionKind,
    roadmapId: string,
    fields: Pick<RoadmapVersion, "name" | "note" | "document">,
  ): RoadmapVersion => ({
    id: createId(),
    roadmapId,
    author: get().preferences.authorName,
    createdAt: now().toISOString(),
    kind,
    ...fields,
  });

  const keepAutomaticVersion: VersionsSlice["keepAutomaticVersion"] = async (kind, source) => {
    const open = get().document;
    const roadmapId = source?.roadmapId ?? open?.id;
    const document = source ? source.document : open;
    if (!roadmapId || document === null || document === undefined) return false;
    const version = newVersion(kind, roadmapId, {
      name: AUTOMATIC_VERSION_NAMES[kind],
      note: source?.note ?? "",
      document,
    });
    try {
      await repository.saveVersion(version);
    } catch (error) {
      console.warn(`Could not keep the “${version.name}” version:`, error);
      if (!automaticFailing)
        get().notify({
          tone: "error",
          message: `A version could not be kept automatically: ${describeStorageError(error)}. Your work goes on and is saved as usual.`,
        });
      automaticFailing = true;
      return false;
    }
    automaticFailing = false;
    try {
      await thin(roadmapId);
      if (openId() === roadmapId) await refreshVersions();
    } catch (error) {
      // Thinning and listing are tried again at the next open; the version itself is kept.
      console.warn("Could not thin or list versions:", error);
    }
    return true;
  };

  const loadVersionOrReport = async (versionId: string) => {
    const loaded = await repository.loadVersion(versionId);
    if (loaded.ok) return loaded.value.roadmap;
    get().notify({
      tone: "error",
      message:
        loaded.error.kind === "missing"
          ? "That version is no longer in the library."
          : `That version could not be read: ${loaded.error.issues[0]?.problem ?? "unknown problem"}. Nothing was changed.`,
    });
    return null;
  };

  const versionName = async (versionId: string) =>
    (get().versions.find((v) => v.id === versionId) ?? (await repository.getVersionSummary(versionId)))?.name ??
    "the version";

  return {
    versions: [],
    refreshVersions,
    keepAutomaticVersion,
    loadVersionRoadmap: loadVersionOrReport,

    saveVersion: async ({ name, note }) => {
      const document = get().document;
      if (!document) return false;
      const checked = RoadmapVersionSchema.safeParse(newVersion("named", document.id, { name, note, document }));
      if (!checked.success) {
        const issue = checked.error.issues[0];
        get().notify({
          tone: "error",
          message: `The version was not saved: its ${String(issue?.path[0] ?? "entry")} ${issue?.message ?? "is not valid"}.`,
        });
        return false;
      }
      try {
        await repository.saveVersion(checked.data);
      } catch (error) {
        get().notify({
          tone: "error",
          message: `Saving the version failed: ${describeStorageError(error)}. The roadmap itself is unchanged.`,
        });
        return false;
      }
      await refreshVersions();
      get().notify({ tone: "info", message: `Saved the version “${checked.data.name}”.` });
      return true;
    },

    restoreVersion: async (versionId) => {
      const current = get().document;
      if (!current) return;
      const restored = await loadVersionOrReport(versionId);
      if (!restored) return;
      const name = await versionName(versionId);
      const kept = await keepAutomaticVersion("beforeRestore", {
        roadmapId: current.id,
        document: get().document,
        note: `Kept before restoring “${name}”.`,
      });
      if (!kept) {
        get().notify({
          tone: "error",
          message: `“${name}” was not restored: the current state could not be kept as a version first. Nothing was changed.`,
        });
        return;
      }
      if (get().document?.id !== current.id) return;
      // The whole document is replaced, scenarios and all: not an edit of the plan the active scenario shows.
      get().edit(() => ({ ...restored, id: current.id }), { document: {} });
      get().notify({
        tone: "info",
        message: `Restored “${name}”. The state before it is kept as a version.`,
        action: { label: "Undo", run: () => get().undo() },
      });
    },

    copyVersionToNewRoadmap: async (versionId) => {
      const roadmap = await loadVersionOrReport(versionId);
      if (!roadmap) return;
      const name = await versionName(versionId);
      const copy = duplicateRoadmap(roadmap, now(), ` (version ${name.slice(0, 80).trimEnd()})`);
      try {
        await repository.addRoadmap(copy);
      } catch (error) {
        get().notify({
          tone: "error",
          message: `Copying the version failed: ${describeStorageError(error)}. Nothing was changed.`,
        });
        return;
      }
      // Opening first saves what is still pending of the roadmap left, so the library lists both as they are.
      await get().openRoadmap(copy.id);
      await get().refreshLibrary();
      get().notify({ tone: "info", message: `Created “${copy.name}” from the version.` });
    },

    versionsOpened: async ({ roadmap, fromVersion, stored }) => {
      set({ versions: [] });
      if (fromVersion < CURRENT_SCHEMA_VERSION) {
        await keepAutomaticVersion("beforeMigration", {
          roadmapId: roadmap.id,
          document: stored,
          note: `As stored in file format ${fromVersion}, before it was brought up to format ${CURRENT_SCHEMA_VERSION}.`,
        });
      }
      try {
        await thin(roadmap.id);
        await refreshVersions();
      } catch (error) {
        console.warn("Could not thin or list versions:", error);
      }
    },

    noteEditForDailyVersion: async (before) => {
      const day = localDay(now());
      const key = `${before.id} ${day}`;
      if (dailyChecked === key) return;
      dailyChecked = key;
      try {
        const versions = await repository.listVersions(before.id);
        if (versions.some((v) => v.kind === "daily" && localDay(new Date(v.createdAt)) === day)) return;
      } catch (error) {
        console.warn("Could not list versions:", error);
      }
      await keepAutomaticVersion("daily", { roadmapId: before.id, document: before });
    },

    roadmapFileContents: async (roadmap, withVersions) => {
      if (!withVersions) return serializeRoadmap(roadmap);
      const versions = await repository.exportVersions(roadmap.id);
      return serializeRoadmap(
        roadmap,
        versions.map(({ roadmapId: _, ...version }) => version),
      );
    },

    addVersionsFromFile: async (roadmapId, fileName, raw) => {
      const { versions, problems } = readFileVersions(raw);
      if (problems.length > 0) {
        get().notify({
          tone: "error",
          message: `${fileName}: ${problems.length === 1 ? "a version was" : `${problems.length} versions were`} left out, the rest opened. ${problems.join(" ")}`,
        });
      }
      if (versions.length === 0) return 0;
      try {
        // Importing the same file again must not double its versions: one already here is left as it is.
        const here = new Set((await repository.listVersions(roadmapId)).map(sameVersion));
        const added = versions
          .filter((version) => !here.has(sameVersion(version)))
          .map((version: FileVersion): RoadmapVersion => ({ ...version, id: createId(), roadmapId }));
        await repository.saveVersions(added);
        if (openId() === roadmapId) await refreshVersions();
        return added.length;
      } catch (error) {
        get().notify({
          tone: "error",
          message: `${fileName}: its versions could not be added to the library: ${describeStorageError(error)}. The roadmap itself was imported.`,
        });
        return 0;
      }
    },
  };
}

/**
 * What tells a version brought by a file apart from those already in the library. Not the id: ids are
 * renewed on import, since a file imported as a copy beside its original must not take over the
 * original's versions.
 */
function sameVersion(version: Pick<RoadmapVersion, "kind" | "name" | "createdAt">): string {
  return `${version.kind} ${version.createdAt} ${version.name}`;
}
