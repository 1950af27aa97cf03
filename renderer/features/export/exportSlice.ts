import { planRoadmap } from "../../../shared/engine";
import {
  defaultReportOptions,
  type ReportOptions,
  ReportOptionsSchema,
  withNewSections,
} from "../../../shared/export/reportOptions";
import type { FileKind, SaveFileResult } from "../../../shared/ipc/contract";
import { type Roadmap, serializeRoadmap } from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";
import { PRINT_DIALOG_HANDLE } from "../../platform/platform";
import { selectExportedRoadmap } from "../editor/viewedRoadmap";
import { EXPORT_FORMAT_DETAILS, type ExportFormat, type ExportRequest, WORKBOOK_NEEDS_COSTS } from "./exportFormats";

const REPORT_OPTIONS_SETTING = "reportOptions";

export interface ExportSlice {
  /** The export under way, for the dialog's progress; null when none is. */
  exporting: ExportFormat | null;
  /** The format the Export dialog opens at: the last one used. */
  lastExportFormat: ExportFormat;
  /** The last report options used, remembered between sessions. */
  reportOptions: ReportOptions;
  /** Builds the export of the open roadmap and saves it; resolves to whether a file was written. */
  exportDocument(request: ExportRequest): Promise<boolean>;
  loadExportSettings(): Promise<void>;
}

/** File names say what is inside: "Acme onboarding – budget.xlsx". */
const FILE_NAME_SUFFIX: Record<ExportFormat, string> = {
  pdf: "report",
  pptx: "slides",
  xlsx: "budget",
  csv: "communication plan",
  ics: "calendar",
  svg: "diagram",
  png: "diagram",
};

export function createExportSlice({ set, get, services }: SliceContext): ExportSlice {
  const save = async (roadmap: Roadmap, asked: ExportRequest): Promise<SaveFileResult> => {
    // An export that does not say follows what the user shows on screen: hidden costs stay hidden on paper.
    const request =
      asked.format === "pdf" || asked.format === "pptx" || asked.format === "xlsx" ? asked : withCostChoice(asked);
    if (request.format === "xlsx" && !get().preferences.showCosts) return { error: WORKBOOK_NEEDS_COSTS };
    const owner = request.format === "ics" ? roadmap.owners.find((o) => o.id === request.ownerId) : undefined;
    const suggestedName = [roadmap.name, FILE_NAME_SUFFIX[request.format], owner?.name].filter(Boolean).join(" – ");
    const saveAs = (kind: FileKind, contents: string | Uint8Array) =>
      services.platform.saveFile({ kind, contents, suggestedName, handle: null });
    switch (request.format) {
      case "pdf":
        return services.platform.exportPdf({
          roadmapText: serializeRoadmap(roadmap),
          options: request.options,
          suggestedName,
        });
      case "pptx":
      case "xlsx":
      case "csv":
      case "ics": {
        const built = await services.exporter.build(roadmap, request, services.now());
        return built.ok ? saveAs(request.format, built.value) : { error: built.error };
      }
      case "svg":
      case "png": {
        // Planned afresh, like every export: the view's plan may still be catching up with the last edit.
        // The diagram's drawing code loads on the first diagram export, not at start-up.
        const { drawRoadmapDiagram } = await import("../../../shared/export/roadmapDiagram");
        const diagram = drawRoadmapDiagram(roadmap, {
          plan: planRoadmap(roadmap),
          showCosts: request.includeCosts,
        });
        if (request.format === "svg") return saveAs("svg", diagram.svg);
        const { rasterizeSvg } = await import("./rasterizeSvg");
        return saveAs("png", await rasterizeSvg(diagram.svg, diagram.width, diagram.height));
      }
    }
  };

  function withCostChoice<R extends Exclude<ExportRequest, { format: "pdf" | "pptx" | "xlsx" }>>(
    request: R,
  ): R & {
    includeCosts: boolean;
  } {
    return { ...request, includeCosts: request.includeCosts ?? get().preferences.showCosts };
  }

  return {
    exporting: null,
    lastExportFormat: "pdf",
    reportOptions: defaultReportOptions(),

    exportDocument: async (request) => {
      const roadmap = selectExportedRoadmap(get());
      if (!roadmap || get().exporting) return false;
      set({ exporting: request.format, lastExportFormat: request.format });
      if (request.format === "pdf" || request.format === "pptx") {
        // The report and the deck share one section picker: what was picked for either is offered next time.
        const reportOptions = { ...get().reportOptions, ...request.options };
        set({ reportOptions });
        services.repository.setSetting(REPORT_OPTIONS_SETTING, reportOptions).catch((error: unknown) => {
          // Only a convenience for next time: the export goes ahead.
          console.warn("Could not remember the report options:", error);
        });
      }
      const label = EXPORT_FORMAT_DETAILS[request.format].label;
      try {
        const saved = await save(roadmap, request);
        if ("error" in saved) {
          get().notify({ tone: "error", message: `The ${label} could not be exported: ${saved.error}` });
          return false;
        }
        if (saved.canceled) return false;
        get().notify({
          tone: "info",
          message:
            saved.handle === PRINT_DIALOG_HANDLE
              ? `Opened the print dialog for the ${label}: choose “Save as PDF” there.`
              : `Exported the ${label} to ${saved.name}.`,
        });
        return true;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        get().notify({ tone: "error", message: `The ${label} could not be exported: ${reason}` });
        return false;
      } finally {
        set({ exporting: null });
      }
    },

    loadExportSettings: async () => {
      const stored = ReportOptionsSchema.safeParse(await services.repository.getSetting(REPORT_OPTIONS_SETTING));
      // Settings from another version that no longer parse are forgotten, not an error.
      if (stored.success) set({ reportOptions: withNewSections(stored.data) });
    },
  };
}
