import { type FormEvent, useId, useState } from "react";
import { MAX_NAME_LENGTH } from "../../../shared/model/fields";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { CancelOrConfirm, Dialog } from "../../ui/Dialog";
import { defaultVersionName } from "./versionText";
import "./versions.css";

/**
 * Keeps the open roadmap as it is now under a name (proposed from the date and
 * time) and a note: "what we showed the board on the 12th". Enter in the name
 * saves; the note takes several lines.
 */
export function SaveVersionDialog() {
  const store = useAppStoreApi();
  const formId = useId();
  const problemId = useId();
  const [name, setName] = useState(() => defaultVersionName(new Date()));
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const close = () => store.getState().closeDialog();

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = name.trim();
    if (trimmed === "") {
      setProblem("Give the version a name, so you can find it again.");
      return;
    }
    if (saving) return;
    setSaving(true);
    // Saving says itself whether it worked; on failure the dialog stays, with what was typed.
    if (await store.getState().saveVersion({ name: trimmed, note: note.trim() })) close();
    else setSaving(false);
  };

  return (
    <Dialog
      title="Save version"
      onClose={close}
      footer={<CancelOrConfirm onCancel={close} confirmLabel="Save version" onConfirm={() => void save()} />}
    >
      <form id={formId} className="form" onSubmit={(event) => void save(event)}>
        <p className="muted">
          Keeps the roadmap as it is now. You can compare with it, open it read only or restore it from the Versions
          panel.
        </p>
        <label className="field">
          <span>Name</span>
          <input
            value={name}
            maxLength={MAX_NAME_LENGTH}
            required
            aria-invalid={problem !== null}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setProblem(null);
            }}
            onFocus={(event) => event.target.select()}
          />
          {problem && (
            <p id={problemId} className="field-problem" role="alert">
              {problem}
            </p>
          )}
        </label>
        <label className="field">
          <span>Note</span>
          <textarea
            className="version-note-input"
            value={note}
            maxLength={5000}
            rows={4}
            placeholder="What this version is for, e.g. “Shown to the board; budget before the cuts”"
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
      </form>
    </Dialog>
  );
}
