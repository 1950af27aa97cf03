import { answerRequests } from "../../workers/workerCall";
import { buildDataExportSafely } from "./buildDataExport";
import type { ExportWorkerRequest } from "./exportService";

/** The exports' thread: a roadmap in, the file's contents out (bytes moved, not copied). */
answerRequests<ExportWorkerRequest, string | Uint8Array>(
  ({ roadmap, request, now }) => buildDataExportSafely(roadmap, request, new Date(now)),
  (contents) => (typeof contents === "string" ? [] : [contents.buffer as ArrayBuffer]),
);
