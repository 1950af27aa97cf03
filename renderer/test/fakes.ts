import userEvent from "@testing-library/user-event";
import type {
  ExportPdfRequest,
  OpenFileResult,
  OpenTableFileResult,
  SaveFileRequest,
  SaveFileResult,
} from "../../shared/ipc/contract";
import type { Roadmap } from "../../shared/model";
import { type AppStore, createAppStore } from "../app/appStore";
import type { Services } from "../app/services";
import { createMemoryPreferencesStorage } from "../data/preferencesStorage";
import { RoadmapRepository } from "../data/roadmapRepository";
import { createInProcessLayoutService } from "../features/canvas/layoutService";
import { createInProcessCompareService } from "../features/compare/compareService";
import { createInProcessExportService } from "../features/export/exportService";
import { createInProcessOptimiserService } from "../features/optimiser/optimiserService";
import { createInProcessPlanService } from "../features/plan/planService";
import { createInProcessVersionComparer } from "../features/versions/versionComparer";
import type { Platform } from "../platform";

/** A platform whose file picker returns what the test queued, and which records every save. */
export function createFakePlatform() {
  const opens: OpenFileResult[] = [];
  const tableOpens: OpenTableFileResult[] = [];
  const saves: SaveFileRequest[] = [];
  const pdfExports: ExportPdfRequest[] = [];
  let saveResult: SaveFileResult = { canceled: false, handle: "h1", name: "saved.roadmap" };
  const platform: Platform = {
    kind: "web",
    openFile: async () => opens.shift() ?? { canceled: true },
    openTableFile: async () => tableOpens.shift() ?? { canceled: true },
    saveFile: async (request) => {
      saves.push(request);
      return saveResult;
    },
    exportPdf: async (request) => {
      pdfExports.push(request);
      return saveResult;
    },
    setDocumentState: () => {},
    setCheckedCommands: () => {},
    onMenuCommand: () => () => {},
    onFileOpened: () => () => {},
    ready: () => {},
  };
  return {
    platform,
    saves,
    pdfExports,
    queueOpen: (result: OpenFileResult) => opens.push(result),
    queueTableOpen: (result: OpenTableFileResult) => tableOpens.push(result),
    failNextSaves: (error: string) => {
      saveResult = { error };
    },
    cancelNextSaves: () => {
      saveResult = { canceled: true };
    },
  };
}

let databaseCounter = 0;

/** A store over a fresh in-memory IndexedDB (fake-indexeddb) and a fake platform. */
export function createTestApp(
  now = () => new Date("2027-03-01T10:00:00Z"),
  services: Partial<
    Pick<Services, "layouter" | "preferences" | "comparer" | "repository" | "optimiser" | "exporter">
  > = {},
) {
  const repository = services.repository ?? new RoadmapRepository(`test-db-${++databaseCounter}-${Math.random()}`);
  const fake = createFakePlatform();
  const store: AppStore = createAppStore({
    repository,
    platform: fake.platform,
    now,
    planner: createInProcessPlanService(),
    exporter: services.exporter ?? createInProcessExportService(),
    layouter: services.layouter ?? createInProcessLayoutService(),
    comparer: services.comparer ?? createInProcessCompareService(),
    preferences: services.preferences ?? createMemoryPreferencesStorage(),
    versionComparer: createInProcessVersionComparer(),
    optimiser: services.optimiser ?? createInProcessOptimiserService(),
  });
  return { store, repository, ...fake };
}

/** A test app with the B2B subscription template open, and ways to read its document. */
export async function openTemplateInTestApp() {
  const app = createTestApp();
  const id = await app.store
    .getState()
    .createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
  await app.store.getState().openRoadmap(id);
  const document = () => app.store.getState().document as Roadmap;
  const phaseId = (name: string) => document().phases.find((p) => p.name === name)?.id ?? "";
  return { ...app, document, phaseId, user: userEvent.setup() };
}
