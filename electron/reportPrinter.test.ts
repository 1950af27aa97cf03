import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { defaultReportOptions } from "../shared/export/reportOptions";
import { createReportPrinter, type PrintWindow } from "./reportPrinter";

const job = { roadmapText: '{"name":"Acme"}', options: { ...defaultReportOptions(), paperSize: "Letter" as const } };

function fakePrintWindow(pdf: Promise<Uint8Array> = Promise.resolve(new Uint8Array([1, 2, 3]))) {
  let destroyed = false;
  const contents = new EventEmitter();
  const events = new EventEmitter();
  const window = {
    webContents: Object.assign(contents, { printToPDF: vi.fn(() => pdf) }),
    once: (event: "closed", listener: () => void) => events.once(event, listener),
    emit: (event: "closed") => events.emit(event),
    isDestroyed: () => destroyed,
    destroy: vi.fn(() => {
      destroyed = true;
      events.emit("closed");
    }),
  } satisfies PrintWindow & { emit(event: "closed"): boolean };
  return window;
}

describe("the report printer", () => {
  it("hands the job to its hidden window once, prints when laid out, and closes the window", async () => {
    const window = fakePrintWindow();
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);

    expect(printer.isPrintWindow(window.webContents)).toBe(true);
    expect(printer.takeJob(window.webContents)).toEqual(job);
    expect(printer.takeJob(window.webContents)).toEqual({ error: expect.any(String) });
    await printer.layoutDone(window.webContents, { error: null });

    expect(await printed).toEqual({ ok: true, value: new Uint8Array([1, 2, 3]) });
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: "Letter", preferCSSPageSize: true, printBackground: true }),
    );
    expect(window.destroy).toHaveBeenCalled();
    expect(printer.isPrintWindow(window.webContents)).toBe(false);
  });

  it("reports a report that could not be laid out, and prints nothing", async () => {
    const window = fakePrintWindow();
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);
    await printer.layoutDone(window.webContents, { error: "the roadmap file is not valid" });
    expect(await printed).toEqual({
      ok: false,
      error: "The report could not be laid out: the roadmap file is not valid",
    });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(window.destroy).toHaveBeenCalled();
  });

  it("reports Chromium failing to print", async () => {
    const window = fakePrintWindow(Promise.reject(new Error("Printing failed")));
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);
    await printer.layoutDone(window.webContents, { error: null });
    expect(await printed).toEqual({ ok: false, error: "Chromium could not print the report (Printing failed)." });
  });

  it.each([
    ["cannot load the app", (w: ReturnType<typeof fakePrintWindow>) => w.webContents.emit("did-fail-load")],
    ["crashes", (w: ReturnType<typeof fakePrintWindow>) => w.webContents.emit("render-process-gone")],
    ["is closed", (w: ReturnType<typeof fakePrintWindow>) => w.emit("closed")],
  ])("fails at once, not at the timeout, when its window %s", async (_case, kill) => {
    const window = fakePrintWindow();
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);
    kill(window);
    expect(await printed).toEqual({ ok: false, error: expect.stringMatching(/^The report could not be printed: /) });
    expect(printer.isPrintWindow(window.webContents)).toBe(false);
  });

  it("prints once, however often the window says it is laid out", async () => {
    const window = fakePrintWindow();
    const printer = createReportPrinter({ openPrintWindow: () => window });
    const printed = printer.printReport(job);
    await Promise.all([
      printer.layoutDone(window.webContents, { error: null }),
      printer.layoutDone(window.webContents, { error: null }),
    ]);
    expect((await printed).ok).toBe(true);
    expect(window.webContents.printToPDF).toHaveBeenCalledTimes(1);
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
