import type { RoadmapFileError } from "../../../shared/model";
import { describeIssue } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";

const ISSUES_SHOWN = 12;

/** Why a file was refused, field by field; the library is untouched. */
export function ImportErrorDialog({ error }: { error: RoadmapFileError }) {
  const store = useAppStoreApi();
  const close = () => store.getState().closeDialog();
  const hidden = error.issues.length - ISSUES_SHOWN;
  return (
    <Dialog
      title={`Could not import ${error.fileName}`}
      role="alertdialog"
      onClose={close}
      footer={
        <button type="button" className="button button-primary" onClick={close}>
          OK
        </button>
      }
    >
      <p>The file was not imported and your library is unchanged.</p>
      <ul className="issue-list">
        {error.issues.slice(0, ISSUES_SHOWN).map((issue) => (
          <li key={`${issue.path}:${issue.problem}`}>
            <code>{describeIssue(issue)}</code>
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="muted">…and {hidden} more problems.</p>}
    </Dialog>
  );
}

/** The file holds a roadmap the library already has (same id): replace it, keep both, or stop. */
export function ImportConflictDialog({
  fileName,
  existingName,
  existingInTrash,
}: {
  fileName: string;
  existingName: string;
  existingInTrash: boolean;
}) {
  const store = useAppStoreApi();
  const resolve = (choice: "replace" | "keepBoth" | "cancel") => void store.getState().resolveImportConflict(choice);
  return (
    <Dialog
      title={existingInTrash ? "This roadmap is in your trash" : "This roadmap is already in your library"}
      role="alertdialog"
      onClose={() => resolve("cancel")}
      footer={
        <>
          <button type="button" className="button" onClick={() => resolve("cancel")}>
            Cancel
          </button>
          <button type="button" className="button" onClick={() => resolve("keepBoth")}>
            Keep both
          </button>
          <button type="button" className="button button-primary" onClick={() => resolve("replace")}>
            Replace
          </button>
        </>
      }
    >
      <p>
        {fileName} is a version of “{existingName}”, which your {existingInTrash ? "trash" : "library"} already holds.
        Replace that version with the file, or keep both as separate roadmaps?
      </p>
    </Dialog>
  );
}
