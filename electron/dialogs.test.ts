import path from "node:path";
import type { BrowserWindow } from "electron";
import { describe, expect, it, vi } from "vitest";
import { createFileDialogs } from "./dialogs";

function setUp(parent: BrowserWindow | null = {} as BrowserWindow) {
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ["/home/ann/Acme.roadmap"] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: "/home/ann/Acme.roadmap" })),
  };
  return {
    dialog,
    dialogs: createFileDialogs(
      dialog,
      () => parent,
      () => "/home/ann/Documents",
    ),
  };
}

describe("file dialogs", () => {
  it("open only .roadmap files, attached to the window", async () => {
    const parent = {} as BrowserWindow;
    const { dialog, dialogs } = setUp(parent);
    expect(await dialogs.chooseFileToOpen()).toBe("/home/ann/Acme.roadmap");
    const [window, options] = dialog.showOpenDialog.mock.calls[0] ?? [];
    expect(window).toBe(parent);
    expect(options).toMatchObject({
      properties: ["openFile"],
      filters: [{ name: "Relationship Roadmap", extensions: ["roadmap"] }],
    });
  });

  it("open a spreadsheet to import from, CSV and Excel files offered first", async () => {
    const parent = {} as BrowserWindow;
    const { dialog, dialogs } = setUp(parent);
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ["/home/ann/answers.xlsx"] });
    expect(await dialogs.chooseTableToOpen()).toBe("/home/ann/answers.xlsx");
    const [window, options] = dialog.showOpenDialog.mock.calls[0] ?? [];
    expect(window).toBe(parent);
    expect(options).toMatchObject({
      defaultPath: "/home/ann/Documents",
      properties: ["openFile"],
      filters: [{ extensions: ["csv", "tsv", "txt", "xlsx"] }, { extensions: ["*"] }],
    });
  });

  it("suggest a bare .roadmap name in the default folder, whatever name the renderer proposed", async () => {
    const { dialog, dialogs } = setUp();
    await dialogs.chooseSaveTarget("roadmap", "../../etc/passwd");
    const [, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(options).toMatchObject({ defaultPath: path.join("/home/ann/Documents", "etc passwd.roadmap") });
  });

  it("offer an export under its own extension and filter", async () => {
    const { dialog, dialogs } = setUp();
    await dialogs.chooseSaveTarget("xlsx", "Acme budget.roadmap");
    const [, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(options).toMatchObject({
      title: "Export Excel workbook",
      defaultPath: path.join("/home/ann/Documents", "Acme budget.roadmap.xlsx"),
      filters: [{ name: "Excel workbook", extensions: ["xlsx"] }],
    });
  });

  it("offer the slide deck as a PowerPoint presentation under .pptx", async () => {
    const { dialog, dialogs } = setUp();
    await dialogs.chooseSaveTarget("pptx", "Acme lifecycle – slides");
    const [, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(options).toMatchObject({
      title: "Export PowerPoint presentation",
      defaultPath: path.join("/home/ann/Documents", "Acme lifecycle – slides.pptx"),
      filters: [{ name: "PowerPoint presentation", extensions: ["pptx"] }],
    });
  });

  it("report cancelling as null", async () => {
    const { dialog, dialogs } = setUp(null);
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: "" });
    expect(await dialogs.chooseFileToOpen()).toBeNull();
    expect(await dialogs.chooseTableToOpen()).toBeNull();
    expect(await dialogs.chooseSaveTarget("roadmap", "Acme")).toBeNull();
  });
});
