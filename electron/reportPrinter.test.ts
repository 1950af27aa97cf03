import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { defaultReportOptions } from "../shared/export/reportOptions";
import { createReportPrinter, type PrintWindow } from "./reportPrinter";

const job = { roadmapText: '{"name":"Acme"}', options: { ...defaultReportOptions(), paperSize: "Letter" as const } };

function fakePrintWindow(pdf: Promise<Uint8Array> = Promise.resolve(new Uint8Array([1, 2, 3]))) {
  let destroyed = false;
  const contents = new EventEmitter();
  const events = new EventEmitter();
  const webContents = Object.assign(contents, { printToPDF: vi.fn(() => pdf) });
  const window = {
    // As Electron's: reading it from a destroyed window throws.
    get webContents() {
      if (destroyed) throw new TypeError("Object has been destroyed");
      return webContents;
    },
    once: (event: "closed", listener: () => void) => events.once(event, listener),
    emit: (event: "closed") => events.emit(event),
    /** The contents, still readable after the window is destroyed, for the tests' own checks. */
    contents: webContents,
    isDestroyed: () => destroyed,
    destroy: vi.fn(() => {
      destroyed = true;
      events.emit("closed");
    }),
  } satisfies PrintWindow & { emit(event: "closed"): boolean; contents: unknown };
  return window;
}

describe("the report printer", () => {
  it("hands the job to its hidden window once, prints when laid out, and closes the window", async () => {
    const window = fakePrintWindow();
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);

    expect(printer.isPrintWindow(window.contents)).toBe(true);
    expect(printer.takeJob(window.contents)).toEqual(job);
    expect(printer.takeJob(window.contents)).toEqual({ error: expect.any(String) });
    await printer.layoutDone(window.contents, { error: null });

    expect(await printed).toEqual({ ok: true, value: new Uint8Array([1, 2, 3]) });
    expect(window.contents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: "Letter", preferCSSPageSize: true, printBackground: true }),
    );
    expect(window.destroy).toHaveBeenCalled();
    expect(printer.isPrintWindow(window.contents)).toBe(false);
  });

  it("reports a report that could not be laid out, and prints nothing", async () => {
    const window = fakePrintWindow();
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);
    await printer.layoutDone(window.contents, { error: "the roadmap file is not valid" });
    expect(await printed).toEqual({
      ok: false,
      error: "The report could not be laid out: the roadmap file is not valid",
    });
    expect(window.contents.printToPDF).not.toHaveBeenCalled();
    expect(window.destroy).toHaveBeenCalled();
  });

  it("reports Chromium failing to print", async () => {
    const window = fakePrintWindow(Promise.reject(new Error("Printing failed")));
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);
    await printer.layoutDone(window.contents, { error: null });
    expect(await printed).toEqual({ ok: false, error: "Chromium could not print the report (Printing failed)." });
  });

  it.each([
    [
      "cannot load the app",
      (w: ReturnType<typeof fakePrintWindow>) =>
        w.contents.emit("did-fail-load", {}, -6, "ERR_FILE_NOT_FOUND", "app://", true),
    ],
    ["crashes", (w: ReturnType<typeof fakePrintWindow>) => w.contents.emit("render-process-gone")],
    ["is closed", (w: ReturnType<typeof fakePrintWindow>) => w.emit("closed")],
  ])("fails at once, not at the timeout, when its window %s", async (_case, kill) => {
    const window = fakePrintWindow();
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);
    kill(window);
    expect(await printed).toEqual({ ok: false, error: expect.stringMatching(/^The report could not be printed: /) });
    expect(printer.isPrintWindow(window.contents)).toBe(false);
  });

  it("takes an aborted navigation or a frame failing to load for no failure of the window", async () => {
    const window = fakePrintWindow();
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);
    window.contents.emit("did-fail-load", {}, -3, "ERR_ABORTED", "app://roadmap/", true);
    expect(printer.isPrintWindow(window.contents)).toBe(true);
    printer.takeJob(window.contents);
    await printer.layoutDone(window.contents, { error: null });
    expect((await printed).ok).toBe(true);
  });

  it("prints once, however often the window says it is laid out", async () => {
    const window = fakePrintWindow();
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);
    await Promise.all([
      printer.layoutDone(window.contents, { error: null }),
      printer.layoutDone(window.contents, { error: null }),
    ]);
    expect((await printed).ok).toBe(true);
    expect(window.contents.printToPDF).toHaveBeenCalledTimes(1);
  });

  it("gives up on a window that never says it is laid out", async () => {
    vi.useFakeTimers();
    try {
      const window = fakePrintWindow();
      const printer = createReportPrinter({ openPrintWindow: () => window, timeoutMs: 1000 });
      const printed = printer.printReport(job);
      vi.advanceTimersByTime(1000);
      expect(await printed).toEqual({ ok: false, error: expect.stringContaining("too long") });
      expect(window.destroy).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it("knows nothing of windows it did not open", async () => {
    const printer = createReportPrinter({ openPrintWindow: () => fakePrintWindow() });
    const stranger = {};
    expect(printer.isPrintWindow(stranger)).toBe(false);
    expect(printer.takeJob(stranger)).toEqual({ error: expect.any(String) });
    await expect(printer.layoutDone(stranger, { error: null })).resolves.toBeUndefined();
  });
});
