import { useState } from "react";
import type { NoteAnchor } from "../../shared/model";
import { CancelOrConfirm, Dialog } from "../ui/Dialog";
import { useAppState, useAppStoreApi } from "./AppStoreContext";

/**
 * The user's own settings, kept on this computer. Opened before the first
 * sticky note too, to ask for the name that signs notes; the note is added
 * once the name is given.
 */
export function PreferencesDialog({ firstNote, onClose }: { firstNote: NoteAnchor | null; onClose: () => void }) {
  const store = useAppStoreApi();
  const saved = useAppState((state) => state.preferences.authorName);
  const [authorName, setAuthorName] = useState(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    const name = authorName.trim();
    if (firstNote && !name) {
      setProblem("Type the name your notes are signed with.");
      return;
    }
    const state = store.getState();
    state.setPreference("authorName", name);
    onClose();
    if (firstNote) state.addNoteTo(firstNote);
  };
  return (
    <Dialog
      title={firstNote ? "Who is writing this note?" : "Preferences"}
      onClose={onClose}
      footer={<CancelOrConfirm onCancel={onClose} confirmLabel={firstNote ? "Add note" : "Save"} onConfirm={save} />}
    >
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        {firstNote && (
          <p>Your notes are signed with your name, so the room knows whose question it is. You give it once.</p>
        )}
        <label className="field">
          <span>Your name, on the notes you write</span>
          <input
            value={authorName}
            maxLength={200}
            aria-invalid={problem !== null}
            onChange={(event) => {
              setAuthorName(event.target.value);
              setProblem(null);
            }}
          />
        </label>
        {problem && <p className="field-problem">{problem}</p>}
        <p className="muted">Kept on this computer for every roadmap you open here.</p>
      </form>
    </Dialog>
  );
}
