import {
  addNote,
  anchoredElementId,
  deleteNote,
  type NoteAnchor,
  type NoteStatus,
  setNoteStatus,
  setNoteText,
} from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";

/** A phase, transition or communication: what a note can be stuck to besides the canvas. */
export type ElementAnchor = Exclude<NoteAnchor, { kind: "canvas" }>;

/** Where the user is with the sticky notes: the Notes panel, the note selected or being written, and which to show. */
export interface NotesSlice {
  notesPanelOpen: boolean;
  /** Resolved notes are listed in the panel and drawn (faded) on the canvas only while this is on. */
  showResolvedNotes: boolean;
  /** The canvas note selected. */
  selectedNoteId: string | null;
  /** The note whose text is being typed, and what is typed so far (kept here, so a card redrawn at another zoom keeps it). */
  editingNoteId: string | null;
  noteDraft: string;
  /** The phase, transition or communication whose notes are open in a small list beside it. */
  openNotesOf: string | null;
  /** A note the canvas should bring into view once it is drawn (a jump from the Notes panel). */
  noteToReveal: string | null;
  setNotesPanelOpen(open: boolean): void;
  setShowResolvedNotes(show: boolean): void;
  selectNote(noteId: string | null): void;
  /** Opens a note's text for typing (or closes it, with null), starting from the text it has. */
  setEditingNote(noteId: string | null): void;
  setNoteDraft(text: string): void;
  setOpenNotesOf(elementId: string | null): void;
  setNoteToReveal(noteId: string | null): void;
  /**
   * Adds a note, signed with the author name from the preferences, and opens
   * it for typing: one undo step. Without an author name yet, asks for one first.
   */
  addNoteTo(anchor: NoteAnchor): void;
  setNoteText(noteId: string, text: string): void;
  setNoteStatus(noteId: string, status: NoteStatus): void;
  deleteNote(noteId: string): void;
}

export function createNotesSlice({ set, get, services }: SliceContext): NotesSlice {
  return {
    notesPanelOpen: false,
    showResolvedNotes: false,
    selectedNoteId: null,
    editingNoteId: null,
    noteDraft: "",
    openNotesOf: null,
    noteToReveal: null,
    setNotesPanelOpen: (notesPanelOpen) => set({ notesPanelOpen }),
    setShowResolvedNotes: (showResolvedNotes) => set({ showResolvedNotes }),
    selectNote: (selectedNoteId) => set({ selectedNoteId }),
    setEditingNote: (editingNoteId) =>
      set({
        editingNoteId,
        noteDraft: get().document?.stickyNotes.find((note) => note.id === editingNoteId)?.text ?? "",
      }),
    setNoteDraft: (noteDraft) => set({ noteDraft }),
    setOpenNotesOf: (openNotesOf) => set({ openNotesOf }),
    setNoteToReveal: (noteToReveal) => set({ noteToReveal }),

    addNoteTo: (anchor) => {
      const roadmap = selectViewedRoadmap(get());
      if (!roadmap) return;
      const author = get().preferences.authorName.trim();
      if (!author) {
        get().openDialog({ kind: "preferences", firstNote: anchor });
        return;
      }
      const added = addNote(roadmap, { anchor, author, now: services.now() });
      if (added.noteId === null) {
        get().notify({
          tone: "error",
          message: "This roadmap holds as many notes as it can; resolve and delete some.",
        });
        return;
      }
      get().edit(() => added.roadmap);
      // Brought into view at a zoom where it can be read and typed into.
      set({
        noteToReveal: added.noteId,
        editingNoteId: added.noteId,
        noteDraft: "",
        selectedNoteId: anchor.kind === "canvas" ? added.noteId : null,
        openNotesOf: anchoredElementId(anchor),
      });
    },
    setNoteText: (noteId, text) => get().edit((roadmap) => setNoteText(roadmap, noteId, text)),
    setNoteStatus: (noteId, status) => get().edit((roadmap) => setNoteStatus(roadmap, noteId, status, services.now())),
    deleteNote: (noteId) => {
      get().edit((roadmap) => deleteNote(roadmap, noteId));
      if (get().selectedNoteId === noteId) set({ selectedNoteId: null });
    },
  };
}
