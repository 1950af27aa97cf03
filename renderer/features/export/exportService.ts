import type { Roadmap } from "../../../shared/model";
import { err, ok, type Result } from "../../../shared/result";
import type { DataExportRequest } from "./exportFormats";

/** Builds workbooks, CSV and calendars; a worker keeps a large roadmap's export from freezing the window. */
export interface ExportService {
  build(roadmap: Roadmap, request: DataExportRequest, now: Date): Promise<Result<string | Uint8Array, string>>;
}

export interface ExportWorkerRequest {
  seq: number;
  roadmap: Roadmap;
  request: DataExportRequest;
  now: string;
}

export type ExportWorkerResponse = { seq: number } & ({ contents: string | Uint8Array } | { error: string });

/** Runs exports in a Web Worker, created on first use; each answer finds its request by number. */
export function createWorkerExportService(createWorker: () => Worker): ExportService {
  let worker: Worker | null = null;
  let seq = 0;
  const waiting = new Map<number, (result: Result<string | Uint8Array, string>) => void>();

  const start = () => {
    const started = createWorker();
    started.addEventListener("message", (event: MessageEvent<ExportWorkerResponse>) => {
      const resolve = waiting.get(event.data.seq);
      waiting.delete(event.data.seq);
      resolve?.("error" in event.data ? err(event.data.error) : ok(event.data.contents));
    });
    started.addEventListener("error", (event) => {
      // A worker that failed to load or crashed answers nothing more: fail what waits, start afresh next time.
      for (const resolve of waiting.values()) resolve(err(event.message || "the export worker failed"));
      waiting.clear();
      started.terminate();
      worker = null;
    });
    return started;
  };

  return {
    build: (roadmap, request, now) =>
      new Promise((resolve) => {
        worker ??= start();
        const message: ExportWorkerRequest = { seq: ++seq, roadmap, request, now: now.toISOString() };
        waiting.set(message.seq, resolve);
        worker.postMessage(message);
      }),
  };
}

/**
 * Builds on the calling thread, for tests and tools. The builders (exceljs
 * among them, a megabyte) load on first use, as they do in the worker, so
 * they never weigh on the app's start-up.
 */
export function createInProcessExportService(): ExportService {
  return {
    build: async (roadmap, request, now) =>
      (await import("./buildDataExport")).buildDataExportSafely(roadmap, request, now),
  };
}
