import path from "node:path";
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from "electron";
import { FILE_KIND_DETAILS, type FileKind } from "../shared/ipc/contract";
import { suggestedFileName } from "./roadmapFiles";

/** The native file dialogs, as the only way a new path enters the app from the renderer's requests. */
export interface FileDialogs {
  /** The file the user picked to open, or null if they cancelled. */
  chooseFileToOpen(): Promise<string | null>;
  /** Where the user chose to save a file of this kind, or null if they cancelled. */
  chooseSaveTarget(kind: FileKind, suggestedName: string): Promise<string | null>;
}

export function createFileDialogs(
  dialog: Pick<Dialog, "showOpenDialog" | "showSaveDialog">,
  parentWindow: () => BrowserWindow | null,
  defaultFolder: () => string,
): FileDialogs {
  return {
    async chooseFileToOpen() {
      const options: OpenDialogOptions = {
        title: "Open Roadmap",
        defaultPath: defaultFolder(),
        properties: ["openFile"],
        filters: [dialogFilter("roadmap")],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
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
