import { useEffect, useRef } from "react";
import type { Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { holdFullScreen } from "./fullScreen";
import { PresentationDiagram } from "./PresentationDiagram";
import { OverviewPanel, PhasePanel, TitlePanel } from "./PresentationPanel";
import { presentationSteps } from "./presentationSlice";
import "./presentation.css";
import { useViewedRoadmap } from "../editor/viewedRoadmap";

/** Keys that walk the presentation, and by how much: a number of steps, or to the first or last. */
const WALK_KEYS: Record<string, number | "first" | "last"> = {
  ArrowRight: 1,
  ArrowDown: 1,
  " ": 1,
  PageDown: 1,
  Enter: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  PageUp: -1,
  Backspace: -1,
  Home: "first",
  End: "last",
};

/** Presentation mode, over the whole window (full screen where allowed) while a roadmap is presented. */
export function PresentationHost() {
  const step = useAppState((state) => state.presentingStep);
  const roadmap = useViewedRoadmap();
  if (step === null || !roadmap) return null;
  return <PresentationScreen roadmap={roadmap} step={step} />;
}

/**
 * The roadmap walked phase by phase for a room: no editing chrome, large type,
 * the keyboard moving between steps. The editor stays as it was underneath.
 */
function PresentationScreen({ roadmap, step }: { roadmap: Roadmap; step: number }) {
  const store = useAppStoreApi();
  const root = useRef<HTMLDivElement>(null);
  const steps = presentationSteps(roadmap);
  const current = steps[Math.min(step, steps.length - 1)] ?? { kind: "title" };
  const walk = steps.flatMap((s) => (s.kind === "phase" ? [s.phaseId] : []));

  useEffect(() => holdFullScreen(document, () => store.getState().stopPresentation()), [store]);

  useEffect(() => {
    root.current?.focus();
    // Captured at the window, before the editor's shortcuts and the canvas see a key: presenting edits nothing.
    const onKeyDown = (event: KeyboardEvent) => {
      event.stopPropagation();
      const state = store.getState();
      if (event.key === "Escape") {
        event.preventDefault();
        state.stopPresentation();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const move = WALK_KEYS[event.key];
      if (move === undefined) return;
      event.preventDefault();
      const at = state.presentingStep ?? 0;
      if (move === "first") state.showStep(0);
      else if (move === "last") state.showStep(Number.MAX_SAFE_INTEGER);
      else state.showStep(at + move);
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, [store]);

  const label =
    current.kind === "phase"
      ? (roadmap.phases.find((p) => p.id === current.phaseId)?.name ?? "")
      : current.kind === "title"
        ? roadmap.name
        : "The plan";

  return (
    <div
      ref={root}
      className={`presentation is-${current.kind}`}
      role="dialog"
      aria-modal="true"
      aria-label="Presentation"
      tabIndex={-1}
    >
      <header className="present-bar">
        <span className="present-roadmap">{roadmap.name}</span>
        <span className="present-hint">← → to move · Esc to leave</span>
        <output className="present-counter" aria-label={`Step ${step + 1} of ${steps.length}: ${label}`}>
          {step + 1} / {steps.length}
        </output>
      </header>
      <div className="present-progress" aria-hidden="true">
        <div style={{ width: `${((step + 1) / steps.length) * 100}%` }} />
      </div>
      <div className="present-body">
        <PresentationDiagram
          roadmap={roadmap}
          currentPhaseId={current.kind === "phase" ? current.phaseId : null}
          walk={walk}
        />
        <aside className="present-side" aria-live="polite">
          {current.kind === "title" && <TitlePanel roadmap={roadmap} phaseCount={walk.length} />}
          {current.kind === "phase" && <PhasePanel roadmap={roadmap} phaseId={current.phaseId} />}
          {current.kind === "overview" && <OverviewPanel roadmap={roadmap} />}
        </aside>
      </div>
    </div>
  );
}
