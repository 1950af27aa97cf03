import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { formatDateTime } from "../../ui/format";
import { IconButton } from "../../ui/IconButton";
import { RestoreIcon, TrashIcon } from "../../ui/icons";

/** Roadmaps moved to the trash stay here until restored or deleted for good. */
export function TrashScreen() {
  const store = useAppStoreApi();
  const trash = useAppState((state) => state.trash);
  return (
    <main className="home" aria-labelledby="trash-title">
      <div className="home-head">
        <div>
          <h1 id="trash-title">Trash</h1>
          <p className="muted">Roadmaps here can be restored until you delete them for good.</p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => store.getState().showScreen({ kind: "home" })}>
            Back to roadmaps
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={trash.length === 0}
            onClick={() => {
              if (window.confirm(`Delete ${trash.length} roadmap(s) for good? This cannot be undone.`)) {
                void store.getState().emptyTrash();
              }
            }}
          >
            Empty trash
          </button>
        </div>
      </div>
      {trash.length === 0 ? (
        <p className="empty-state muted">The trash is empty.</p>
      ) : (
        <table className="roadmap-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Client</th>
              <th scope="col">Moved to trash</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trash.map((summary) => (
              <tr key={summary.id}>
                <td>{summary.name}</td>
                <td>{summary.client}</td>
                <td>{summary.deletedAt ? formatDateTime(summary.deletedAt) : ""}</td>
                <td className="row-actions">
                  <IconButton
                    label={`Restore ${summary.name}`}
                    onClick={() => void store.getState().restoreFromTrash(summary.id)}
                  >
                    <RestoreIcon />
                  </IconButton>
                  <IconButton
                    label={`Delete ${summary.name} for good`}
                    onClick={() => {
                      if (window.confirm(`Delete “${summary.name}” for good? This cannot be undone.`)) {
                        void store.getState().deleteForever(summary.id);
                      }
                    }}
                  >
                    <TrashIcon />
                  </IconButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
