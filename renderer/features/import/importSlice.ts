import type { OpenedTableFile, OpenTableFileResult } from "../../../shared/ipc/contract";
import type { SliceContext } from "../../app/appStore";

/** The imports the wizard runs: survey answers into a wave, the client's communications into the plan. */
export const IMPORT_KIND_NAMES = ["survey", "inventory"] as const;
export type ImportKindName = (typeof IMPORT_KIND_NAMES)[number];

/** The file extensions the wizard reads; a file dropped on the editor with one of them opens it. */
export const TABLE_FILE_PATTERN = /\.(csv|tsv|txt|xlsx)$/i;

export interface ImportSlice {
  /** Opens the import wizard for the open roadmap, at its first step or, given a file, reading it. */
  openImportWizard(kind: ImportKindName, file?: OpenedTableFile): void;
  /** The file picker for a spreadsheet to import from. */
  chooseTableFile(): Promise<OpenTableFileResult>;
}

export function createImportSlice({ get, services }: SliceContext): ImportSlice {
  return {
    openImportWizard: (importKind, file) => {
      if (!get().document) return;
      get().openDialog({ kind: "importWizard", importKind, file: file ?? null });
    },
    chooseTableFile: () => services.platform.openTableFile(),
  };
}
