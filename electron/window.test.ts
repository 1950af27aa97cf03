import { beforeEach, describe, expect, it, vi } from "vitest";
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from "./test/fakeElectron";
import { createMainWindow, showDocumentState } from "./window";
import type { WindowState } from "./windowState";

vi.mock("electron", async () => (await import("./test/fakeElectron")).fakeElectron);

beforeEach(() => {
  resetFakeElectron();
});

function open(savedState: WindowState | null = null) {
  const saveState = vi.fn<(state: WindowState) => void>();
  createMainWindow({
    preloadPath: "/app/dist-electron/preload.cjs",
    startUrl: "app://roadmap/index.html",
    savedState,
    saveState,
  });
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error("no window was created");
  return { window, saveState };
}

describe("createMainWindow", () => {
  it("isolates the page from Node and Electron", () => {
    const { window } = open();
    expect(window.options.webPreferences).toMatchObject({
      preload: "/app/dist-electron/preload.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it("loads the app and shows the window only once it is ready to show", () => {
    const { window } = open();
    expect(window.loadURL).toHaveBeenCalledWith("app://roadmap/index.html");
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit("ready-to-show");
    expect(window.show).toHaveBeenCalled();
  });

  it("opens where it was saved, clamped to the visible screen, and maximized again", () => {
    fakeElectron.screen.getAllDisplays.mockReturnValue([{ workArea: { x: 0, y: 0, width: 1440, height: 875 } }]);
    fakeElectron.screen.getPrimaryDisplay.mockReturnValue({ workArea: { x: 0, y: 0, width: 1440, height: 875 } });
    const { window } = open({ x: 1000, y: 600, width: 1000, height: 700, maximized: true });
    expect(window.options).toMatchObject({ x: 440, y: 175, width: 1000, height: 700 });
    window.emit("ready-to-show");
    expect(window.isMaximized()).toBe(true);
  });

  it("remembers its normal bounds and maximized state when closed", () => {
    const { window, saveState } = open();
    window.bounds = { x: 50, y: 60, width: 1100, height: 750 };
    window.maximize();
    window.close();
    expect(saveState).toHaveBeenCalledWith({ x: 50, y: 60, width: 1100, height: 750, maximized: true });
  });

  it("keeps the page's <title> from replacing the window title", () => {
    const { window } = open();
    const event = { preventDefault: vi.fn() };
    window.emit("page-title-updated", event, "Some page title");
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe("showDocumentState", () => {
  it("titles the window after the roadmap and marks unsaved changes on macOS", () => {
    const window = { setTitle: vi.fn(), setDocumentEdited: vi.fn() };
    showDocumentState(window, { title: "Acme onboarding", edited: true }, "darwin");
    expect(window.setTitle).toHaveBeenCalledWith("Acme onboarding — Relationship Roadmap");
    expect(window.setDocumentEdited).toHaveBeenCalledWith(true);
  });

  it("shows just the app name on the home screen, and leaves the macOS-only dot alone elsewhere", () => {
    const window = { setTitle: vi.fn(), setDocumentEdited: vi.fn() };
    showDocumentState(window, { title: null, edited: false }, "linux");
    expect(window.setTitle).toHaveBeenCalledWith("Relationship Roadmap");
    expect(window.setDocumentEdited).not.toHaveBeenCalled();
  });

  it("marks a roadmap whose file is out of date with a dot in the title on Windows and Linux", () => {
    const window = { setTitle: vi.fn(), setDocumentEdited: vi.fn() };
    showDocumentState(window, { title: "Acme", edited: true }, "win32");
    expect(window.setTitle).toHaveBeenCalledWith("• Acme — Relationship Roadmap");
    showDocumentState(window, { title: "Acme", edited: false }, "linux");
    expect(window.setTitle).toHaveBeenLastCalledWith("Acme — Relationship Roadmap");
  });
});
