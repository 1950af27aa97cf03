import { errorMessage } from "../node/errors";
import type { PaperSize } from "../shared/export/reportOptions";
import type { PrintJob, PrintJobResult, PrintLayoutResult } from "../shared/ipc/contract";
import { err, ok, type Result } from "../shared/result";

/** The parts of a hidden BrowserWindow the printer uses. */
export interface PrintWindow {
  readonly webContents: {
    printToPDF(options: {
      pageSize: PaperSize;
      preferCSSPageSize: boolean;
      printBackground: boolean;
      generateDocumentOutline: boolean;
    }): Promise<Uint8Array>;
    on(
      event: "did-fail-load",
      listener: (
        event: unknown,
        errorCode: number,
        errorDescription: string,
        url: string,
        isMainFrame: boolean,
      ) => void,
    ): unknown;
    once(event: "render-process-gone", listener: () => void): unknown;
  };
  once(event: "closed", listener: () => void): unknown;
  isDestroyed(): boolean;
  destroy(): void;
}

export interface ReportPrinterOptions {
  /** A hidden window showing the app's print view, which asks for its job with `takeJob`. */
  openPrintWindow(): PrintWindow;
  /** A report that has not laid itself out by then never will: a bug, not a slow machine. */
  timeoutMs?: number;
}

interface PendingPrint {
  readonly window: PrintWindow;
  readonly contents: PrintWindow["webContents"];
  readonly job: PrintJob;
  jobTaken: boolean;
  /** printToPDF is running: a second "laid out" must not print again. */
  printing: boolean;
  finish(result: Result<Uint8Array, string>): void;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Prints the executive report with Chromium's own PDF engine: a hidden
 * window lays the report out with the print stylesheet, says when it is done,
 * and `printToPDF` turns it into pages. One window per report, destroyed
 * afterwards, so a failed print leaves nothing behind.
 */
export function createReportPrinter(options: ReportPrinterOptions) {
  const pending = new Map<unknown, PendingPrint>();

  const printReport = (job: PrintJob): Promise<Result<Uint8Array, string>> =>
    new Promise((resolve) => {
      const window = options.openPrintWindow();
      // Kept: a destroyed BrowserWindow throws when its webContents is read.
      const contents = window.webContents;
      const timer = setTimeout(
        () => print.finish(err("The report took too long to lay out, so no PDF was made.")),
        options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      );
      let finished = false;
      const print: PendingPrint = {
        window,
        contents,
        job,
        jobTaken: false,
        printing: false,
        finish: (result) => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          pending.delete(contents);
          if (!window.isDestroyed()) window.destroy();
          resolve(result);
        },
      };
      pending.set(contents, print);
      // A window that cannot load, crashes or is closed will never say it is laid out: fail now, not at the timeout.
      const gone = (why: string) => print.finish(err(`The report could not be printed: ${why}.`));
      contents.on("did-fail-load", (_event, code, description, _url, isMainFrame) => {
        // An aborted navigation (-3) is not a failure to load.
        if (isMainFrame && code !== -3) gone(`its window could not load the app (${description})`);
      });
      contents.once("render-process-gone", () => gone("its window stopped"));
      window.once("closed", () => gone("its window was closed"));
    });

  return {
    printReport,

    /** Whether `contents` belongs to a print window this printer opened and still waits for. */
    isPrintWindow: (contents: unknown): boolean => pending.has(contents),

    /** The job for the print window that asks; a window gets its job once. */
    takeJob(contents: unknown): PrintJobResult {
      const print = pending.get(contents);
      if (!print || print.jobTaken) return { error: "There is no report to print in this window." };
      print.jobTaken = true;
      return print.job;
    },

    /** The print window laid its report out (or could not): print it, or pass the failure on. */
    async layoutDone(contents: unknown, layout: PrintLayoutResult): Promise<void> {
      const print = pending.get(contents);
      if (!print || print.printing) return;
      if (layout.error !== null) {
        print.finish(err(`The report could not be laid out: ${layout.error}`));
        return;
      }
      print.printing = true;
      try {
        const pdf = await print.contents.printToPDF({
          pageSize: print.job.options.paperSize,
          preferCSSPageSize: true,
          printBackground: true,
          generateDocumentOutline: true,
        });
        print.finish(ok(new Uint8Array(pdf)));
      } catch (error) {
        print.finish(err(`Chromium could not print the report (${errorMessage(error)}).`));
      }
    },
  };
}

export type ReportPrinter = ReturnType<typeof createReportPrinter>;
