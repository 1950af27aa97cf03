import { notesOn } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { plural } from "../../ui/format";
import { NoteCard } from "./NoteCard";
import "./notes.css";
import type { ElementAnchor } from "./notesSlice";

/**
 * The notes stuck to a phase, transition or communication: a small badge
 * with the count of open ones, which opens them in a list beside it. Shown
 * only while there is a note to count or the list is open.
 */
export function NoteBadge({ anchor, elementId }: { anchor: ElementAnchor; elementId: string }) {
  const store = useAppStoreApi();
  const stickyNotes = useAppState((state) => state.document?.stickyNotes);
  const open = useAppState((state) => state.openNotesOf === elementId);
  const showResolved = useAppState((state) => state.showResolvedNotes);
  const roadmap = store.getState().document;
  if (!roadmap || !stickyNotes) return null;
  const notes = notesOn(roadmap, anchor);
  const openCount = notes.filter((note) => note.status === "open").length;
  const shown = notes.filter((note) => showResolved || note.status === "open");
  if (shown.length === 0 && !open) return null;
  return (
    <span className="note-badge-anchor nodrag nopan">
      <button
        type="button"
        className={`note-badge${open ? " is-open" : ""}`}
        aria-expanded={open}
        aria-label={plural(openCount, "open note")}
        title="Notes"
        onClick={(event) => {
          event.stopPropagation();
          store.getState().setOpenNotesOf(open ? null : elementId);
        }}
      >
        <span className="note-badge-icon" aria-hidden="true" />
        {openCount}
      </button>
      {open && (
        <section className="note-popover nowheel" aria-label="Notes">
          {shown.length === 0 && <p className="muted">No open notes.</p>}
          {shown.map((note) => (
            <NoteCard key={note.id} note={note} />
          ))}
          <div className="note-popover-actions">
            <button type="button" className="button button-small" onClick={() => store.getState().addNoteTo(anchor)}>
              Add note
            </button>
            <button type="button" className="button button-small" onClick={() => store.getState().setOpenNotesOf(null)}>
              Close
            </button>
          </div>
        </section>
      )}
    </span>
  );
}

/** A communication's notes in its row of the inspector: the badge, or a button to write the first one. */
export function CommunicationNotes({ communicationId }: { communicationId: string }) {
  const store = useAppStoreApi();
  const hasNotes = useAppState(
    (state) =>
      state.openNotesOf === communicationId ||
      (state.document?.stickyNotes.some(
        (note) =>
          note.anchor.kind === "communication" &&
          note.anchor.communicationId === communicationId &&
          (note.status === "open" || state.showResolvedNotes),
      ) ??
        false),
  );
  const anchor: ElementAnchor = { kind: "communication", communicationId };
  if (hasNotes) return <NoteBadge anchor={anchor} elementId={communicationId} />;
  return (
    <button type="button" className="link-button note-add-link" onClick={() => store.getState().addNoteTo(anchor)}>
      Add note
    </button>
  );
}
