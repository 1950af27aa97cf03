import { MAX_TABLE_FILE_BYTES } from "../../shared/import/tableLimits";
import {
  type ExportPdfRequest,
  FILE_KIND_DETAILS,
  type OpenFileResult,
  type OpenTableFileResult,
  type PrintJob,
  type SaveFileResult,
  TABLE_FILE_EXTENSIONS,
} from "../../shared/ipc/contract";
import type { Result } from "../../shared/result";
import { windowTitle } from "../../shared/windowTitle";
import { type Platform, PRINT_DIALOG_HANDLE } from "./platform";

/** Lays the executive report out in a container, resolving to the function that removes it. */
export type ReportLayout = (
  container: HTMLElement,
  job: PrintJob,
  generatedAt: Date,
) => Promise<Result<() => void, string>>;

/** Only roadmaps are opened; some systems label them as plain JSON. */
const ROADMAP_ACCEPT = `.${FILE_KIND_DETAILS.roadmap.extension},application/json`;

const TABLE_ACCEPT = [...TABLE_FILE_EXTENSIONS.map((extension) => `.${extension}`), "text/csv"].join(",");

/** A browser has no file paths or native menu: files come from a file picker and leave as downloads. */
export function createWebPlatform(doc: Document, layOutReport: ReportLayout): Platform {
  return {
    kind: "web",
    openFile: () =>
      pickFile<OpenFileResult>(doc, ROADMAP_ACCEPT, async (file) => ({
        canceled: false,
        file: { handle: "upload", name: file.name, text: await file.text(), sizeInBytes: file.size },
      })),
    openTableFile: () =>
      pickFile<OpenTableFileResult>(doc, TABLE_ACCEPT, async (file) =>
        // Refused before reading, as the desktop app does: a wrong pick must not fill the memory.
        file.size > MAX_TABLE_FILE_BYTES
          ? {
              error: `“${file.name}” is larger than ${MAX_TABLE_FILE_BYTES / 1024 / 1024} MB, too large to be a file to import.`,
            }
          : { canceled: false, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } },
      ),
    saveFile: async ({ kind, contents, suggestedName }) => {
      const { extension, mimeType } = FILE_KIND_DETAILS[kind];
      return download(doc, contents, withExtension(suggestedName, extension), mimeType);
    },
    exportPdf: (request) => printInPlace(doc, request, layOutReport),
    setDocumentState: (state) => {
      doc.title = windowTitle(state, true);
    },
    setCheckedCommands: () => {},
    onMenuCommand: () => () => {},
    onFileOpened: () => () => {},
    ready: () => {},
  };
}

/** A hidden file input: resolves to what `read` makes of the picked file, cancelled, or why it could not be read. */
function pickFile<Picked>(
  doc: Document,
  accept: string,
  read: (file: File) => Promise<Picked>,
): Promise<Picked | { canceled: true } | { error: string }> {
  return new Promise((resolve) => {
    const input = doc.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.addEventListener("cancel", () => resolve({ canceled: true }));
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (!file) {
        resolve({ canceled: true });
        return;
      }
      read(file).then(resolve, (error: unknown) =>
        resolve({ error: `${file.name} could not be read: ${String(error)}` }),
      );
    });
    input.click();
  });
}

function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

/**
 * The browser's own print dialog, where "Save as PDF" is one click: the
 * report is laid out in the page, shown alone while printing, and removed
 * once the dialog closes.
 */
async function printInPlace(doc: Document, request: ExportPdfRequest, layOutReport: ReportLayout) {
  const view = doc.defaultView;
  if (!view) return { error: "This page cannot print." };
  // A print dialog that never reported closing leaves its report behind; it must not print along with this one.
  for (const stale of doc.querySelectorAll(".report-print-root")) stale.remove();
  const container = doc.createElement("div");
  container.className = "report-print-root";
  doc.body.append(container);
  let laidOut: Awaited<ReturnType<ReportLayout>>;
  try {
    laidOut = await layOutReport(container, request, new Date());
  } catch (error) {
    laidOut = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!laidOut.ok) {
    container.remove();
    return { error: `The report could not be laid out: ${laidOut.error}` };
  }
  const title = doc.title;
  // The print dialog names the PDF after the page's title.
  doc.title = request.suggestedName;
  doc.body.classList.add("is-printing-report");
  view.addEventListener(
    "afterprint",
    () => {
      laidOut.value();
      container.remove();
      doc.body.classList.remove("is-printing-report");
      doc.title = title;
    },
    { once: true },
  );
  view.print();
  return { canceled: false as const, handle: PRINT_DIALOG_HANDLE, name: "the print dialog" };
}

function download(doc: Document, contents: string | Uint8Array, name: string, type: string): SaveFileResult {
  // A copy, so the Blob owns plain ArrayBuffer-backed bytes whatever buffer the caller's view sits on.
  const part = typeof contents === "string" ? contents : new Uint8Array(contents);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { canceled: false, handle: "download", name };
}
