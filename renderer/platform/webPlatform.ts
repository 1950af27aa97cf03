import type { FileKind, OpenFileResult, SaveFileResult } from "../../shared/ipc/contract";
import type { Platform } from "./platform";

const ACCEPT: Record<FileKind, string> = { roadmap: ".roadmap,application/json" };
const MIME: Record<FileKind, string> = { roadmap: "application/x-relationship-roadmap+json" };

/** A browser has no file paths or native menu: files come from a file picker and leave as downloads. */
export function createWebPlatform(doc: Document = document): Platform {
  return {
    kind: "web",
    hasNativeMenu: false,
    openFile: (kind) => pickFile(doc, ACCEPT[kind]),
    saveFile: async ({ kind, text, suggestedName }) => download(doc, text, suggestedName, MIME[kind]),
    setDocumentState: ({ title }) => {
      doc.title = title ? `${title} — Relationship Roadmap` : "Relationship Roadmap";
    },
    onMenuCommand: () => () => {},
    onFileOpened: () => () => {},
    ready: () => {},
  };
}

function pickFile(doc: Document, accept: string): Promise<OpenFileResult> {
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
      file.text().then(
        (text) =>
          resolve({ canceled: false, file: { handle: "upload", name: file.name, text, sizeInBytes: file.size } }),
        (error: unknown) => resolve({ error: `${file.name} could not be read: ${String(error)}` }),
      );
    });
    input.click();
  });
}

function download(doc: Document, text: string, name: string, type: string): SaveFileResult {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
