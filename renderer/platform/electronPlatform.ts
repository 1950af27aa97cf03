import type { DesktopApi } from "../../shared/ipc/contract";
import type { Platform } from "./platform";

export function createElectronPlatform(desktop: DesktopApi): Platform {
  return {
    kind: "electron",
    openFile: (kind) => desktop.openFile({ kind }),
    openTableFile: () => desktop.openTableFile(),
    saveFile: (request) => desktop.saveFile(request),
    exportPdf: (request) => desktop.exportPdf(request),
    setDocumentState: (state) => {
      void desktop.setDocumentState(state);
    },
    setCheckedCommands: (checked) => {
      void desktop.setCheckedCommands(checked);
    },
    onMenuCommand: (listener) => desktop.onMenuCommand(listener),
    onFileOpened: (listener) => desktop.onFileOpened(listener),
    ready: () => {
      void desktop.rendererReady();
    },
  };
}
