import type { Roadmap } from "../../../shared/model";
import type { Result } from "../../../shared/result";
import { createWorkerCall } from "../../workers/workerCall";
import type { DataExportRequest } from "./exportFormats";

/** Builds workbooks, CSV and calendars; a worker keeps a large roadmap's export from freezing the window. */
export interface ExportService {
  build(roadmap: Roadmap, request: DataExportRequest, now: Date): Promise<Result<string | Uint8Array, string>>;
}

export interface ExportWorkerRequest {
  roadmap: Roadmap;
  request: DataExportRequest;
  now: string;
}

/** Runs exports in a Web Worker, created on first use. */
export function createWorkerExportService(createWorker: () => Worker): ExportService {
  const call = createWorkerCall<ExportWorkerRequest, string | Uint8Array>(createWorker, "the export worker failed");
  return { build: (roadmap, request, now) => call({ roadmap, request, now: now.toISOString() }) };
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
