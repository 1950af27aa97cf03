import type { OpenedFile } from "../../../shared/ipc/contract";
import {
  createRoadmap,
  describeMovedOneOffs,
  duplicateRoadmap,
  findTemplate,
  prepareNewRoadmap,
  type ReadRoadmapFile,
  type Roadmap,
  RoadmapObjectSchema,
  readRoadmapFile,
  roadmapFileName,
} from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";
import { describeStorageError, type RoadmapSummary, type VersionSpace } from "../../data/roadmapRepository";

export interface ImportOptions {
  open: boolean;
}

/** A file the user opened, kept linked to the roadmap it opened as, so Save writes back to it. */
interface FileLink {
  handle: string;
}

export interface NewRoadmapRequest {
  name: string;
  client: string;
  /** Null for a blank roadmap. */
  templateId: string | null;
  /** What the New roadmap dialog checked; left out, the starting point's own. */
  currency?: string;
  startMonth?: string;
  horizonMonths?: number;
}

/** The home screen's list of roadmaps and every command on it. */
export interface LibrarySlice {
  summaries: RoadmapSummary[];
  trash: RoadmapSummary[];
  libraryLoaded: boolean;
  /** Per roadmap with versions (in the library or the trash), how many and the space they take. */
  versionSpace: ReadonlyMap<string, VersionSpace>;
  /** An import waiting for the user to say whether it replaces the roadmap with the same id. */
  pendingImport: {
    roadmap: Roadmap;
    open: boolean;
    file: FileLink;
    fileName: string;
    read: Pick<ReadRoadmapFile, "migrationNotes" | "versions">;
  } | null;
  refreshLibrary(): Promise<void>;
  createRoadmap(request: NewRoadmapRequest): Promise<string>;
  /** Returns the problem with the new name, or null once renamed. */
  renameRoadmap(id: string, name: string): Promise<string | null>;
  duplicateRoadmap(id: string): Promise<void>;
  moveToTrash(id: string): Promise<void>;
  restoreFromTrash(id: string): Promise<void>;
  deleteForever(id: string): Promise<void>;
  emptyTrash(): Promise<void>;
  /** Asks for a `.roadmap` file and adds it to the library; `open` then opens it in the editor. */
  importFromDisk(options?: ImportOptions): Promise<void>;
  /** Adds a file's roadmap to the library (picked, dropped or opened from outside the app). */
  importFile(file: OpenedFile, options?: ImportOptions): Promise<void>;
  resolveImportConflict(choice: "replace" | "keepBoth" | "cancel"): Promise<void>;
  /** Writes a roadmap of the library to a file the user picks; with `includeVersions`, its versions too. */
  exportRoadmap(id: string, options?: { includeVersions: boolean }): Promise<void>;
}

export function createLibrarySlice({ set, get, services }: SliceContext): LibrarySlice {
  const { repository, platform, now } = services;

  const refreshLibrary = async () => {
    const [summaries, trash, versionSpace] = await Promise.all([
      repository.listRoadmaps(),
      repository.listTrash(),
      repository.versionSpace(),
    ]);
    set({ summaries, trash, versionSpace, libraryLoaded: true });
  };

  const loadOrReport = async (id: string): Promise<Roadmap | null> => {
    const loaded = await repository.loadRoadmap(id);
    if (loaded.ok) return loaded.value.roadmap;
    get().notify({
      tone: "error",
      message:
        loaded.error.kind === "missing"
          ? "That roadmap is no longer in the library."
          : `That roadmap could not be read: ${loaded.error.issues[0]?.problem ?? "unknown problem"}.`,
    });
    await refreshLibrary();
    return null;
  };

  /**
   * Runs a write to the library and checks its outcome: a refused write
   * (storage full, the library closed) is told to the user with its reason;
   * it changed nothing, so the list stays as it is. True when it was written.
   */
  const written = async (what: string, write: () => Promise<void>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (error) {
      get().notify({ tone: "error", message: `${what} failed: ${describeStorageError(error)}. Nothing was changed.` });
      return false;
    }
  };

  /** Writes a roadmap over the library's copy; if it is the one open, the editor shows the new copy. */
  const replaceInLibrary = async (roadmap: Roadmap): Promise<boolean> => {
    if (!(await written(`Adding “${roadmap.name}”`, () => repository.addRoadmap(roadmap)))) return false;
    if (get().document?.id === roadmap.id) await get().reloadFromLibrary();
    await refreshLibrary();
    return true;
  };

  const addImported = async (
    roadmap: Roadmap,
    replaced: Roadmap | null,
    { open }: ImportOptions,
    file: FileLink | null,
    fileName: string,
    read: Pick<ReadRoadmapFile, "migrationNotes" | "versions">,
  ) => {
    const { migrationNotes } = read;
    if (!(await replaceInLibrary(roadmap))) return;
    const versions = await get().addVersionsFromFile(roadmap.id, fileName, read.versions);
    if (versions > 0) await refreshLibrary();
    if (open) await get().openRoadmap(roadmap.id);
    if (open && file) get().linkFile(file.handle, read.versions !== undefined);
    const imported = replaced ? `Replaced “${replaced.name}” with the imported file.` : `Imported “${roadmap.name}”.`;
    const done = versions > 0 ? `${imported} ${versionCount(versions)} added.` : imported;
    get().notify({
      tone: "info",
      message: migrationNotes.length > 0 ? `${done} ${describeMigration(migrationNotes)}` : done,
      action: replaced
        ? {
            label: "Undo",
            run: () => void replaceInLibrary(replaced),
          }
        : undefined,
    });
  };

  return {
    summaries: [],
    trash: [],
    libraryLoaded: false,
    versionSpace: new Map(),
    pendingImport: null,
    refreshLibrary,

    createRoadmap: async ({ name, client, templateId, ...settings }) => {
      const template = templateId ? findTemplate(templateId) : undefined;
      const base = template ? template.create(now()) : createRoadmap({ now: now() });
      const prepared = prepareNewRoadmap(base, {
        name,
        client,
        currency: settings.currency ?? base.currency,
        startMonth: settings.startMonth ?? base.startMonth,
        horizonMonths: settings.horizonMonths ?? base.horizonMonths,
      });
      // The dialog checks the same rules before it asks: settings that fail here are a bug.
      if (!prepared.ok) throw new Error(prepared.error.map((problem) => problem.message).join(" "));
      const { roadmap, moved } = prepared.value;
      await repository.addRoadmap(roadmap);
      await refreshLibrary();
      if (moved.length > 0) get().notify({ tone: "info", message: describeMovedOneOffs(moved, roadmap.horizonMonths) });
      return roadmap.id;
    },

    renameRoadmap: async (id, name) => {
      const checked = RoadmapObjectSchema.shape.name.safeParse(name);
      if (!checked.success) return `The name ${checked.error.issues[0]?.message ?? "is not valid"}.`;
      const roadmap = await loadOrReport(id);
      if (!roadmap) return null;
      if (roadmap.name === checked.data) return null;
      const renamed = { ...roadmap, name: checked.data, updatedAt: now().toISOString() };
      if (await written("Renaming", () => repository.saveRoadmap(renamed))) await refreshLibrary();
      return null;
    },

    duplicateRoadmap: async (id) => {
      const roadmap = await loadOrReport(id);
      if (!roadmap) return;
      const copy = duplicateRoadmap(roadmap, now());
      if (!(await written("Duplicating", () => repository.addRoadmap(copy)))) return;
      await refreshLibrary();
      get().notify({ tone: "info", message: `Created “${copy.name}”.` });
    },

    moveToTrash: async (id) => {
      const summary = await repository.getSummary(id);
      if (!summary) return;
      if (!(await written("Moving to the trash", () => repository.moveToTrash(id, now())))) return;
      await refreshLibrary();
      get().notify({
        tone: "info",
        message: `Moved “${summary.name}” to the trash.`,
        action: { label: "Undo", run: () => void get().restoreFromTrash(id) },
      });
    },

    restoreFromTrash: async (id) => {
      if (await written("Restoring", () => repository.restoreFromTrash(id))) await refreshLibrary();
    },

    deleteForever: async (id) => {
      if (await written("Deleting", () => repository.deletePermanently([id]))) await refreshLibrary();
    },

    emptyTrash: async () => {
      const ids = get().trash.map((summary) => summary.id);
      if (await written("Emptying the trash", () => repository.deletePermanently(ids))) await refreshLibrary();
    },

    importFromDisk: async (options = { open: false }) => {
      const picked = await platform.openFile("roadmap");
      if ("error" in picked) {
        get().notify({ tone: "error", message: picked.error });
        return;
      }
      if (!picked.canceled) await get().importFile(picked.file, options);
    },

    importFile: async (file, options = { open: false }) => {
      const read = readRoadmapFile(file.name, file.text, file.sizeInBytes);
      if (!read.ok) {
        get().openDialog({ kind: "importError", error: read.error });
        return;
      }
      const roadmap = read.value.roadmap;
      const existing = await repository.getSummary(roadmap.id);
      if (existing) {
        set({
          pendingImport: {
            roadmap,
            open: options.open,
            file: { handle: file.handle },
            fileName: file.name,
            read: read.value,
          },
        });
        get().openDialog({
          kind: "importConflict",
          fileName: file.name,
          existingName: existing.name,
          existingInTrash: existing.deletedAt !== null,
        });
        return;
      }
      await addImported(roadmap, null, options, { handle: file.handle }, file.name, read.value);
    },

    resolveImportConflict: async (choice) => {
      const pending = get().pendingImport;
      set({ pendingImport: null });
      get().closeDialog();
      if (!pending || choice === "cancel") return;
      const { roadmap, open, file, fileName, read } = pending;
      if (choice === "keepBoth") {
        // A copy with a new id is no longer what the file holds: saving it asks where.
        await addImported(duplicateRoadmap(roadmap, now()), null, { open }, null, fileName, read);
        return;
      }
      const replaced = await repository.loadRoadmap(roadmap.id);
      // The library's copy as it is, or the open one with edits not saved yet, which the import drops.
      const current = get().document?.id === roadmap.id ? get().document : replaced.ok ? replaced.value.stored : null;
      if (current) await get().keepAutomaticVersion("beforeImport", { roadmapId: roadmap.id, document: current });
      await addImported(roadmap, replaced.ok ? replaced.value.roadmap : null, { open }, file, fileName, read);
    },

    exportRoadmap: async (id, { includeVersions } = { includeVersions: false }) => {
      const roadmap = await loadOrReport(id);
      if (!roadmap) return;
      const saved = await platform.saveFile({
        kind: "roadmap",
        contents: await get().roadmapFileContents(roadmap, includeVersions),
        suggestedName: roadmapFileName(roadmap),
        handle: null,
      });
      if ("error" in saved) get().notify({ tone: "error", message: saved.error });
      else if (!saved.canceled) get().notify({ tone: "info", message: `Exported “${roadmap.name}” as ${saved.name}.` });
    },
  };
}

export function versionCount(count: number): string {
  return `${count} version${count === 1 ? "" : "s"}`;
}

/** What bringing a file or library copy from an older version of the app up to date changed, for a notice. */
export function describeMigration(notes: readonly string[]): string {
  return `It was saved by an older version of the app and has been brought up to date: ${notes.join(" ")}`;
}
