import { BrowserWindow, type BrowserWindowConstructorOptions, screen } from "electron";
import type { DocumentState } from "../shared/ipc/contract";
import { APP_NAME, windowTitle } from "../shared/windowTitle";
import { MIN_WINDOW_SIZE, placeWindow, type WindowState } from "./windowState";

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
  const window = newSecureWindow(options.preloadPath, {
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_NAME,
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
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

/**
 * A window that is never shown, laying out the executive report for
 * `printToPDF` (see reportPrinter.ts). Same sandbox and preload as the app's
 * window; the `view=print` query makes the renderer show the print view.
 */
export function createPrintWindow(preloadPath: string, startUrl: string): BrowserWindow {
  // Never shown, so never throttled: it must lay out and print while the app's window has the focus.
  const window = newSecureWindow(
    preloadPath,
    { show: false, width: 1024, height: 768 },
    { backgroundThrottling: false },
  );
  const url = new URL(startUrl);
  url.searchParams.set("view", "print");
  window.loadURL(url.href).catch((error: unknown) => {
    console.error(`Could not load the print view ${url.href}:`, error);
  });
  return window;
}

/**
 * The one place a window is made. Its web preferences are written out here, literally, so that
 * Electronegativity (electron/electronegativity.test.ts) reads exactly what every window gets.
 */
function newSecureWindow(
  preloadPath: string,
  options: Omit<BrowserWindowConstructorOptions, "webPreferences">,
  { backgroundThrottling = true } = {},
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      backgroundThrottling,
    },
  });
}

/** Reflects the open roadmap in the title bar, and whether its file has unsaved changes. */
export function showDocumentState(
  window: Pick<BrowserWindow, "setTitle" | "setDocumentEdited">,
  state: Pick<DocumentState, "title" | "edited">,
  platform: NodeJS.Platform,
): void {
  window.setTitle(windowTitle(state, platform !== "darwin"));
  if (platform === "darwin") window.setDocumentEdited(state.edited);
}
