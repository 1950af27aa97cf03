import { ReactFlow, useNodesInitialized, useReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect } from "react";
import { createRoot } from "react-dom/client";
import { generateRoadmap } from "../../shared/model/testing/generateRoadmap";
import { AppStoreProvider } from "../app/AppStoreContext";
import { createAppStore } from "../app/appStore";
import { createMemoryPreferencesStorage } from "../data/preferencesStorage";
import { RoadmapRepository } from "../data/roadmapRepository";
import { canvasController } from "../features/canvas/canvasController";
import { createInProcessLayoutService } from "../features/canvas/layoutService";
import { renderProbe } from "../features/canvas/renderProbe";
import { EditorScreen } from "../features/editor/EditorScreen";
import { createInProcessExportService } from "../features/export/exportService";
import { createWorkerPlanService } from "../features/plan/planService";
import { mountReport } from "../features/report/mountReport";
import { createWebPlatform } from "../platform/webPlatform";
import "../styles/app.css";

/**
 * The page `npm run bench:canvas` drives: the app's real editor with a
 * generated roadmap (`?mode=app`), or a bare React Flow with the same graph
 * and default nodes (`?mode=bare`), the library's own limit.
 */

const params = new URLSearchParams(location.search);
const phases = Number(params.get("phases") ?? 300);
const roadmap = generateRoadmap({ phases, transitionsPerPhase: 1.5, communications: 0, segments: 3, seed: 7 });
window.bench = {
  renders: { phase: new Map(), transition: new Map() },
  frames: [],
  recording: false,
  planned: params.get("mode") === "bare",
  incident: (phaseId) => roadmap.transitions.filter((t) => t.from === phaseId || t.to === phaseId).map((t) => t.id),
  zoomTo: (zoom) => canvasController()?.zoomTo(zoom),
};

renderProbe.onRender = (kind, id) => {
  const counts = window.bench.renders[kind];
  counts.set(id, (counts.get(id) ?? 0) + 1);
};

let last = performance.now();
const tick = (now: number) => {
  if (window.bench.recording) window.bench.frames.push(now - last);
  last = now;
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);

/** Marks the canvas interactive on the first frame after React Flow has measured the visible nodes. */
function InteractiveProbe() {
  const initialized = useNodesInitialized();
  const flow = useReactFlow();
  useEffect(() => {
    window.bench.zoomTo = (zoom) => void flow.zoomTo(zoom, { duration: 0 });
  }, [flow]);
  useEffect(() => {
    if (!initialized || window.bench.interactiveAt) return;
    requestAnimationFrame(() => {
      window.bench.interactiveAt = performance.now();
    });
  }, [initialized]);
  return null;
}

async function openApp() {
  const repository = new RoadmapRepository(`bench-${Date.now()}`);
  await repository.addRoadmap(roadmap);
  const store = createAppStore({
    repository,
    platform: createWebPlatform(document, mountReport),
    now: () => new Date(),
    // As in the app (main.tsx): the plan is worked out in a worker, not on the thread that draws the canvas.
    planner: createWorkerPlanService(
      () => new Worker(new URL("../features/plan/planWorker.ts", import.meta.url), { type: "module" }),
    ),
    exporter: createInProcessExportService(),
    layouter: createInProcessLayoutService(),
    preferences: createMemoryPreferencesStorage(),
  });
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(
    <AppStoreProvider store={store}>
      <div className="app is-editor">
        <EditorScreen />
      </div>
    </AppStoreProvider>,
  );
  const stopWatchingPlan = store.subscribe((state) => {
    if (state.plan === null || state.planStale) return;
    window.bench.planned = true;
    stopWatchingPlan();
  });
  window.bench.openedAt = performance.now();
  await store.getState().openRoadmap(roadmap.id);
  const poll = () => {
    const nodes = document.querySelectorAll(".react-flow__node");
    if (nodes.length > 0 && [...nodes].every((n) => (n as HTMLElement).style.visibility !== "hidden")) {
      requestAnimationFrame(() => {
        window.bench.interactiveAt ??= performance.now();
      });
    } else requestAnimationFrame(poll);
  };
  poll();
}

function BareFlow() {
  const nodes = roadmap.phases.map((p) => ({ id: p.id, position: p.position, data: { label: p.name } }));
  const edges = roadmap.transitions.map((t) => ({ id: t.id, source: t.from, target: t.to, label: `${t.rate}` }));
  return (
    <div style={{ height: "100%" }}>
      <ReactFlow defaultNodes={nodes} defaultEdges={edges} onlyRenderVisibleElements panOnScroll fitView minZoom={0.05}>
        <InteractiveProbe />
      </ReactFlow>
    </div>
  );
}

if (params.get("mode") === "bare") {
  window.bench.openedAt = performance.now();
  createRoot(document.getElementById("root") as HTMLElement).render(<BareFlow />);
} else {
  void openApp();
}
