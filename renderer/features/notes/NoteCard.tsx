import { useRef } from "react";
import type { StickyNote } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { formatDateTime, formatRelativeTime } from "../../ui/format";

/** Who wrote a note and when: "Ana · 5 minutes ago", with the exact time on hover. */
export function NoteByline({ note }: { note: StickyNote }) {
  return (
    <span className="note-byline" title={formatDateTime(note.createdAt)}>
      {note.author || "Someone"} · {formatRelativeTime(note.createdAt, new Date())}
      {note.status === "resolved" && <span className="note-resolved-tag">Resolved</span>}
    </span>
  );
}

/**
 * One note's text, typed in place (a double-click or Edit opens it; leaving
 * the box keeps what was typed, as one undo step; Esc drops it), with
 * Resolve/Reopen and Delete.
 */
export function NoteCard({ note }: { note: StickyNote }) {
  const store = useAppStoreApi();
  const editing = useAppState((state) => state.editingNoteId === note.id);
  const startEditing = () => store.getState().setEditingNote(note.id);
  return (
    <div className={`note-card${note.status === "resolved" ? " is-resolved" : ""}`}>
      <NoteByline note={note} />
      {editing ? (
        <NoteTextEditor note={note} />
      ) : (
        <p className="note-text" onDoubleClick={startEditing}>
          {note.text || <span className="muted">Empty note</span>}
        </p>
      )}
      <div className="note-actions">
        {!editing && (
          <button type="button" className="link-button" onClick={startEditing}>
            Edit
          </button>
        )}
        <button
          type="button"
          className="link-button"
          onClick={() => store.getState().setNoteStatus(note.id, note.status === "open" ? "resolved" : "open")}
        >
          {note.status === "open" ? "Resolve" : "Reopen"}
        </button>
        <button type="button" className="link-button" onClick={() => store.getState().deleteNote(note.id)}>
          Delete
        </button>
      </div>
    </div>
  );
}

function NoteTextEditor({ note }: { note: StickyNote }) {
  const store = useAppStoreApi();
  const text = useAppState((state) => state.noteDraft);
  // Esc, then the blur it causes, must end the typing once, without keeping the text.
  const ended = useRef(false);
  const finish = (keep: boolean) => {
    if (ended.current) return;
    ended.current = true;
    const state = store.getState();
    if (state.editingNoteId !== note.id) return;
    if (keep && state.noteDraft !== note.text) state.setNoteText(note.id, state.noteDraft);
    state.setEditingNote(null);
  };
  return (
    <textarea
      className="note-text-input nodrag nowheel"
      aria-label="Note text"
      // biome-ignore lint/a11y/noAutofocus: the user just asked to write this note.
      autoFocus
      value={text}
      maxLength={5000}
      rows={4}
      placeholder="Type the question or remark"
      onChange={(event) => store.getState().setNoteDraft(event.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === "Escape") finish(false);
        else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) finish(true);
      }}
      onBlur={() => finish(true)}
    />
  );
}
