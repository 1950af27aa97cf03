import { z } from "zod";
import { CHECKABLE_COMMAND_IDS, MENU_COMMAND_IDS } from "../commands/commandList";
import { ReportOptionsSchema } from "../export/reportOptions";
import { MAX_TABLE_FILE_BYTES } from "../import/tableLimits";
import { MAX_ROADMAP_FILE_BYTES } from "../model/roadmapFile";

/**
 * The whole conversation between the Electron main process and the renderer,
 * in one place. The preload implements the renderer side (`DesktopApi`), main
 * registers a handler per invoke channel, and both parse every payload with
 * these schemas: neither side trusts the other's types.
 */

/** Commands the native menu sends to the renderer; the renderer's command registry performs them. */
export const MenuCommandSchema = z.enum(MENU_COMMAND_IDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** Whether each on/off command is on (Show costs), for the native menu's check marks. */
export const CheckedCommandsSchema = z.partialRecord(z.enum(CHECKABLE_COMMAND_IDS), z.boolean());
export type CheckedCommands = z.infer<typeof CheckedCommandsSchema>;

/**
 * A file the user picked in a dialog (or opened from the command line, a file
 * association or the recent list). `handle` is an opaque token for the path,
 * which stays in main: the renderer can save back to it but never name a path.
 */
export const OpenedFileSchema = z.object({
  handle: z.string().min(1).max(100),
  name: z.string().max(1000),
  text: z.string(),
  /** Size on disk, so the renderer's size limit counts bytes, not characters. */
  sizeInBytes: z.number().int().min(0),
});
export type OpenedFile = z.infer<typeof OpenedFileSchema>;

export const FileErrorSchema = z.object({ error: z.string() });

export const OpenFileResultSchema = z.union([
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), file: OpenedFileSchema }),
  FileErrorSchema,
]);
export type OpenFileResult = z.infer<typeof OpenFileResultSchema>;

/** The extensions of the files an import reads as a table (survey answers, a communication inventory). */
export const TABLE_FILE_EXTENSIONS = ["csv", "tsv", "txt", "xlsx"] as const;

/**
 * A spreadsheet the user picked to import from. Its bytes, not text: a
 * workbook is binary and a CSV's encoding is found by the reader. No handle:
 * nothing is ever written back to it.
 */
export const OpenedTableFileSchema = z.object({
  name: z.string().max(1000),
  bytes: z.custom<Uint8Array>(
    (value) => value instanceof Uint8Array && value.byteLength <= MAX_TABLE_FILE_BYTES,
    "not the bytes of a file within the import size limit",
  ),
});
export type OpenedTableFile = z.infer<typeof OpenedTableFileSchema>;

export const OpenTableFileResultSchema = z.union([
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), file: OpenedTableFileSchema }),
  FileErrorSchema,
]);
export type OpenTableFileResult = z.infer<typeof OpenTableFileResultSchema>;

/** What a saved file holds: a roadmap, or one of the exports. */
export const FILE_KINDS = ["roadmap", "pdf", "pptx", "xlsx", "csv", "ics", "svg", "png"] as const;
export const FileKindSchema = z.enum(FILE_KINDS);
export type FileKind = z.infer<typeof FileKindSchema>;

/** Per kind: the file extension, the name a save dialog's filter shows, and the MIME type of a download. */
export const FILE_KIND_DETAILS: Record<FileKind, { extension: string; description: string; mimeType: string }> = {
  roadmap: {
    extension: "roadmap",
    description: "Relationship Roadmap",
    mimeType: "application/x-relationship-roadmap+json",
  },
  pdf: { extension: "pdf", description: "PDF document", mimeType: "application/pdf" },
  pptx: {
    extension: "pptx",
    description: "PowerPoint presentation",
    mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  },
  xlsx: {
    extension: "xlsx",
    description: "Excel workbook",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  csv: { extension: "csv", description: "CSV spreadsheet", mimeType: "text/csv;charset=utf-8" },
  ics: { extension: "ics", description: "iCalendar", mimeType: "text/calendar;charset=utf-8" },
  svg: { extension: "svg", description: "SVG image", mimeType: "image/svg+xml" },
  png: { extension: "png", description: "PNG image", mimeType: "image/png" },
};

/**
 * Larger than any export of a real roadmap; keeps a runaway request from filling the disk. Text is
 * limited in characters (UTF-16 units), which a UTF-8 file may take up to three bytes each for.
 */
export const MAX_SAVE_BYTES = 200 * 1024 * 1024;

/** Only roadmaps are opened; every other kind is an export, which only leaves the app. */
export const OpenFileRequestSchema = z.object({ kind: z.literal("roadmap") });
export type OpenFileRequest = z.infer<typeof OpenFileRequestSchema>;

export const SaveFileRequestSchema = z.object({
  kind: FileKindSchema,
  contents: z.union([
    z.string().max(MAX_SAVE_BYTES),
    z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.byteLength <= MAX_SAVE_BYTES),
  ]),
  suggestedName: z.string().min(1).max(255),
  /** Write to this earlier-chosen file without asking; null or unknown means ask where. Roadmaps only. */
  handle: z.string().min(1).max(100).nullable(),
});
export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

export const SaveFileResultSchema = z.union([
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), handle: z.string(), name: z.string() }),
  FileErrorSchema,
]);
export type SaveFileResult = z.infer<typeof SaveFileResultSchema>;

export const DocumentStateSchema = z.object({
  /** Shown in the window title; null on the home screen. */
  title: z.string().max(300).nullable(),
  /** The open roadmap has changes not yet written to its file (macOS shows a dot). */
  edited: z.boolean(),
  /** Sent as the outcome of a Save (whether it wrote the file or not), which a window waiting to close needs. */
  afterSave: z.boolean().default(false),
  /**
   * Whether the open roadmap's changes are in the library (IndexedDB): a window
   * closing while they are being written waits for them; one whose write
   * failed asks, as for unsaved file changes.
   */
  library: z.enum(["saved", "saving", "failed"]).default("saved"),
});
export type DocumentState = z.infer<typeof DocumentStateSchema>;

/** The executive PDF: main asks where to save it, prints the report in a hidden window and writes the file. */
export const ExportPdfRequestSchema = z.object({
  /** The roadmap as its file text, so the print window plans exactly what the user sees. */
  roadmapText: z.string().max(MAX_ROADMAP_FILE_BYTES),
  options: ReportOptionsSchema,
  suggestedName: z.string().min(1).max(255),
});
export type ExportPdfRequest = z.infer<typeof ExportPdfRequestSchema>;

/** What the hidden print window is asked to lay out. */
export const PrintJobSchema = ExportPdfRequestSchema.pick({ roadmapText: true, options: true });
export type PrintJob = z.infer<typeof PrintJobSchema>;
export const PrintJobResultSchema = z.union([PrintJobSchema, FileErrorSchema]);
export type PrintJobResult = z.infer<typeof PrintJobResultSchema>;

/** The print window says its report is laid out (error null) or could not be (error says why). */
export const PrintLayoutResultSchema = z.object({ error: z.string().max(2000).nullable() });
export type PrintLayoutResult = z.infer<typeof PrintLayoutResultSchema>;

/** Renderer → main, request and response. */
export const INVOKE_CHANNELS = {
  openFile: "file:open",
  openTableFile: "file:open-table",
  saveFile: "file:save",
  setDocumentState: "window:set-document-state",
  setCheckedCommands: "menu:set-checked-commands",
  rendererReady: "app:renderer-ready",
  exportPdf: "export:pdf",
  takePrintJob: "print:take-job",
  printLayoutDone: "print:layout-done",
} as const;

/** Main → renderer, one-way. */
export const EVENT_CHANNELS = {
  menuCommand: "menu:command",
  fileOpened: "file:opened",
} as const;

/** What the preload puts on `window.roadmapDesktop`. */
export interface DesktopApi {
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /** Asks for a CSV or XLSX file to import from and reads it. */
  openTableFile(): Promise<OpenTableFileResult>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  exportPdf(request: ExportPdfRequest): Promise<SaveFileResult>;
  /** In the hidden print window: the report to lay out. */
  takePrintJob(): Promise<PrintJobResult>;
  /** In the hidden print window: the report is laid out and may be printed (or failed). */
  printLayoutDone(result: PrintLayoutResult): Promise<void>;
  setDocumentState(state: DocumentState): Promise<void>;
  /** The renderer's settings changed: the menu's check marks follow. */
  setCheckedCommands(checked: CheckedCommands): Promise<void>;
  /** Says the renderer listens, so main can hand over a file from the command line. */
  rendererReady(): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onFileOpened(listener: (file: OpenedFile) => void): () => void;
}
