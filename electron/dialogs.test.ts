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

  it.each([
    ["xlsx", "Acme budget.roadmap", "Excel workbook", "Acme budget.roadmap.xlsx"],
    ["pptx", "Acme lifecycle – slides", "PowerPoint presentation", "Acme lifecycle – slides.pptx"],
  ] as const)("offer an export under its own extension and filter: %s", async (kind, suggested, description, file) => {
    const { dialog, dialogs } = setUp();
    await dialogs.chooseSaveTarget(kind, suggested);
    const [, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(options).toMatchObject({
      title: `Export ${description}`,
      defaultPath: path.join("/home/ann/Documents", file),
      filters: [{ name: description, extensions: [kind] }],
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
