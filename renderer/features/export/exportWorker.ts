import { buildDataExportSafely } from "./buildDataExport";
import type { ExportWorkerRequest, ExportWorkerResponse } from "./exportService";

/** The exports' thread: a roadmap in, the file's contents out (bytes moved, not copied). */
self.addEventListener("message", async (event: MessageEvent<ExportWorkerRequest>) => {
  const { seq, roadmap, request, now } = event.data;
  const built = await buildDataExportSafely(roadmap, request, new Date(now));
  const response: ExportWorkerResponse = built.ok ? { seq, contents: built.value } : { seq, error: built.error };
  const transfer = built.ok && typeof built.value !== "string" ? [built.value.buffer as ArrayBuffer] : [];
  self.postMessage(response, { transfer });
});
