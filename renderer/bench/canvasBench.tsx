import { ReactFlow, useNodesInitialized, useReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import ELK from "elkjs/lib/elk.bundled.js";
import { useEffect } from "react";
import { createRoot } from "react-dom/client";
import { lifecycleGraph } from "../../shared/layout/layoutLifecycle";
import { ROADMAP_TEMPLATES } from "../../shared/model/templates";
import { generateRoadmap } from "../../shared/model/testing/generateRoadmap";
import { AppStoreProvider } from "../app/AppStoreContext";
import { createAppStore } from "../app/appStore";
import { createMemoryPreferencesStorage } from "../data/preferencesStorage";
import { RoadmapRepository } from "../data/roadmapRepository";
import { canvasController } from "../features/canvas/canvasController";
import { PHASE_NODE_HEIGHT, PHASE_NODE_WIDTH } from "../features/canvas/canvasModel";
import { createInProcessLayoutService, createWorkerLayoutService } from "../features/canvas/layoutService";
import { renderProbe } from "../features/canvas/renderProbe";
import { createInProcessCompareService } from "../features/compare/compareService";
import { EditorScreen } from "../features/editor/EditorScreen";
import { createInProcessExportService } from "../features/export/exportService";
import { createInProcessOptimiserService } from "../features/optimiser/optimiserService";
import { createWorkerPlanService } from "../features/plan/planService";
import { mountReport } from "../features/report/mountReport";
import { createInProcessVersionComparer } from "../features/versions/versionComparer";
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
    comparer: createInProcessCompareService(),
    preferences: createMemoryPreferencesStorage(),
    versionComparer: createInProcessVersionComparer(),
    optimiser: createInProcessOptimiserService(),
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

/**
 * `?mode=layout`: times Auto-arrange of the largest template as the app runs it,
 * in the layout worker (the first call loads the worker and elkjs), against
 * elkjs's bare layered layout of the same graph on this page.
 */
async function timeLayout(): Promise<void> {
  const largest = [...ROADMAP_TEMPLATES]
    .map((template) => template.create())
    .reduce((most, next) => (next.phases.length > most.phases.length ? next : most));
  const size = { width: PHASE_NODE_WIDTH, height: PHASE_NODE_HEIGHT };
  const sizes = new Map(largest.phases.map((phase) => [phase.id, size]));
  const service = createWorkerLayoutService(
    () => new Worker(new URL("../features/canvas/layoutWorker.ts", import.meta.url), { type: "module" }),
  );
  const elk = new ELK();
  const timed = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const firstMs = await timed(() => service.layOut(largest, sizes));
  const worker: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < LAYOUT_RUNS; run++) {
    worker.push(await timed(() => service.layOut(largest, sizes)));
    bare.push(await timed(() => elk.layout(lifecycleGraph(largest, () => size))));
  }
  window.bench.layout = {
    roadmap: largest.name,
    phases: largest.phases.length,
    transitions: largest.transitions.length,
    firstMs,
    workerMs: median(worker),
    bareMs: median(bare),
  };
}
const LAYOUT_RUNS = 7;

if (params.get("mode") === "layout") {
  void timeLayout();
} else if (params.get("mode") === "bare") {
  window.bench.openedAt = performance.now();
  createRoot(document.getElementById("root") as HTMLElement).render(<BareFlow />);
} else {
  void openApp();
}
