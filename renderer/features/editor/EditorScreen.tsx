import { useEffect } from "react";
import { describeIssue, type Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { ErrorBoundary } from "../../ui/ErrorBoundary";
import { AudiencesView } from "../audiences/AudiencesView";
import { CanvasToolbar } from "../canvas/CanvasToolbar";
import { RoadmapCanvas } from "../canvas/RoadmapCanvas";
import { StagePalette } from "../canvas/StagePalette";
import { CompareTab } from "../compare/CompareView";
import { CustomersGridView } from "../grids/CustomersGridView";
import { TransitionsTableView } from "../grids/TransitionsTableView";
import { Inspector } from "../inspector/Inspector";
import { NotesPanel } from "../notes/NotesPanel";
import { LazyOptimiserTab } from "../optimiser/LazyOptimiserTab";
import { BudgetView } from "../plan/BudgetView";
import { CalendarView } from "../plan/CalendarView";
import { DiagnosticsPanel } from "../plan/DiagnosticsPanel";
import { OwnerView } from "../plan/OwnerView";
import { PlanTableView } from "../plan/PlanTableView";
import { PressureView } from "../plan/PressureView";
import { RsiView } from "../rsi/RsiView";
import { ScenarioSwitcher } from "../scenarios/ScenarioSwitcher";
import { SurveyView } from "../survey/SurveyView";
import { ReadOnlyBanner } from "../versions/ReadOnlyBanner";
import { VersionsPanel } from "../versions/VersionsPanel";
import type { EditorView } from "./editorSlice";
import { PhaseOutline } from "./PhaseOutline";
import { selectInScenario, useViewedRoadmap } from "./viewedRoadmap";

const VIEWS: { view: EditorView; label: string }[] = [
  { view: "canvas", label: "Canvas" },
  { view: "outline", label: "Outline" },
  { view: "audiences", label: "Audiences" },
  { view: "plan", label: "Plan" },
  { view: "calendar", label: "Calendar" },
  { view: "owner", label: "By owner" },
  { view: "budget", label: "Budget" },
  { view: "pressure", label: "Contact pressure" },
  { view: "transitions", label: "Transitions" },
  { view: "customers", label: "Customers" },
  { view: "survey", label: "Survey" },
  { view: "rsi", label: "RSI" },
  { view: "compare", label: "Compare" },
  { view: "optimise", label: "Optimise" },
];

/** The open roadmap: the canvas (or the outline) with the inspector beside it. */
export function EditorScreen() {
  const store = useAppStoreApi();
  const roadmap = useViewedRoadmap();
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
  // Keyed by roadmap: another roadmap gets a fresh viewport, fit and view state.
  return <Editor key={roadmap.id} roadmap={roadmap} />;
}

function Editor({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const view = useAppState((state) => state.view);
  const collisions = useAppState((state) => state.plan?.pressure.collisions.length ?? 0);
  const notesPanelOpen = useAppState((state) => state.notesPanelOpen);
  const versionsPanelOpen = useAppState((state) => state.versionsPanelOpen);
  const readOnly = useAppState((state) => state.readOnlyVersion !== null);
  const inScenario = useAppState(selectInScenario);
  const label = VIEWS.find((v) => v.view === view)?.label;
  return (
    <main className={inScenario ? "editor-layout in-scenario" : "editor-layout"} aria-label={`Roadmap ${roadmap.name}`}>
      <div className="editor-bar">
        <div className="tabs" role="tablist" aria-label="Views">
          {VIEWS.map(({ view: tab, label }) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={tab === view}
              className={tab === view ? "tab is-active" : "tab"}
              onClick={() => store.getState().showView(tab)}
            >
              {label}
              {tab === "pressure" && collisions > 0 && <span className="tab-badge">{collisions}</span>}
            </button>
          ))}
        </div>
        {/* After the tabs, so on a laptop screen it shares the canvas toolbar's row instead of taking one of its own. */}
        <ErrorBoundary name="The scenario switcher">
          <ScenarioSwitcher />
        </ErrorBoundary>
        {view === "canvas" && (
          <ErrorBoundary name="The canvas toolbar">
            <CanvasToolbar />
          </ErrorBoundary>
        )}
      </div>
      <ReadOnlyBanner />
      <div className="editor-body">
        <div className="editor-main" role="tabpanel" aria-label={label}>
          {/* Keyed by view: a crash in one view is left behind when the user picks another tab. */}
          <ErrorBoundary key={view} name={label ?? "This view"}>
            <ViewContent view={view} roadmap={roadmap} />
          </ErrorBoundary>
        </div>
        {notesPanelOpen && (
          <ErrorBoundary name="The Notes panel">
            <NotesPanel roadmap={roadmap} />
          </ErrorBoundary>
        )}
        {versionsPanelOpen && (
          <ErrorBoundary name="The Versions panel">
            <VersionsPanel roadmapId={roadmap.id} />
          </ErrorBoundary>
        )}
        <ErrorBoundary name="The inspector">
          {/* A version open read only: every field of the inspector is disabled at once. */}
          <fieldset className="inspector-lock" disabled={readOnly}>
            <Inspector roadmap={roadmap} />
          </fieldset>
        </ErrorBoundary>
      </div>
    </main>
  );
}

function ViewContent({ view, roadmap }: { view: EditorView; roadmap: Roadmap }) {
  return (
    <>
      {view === "canvas" && (
        <>
          <StagePalette roadmap={roadmap} />
          <RoadmapCanvas roadmap={roadmap} />
          <DiagnosticsPanel roadmap={roadmap} />
        </>
      )}
      {view === "outline" && <PhaseOutline roadmap={roadmap} />}
      {view === "audiences" && <AudiencesView roadmap={roadmap} />}
      {view === "plan" && <PlanTableView roadmap={roadmap} />}
      {view === "calendar" && <CalendarView roadmap={roadmap} />}
      {view === "owner" && <OwnerView roadmap={roadmap} />}
      {view === "budget" && <BudgetView roadmap={roadmap} />}
      {view === "pressure" && <PressureView roadmap={roadmap} />}
      {view === "transitions" && <TransitionsTableView roadmap={roadmap} />}
      {view === "customers" && <CustomersGridView roadmap={roadmap} />}
      {view === "survey" && <SurveyView roadmap={roadmap} />}
      {view === "rsi" && <RsiView roadmap={roadmap} />}
      {view === "compare" && <CompareTab />}
      {view === "optimise" && <LazyOptimiserTab />}
    </>
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
