import { describeIssue } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { PhaseOutline } from "./PhaseOutline";

/** The open roadmap. */
export function EditorScreen() {
  const store = useAppStoreApi();
  const roadmap = useAppState((state) => state.document);
  const issues = useAppState((state) => state.documentIssues);

  if (issues) {
    return (
      <main className="home" role="alert">
        <h1>This roadmap could not be opened</h1>
        <p>The copy in the library does not pass validation; nothing was changed.</p>
        <ul className="issue-list">
          {issues.slice(0, 12).map((issue) => (
            <li key={`${issue.path}:${issue.problem}`}>
              <code>{describeIssue(issue)}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="button" onClick={() => void store.getState().closeRoadmap()}>
          Back to roadmaps
        </button>
      </main>
    );
  }
  if (!roadmap) return <main className="home muted">Opening…</main>;
  return <PhaseOutline roadmap={roadmap} />;
}
