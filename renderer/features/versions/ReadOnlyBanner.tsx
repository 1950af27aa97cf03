import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { formatVersionDay } from "./versionText";
import "./versions.css";

/** Says, above every view, that a saved version is shown and nothing in it can be changed, and offers the ways out. */
export function ReadOnlyBanner() {
  const store = useAppStoreApi();
  const viewing = useAppState((state) => state.readOnlyVersion);
  if (!viewing) return null;
  const { versionId, name, createdAt } = viewing;
  return (
    <div className="read-only-banner" role="status">
      <span>
        Viewing version “{name}” of {formatVersionDay(createdAt)} — <strong>read only</strong>
      </span>
      <span className="read-only-banner-actions">
        <button type="button" className="button button-small" onClick={() => store.getState().closeReadOnlyVersion()}>
          Back to the roadmap
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => store.getState().openDialog({ kind: "restoreVersion", versionId })}
        >
          Restore…
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => void store.getState().copyVersionToNewRoadmap(versionId)}
        >
          Copy to new roadmap
        </button>
      </span>
    </div>
  );
}
