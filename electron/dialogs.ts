import path from "node:path";
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from "electron";
import { FILE_KIND_DETAILS, type FileKind, TABLE_FILE_EXTENSIONS } from "../shared/ipc/contract";
import { suggestedFileName } from "./roadmapFiles";

/** The native file dialogs, as the only way a new path enters the app from the renderer's requests. */
export interface FileDialogs {
  /** The file the user picked to open, or null if they cancelled. */
  chooseFileToOpen(): Promise<string | null>;
  /** The spreadsheet (CSV, XLSX) the user picked to import from, or null if they cancelled. */
  chooseTableToOpen(): Promise<string | null>;
  /** Where the user chose to save a file of this kind, or null if they cancelled. */
  chooseSaveTarget(kind: FileKind, suggestedName: string): Promise<string | null>;
}

export function createFileDialogs(
  dialog: Pick<Dialog, "showOpenDialog" | "showSaveDialog">,
  parentWindow: () => BrowserWindow | null,
  defaultFolder: () => string,
): FileDialogs {
  async function chooseOne(options: Pick<OpenDialogOptions, "title" | "filters">): Promise<string | null> {
    const full: OpenDialogOptions = { ...options, defaultPath: defaultFolder(), properties: ["openFile"] };
    const parent = parentWindow();
    const result = parent ? await dialog.showOpenDialog(parent, full) : await dialog.showOpenDialog(full);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  return {
    chooseFileToOpen: () => chooseOne({ title: "Open Roadmap", filters: [dialogFilter("roadmap")] }),
    chooseTableToOpen: () =>
      chooseOne({
        title: "Import from a Spreadsheet",
        filters: [
          { name: "Spreadsheets (CSV, Excel)", extensions: [...TABLE_FILE_EXTENSIONS] },
          { name: "All files", extensions: ["*"] },
        ],
      }),
    async chooseSaveTarget(kind, suggestedName) {
      const { extension, description } = FILE_KIND_DETAILS[kind];
      const options: SaveDialogOptions = {
        title: kind === "roadmap" ? "Save Roadmap" : `Export ${description}`,
        defaultPath: path.join(defaultFolder(), suggestedFileName(suggestedName, extension)),
        filters: [dialogFilter(kind)],
        properties: ["createDirectory", "showOverwriteConfirmation"],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || result.filePath === "" ? null : result.filePath;
    },
  };
}

function dialogFilter(kind: FileKind) {
  const { description, extension } = FILE_KIND_DETAILS[kind];
  return { name: description, extensions: [extension] };
}
