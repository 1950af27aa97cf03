import type { SaveFileResult } from "../../../shared/ipc/contract";
import type { SliceContext } from "../../app/appStore";

/** The files the Survey tab writes for running the questionnaire in another survey tool. */
export type SurveyFile = "questionnaire" | "blankAnswers";

const FILES: Record<SurveyFile, { label: string; suffix: string }> = {
  questionnaire: { label: "questionnaire", suffix: "questionnaire" },
  blankAnswers: { label: "blank answers file", suffix: "blank answers" },
};

export interface SurveySlice {
  /** The survey file being written, for the buttons to wait; null when none is. */
  exportingSurveyFile: SurveyFile | null;
  /** Saves the questionnaire (XLSX) or the blank answers file (CSV) of the open roadmap; resolves to whether a file was written. */
  exportSurveyFile(file: SurveyFile): Promise<boolean>;
  /** Opens the import wizard on fictional answers made for the open roadmap's questionnaire, phases and segments. */
  trySampleAnswers(): Promise<void>;
}

/** The name the sample file goes by in the wizard and in the wave it becomes. */
export const SAMPLE_ANSWERS_FILE = "sample-answers.csv";

export function createSurveySlice({ set, get, services }: SliceContext): SurveySlice {
  return {
    exportingSurveyFile: null,
    trySampleAnswers: async () => {
      const roadmap = get().document;
      if (!roadmap) return;
      // The generator writes its CSV with papaparse: loaded when asked for, not with the app.
      const { sampleSurveyAnswers } = await import("../../../shared/survey/sampleAnswers");
      const bytes = new TextEncoder().encode(sampleSurveyAnswers(roadmap));
      // The user may have closed the roadmap while the generator loaded.
      if (get().document?.id === roadmap.id) get().openImportWizard("survey", { name: SAMPLE_ANSWERS_FILE, bytes });
    },
    exportSurveyFile: async (file) => {
      const roadmap = get().document;
      if (!roadmap || get().exportingSurveyFile) return false;
      set({ exportingSurveyFile: file });
      const { label, suffix } = FILES[file];
      const suggestedName = `${roadmap.name} – ${suffix}`;
      try {
        // The workbook writer (exceljs) loads on the first export, not with the app's first screen.
        const { questionnaireWorkbook, blankResponsesCsv } = await import("../../../shared/export/surveyQuestionnaire");
        const saved: SaveFileResult =
          file === "questionnaire"
            ? await services.platform.saveFile({
                kind: "xlsx",
                contents: await questionnaireWorkbook(roadmap),
                suggestedName,
                handle: null,
              })
            : await services.platform.saveFile({
                kind: "csv",
                contents: blankResponsesCsv(roadmap),
                suggestedName,
                handle: null,
              });
        if ("error" in saved) {
          get().notify({ tone: "error", message: `The ${label} could not be exported: ${saved.error}` });
          return false;
        }
        if (saved.canceled) return false;
        get().notify({ tone: "info", message: `Exported the ${label} to ${saved.name}.` });
        return true;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        get().notify({ tone: "error", message: `The ${label} could not be exported: ${reason}` });
        return false;
      } finally {
        set({ exportingSurveyFile: null });
      }
    },
  };
}
