import { BrowserWindow, screen } from "electron";
import type { DocumentState } from "../shared/ipc/contract";
import { MIN_WINDOW_SIZE, placeWindow, type WindowState } from "./windowState";

export const APP_NAME = "Relationship Roadmap";

export interface MainWindowOptions {
  /** The single bundled preload (dist-electron/preload.cjs): a sandboxed preload cannot require files. */
  preloadPath: string;
  startUrl: string;
  savedState: WindowState | null;
  saveState(state: WindowState): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const placement = placeWindow(
    options.savedState,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_NAME,
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    },
  });

  window.once("ready-to-show", () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  // The title belongs to main (see showDocumentState), not to the page's <title>.
  window.on("page-title-updated", (event) => event.preventDefault());
  window.on("close", () => {
    options.saveState({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });

  window.loadURL(options.startUrl).catch((error: unknown) => {
    console.error(`Could not load ${options.startUrl}:`, error);
  });
  return window;
}

export function windowTitle(documentTitle: string | null): string {
  return documentTitle ? `${documentTitle} — ${APP_NAME}` : APP_NAME;
}

/** Reflects the open roadmap in the title bar, and on macOS its unsaved-changes dot. */
export function showDocumentState(
  window: Pick<BrowserWindow, "setTitle" | "setDocumentEdited">,
  state: DocumentState,
  platform: NodeJS.Platform,
): void {
  window.setTitle(windowTitle(state.title));
  if (platform === "darwin") window.setDocumentEdited(state.edited);
}
