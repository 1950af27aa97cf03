import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { AppStoreProvider } from "./app/AppStoreContext";
import { createAppStore } from "./app/appStore";
import { createLocalPreferencesStorage } from "./data/preferencesStorage";
import { RoadmapRepository } from "./data/roadmapRepository";
import { createWorkerLayoutService } from "./features/canvas/layoutService";
import { createWorkerCompareService } from "./features/compare/compareService";
import { createWorkerExportService } from "./features/export/exportService";
import { createWorkerOptimiserService } from "./features/optimiser/optimiserService";
import { createWorkerPlanService } from "./features/plan/planService";
import { createWorkerVersionComparer } from "./features/versions/versionComparer";
import { detectPlatform } from "./platform";
import { ErrorBoundary } from "./ui/ErrorBoundary";
import "./styles/app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// Electron's hidden print window (electron/reportPrinter.ts) shows only the report it is given.
if (new URLSearchParams(window.location.search).get("view") === "print" && window.roadmapDesktop) {
  const desktop = window.roadmapDesktop;
  // The report's code is a chunk of its own, which the app's window never loads unless it prints in place.
  void import("./features/report/printWindow").then(
    ({ runPrintWindow }) => runPrintWindow(desktop, root),
    (error: unknown) => desktop.printLayoutDone({ error: `The report could not be loaded: ${String(error)}` }),
  );
} else {
  startApp(root);
}

function startApp(root: HTMLElement): void {
  const services = {
    repository: new RoadmapRepository(),
    platform: detectPlatform(),
    now: () => new Date(),
    planner: createWorkerPlanService(
      () => new Worker(new URL("./features/plan/planWorker.ts", import.meta.url), { type: "module" }),
    ),
    exporter: createWorkerExportService(
      () => new Worker(new URL("./features/export/exportWorker.ts", import.meta.url), { type: "module" }),
    ),
    layouter: createWorkerLayoutService(
      () => new Worker(new URL("./features/canvas/layoutWorker.ts", import.meta.url), { type: "module" }),
    ),
    comparer: createWorkerCompareService(
      () => new Worker(new URL("./features/compare/compareWorker.ts", import.meta.url), { type: "module" }),
    ),
    preferences: createLocalPreferencesStorage(window.localStorage),
    versionComparer: createWorkerVersionComparer(
      () => new Worker(new URL("./features/versions/versionCompareWorker.ts", import.meta.url), { type: "module" }),
    ),
    optimiser: createWorkerOptimiserService(
      () => new Worker(new URL("./features/optimiser/optimiserWorker.ts", import.meta.url), { type: "module" }),
    ),
  };
  const store = createAppStore(services);

  services.repository.onVersionChange(() => {
    store.getState().notify({
      tone: "error",
      message: "Relationship Roadmap was updated in another window. Reload this window to keep working.",
    });
  });

  createRoot(root).render(
    <StrictMode>
      <AppStoreProvider store={store}>
        <ErrorBoundary name="Relationship Roadmap">
          <App services={services} />
        </ErrorBoundary>
      </AppStoreProvider>
    </StrictMode>,
  );

  void store.getState().restoreSession();
  void store.getState().loadExportSettings();
}
