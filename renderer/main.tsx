import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { AppStoreProvider } from "./app/AppStoreContext";
import { createAppStore } from "./app/appStore";
import { RoadmapRepository } from "./data/roadmapRepository";
import { createWorkerPlanService } from "./features/plan/planService";
import { detectPlatform } from "./platform";
import "./styles/app.css";

const services = {
  repository: new RoadmapRepository(),
  platform: detectPlatform(),
  now: () => new Date(),
  planner: createWorkerPlanService(
    () => new Worker(new URL("./features/plan/planWorker.ts", import.meta.url), { type: "module" }),
  ),
};
const store = createAppStore(services);

services.repository.onVersionChange(() => {
  store.getState().notify({
    tone: "error",
    message: "Relationship Roadmap was updated in another window. Reload this window to keep working.",
  });
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App services={services} />
    </AppStoreProvider>
  </StrictMode>,
);

void store.getState().restoreSession();
