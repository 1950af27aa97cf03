import { beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_TABLE_FILE_BYTES } from "../shared/import/tableLimits";
import type { DesktopApi } from "../shared/ipc/contract";
import { fakeElectron } from "./test/fakeElectron";

vi.mock("electron", async () => (await import("./test/fakeElectron")).fakeElectron);

let api: DesktopApi;
const ipc = () => fakeElectron.ipcRenderer;

beforeAll(async () => {
  await import("./preload");
  const [key, exposed] = fakeElectron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe("roadmapDesktop");
  api = exposed as DesktopApi;
});

describe("the exposed API", () => {
  it("has exactly the contract's named methods and no way to reach ipcRenderer", () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        "exportPdf",
        "onFileOpened",
        "onMenuCommand",
        "openFile",
        "openTableFile",
        "printLayoutDone",
        "rendererReady",
        "saveFile",
        "setCheckedCommands",
        "setDocumentState",
        "takePrintJob",
      ].sort(),
    );
    expect(Object.values(api).every((value) => typeof value === "function")).toBe(true);
    expect(Object.values(api)).not.toContain(fakeElectron.ipcRenderer);
  });

  it("invokes the contract's channels", async () => {
    ipc().invoke.mockResolvedValueOnce({ canceled: true });
    expect(await api.openFile({ kind: "roadmap" })).toEqual({ canceled: true });
    expect(ipc().invoke).toHaveBeenLastCalledWith("file:open", { kind: "roadmap" });

    ipc().invoke.mockResolvedValueOnce({ canceled: false, handle: "h1", name: "Acme.roadmap" });
    const request = { kind: "roadmap", contents: "{}", suggestedName: "Acme", handle: null } as const;
    expect(await api.saveFile(request)).toEqual({ canceled: false, handle: "h1", name: "Acme.roadmap" });
    expect(ipc().invoke).toHaveBeenLastCalledWith("file:save", request);

    await api.setDocumentState({ title: "Acme", edited: true, afterSave: false, library: "saved" });
    expect(ipc().invoke).toHaveBeenLastCalledWith("window:set-document-state", {
      title: "Acme",
      edited: true,
      afterSave: false,
      library: "saved",
    });

    await api.rendererReady();
    expect(ipc().invoke).toHaveBeenLastCalledWith("app:renderer-ready");

    const job = {
      roadmapText: "{}",
      options: {
        paperSize: "A4" as const,
        includeCosts: true,
        includeAppendix: false,
        sections: ["summary" as const],
        offeredSections: ["summary"],
      },
    };
    ipc().invoke.mockResolvedValueOnce(job);
    expect(await api.takePrintJob()).toEqual(job);
    expect(ipc().invoke).toHaveBeenLastCalledWith("print:take-job", undefined);

    await api.printLayoutDone({ error: null });
    expect(ipc().invoke).toHaveBeenLastCalledWith("print:layout-done", { error: null });

    ipc().invoke.mockResolvedValueOnce({ canceled: true });
    expect(await api.exportPdf({ ...job, suggestedName: "Acme" })).toEqual({ canceled: true });
    expect(ipc().invoke).toHaveBeenLastCalledWith("export:pdf", { ...job, suggestedName: "Acme" });
  });

  it("asks main for a spreadsheet and passes its bytes on, refusing a malformed or oversized answer", async () => {
    const bytes = new TextEncoder().encode("Phase\nOnboarding\n");
    ipc().invoke.mockResolvedValueOnce({ canceled: false, file: { name: "answers.csv", bytes } });
    expect(await api.openTableFile()).toEqual({ canceled: false, file: { name: "answers.csv", bytes } });
    expect(ipc().invoke).toHaveBeenLastCalledWith("file:open-table", undefined);

    ipc().invoke.mockResolvedValueOnce({ canceled: false, file: { name: "answers.csv", bytes: "Phase" } });
    expect(await api.openTableFile()).toEqual({ error: expect.any(String) });
    const huge = new Uint8Array(MAX_TABLE_FILE_BYTES + 1);
    ipc().invoke.mockResolvedValueOnce({ canceled: false, file: { name: "huge.csv", bytes: huge } });
    expect(await api.openTableFile()).toEqual({ error: expect.any(String) });
  });

  it("turns a malformed or failed answer from main into an error value", async () => {
    ipc().invoke.mockResolvedValueOnce({ canceled: false, file: { handle: "", name: 1 } });
    expect(await api.openFile({ kind: "roadmap" })).toEqual({ error: expect.any(String) });
    ipc().invoke.mockRejectedValueOnce(new Error("No handler registered for 'file:save'"));
    expect(await api.saveFile({ kind: "roadmap", contents: "{}", suggestedName: "Acme", handle: null })).toEqual({
      error: expect.any(String),
    });
  });

  it("resolves calls with nothing to answer even when main refuses them", async () => {
    ipc().invoke.mockResolvedValueOnce({ error: "refused" });
    await expect(
      api.setDocumentState({ title: null, edited: false, afterSave: false, library: "saved" }),
    ).resolves.toBeUndefined();
    ipc().invoke.mockRejectedValueOnce(new Error("gone"));
    await expect(api.rendererReady()).resolves.toBeUndefined();
  });
});

describe("subscriptions", () => {
  it("passes valid menu commands on and drops anything else", () => {
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    ipc().deliver("menu:command", "file.save");
    ipc().deliver("menu:command", "shell.exec");
    ipc().deliver("menu:command", { command: "file.save" });
    expect(listener.mock.calls).toEqual([["file.save"]]);
    unsubscribe();
  });

  it("passes valid opened files on and drops malformed ones", () => {
    const listener = vi.fn();
    const unsubscribe = api.onFileOpened(listener);
    const file = { handle: "h1", name: "Acme.roadmap", text: "{}", sizeInBytes: 2 };
    ipc().deliver("file:opened", file);
    ipc().deliver("file:opened", { ...file, sizeInBytes: -1 });
    ipc().deliver("file:opened", { ...file, handle: "" });
    ipc().deliver("file:opened", "/etc/passwd");
    expect(listener.mock.calls).toEqual([[file]]);
    unsubscribe();
  });

  it("stops delivering after unsubscribing, leaving other listeners alone", () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = api.onMenuCommand(first);
    const unsubscribeSecond = api.onMenuCommand(second);
    unsubscribeFirst();
    ipc().deliver("menu:command", "edit.undo");
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith("edit.undo");
    unsubscribeSecond();
    expect(ipc().listenerCount("menu:command")).toBe(0);
  });
});
