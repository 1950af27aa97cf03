import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { defaultReportOptions } from "../shared/export/reportOptions";
import { MAX_TABLE_FILE_BYTES } from "../shared/import/tableLimits";
import {
  INVOKE_CHANNELS,
  OpenFileResultSchema,
  OpenTableFileResultSchema,
  type SaveFileRequest,
  SaveFileResultSchema,
} from "../shared/ipc/contract";
import { err, ok } from "../shared/result";
import type { FileDialogs } from "./dialogs";
import { FileHandles } from "./fileHandles";
import {
  createIpcHandlers,
  EXPORT_HANDLE,
  FOREIGN_SENDER_ERROR,
  type IpcDeps,
  type IpcSender,
  MALFORMED_REQUEST_ERROR,
} from "./ipc";

const APP_URL = "app://roadmap/index.html";
const ourContents = { id: 1 };
const trusted: IpcSender = { sender: ourContents, senderFrame: { url: APP_URL, parent: null } };
const printContents = { id: 7 };
const fromPrintWindow: IpcSender = {
  sender: printContents,
  senderFrame: { url: `${APP_URL}?view=print`, parent: null },
};
const TABLE_BYTES = new TextEncoder().encode("Phase;trust-1\nOnboarding;4\n");
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
const printJob = { roadmapText: "{}", options: defaultReportOptions() };
const pdfRequest = { roadmapText: "{}", options: defaultReportOptions(), suggestedName: "Acme report" };

function setUp(trustedContents: unknown = ourContents) {
  const deps = {
    trustedContents: () => trustedContents,
    isAppUrl: (url: string) => url.startsWith("app://roadmap/"),
    dialogs: {
      chooseFileToOpen: vi.fn<FileDialogs["chooseFileToOpen"]>(async () => "/home/ann/Acme.roadmap"),
      chooseSaveTarget: vi.fn<FileDialogs["chooseSaveTarget"]>(async () => "/home/ann/Chosen.roadmap"),
      chooseTableToOpen: vi.fn<FileDialogs["chooseTableToOpen"]>(async () => "/home/ann/answers.csv"),
    },
    readFile: vi.fn<IpcDeps["readFile"]>(async (filePath) =>
      ok({ name: path.basename(filePath), text: "{}", sizeInBytes: 2 }),
    ),
    readTableFile: vi.fn<IpcDeps["readTableFile"]>(async (filePath) =>
      ok({ name: path.basename(filePath), bytes: TABLE_BYTES }),
    ),
    writeFile: vi.fn<IpcDeps["writeFile"]>(async () => ok(undefined)),
    handles: new FileHandles(),
    fileChosen: vi.fn<IpcDeps["fileChosen"]>(),
    showDocumentState: vi.fn<IpcDeps["showDocumentState"]>(),
    showCheckedCommands: vi.fn<IpcDeps["showCheckedCommands"]>(),
    rendererReady: vi.fn<IpcDeps["rendererReady"]>(),
    printer: {
      printReport: vi.fn<IpcDeps["printer"]["printReport"]>(async () => ok(PDF_BYTES)),
      isPrintWindow: vi.fn<IpcDeps["printer"]["isPrintWindow"]>((contents) => contents === printContents),
      takeJob: vi.fn<IpcDeps["printer"]["takeJob"]>(() => printJob),
      layoutDone: vi.fn<IpcDeps["printer"]["layoutDone"]>(async () => undefined),
    },
  } satisfies IpcDeps;
  return { deps, handlers: createIpcHandlers(deps) };
}

const saveRequest = (handle: string | null): SaveFileRequest => ({
  kind: "roadmap",
  contents: '{"type":"roadmap"}',
  suggestedName: "Acme",
  handle,
});

const validPayloads = {
  [INVOKE_CHANNELS.openFile]: { kind: "roadmap" },
  [INVOKE_CHANNELS.openTableFile]: undefined,
  [INVOKE_CHANNELS.saveFile]: saveRequest(null),
  [INVOKE_CHANNELS.setDocumentState]: { title: "Acme", edited: true },
  [INVOKE_CHANNELS.setCheckedCommands]: { "view.showCosts": false },
  [INVOKE_CHANNELS.rendererReady]: undefined,
  [INVOKE_CHANNELS.exportPdf]: pdfRequest,
  [INVOKE_CHANNELS.takePrintJob]: undefined,
  [INVOKE_CHANNELS.printLayoutDone]: { error: null },
};
const channels = Object.values(INVOKE_CHANNELS);

function touchedAnything(deps: ReturnType<typeof setUp>["deps"]) {
  return [
    deps.dialogs.chooseFileToOpen,
    deps.dialogs.chooseSaveTarget,
    deps.dialogs.chooseTableToOpen,
    deps.readFile,
    deps.readTableFile,
    deps.writeFile,
    deps.fileChosen,
    deps.showDocumentState,
    deps.showCheckedCommands,
    deps.rendererReady,
    deps.printer.printReport,
    deps.printer.takeJob,
    deps.printer.layoutDone,
  ].some((spy) => spy.mock.calls.length > 0);
}

describe("sender check", () => {
  const foreignSenders: [string, IpcSender][] = [
    ["another webContents", { sender: { id: 2 }, senderFrame: { url: APP_URL, parent: null } }],
    [
      "a page that is not the app",
      { sender: ourContents, senderFrame: { url: "https://evil.example/", parent: null } },
    ],
    ["a file page", { sender: ourContents, senderFrame: { url: "file:///home/ann/x.html", parent: null } }],
    ["an embedded frame", { sender: ourContents, senderFrame: { url: APP_URL, parent: {} } }],
    ["a frame that is gone", { sender: ourContents, senderFrame: null }],
  ];

  it.each(channels)("%s refuses every foreign sender and does nothing", async (channel) => {
    for (const [, sender] of foreignSenders) {
      const { deps, handlers } = setUp();
      expect(await handlers[channel](sender, validPayloads[channel])).toEqual({ error: FOREIGN_SENDER_ERROR });
      expect(touchedAnything(deps)).toBe(false);
    }
  });

  it("refuses everyone while there is no window", async () => {
    const { deps, handlers } = setUp(null);
    expect(await handlers[INVOKE_CHANNELS.openFile](trusted, { kind: "roadmap" })).toEqual({
      error: FOREIGN_SENDER_ERROR,
    });
    expect(deps.dialogs.chooseFileToOpen).not.toHaveBeenCalled();
  });
});

describe("malformed payloads", () => {
  const malformed: Record<(typeof channels)[number], unknown[]> = {
    [INVOKE_CHANNELS.openFile]: [undefined, null, "roadmap", { kind: "image" }, { kind: 1 }],
    [INVOKE_CHANNELS.openTableFile]: [null, "/etc/passwd", { path: "/home/ann/answers.csv" }],
    [INVOKE_CHANNELS.saveFile]: [
      undefined,
      { ...saveRequest(null), contents: 42 },
      { ...saveRequest(null), kind: "exe" },
      { ...saveRequest(null), suggestedName: "" },
      { ...saveRequest(null), handle: undefined },
      { ...saveRequest(null), handle: "x".repeat(101) },
      { ...saveRequest(null), path: "/etc/passwd", handle: "" },
      { kind: "roadmap", contents: "t", suggestedName: "n" },
    ],
    [INVOKE_CHANNELS.exportPdf]: [
      undefined,
      { ...pdfRequest, options: { paperSize: "A3" } },
      { ...pdfRequest, options: { sections: ["everything"] } },
      { ...pdfRequest, roadmapText: 5 },
      { ...pdfRequest, suggestedName: "" },
    ],
    [INVOKE_CHANNELS.setDocumentState]: [
      undefined,
      { title: 3, edited: false },
      { title: "x".repeat(301), edited: true },
    ],
    [INVOKE_CHANNELS.setCheckedCommands]: [undefined, { "view.showCosts": "no" }, { "file.save": true }],
    [INVOKE_CHANNELS.rendererReady]: [{ ready: true }, "now"],
    [INVOKE_CHANNELS.takePrintJob]: [{ job: 1 }, "now"],
    [INVOKE_CHANNELS.printLayoutDone]: [undefined, { error: 3 }, { done: true }],
  };
  const printChannels: readonly string[] = [INVOKE_CHANNELS.takePrintJob, INVOKE_CHANNELS.printLayoutDone];

  it.each(channels)("%s answers malformed payloads with an error and touches nothing", async (channel) => {
    for (const payload of malformed[channel]) {
      const { deps, handlers } = setUp();
      const sender = printChannels.includes(channel) ? fromPrintWindow : trusted;
      expect(await handlers[channel](sender, payload)).toEqual({ error: MALFORMED_REQUEST_ERROR });
      expect(touchedAnything(deps)).toBe(false);
    }
  });
});

describe("file:open-table", () => {
  const open = (handlers: ReturnType<typeof setUp>["handlers"]) =>
    handlers[INVOKE_CHANNELS.openTableFile](trusted, undefined);

  it("returns the chosen spreadsheet's name and bytes, no path and no handle, and leaves the recent roadmaps alone", async () => {
    const { deps, handlers } = setUp();
    const result = await open(handlers);
    expect(OpenTableFileResultSchema.parse(result)).toEqual({
      canceled: false,
      file: { name: "answers.csv", bytes: TABLE_BYTES },
    });
    expect(JSON.stringify(result)).not.toContain("/home/ann");
    expect(deps.readTableFile).toHaveBeenCalledWith("/home/ann/answers.csv");
    expect(deps.fileChosen).not.toHaveBeenCalled();
  });

  it("reports a cancelled dialog without reading anything", async () => {
    const { deps, handlers } = setUp();
    deps.dialogs.chooseTableToOpen.mockResolvedValue(null);
    expect(await open(handlers)).toEqual({ canceled: true });
    expect(deps.readTableFile).not.toHaveBeenCalled();
  });

  it("passes on a refusal to read as an error value", async () => {
    const { deps, handlers } = setUp();
    deps.readTableFile.mockResolvedValue(err("You don't have permission to open “answers.csv”."));
    expect(await open(handlers)).toEqual({ error: "You don't have permission to open “answers.csv”." });
  });

  it("answers with an error rather than bytes over the import's size limit", async () => {
    const { deps, handlers } = setUp();
    deps.readTableFile.mockResolvedValue(ok({ name: "huge.csv", bytes: new Uint8Array(MAX_TABLE_FILE_BYTES + 1) }));
    expect(await open(handlers)).toEqual({ error: "The answer did not fit the expected format." });
  });
});

describe("file:open", () => {
  const open = (handlers: ReturnType<typeof setUp>["handlers"]) =>
    handlers[INVOKE_CHANNELS.openFile](trusted, { kind: "roadmap" });

  it("returns the chosen file with a handle, and no path", async () => {
    const { deps, handlers } = setUp();
    const result = await open(handlers);
    expect(OpenFileResultSchema.parse(result)).toEqual({
      canceled: false,
      file: { handle: expect.any(String), name: "Acme.roadmap", text: "{}", sizeInBytes: 2 },
    });
    expect(JSON.stringify(result)).not.toContain("/home/ann");
    expect(deps.readFile).toHaveBeenCalledWith("/home/ann/Acme.roadmap");
    expect(deps.fileChosen).toHaveBeenCalledWith("/home/ann/Acme.roadmap");
  });

  it("reports a cancelled dialog", async () => {
    const { deps, handlers } = setUp();
    deps.dialogs.chooseFileToOpen.mockResolvedValue(null);
    expect(await open(handlers)).toEqual({ canceled: true });
    expect(deps.readFile).not.toHaveBeenCalled();
  });

  it("passes on a refusal to read (such as a file over 20 MB) as an error, without a handle", async () => {
    const { deps, handlers } = setUp();
    deps.readFile.mockResolvedValue(err("“huge.roadmap” is larger than 20 MB, too large to be a roadmap."));
    expect(await open(handlers)).toEqual({ error: "“huge.roadmap” is larger than 20 MB, too large to be a roadmap." });
    expect(deps.fileChosen).not.toHaveBeenCalled();
  });

  it("turns a failing dialog into an error value instead of throwing", async () => {
    const { deps, handlers } = setUp();
    deps.dialogs.chooseFileToOpen.mockRejectedValue(new Error("dialog broke"));
    expect(await open(handlers)).toEqual({ error: "Something went wrong: dialog broke" });
  });
});

describe("file:save", () => {
  const save = (handlers: ReturnType<typeof setUp>["handlers"], request: unknown) =>
    handlers[INVOKE_CHANNELS.saveFile](trusted, request);

  it("writes straight to the file behind a handle it gave out", async () => {
    const { deps, handlers } = setUp();
    const opened = OpenFileResultSchema.parse(await handlers[INVOKE_CHANNELS.openFile](trusted, { kind: "roadmap" }));
    if (!("file" in opened)) throw new Error("expected a file");

    const result = await save(handlers, saveRequest(opened.file.handle));
    expect(SaveFileResultSchema.parse(result)).toEqual({
      canceled: false,
      handle: opened.file.handle,
      name: "Acme.roadmap",
    });
    expect(deps.dialogs.chooseSaveTarget).not.toHaveBeenCalled();
    expect(deps.writeFile).toHaveBeenCalledWith("/home/ann/Acme.roadmap", '{"type":"roadmap"}');
  });

  it.each([
    ["no handle (Save As)", null],
    ["a handle it never gave out", "made-up-handle"],
  ])("asks where to save for %s, and writes only where the user chose", async (_case, handle) => {
    const { deps, handlers } = setUp();
    const result = await save(handlers, saveRequest(handle));
    expect(deps.dialogs.chooseSaveTarget).toHaveBeenCalledWith("roadmap", "Acme");
    expect(deps.writeFile).toHaveBeenCalledTimes(1);
    expect(deps.writeFile).toHaveBeenCalledWith("/home/ann/Chosen.roadmap", expect.any(String));
    expect(SaveFileResultSchema.parse(result)).toEqual({
      canceled: false,
      handle: expect.any(String),
      name: "Chosen.roadmap",
    });
  });

  it("never writes to a path the renderer names itself", async () => {
    const { deps, handlers } = setUp();
    deps.dialogs.chooseSaveTarget.mockResolvedValue(null);
    for (const handle of ["/etc/passwd", "../../secret.roadmap", "C:\\Windows\\system.ini"]) {
      expect(await save(handlers, saveRequest(handle))).toEqual({ canceled: true });
    }
    expect(await save(handlers, { ...saveRequest(null), suggestedName: "/etc/passwd" })).toEqual({ canceled: true });
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it("does not write when the dialog is cancelled", async () => {
    const { deps, handlers } = setUp();
    deps.dialogs.chooseSaveTarget.mockResolvedValue(null);
    expect(await save(handlers, saveRequest(null))).toEqual({ canceled: true });
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it("hands out a handle after Save As that later saves without asking", async () => {
    const { deps, handlers } = setUp();
    const first = SaveFileResultSchema.parse(await save(handlers, saveRequest(null)));
    if (!("handle" in first)) throw new Error("expected a handle");
    await save(handlers, saveRequest(first.handle));
    expect(deps.dialogs.chooseSaveTarget).toHaveBeenCalledTimes(1);
    expect(deps.writeFile).toHaveBeenLastCalledWith("/home/ann/Chosen.roadmap", expect.any(String));
  });

  it("passes on a failed write as the error sentence and hands out no handle", async () => {
    const { deps, handlers } = setUp();
    deps.writeFile.mockResolvedValue(
      err("The disk is full, so the file could not be saved. Free some space and try again."),
    );
    expect(await save(handlers, saveRequest(null))).toEqual({
      error: "The disk is full, so the file could not be saved. Free some space and try again.",
    });
    expect(deps.fileChosen).not.toHaveBeenCalled();
  });
});

describe("file:save of an export", () => {
  it("always asks where, writes the bytes, and keeps exports out of the recent roadmaps", async () => {
    const { deps, handlers } = setUp();
    deps.dialogs.chooseSaveTarget.mockResolvedValue("/home/ann/Acme budget.xlsx");
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const result = await handlers[INVOKE_CHANNELS.saveFile](trusted, {
      kind: "xlsx",
      contents: bytes,
      suggestedName: "Acme budget",
      handle: null,
    });
    expect(result).toEqual({ canceled: false, handle: EXPORT_HANDLE, name: "Acme budget.xlsx" });
    expect(deps.dialogs.chooseSaveTarget).toHaveBeenCalledWith("xlsx", "Acme budget");
    expect(deps.writeFile).toHaveBeenCalledWith("/home/ann/Acme budget.xlsx", bytes);
    expect(deps.fileChosen).not.toHaveBeenCalled();
  });

  it("gives an export no handle a roadmap could later be saved over", async () => {
    const { deps, handlers } = setUp();
    deps.dialogs.chooseSaveTarget.mockResolvedValueOnce("/home/ann/Plan.csv");
    const request = { kind: "csv", contents: "a,b", suggestedName: "Plan", handle: null };
    const first = SaveFileResultSchema.parse(await handlers[INVOKE_CHANNELS.saveFile](trusted, request));
    if (!("handle" in first)) throw new Error("expected a handle");
    await handlers[INVOKE_CHANNELS.saveFile](trusted, saveRequest(first.handle));
    expect(deps.dialogs.chooseSaveTarget).toHaveBeenCalledTimes(2);
    expect(deps.writeFile).not.toHaveBeenCalledWith("/home/ann/Plan.csv", '{"type":"roadmap"}');
  });
});

describe("export:pdf and the print window", () => {
  it("asks where first, prints the report, then writes the PDF there", async () => {
    const { deps, handlers } = setUp();
    deps.dialogs.chooseSaveTarget.mockResolvedValue("/home/ann/Acme report.pdf");
    const result = await handlers[INVOKE_CHANNELS.exportPdf](trusted, pdfRequest);
    expect(result).toEqual({ canceled: false, handle: EXPORT_HANDLE, name: "Acme report.pdf" });
    expect(deps.dialogs.chooseSaveTarget).toHaveBeenCalledWith("pdf", "Acme report");
    expect(deps.printer.printReport).toHaveBeenCalledWith({ roadmapText: "{}", options: pdfRequest.options });
    expect(deps.writeFile).toHaveBeenCalledWith("/home/ann/Acme report.pdf", PDF_BYTES);
  });

  it("prints nothing when the dialog is cancelled", async () => {
    const { deps, handlers } = setUp();
    deps.dialogs.chooseSaveTarget.mockResolvedValue(null);
    expect(await handlers[INVOKE_CHANNELS.exportPdf](trusted, pdfRequest)).toEqual({ canceled: true });
    expect(deps.printer.printReport).not.toHaveBeenCalled();
  });

  it("passes a failed print on as its sentence and writes nothing", async () => {
    const { deps, handlers } = setUp();
    deps.printer.printReport.mockResolvedValue(err("The report took too long to lay out, so no PDF was made."));
    expect(await handlers[INVOKE_CHANNELS.exportPdf](trusted, pdfRequest)).toEqual({
      error: "The report took too long to lay out, so no PDF was made.",
    });
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it("gives the print window its job and hears when it is laid out", async () => {
    const { deps, handlers } = setUp();
    expect(await handlers[INVOKE_CHANNELS.takePrintJob](fromPrintWindow, undefined)).toEqual(printJob);
    await handlers[INVOKE_CHANNELS.printLayoutDone](fromPrintWindow, { error: null });
    expect(deps.printer.layoutDone).toHaveBeenCalledWith(printContents, { error: null });
  });

  it("keeps the app's own window away from the print channels", async () => {
    const { deps, handlers } = setUp();
    expect(await handlers[INVOKE_CHANNELS.takePrintJob](trusted, undefined)).toEqual({ error: FOREIGN_SENDER_ERROR });
    expect(deps.printer.takeJob).not.toHaveBeenCalled();
  });
});

describe("menu:set-checked-commands", () => {
  it("passes the renderer's settings on to the menu's check marks", async () => {
    const { deps, handlers } = setUp();
    expect(await handlers[INVOKE_CHANNELS.setCheckedCommands](trusted, { "view.showCosts": false })).toBeUndefined();
    expect(deps.showCheckedCommands).toHaveBeenCalledWith({ "view.showCosts": false });
  });
});

describe("window:set-document-state and app:renderer-ready", () => {
  it("passes the document state on", async () => {
    const { deps, handlers } = setUp();
    expect(await handlers[INVOKE_CHANNELS.setDocumentState](trusted, { title: "Acme", edited: true })).toBeUndefined();
    expect(deps.showDocumentState).toHaveBeenCalledWith({
      title: "Acme",
      edited: true,
      afterSave: false,
      library: "saved",
    });
  });

  it("reports that the renderer is ready", async () => {
    const { deps, handlers } = setUp();
    expect(await handlers[INVOKE_CHANNELS.rendererReady](trusted, undefined)).toBeUndefined();
    expect(deps.rendererReady).toHaveBeenCalledTimes(1);
  });
});
