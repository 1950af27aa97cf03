import { EventEmitter } from "node:events";
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  MenuItemConstructorOptions,
  Rectangle,
  WebContents,
  WindowOpenHandlerResponse,
} from "electron";
import { vi } from "vitest";

/**
 * A stand-in for the `electron` module in main-process tests, which cannot
 * start the real binary. Use it with
 *
 *   vi.mock("electron", async () => (await import("./test/fakeElectron")).fakeElectron);
 *
 * and call `resetFakeElectron()` in `beforeEach`. Only what the app uses is faked;
 * each fake records what was done to it so tests can check behaviour.
 */

/** An event object as Electron passes to listeners, remembering whether it was cancelled. */
export function fakeEvent<T extends object>(params: T = {} as T) {
  return { ...params, defaultPrevented: false, preventDefault: vi.fn() };
}

export class FakeWebContents extends EventEmitter {
  readonly send = vi.fn<(channel: string, payload: unknown) => void>();
  /** What Chromium would print: the first bytes of a PDF. */
  readonly printToPDF = vi.fn(async (_options: unknown) => new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]));
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  /** The same object, typed as Electron's, for code that takes a real WebContents. */
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];

  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly setTitle = vi.fn<(title: string) => void>();
  readonly setDocumentEdited = vi.fn<(edited: boolean) => void>();
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds: Rectangle;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    FakeBrowserWindow.instances.push(this);
  }

  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit("closed");
  }
  getNormalBounds(): Rectangle {
    return { ...this.bounds };
  }

  /** What the user closing the window sets off. */
  close(): void {
    const closing = fakeEvent();
    this.emit("close", closing);
    if (closing.preventDefault.mock.calls.length > 0) return;
    this.destroyed = true;
    this.emit("closed");
  }
}

type Invoked = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, Invoked>();
  handle(channel: string, listener: Invoked): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  /** Calls a registered handler as Electron would for a message from `event`. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(async () => undefined);
  /** Delivers a message from main, as `webContents.send` would. */
  deliver(channel: string, payload: unknown): void {
    this.emit(channel, {}, payload);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  name = "Relationship Roadmap";
  readonly paths = new Map<string, string>();
  readonly getPath = vi.fn((name: string) => this.paths.get(name) ?? `/nonexistent/${name}`);
  readonly getAppPath = vi.fn(() => "/nonexistent/app");
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly addRecentDocument = vi.fn<(path: string) => void>();
  readonly clearRecentDocuments = vi.fn();
}

const workArea = { x: 0, y: 0, width: 1920, height: 1040 };

function createFakes() {
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
    dialog: {
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: "" })),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    },
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
    },
    net: { fetch: vi.fn(async (_url: string) => new Response("")) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    Menu: {
      buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    screen: {
      getAllDisplays: vi.fn(() => [{ workArea }]),
      getPrimaryDisplay: vi.fn(() => ({ workArea })),
    },
  };
}

/** The mocked module. Code under test reads its members on each use, so a reset swaps in fresh fakes. */
export const fakeElectron = createFakes();

export function resetFakeElectron(): void {
  Object.assign(fakeElectron, createFakes());
  FakeBrowserWindow.instances = [];
}
