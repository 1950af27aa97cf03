import type { PreferencesStorage } from "../data/preferencesStorage";
import type { RoadmapRepository } from "../data/roadmapRepository";
import type { LayoutService } from "../features/canvas/layoutService";
import type { CompareService } from "../features/compare/compareService";
import type { ExportService } from "../features/export/exportService";
import type { OptimiserService } from "../features/optimiser/optimiserService";
import type { PlanService } from "../features/plan/planService";
import type { VersionComparer } from "../features/versions/versionComparer";
import type { Platform } from "../platform";

/** What the stores need from outside; tests pass fakes or in-memory versions. */
export interface Services {
  repository: RoadmapRepository;
  platform: Platform;
  now: () => Date;
  planner: PlanService;
  exporter: ExportService;
  layouter: LayoutService;
  comparer: CompareService;
  preferences: PreferencesStorage;
  versionComparer: VersionComparer;
  optimiser: OptimiserService;
}
