import { useEffect, useState } from "react";
import { describeIssue, type Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { CanvasToolbar } from "../canvas/CanvasToolbar";
import { RoadmapCanvas } from "../canvas/RoadmapCanvas";
import { StagePalette } from "../canvas/StagePalette";
import { Inspector } from "../inspector/Inspector";
import { PhaseOutline } from "./PhaseOutline";

type EditorTab = "canvas" | "outline";

/** The open roadmap: the canvas (or the outline) with the inspector beside it. */
export function EditorScreen() {
  const store = useAppStoreApi();
  const roadmap = useAppState((state) => state.document);
  const issues = useAppState((state) => state.documentIssues);
  useFlushOnHide();

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
  return <Editor roadmap={roadmap} />;
}

function Editor({ roadmap }: { roadmap: Roadmap }) {
  const [tab, setTab] = useState<EditorTab>("canvas");
  return (
    <main className="editor-layout" aria-label={`Roadmap ${roadmap.name}`}>
      <div className="editor-bar">
        <div className="tabs" role="tablist" aria-label="Views">
          <TabButton tab="canvas" current={tab} onSelect={setTab} label="Canvas" />
          <TabButton tab="outline" current={tab} onSelect={setTab} label="Outline" />
        </div>
        {tab === "canvas" && <CanvasToolbar />}
      </div>
      <div className="editor-body">
        <div className="editor-main" role="tabpanel" aria-label={tab === "canvas" ? "Canvas" : "Outline"}>
          {tab === "canvas" ? (
            <>
              <StagePalette roadmap={roadmap} />
              <RoadmapCanvas roadmap={roadmap} />
            </>
          ) : (
            <PhaseOutline roadmap={roadmap} />
          )}
        </div>
        <Inspector roadmap={roadmap} />
      </div>
    </main>
  );
}

function TabButton({
  tab,
  current,
  onSelect,
  label,
}: {
  tab: EditorTab;
  current: EditorTab;
  onSelect: (tab: EditorTab) => void;
  label: string;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={tab === current}
      className={tab === current ? "tab is-active" : "tab"}
      onClick={() => onSelect(tab)}
    >
      {label}
    </button>
  );
}

/** Saves pending changes the moment the window is hidden or closed, so they survive the app being quit. */
function useFlushOnHide() {
  const store = useAppStoreApi();
  useEffect(() => {
    const flush = () => void store.getState().flushAutosave();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
    };
  }, [store]);
}
