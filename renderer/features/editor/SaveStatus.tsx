import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";

/**
 * Whether the open roadmap's changes are in the library, always in view. When
 * they are not, it says why and offers the way to keep them anyway: a file.
 */
export function SaveStatus() {
  const store = useAppStoreApi();
  const status = useAppState((state) => state.saveStatus);
  const problem = useAppState((state) => state.saveProblem);
  if (status === "failed") {
    return (
      <span className="save-status is-failed">
        <span role="status" aria-live="polite">
          Not saved — {problem ?? "the library refused the change"}
        </span>
        <button
          type="button"
          className="button button-small"
          onClick={() => void store.getState().saveToFile({ saveAs: true })}
        >
          Save as file…
        </button>
      </span>
    );
  }
  return (
    <span className={`save-status is-${status}`} role="status" aria-live="polite">
      {status === "saved" ? "Saved" : "Saving…"}
    </span>
  );
}
