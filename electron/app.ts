import path from "node:path";
import { app, type BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from "electron";
import { type CheckedCommands, EVENT_CHANNELS } from "../shared/ipc/contract";
import type { Result } from "../shared/result";
import { APP_NAME } from "../shared/windowTitle";
import { appOrigin, devServerUrl, PRODUCTION_START_URL } from "./appOrigin";
import { type CloseChoice, type CloseGuard, createCloseGuard } from "./closeGuard";
import { createFileDialogs } from "./dialogs";
import { FileHandles } from "./fileHandles";
import { createIpcHandlers, registerIpcHandlers } from "./ipc";
import { jsonFileWriter, readJsonFile } from "./jsonFile";
import { buildMenuTemplate } from "./menu";
import { createFileOpener, roadmapPathsFromArgv } from "./openFiles";
import { createRendererOutbox, holdMessagesWhileReloading } from "./outbox";
import { registerAppScheme, serveRenderer } from "./protocol";
import { createRecentFiles, RecentFilesSchema } from "./recentFiles";
import { createReportPrinter } from "./reportPrinter";
import { readRoadmapFile, readTableFile } from "./roadmapFiles";
import { saveFile } from "./saveFile";
import { enforceContentSecurityPolicy, guardWebContents, limitPermissions } from "./security";
import { createMainWindow, createPrintWindow, showDocumentState } from "./window";
import { type WindowState, WindowStateSchema } from "./windowState";

export interface StartOptions {
  argv: readonly string[];
  workingDirectory: string;
  platform: NodeJS.Platform;
  /** Set by scripts/dev.mjs to the Vite dev server. */
  rendererUrl: string | undefined;
}

export interface RunningApp {
  showWindow(): BrowserWindow;
  openPath(filePath: string): Promise<void>;
}

/**
 * Wires the modules to Electron. Resolves once the first window is up, or to
 * null when another instance already runs (this one then hands over and quits).
 */
export function startApp(options: StartOptions): Promise<RunningApp | null> {
  // Custom schemes must be registered before the app is ready.
  registerAppScheme(protocol);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve(null);
  }

  const pendingWrites = new Set<Promise<void>>();
  const persist = (write: Promise<Result<void, string>>) => {
    const done = write.then((result) => {
      // Settings are a convenience: losing them is worth a note, not an interruption.
      if (!result.ok) console.warn(`Could not save settings: ${result.error}`);
    });
    pendingWrites.add(done);
    void done.finally(() => pendingWrites.delete(done));
  };

  const running = app.whenReady().then(() => setUp(options, persist));

  // macOS sends the file a double-click opened before the app is ready, so this listens from the start.
  app.on("open-file", (event, filePath) => {
    event.preventDefault();
    void running.then((started) => started.openPath(filePath));
  });
  app.on("second-instance", (_event, argv, workingDirectory) => {
    void running.then((started) => {
      started.showWindow();
      for (const filePath of roadmapPathsFromArgv(argv, workingDirectory)) void started.openPath(filePath);
    });
  });
  app.on("activate", () => {
    void running.then((started) => started.showWindow());
  });
  app.on("window-all-closed", () => {
    // macOS apps stay running without windows until the user quits.
    if (options.platform !== "darwin") app.quit();
  });
  app.on("will-quit", (event) => {
    if (pendingWrites.size === 0) return;
    // Let the window position and recent list reach the disk first.
    event.preventDefault();
    void Promise.allSettled(pendingWrites).then(() => app.quit());
  });

  return running;
}

async function setUp(
  options: StartOptions,
  persist: (write: Promise<Result<void, string>>) => void,
): Promise<RunningApp> {
  const { platform } = options;
  const devUrl = devServerUrl(options.rendererUrl, app.isPackaged);
  const origin = appOrigin(devUrl ?? PRODUCTION_START_URL);
  const userData = app.getPath("userData");
  const windowStateFile = path.join(userData, "window-state.json");
  const recentFilesFile = path.join(userData, "recent-files.json");
  const saveWindowState = jsonFileWriter(windowStateFile);
  const saveRecentFiles = jsonFileWriter(recentFilesFile);
  const [savedWindowState, savedRecentFiles] = await Promise.all([
    readJsonFile(windowStateFile, WindowStateSchema),
    readJsonFile(recentFilesFile, RecentFilesSchema),
  ]);

  let mainWindow: BrowserWindow | null = null;
  let closeGuard: CloseGuard | null = null;
  /** The user asked to quit; a window holding its close back for a question cancels that quit. */
  let quitRequested = false;
  app.on("before-quit", () => {
    quitRequested = true;
  });
  let windowState: WindowState | null = savedWindowState;
  const handles = new FileHandles();
  const outbox = createRendererOutbox((message) => {
    if (mainWindow === null || mainWindow.isDestroyed()) return false;
    mainWindow.webContents.send(message.channel, message.payload);
    return true;
  });

  let checkedCommands: CheckedCommands = {};
  const recent = createRecentFiles(savedRecentFiles ?? [], (files) => {
    persist(saveRecentFiles(files));
    setMenu();
  });
  const fileChosen = (filePath: string) => {
    recent.add(filePath);
    app.addRecentDocument(filePath);
  };
  const openPath = createFileOpener({
    readFile: readRoadmapFile,
    handles,
    fileChosen,
    deliver: (file) => outbox.post({ channel: EVENT_CHANNELS.fileOpened, payload: file }),
    fileFailed: (filePath, message) => {
      recent.remove(filePath);
      void showError(mainWindow, "The roadmap could not be opened.", message);
    },
  });

  /** Brings the window to the front, opening it if there is none (on macOS, after it was closed). */
  function showWindow(): BrowserWindow {
    if (mainWindow === null) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return mainWindow;
  }

  const preloadPath = path.join(app.getAppPath(), "dist-electron", "preload.cjs");
  const printer = createReportPrinter({ openPrintWindow: () => createPrintWindow(preloadPath, origin.startUrl) });

  function openWindow(): BrowserWindow {
    const window = createMainWindow({
      preloadPath,
      startUrl: origin.startUrl,
      savedState: windowState,
      saveState: (state) => {
        windowState = state;
        persist(saveWindowState(state));
      },
    });
    holdMessagesWhileReloading(window.webContents, outbox);
    const guard = createCloseGuard({
      ask: (title) => askAboutUnsavedChanges(window, title),
      save: () => outbox.post({ channel: EVENT_CHANNELS.menuCommand, payload: "file.save" }),
      close: () => {
        window.close();
        // Holding the window back cancelled a quit under way; on macOS the app would otherwise stay running.
        if (quitRequested) app.quit();
      },
      stayedOpen: () => {
        quitRequested = false;
      },
    });
    window.on("close", (event) => guard.windowClosing(event));
    window.on("closed", () => {
      mainWindow = null;
      closeGuard = null;
      outbox.rendererGone();
    });
    closeGuard = guard;
    mainWindow = window;
    return window;
  }

  function setMenu(): void {
    const template = buildMenuTemplate(
      {
        appName: APP_NAME,
        platform,
        isDevelopment: !app.isPackaged,
        recentFiles: recent.list(),
        checked: checkedCommands,
      },
      {
        send: (command) => {
          // On macOS the menu outlives the window; the command waits for a new one.
          if (mainWindow === null) openWindow();
          outbox.post({ channel: EVENT_CHANNELS.menuCommand, payload: command });
        },
        openRecent: (filePath) => {
          showWindow();
          void openPath(filePath);
        },
        clearRecent: () => {
          recent.clear();
          app.clearRecentDocuments();
        },
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  limitPermissions(session.defaultSession, origin.isAppUrl);
  // The dev server's hot reload runs inline scripts, which the policy forbids.
  if (devUrl === null) {
    enforceContentSecurityPolicy(session.defaultSession);
    serveRenderer(protocol, path.join(app.getAppPath(), "dist", "renderer"), (fileUrl) => net.fetch(fileUrl));
  }
  app.on("web-contents-created", (_event, contents) => {
    guardWebContents(contents, origin.isAppUrl, (url) => shell.openExternal(url));
  });

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      trustedContents: () => mainWindow?.webContents ?? null,
      isAppUrl: origin.isAppUrl,
      dialogs: createFileDialogs(
        dialog,
        () => mainWindow,
        () => app.getPath("documents"),
      ),
      readFile: readRoadmapFile,
      readTableFile,
      writeFile: saveFile,
      handles,
      fileChosen,
      showDocumentState: (state) => {
        if (mainWindow !== null) showDocumentState(mainWindow, state, platform);
        closeGuard?.documentStateChanged(state);
      },
      showCheckedCommands: (checked) => {
        checkedCommands = checked;
        setMenu();
      },
      rendererReady: () => outbox.rendererReady(),
      printer,
    }),
  );

  setMenu();
  openWindow();
  for (const filePath of roadmapPathsFromArgv(options.argv, options.workingDirectory)) void openPath(filePath);
  return { showWindow, openPath };
}

const CLOSE_CHOICES: readonly CloseChoice[] = ["save", "discard", "cancel"];

async function askAboutUnsavedChanges(window: BrowserWindow, title: string): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(window, {
    type: "question",
    message: `Save the changes to “${title}” in its file before closing?`,
    detail: "Your changes stay in Relationship Roadmap's library either way; only the file would be out of date.",
    buttons: ["Save", "Don't Save", "Cancel"],
    defaultId: 0,
    cancelId: 2,
  });
  return CLOSE_CHOICES[response] ?? "cancel";
}

async function showError(parent: BrowserWindow | null, message: string, detail: string): Promise<void> {
  const options = { type: "error" as const, message, detail };
  await (parent === null ? dialog.showMessageBox(options) : dialog.showMessageBox(parent, options));
}
