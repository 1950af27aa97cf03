import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { MenuItemConstructorOptions } from "electron";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { INVOKE_CHANNELS, OpenedFileSchema, SaveFileResultSchema } from "../shared/ipc/contract";
import { eventually } from "../test/eventually";
import { type StartOptions, startApp } from "./app";
import { FakeBrowserWindow, FakeWebContents, fakeElectron, fakeEvent, resetFakeElectron } from "./test/fakeElectron";

vi.mock("electron", async () => (await import("./test/fakeElectron")).fakeElectron);

let folder: string;
let userData: string;

beforeEach(async () => {
  resetFakeElectron();
  folder = await mkdtemp(path.join(tmpdir(), "roadmap-app-"));
  userData = path.join(folder, "userData");
  fakeElectron.app.paths.set("userData", userData);
  fakeElectron.app.paths.set("documents", folder);
});

afterEach(async () => {
  // Quit as the app would, letting settings writes finish before their folder goes.
  const quitting = fakeEvent();
  fakeElectron.app.emit("will-quit", quitting);
  if (quitting.preventDefault.mock.calls.length > 0) {
    await eventually(() => expect(fakeElectron.app.quit).toHaveBeenCalled());
  }
  await rm(folder, { recursive: true, force: true });
});

function start(options: Partial<StartOptions> = {}) {
  return startApp({
    argv: ["/opt/roadmap/roadmap"],
    workingDirectory: folder,
    platform: "linux",
    rendererUrl: undefined,
    ...options,
  });
}

function onlyWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  const [window] = FakeBrowserWindow.instances;
  if (!window) throw new Error("no window");
  return window;
}

/** An IPC call as the app's own page in `window` makes it. */
function invoke(window: FakeBrowserWindow, channel: string, payload?: unknown) {
  const event = { sender: window.webContents, senderFrame: { url: "app://roadmap/index.html", parent: null } };
  return fakeElectron.ipcMain.invoke(channel, event, payload);
}

function sentOn(window: FakeBrowserWindow, channel: string): unknown[] {
  return window.webContents.send.mock.calls.filter(([sent]) => sent === channel).map(([, payload]) => payload);
}

function currentMenu(): MenuItemConstructorOptions[] {
  const template = fakeElectron.Menu.buildFromTemplate.mock.calls.at(-1)?.[0];
  if (!template) throw new Error("no menu was built");
  return template;
}

function clickMenu(...labels: string[]): void {
  let items = currentMenu();
  let item: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    item = items.find((candidate) => candidate.label === label);
    items = Array.isArray(item?.submenu) ? item.submenu : [];
  }
  if (!item?.click) throw new Error(`no menu item ${labels.join(" › ")}`);
  item.click({} as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
}

async function roadmapFile(name: string, text = '{"type":"roadmap"}') {
  const file = path.join(folder, name);
  await writeFile(file, text);
  return file;
}

describe("starting", () => {
  it("hands over to an instance that already runs, and quits", async () => {
    fakeElectron.app.requestSingleInstanceLock.mockReturnValue(false);
    expect(await start()).toBeNull();
    expect(fakeElectron.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it("serves the built renderer from app:// with the content security policy", async () => {
    fakeElectron.app.isPackaged = true;
    await start({ rendererUrl: "http://127.0.0.1:5173/" });
    expect(onlyWindow().loadURL).toHaveBeenCalledWith("app://roadmap/index.html");
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith("app", expect.any(Function));
    expect(fakeElectron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
  });

  it("loads the dev server when the dev script names one", async () => {
    await start({ rendererUrl: "http://127.0.0.1:5173/" });
    expect(onlyWindow().loadURL).toHaveBeenCalledWith("http://127.0.0.1:5173/");
    expect(fakeElectron.protocol.handle).not.toHaveBeenCalled();
  });

  it("denies permissions and guards every page it creates", async () => {
    await start();
    expect(fakeElectron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fakeElectron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    const contents = new FakeWebContents();
    fakeElectron.app.emit("web-contents-created", fakeEvent(), contents);
    expect(contents.windowOpenHandler?.({ url: "https://example.com/" } as never)).toEqual({ action: "deny" });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith("https://example.com/");
  });
});

describe("files opened from outside", () => {
  it("sends a file from the command line once the renderer is ready, and saves back to it without asking", async () => {
    const file = await roadmapFile("Acme.roadmap");
    await start({ argv: ["/opt/roadmap/roadmap", "Acme.roadmap"] });
    const window = onlyWindow();
    await eventually(() => expect(fakeElectron.app.addRecentDocument).toHaveBeenCalledWith(file));
    expect(sentOn(window, "file:opened")).toEqual([]);

    await invoke(window, INVOKE_CHANNELS.rendererReady);
    const [opened] = sentOn(window, "file:opened").map((payload) => OpenedFileSchema.parse(payload));
    expect(opened).toMatchObject({ name: "Acme.roadmap", text: '{"type":"roadmap"}' });

    const saved = await invoke(window, INVOKE_CHANNELS.saveFile, {
      kind: "roadmap",
      contents: '{"type":"roadmap","v":2}',
      suggestedName: "Acme",
      handle: opened?.handle,
    });
    expect(SaveFileResultSchema.parse(saved)).toEqual({
      canceled: false,
      handle: opened?.handle,
      name: "Acme.roadmap",
    });
    expect(fakeElectron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(await readFile(file, "utf8")).toBe('{"type":"roadmap","v":2}');
  });

  it("opens a file macOS sends before the app is ready", async () => {
    let becomeReady = () => {};
    fakeElectron.app.whenReady.mockReturnValue(new Promise<void>((resolve) => (becomeReady = resolve)));
    const file = await roadmapFile("Finder.roadmap");
    const started = start({ platform: "darwin" });
    const openFile = fakeEvent();
    fakeElectron.app.emit("open-file", openFile, file);
    expect(openFile.preventDefault).toHaveBeenCalled();

    becomeReady();
    await started;
    const window = onlyWindow();
    await invoke(window, INVOKE_CHANNELS.rendererReady);
    await eventually(() => expect(sentOn(window, "file:opened")).toHaveLength(1));
  });

  it("brings the window forward and opens a file a second launch was given", async () => {
    await start();
    const window = onlyWindow();
    window.minimized = true;
    await invoke(window, INVOKE_CHANNELS.rendererReady);
    await roadmapFile("Second.roadmap");

    fakeElectron.app.emit(
      "second-instance",
      fakeEvent(),
      ["/opt/roadmap/roadmap", "--foo", "Second.roadmap"],
      folder,
      {},
    );
    await eventually(() => expect(sentOn(window, "file:opened")).toHaveLength(1));
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it("reports a file it cannot open instead of sending it", async () => {
    await start({ argv: ["/opt/roadmap/roadmap", "missing.roadmap"] });
    const window = onlyWindow();
    await invoke(window, INVOKE_CHANNELS.rendererReady);
    await eventually(() => expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalled());
    expect(sentOn(window, "file:opened")).toEqual([]);
  });
});

describe("the menu", () => {
  it("sends its commands to the renderer", async () => {
    await start();
    const window = onlyWindow();
    await invoke(window, INVOKE_CHANNELS.rendererReady);
    clickMenu("File", "Save");
    expect(sentOn(window, "menu:command")).toEqual(["file.save"]);
  });

  it("opens a window for a command given while none is open on macOS, and delivers it once ready", async () => {
    await start({ platform: "darwin" });
    onlyWindow().close();
    fakeElectron.app.emit("window-all-closed");
    expect(fakeElectron.app.quit).not.toHaveBeenCalled();

    clickMenu("File", "Open…");
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    const [, second] = FakeBrowserWindow.instances;
    if (!second) throw new Error("no new window");
    expect(sentOn(second, "menu:command")).toEqual([]);
    await invoke(second, INVOKE_CHANNELS.rendererReady);
    expect(sentOn(second, "menu:command")).toEqual(["file.open"]);
  });

  it("lists opened files under Open Recent, remembers them across launches, and reopens them", async () => {
    const file = await roadmapFile("Acme.roadmap");
    await start({ argv: ["/opt/roadmap/roadmap", file] });
    await eventually(async () =>
      expect(JSON.parse(await readFile(path.join(userData, "recent-files.json"), "utf8"))).toEqual([file]),
    );

    resetFakeElectron();
    fakeElectron.app.paths.set("userData", userData);
    await start();
    const window = onlyWindow();
    await invoke(window, INVOKE_CHANNELS.rendererReady);
    clickMenu("File", "Open Recent", "Acme.roadmap");
    await eventually(() => expect(sentOn(window, "file:opened")).toHaveLength(1));
  });
});

describe("windows and quitting", () => {
  it("quits when the last window closes, except on macOS", async () => {
    await start({ platform: "linux" });
    fakeElectron.app.emit("window-all-closed");
    expect(fakeElectron.app.quit).toHaveBeenCalled();

    resetFakeElectron();
    fakeElectron.app.paths.set("userData", userData);
    await start({ platform: "darwin" });
    fakeElectron.app.emit("window-all-closed");
    expect(fakeElectron.app.quit).not.toHaveBeenCalled();
  });

  it("reopens the window where it was closed, and holds quitting until that is saved", async () => {
    await start();
    const first = onlyWindow();
    first.bounds = { x: 120, y: 90, width: 1000, height: 700 };
    first.close();
    const quitting = fakeEvent();
    fakeElectron.app.emit("will-quit", quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await eventually(() => expect(fakeElectron.app.quit).toHaveBeenCalled());

    resetFakeElectron();
    fakeElectron.app.paths.set("userData", userData);
    await start();
    expect(onlyWindow().options).toMatchObject({ x: 120, y: 90, width: 1000, height: 700 });
  });

  it("exports the report as a PDF from a hidden print window, to where the user chose", async () => {
    await start();
    const window = onlyWindow();
    const target = path.join(folder, "Acme report.pdf");
    fakeElectron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const job = {
      roadmapText: '{"name":"Acme"}',
      // As the renderer sends them: with the sections the dialog offered, which validation would otherwise default.
      options: {
        paperSize: "Letter",
        includeCosts: true,
        includeAppendix: false,
        sections: ["summary"],
        offeredSections: ["summary"],
      },
    };
    const exported = invoke(window, INVOKE_CHANNELS.exportPdf, { ...job, suggestedName: "Acme report" });

    await eventually(() => expect(FakeBrowserWindow.instances).toHaveLength(2));
    const printWindow = FakeBrowserWindow.instances[1] as FakeBrowserWindow;
    expect(printWindow.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true },
    });
    expect(printWindow.loadURL).toHaveBeenCalledWith("app://roadmap/index.html?view=print");
    // The app's own window may not take the print window's job.
    expect(await invoke(window, INVOKE_CHANNELS.takePrintJob)).toEqual({ error: expect.any(String) });
    expect(await invoke(printWindow, INVOKE_CHANNELS.takePrintJob)).toEqual(job);
    await invoke(printWindow, INVOKE_CHANNELS.printLayoutDone, { error: null });

    expect(await exported).toEqual({ canceled: false, handle: expect.any(String), name: "Acme report.pdf" });
    expect(printWindow.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: "Letter" }));
    expect(printWindow.isDestroyed()).toBe(true);
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]));
  });

  it("titles the window after the open roadmap", async () => {
    await start();
    const window = onlyWindow();
    await invoke(window, INVOKE_CHANNELS.setDocumentState, { title: "Acme", edited: false });
    expect(window.setTitle).toHaveBeenLastCalledWith("Acme — Relationship Roadmap");
  });

  it("asks before closing a window whose roadmap has changes not saved to its file, and saves on Save", async () => {
    await start();
    const window = onlyWindow();
    await invoke(window, INVOKE_CHANNELS.rendererReady);
    await invoke(window, INVOKE_CHANNELS.setDocumentState, { title: "Acme", edited: true });
    expect(window.setTitle).toHaveBeenLastCalledWith("• Acme — Relationship Roadmap");

    window.close();
    expect(window.isDestroyed()).toBe(false);
    await eventually(() => expect(sentOn(window, "menu:command")).toEqual(["file.save"]));
    const [, question] = fakeElectron.dialog.showMessageBox.mock.calls[0] ?? [];
    expect(question).toMatchObject({ buttons: ["Save", "Don't Save", "Cancel"] });

    await invoke(window, INVOKE_CHANNELS.setDocumentState, { title: "Acme", edited: false, afterSave: true });
    expect(window.isDestroyed()).toBe(true);
  });

  it("quits after the question only when the user asked to quit and did not cancel", async () => {
    await start({ platform: "darwin" });
    const window = onlyWindow();
    await invoke(window, INVOKE_CHANNELS.setDocumentState, { title: "Acme", edited: true });
    fakeElectron.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    fakeElectron.app.emit("before-quit", fakeEvent());
    window.close();
    await eventually(() => expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    // Let the answer (Cancel) reach the guard.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.isDestroyed()).toBe(false);

    // Later the user closes the window, without quitting, and does not save: the app keeps running (macOS).
    fakeElectron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    window.close();
    await eventually(() => expect(window.isDestroyed()).toBe(true));
    expect(fakeElectron.app.quit).not.toHaveBeenCalled();
  });
});
