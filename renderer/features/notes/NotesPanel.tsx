import { describeNoteAnchor, notesInReadingOrder, type Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { NoteByline } from "./NoteCard";
import { revealNote } from "./noteActions";
import "./notes.css";

/**
 * The roadmap's sticky notes in one list: the open questions first, resolved
 * ones under a switch. Choosing one shows it on the canvas.
 */
export function NotesPanel({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const showResolved = useAppState((state) => state.showResolvedNotes);
  const selectedNoteId = useAppState((state) => state.selectedNoteId);
  const resolvedCount = roadmap.stickyNotes.filter((note) => note.status === "resolved").length;
  const openCount = roadmap.stickyNotes.length - resolvedCount;
  const notes = notesInReadingOrder(roadmap.stickyNotes).filter((note) => showResolved || note.status === "open");
  return (
    <aside className="notes-panel" aria-label="Notes panel">
      <header className="notes-panel-header">
        <h2>Notes</h2>
        <span className="muted">{openCount} open</span>
        <button
          type="button"
          className="button button-small"
          onClick={() => store.getState().setNotesPanelOpen(false)}
          aria-label="Close the Notes panel"
        >
          Close
        </button>
      </header>
      <label className="toggle">
        <input
          type="checkbox"
          checked={showResolved}
          onChange={(event) => store.getState().setShowResolvedNotes(event.target.checked)}
        />
        Show resolved ({resolvedCount})
      </label>
      {notes.length === 0 ? (
        <p className="muted">
          No open notes. Press N on the canvas, or right-click a phase or a transition, to add one.
        </p>
      ) : (
        <ul className="notes-panel-list">
          {notes.map((note) => (
            <li
              key={note.id}
              className={`notes-panel-item${note.status === "resolved" ? " is-resolved" : ""}${note.id === selectedNoteId ? " is-selected" : ""}`}
            >
              <button
                type="button"
                className="notes-panel-jump"
                title="Show it on the canvas"
                onClick={() => revealNote(store.getState(), note.id)}
              >
                <span className="notes-panel-text">{note.text || "Empty note"}</span>
                <span className="notes-panel-anchor">{describeNoteAnchor(roadmap, note.anchor)}</span>
              </button>
              <div className="notes-panel-meta">
                <NoteByline note={note} />
                <button
                  type="button"
                  className="link-button"
                  onClick={() => store.getState().setNoteStatus(note.id, note.status === "open" ? "resolved" : "open")}
                >
                  {note.status === "open" ? "Resolve" : "Reopen"}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
