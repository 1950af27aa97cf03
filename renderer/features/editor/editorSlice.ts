import type { DocumentState } from "../../../shared/ipc/contract";
import {
  BASE_SCENARIO_ID,
  CURRENT_SCHEMA_VERSION,
  editInScenario,
  findScenario,
  type Roadmap,
  type RoadmapIssue,
  removesSharedItems,
  resolveScenario,
  roadmapFileName,
} from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";
import { describeStorageError } from "../../data/roadmapRepository";
import { describeMigration } from "../library/librarySlice";
import { createAutosave, type SaveStatus } from "./autosave";
import { selectViewedRoadmap } from "./viewedRoadmap";

/** The setting that brings the user back to the roadmap they had open. */
export const OPEN_ROADMAP_SETTING = "openRoadmapId";

/** Undo steps kept per open roadmap. */
export const HISTORY_LIMIT = 200;

/** Edits with the same key within this time make one undo step (typing a name is one step, not one per key). */
export const COALESCE_MS = 1500;

export interface Selection {
  phaseIds: readonly string[];
  transitionIds: readonly string[];
}

export const EMPTY_SELECTION: Selection = { phaseIds: [], transitionIds: [] };

/** The views of the open roadmap, as tabs above it. */
export type EditorView =
  | "canvas"
  | "outline"
  | "audiences"
  | "plan"
  | "calendar"
  | "owner"
  | "budget"
  | "pressure"
  | "transitions"
  | "customers"
  | "survey"
  | "rsi"
  | "compare"
  | "optimise";

export interface EditOptions {
  /** Consecutive edits with the same key are merged into one undo step. */
  coalesceKey?: string;
  /** What to select after the edit; the selection is kept (minus deleted items) otherwise. */
  select?: Selection;
  /**
   * The change is to the document itself (adding, renaming or deleting a
   * scenario, applying a value to all), not to the plan the active scenario
   * shows; with it, the scenario to show afterwards.
   */
  document?: { showScenario?: string };
}

/** The roadmap open in the editor, its undo history and its autosave. */
export interface EditorSlice {
  document: Roadmap | null;
  /** Why the roadmap chosen could not be opened, when it could not. */
  documentIssues: RoadmapIssue[] | null;
  /** The file the open roadmap was opened from or last saved to in this session, for Save without asking. */
  fileHandle: string | null;
  /** The document as that file holds it; another document means changes the file does not have yet. */
  fileSavedDocument: Roadmap | null;
  /** That file holds the roadmap's versions too, so saving to it again writes them again. */
  fileIncludesVersions: boolean;
  past: Roadmap[];
  future: Roadmap[];
  selection: Selection;
  /** The phase whose name is being edited on the canvas. */
  renamingPhaseId: string | null;
  /** The communication selected in any view; its phase is selected with it. */
  selectedCommunicationId: string | null;
  snapToGrid: boolean;
  view: EditorView;
  saveStatus: SaveStatus;
  /** Why the last save to the library failed, in words for the user; null once a save succeeds. */
  saveProblem: string | null;
  openRoadmap(id: string): Promise<void>;
  closeRoadmap(): Promise<void>;
  /**
   * The scenario being shown and edited (`BASE_SCENARIO_ID` for the roadmap's
   * own plan); views read `selectViewedRoadmap`.
   */
  activeScenarioId: string;
  /** Shows and edits another scenario; an id the roadmap does not have shows its own plan. */
  showScenario(scenarioId: string): void;
  /**
   * Applies a change to the open roadmap as one undo step, and schedules its
   * autosave. The change is given the roadmap the active scenario plans and
   * written back into that scenario (`editInScenario`).
   */
  edit(change: (roadmap: Roadmap) => Roadmap, options?: EditOptions): void;
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  /** Selects a communication everywhere: its phase on the canvas, its row in the tables, its fields in the inspector. */
  selectCommunication(communicationId: string): void;
  setRenamingPhase(phaseId: string | null): void;
  setSnapToGrid(on: boolean): void;
  showView(view: EditorView): void;
  /** Saves pending changes to the library now (window hidden or closing, roadmap closed). */
  flushAutosave(): Promise<void>;
  /** Shows the library's copy of the open roadmap again, dropping unsaved edits: it was replaced from outside. */
  reloadFromLibrary(): Promise<void>;
  /**
   * Writes the open roadmap to a file: its last file, or one the user picks (always with `saveAs`).
   * With `includeVersions` the file holds its versions too; left out, a file that held them still does.
   */
  saveToFile(options: { saveAs: boolean; includeVersions?: boolean }): Promise<void>;
  /** The open roadmap came from this file (opened from disk): Save writes back to it, with versions if it had them. */
  linkFile(handle: string, includesVersions?: boolean): void;
  /** Reopens what was open when the app last closed, or shows the home screen. */
  restoreSession(): Promise<void>;
}

/** The editor with no roadmap open, and what a roadmap starts with when opened. */
const CLOSED = {
  document: null,
  documentIssues: null,
  fileHandle: null,
  fileSavedDocument: null,
  fileIncludesVersions: false,
  past: [],
  future: [],
  selection: EMPTY_SELECTION,
  renamingPhaseId: null,
  selectedCommunicationId: null,
  activeScenarioId: BASE_SCENARIO_ID,
} satisfies Partial<EditorSlice>;

export function createEditorSlice({ set, get, services }: SliceContext): EditorSlice {
  const { repository, now } = services;
  let lastCoalesce: { key: string; at: number } | null = null;

  const saveAsFile = { label: "Save as file…", run: () => void get().saveToFile({ saveAs: true }) };

  const autosave = createAutosave<Roadmap>(
    (roadmap) => repository.saveRoadmap(roadmap),
    (saveStatus, error) => {
      const wasFailing = get().saveProblem !== null;
      if (saveStatus !== "failed") {
        set({ saveStatus, saveProblem: saveStatus === "saved" ? null : get().saveProblem });
        if (wasFailing && saveStatus === "saved")
          get().notify({ tone: "info", message: "Your changes are saved to the library again." });
        return;
      }
      const saveProblem = describeStorageError(error);
      set({ saveStatus, saveProblem });
      // Said once when saving starts failing; the top bar keeps saying it while retries fail.
      if (!wasFailing) {
        get().notify({
          tone: "error",
          message: `Changes are not saved: ${saveProblem}. They are kept in this window and saving is retried; to be safe, save the roadmap as a file.`,
          action: saveAsFile,
        });
      }
    },
  );

  /**
   * Writes pending changes before the open roadmap is left. True when nothing
   * is left unsaved; false (and the user told why) when the library refuses
   * them, so the caller keeps the roadmap open rather than drop the changes.
   */
  const savedBeforeLeaving = async (): Promise<boolean> => {
    await autosave.flush();
    if (!autosave.hasPending()) return true;
    get().notify({
      tone: "error",
      message: `“${get().document?.name ?? "This roadmap"}” stays open: its changes are not saved (${get().saveProblem ?? "the library refused them"}). Save it as a file, or try again.`,
      action: saveAsFile,
    });
    return false;
  };

  /** Which roadmap to reopen next time is a convenience: failing to remember it must not stop what the user asked. */
  const rememberOpenRoadmap = (id: string | null) =>
    repository.setSetting(OPEN_ROADMAP_SETTING, id).catch((error: unknown) => {
      console.warn("Could not remember the open roadmap:", error);
    });

  /** Sets the document after an edit, undo or redo: stamps it, keeps the selection valid, saves it. */
  const show = (
    roadmap: Roadmap,
    selection: Selection | undefined,
    history: Pick<EditorSlice, "past" | "future">,
    scenarioId = get().activeScenarioId,
  ) => {
    const stamped = { ...roadmap, updatedAt: now().toISOString() };
    set({
      document: stamped,
      ...history,
      selection: pruneSelection(selection ?? get().selection, stamped),
      activeScenarioId: shownScenario(stamped, scenarioId),
    });
    autosave.schedule(stamped, now().getTime());
  };

  return {
    ...CLOSED,
    snapToGrid: true,
    view: "canvas",
    saveStatus: "saved",
    saveProblem: null,

    openRoadmap: async (id) => {
      if (!(await savedBeforeLeaving())) return;
      const loaded = await repository.loadRoadmap(id);
      if (!loaded.ok) {
        if (loaded.error.kind === "missing") {
          get().notify({ tone: "error", message: "That roadmap is no longer in the library." });
          await rememberOpenRoadmap(null);
          get().showScreen({ kind: "home" });
          return;
        }
        set({ document: null, documentIssues: loaded.error.issues, screen: { kind: "editor", roadmapId: id } });
        return;
      }
      lastCoalesce = null;
      const { roadmap, migrationNotes } = loaded.value;
      set({
        ...CLOSED,
        dialog: null,
        document: roadmap,
        view: "canvas",
        saveStatus: "saved",
        saveProblem: null,
        screen: { kind: "editor", roadmapId: id },
      });
      // Before the migrated copy is saved over the stored one, which a version then still holds.
      await get().versionsOpened(loaded.value);
      if (migrationNotes.length > 0)
        get().notify({ tone: "info", message: `“${roadmap.name}”: ${describeMigration(migrationNotes)}` });
      if (loaded.value.fromVersion < CURRENT_SCHEMA_VERSION) {
        // Kept in the current format from now on, so the notice and the version before migrating are given once.
        autosave.schedule(roadmap, now().getTime());
        await autosave.flush();
      }
      await rememberOpenRoadmap(id);
    },

    closeRoadmap: async () => {
      if (!(await savedBeforeLeaving())) return;
      set({ ...CLOSED, dialog: null, screen: { kind: "home" } });
      await rememberOpenRoadmap(null);
      await get().refreshLibrary();
    },

    showScenario: (scenarioId) => {
      const current = get().document;
      if (!current) return;
      lastCoalesce = null;
      set({ activeScenarioId: shownScenario(current, scenarioId) });
    },

    edit: (change, options = {}) => {
      const current = get().document;
      if (!current || get().refuseEditWhileReadOnly()) return;
      const next = options.document ? change(current) : changedInScenario(current, get().activeScenarioId, change);
      if (next === current) {
        if (options.select) set({ selection: pruneSelection(options.select, current) });
        return;
      }
      // Never awaited: keeping the day's first version must not hold up the edit.
      void get().noteEditForDailyVersion(current);
      const at = now().getTime();
      const merge =
        options.coalesceKey !== undefined &&
        lastCoalesce?.key === options.coalesceKey &&
        at - lastCoalesce.at < COALESCE_MS &&
        get().past.length > 0;
      lastCoalesce = options.coalesceKey ? { key: options.coalesceKey, at } : null;
      const past = merge ? get().past : [...get().past, current].slice(-HISTORY_LIMIT);
      show(next, options.select, { past, future: [] }, options.document?.showScenario);
    },

    undo: () => {
      const { document: current, past, future } = get();
      const previous = past.at(-1);
      if (!current || !previous || get().refuseEditWhileReadOnly()) return;
      lastCoalesce = null;
      show(previous, undefined, { past: past.slice(0, -1), future: [current, ...future] });
    },

    redo: () => {
      const { document: current, past, future } = get();
      const [next, ...rest] = future;
      if (!current || !next || get().refuseEditWhileReadOnly()) return;
      lastCoalesce = null;
      show(next, undefined, { past: [...past, current], future: rest });
    },

    select: (selection) => {
      const communication = selectViewedRoadmap(get())?.communications.find(
        (c) => c.id === get().selectedCommunicationId,
      );
      // A communication stays selected only while its phase is the one selected.
      const keep = communication && selection.phaseIds.length === 1 && selection.phaseIds[0] === communication.phaseId;
      set({ selection, selectedCommunicationId: keep ? communication.id : null });
    },
    selectCommunication: (communicationId) => {
      const communication = selectViewedRoadmap(get())?.communications.find((c) => c.id === communicationId);
      if (!communication) return;
      set({
        selection: { phaseIds: [communication.phaseId], transitionIds: [] },
        selectedCommunicationId: communicationId,
      });
    },
    setRenamingPhase: (renamingPhaseId) => set({ renamingPhaseId }),
    setSnapToGrid: (snapToGrid) => set({ snapToGrid }),
    showView: (view) => set({ view }),

    flushAutosave: () => autosave.flush(),

    reloadFromLibrary: async () => {
      const id = get().document?.id;
      if (!id) return;
      autosave.discard();
      await get().openRoadmap(id);
    },

    saveToFile: async ({ saveAs, includeVersions }) => {
      const roadmap = get().document;
      try {
        if (!roadmap) return;
        const withVersions = includeVersions ?? (!saveAs && get().fileIncludesVersions);
        const saved = await services.platform.saveFile({
          kind: "roadmap",
          contents: await get().roadmapFileContents(roadmap, withVersions),
          suggestedName: roadmapFileName(roadmap),
          handle: saveAs ? null : get().fileHandle,
        });
        if ("error" in saved) get().notify({ tone: "error", message: saved.error });
        else if (!saved.canceled) {
          // Another roadmap may have opened while the dialog was up: the file belongs to the one saved.
          if (get().document?.id === roadmap.id)
            set({ fileHandle: saved.handle, fileSavedDocument: roadmap, fileIncludesVersions: withVersions });
          get().notify({ tone: "info", message: `Saved “${roadmap.name}” as ${saved.name}.` });
        }
      } finally {
        // Reported whatever came of it: a window waiting to close after this save needs the answer either way.
        services.platform.setDocumentState(documentState(get(), true));
      }
    },

    linkFile: (handle, includesVersions = false) =>
      set({ fileHandle: handle, fileSavedDocument: get().document, fileIncludesVersions: includesVersions }),

    restoreSession: async () => {
      await get().refreshLibrary();
      const id = await repository.getSetting<string | null>(OPEN_ROADMAP_SETTING);
      const summary = id ? await repository.getSummary(id) : undefined;
      if (id && summary && summary.deletedAt === null) await get().openRoadmap(id);
    },
  };
}

/** The change made to the plan a scenario shows, written back into that scenario. */
function changedInScenario(document: Roadmap, scenarioId: string, change: (roadmap: Roadmap) => Roadmap): Roadmap {
  const viewed = resolveScenario(document, scenarioId);
  const edited = change(viewed);
  // Removing a segment, owner, channel or role reaches the communications the scenario leaves out as well.
  if (viewed !== document && removesSharedItems(viewed, edited)) return change(document);
  return editInScenario(document, scenarioId, viewed, edited);
}

/** The scenario to show: the one asked for while the roadmap has it (an undo may take it away), else the base plan. */
function shownScenario(roadmap: Roadmap, scenarioId: string): string {
  return findScenario(roadmap, scenarioId) ? scenarioId : BASE_SCENARIO_ID;
}

/** Drops selected ids that no longer exist, keeping the same object when nothing changed. */
function pruneSelection(selection: Selection, roadmap: Roadmap): Selection {
  const phases = new Set(roadmap.phases.map((p) => p.id));
  const transitions = new Set(roadmap.transitions.map((t) => t.id));
  const phaseIds = selection.phaseIds.filter((id) => phases.has(id));
  const transitionIds = selection.transitionIds.filter((id) => transitions.has(id));
  return phaseIds.length === selection.phaseIds.length && transitionIds.length === selection.transitionIds.length
    ? selection
    : { phaseIds, transitionIds };
}

/** What the window is told about the open roadmap: its title, and which of its changes only this window holds. */
export function documentState(
  state: Pick<EditorSlice, "document" | "fileHandle" | "fileSavedDocument" | "saveStatus">,
  afterSave: boolean,
): DocumentState {
  const library = state.saveStatus === "saved" ? "saved" : state.saveStatus === "failed" ? "failed" : "saving";
  return { title: state.document?.name ?? null, edited: hasUnsavedFileChanges(state), afterSave, library };
}

/** The open roadmap has changes its file does not have yet (the window's "unsaved" marker). */
export function hasUnsavedFileChanges(state: Pick<EditorSlice, "document" | "fileHandle" | "fileSavedDocument">) {
  const { document, fileSavedDocument: saved } = state;
  if (state.fileHandle === null || document === saved) return false;
  if (document === null || saved === null) return true;
  // Every version shown gets a new time stamp, but edits share what they leave alone, so undoing back to the
  // saved version gives back the very same parts: comparing them one level deep is exact and cheap.
  return (Object.keys(document) as (keyof Roadmap)[]).some(
    (key) => key !== "updatedAt" && document[key] !== saved[key],
  );
}
