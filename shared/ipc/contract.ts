import { z } from "zod";

/**
 * The whole conversation between the Electron main process and the renderer,
 * in one place. The preload implements the renderer side (`DesktopApi`), main
 * registers a handler per invoke channel, and both parse every payload with
 * these schemas: neither side trusts the other's types.
 */

/** Commands the native menu sends to the renderer; the renderer's command registry performs them. */
export const MENU_COMMANDS = [
  "file.new",
  "file.open",
  "file.save",
  "file.saveAs",
  "file.import",
  "file.export",
  "file.closeRoadmap",
  "edit.undo",
  "edit.redo",
  "edit.selectAll",
  "help.about",
] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

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

export const FILE_KINDS = ["roadmap"] as const;
export const FileKindSchema = z.enum(FILE_KINDS);
export type FileKind = z.infer<typeof FileKindSchema>;

export const OpenFileRequestSchema = z.object({ kind: FileKindSchema });
export type OpenFileRequest = z.infer<typeof OpenFileRequestSchema>;

export const SaveFileRequestSchema = z.object({
  kind: FileKindSchema,
  text: z.string(),
  suggestedName: z.string().min(1).max(255),
  /** Write to this earlier-chosen file without asking; omitted or unknown means ask where. */
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
});
export type DocumentState = z.infer<typeof DocumentStateSchema>;

/** Renderer → main, request and response. */
export const INVOKE_CHANNELS = {
  openFile: "file:open",
  saveFile: "file:save",
  setDocumentState: "window:set-document-state",
  rendererReady: "app:renderer-ready",
} as const;

/** Main → renderer, one-way. */
export const EVENT_CHANNELS = {
  menuCommand: "menu:command",
  fileOpened: "file:opened",
} as const;

/** What the preload puts on `window.roadmapDesktop`. */
export interface DesktopApi {
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  setDocumentState(state: DocumentState): Promise<void>;
  /** Says the renderer listens, so main can hand over a file from the command line. */
  rendererReady(): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onFileOpened(listener: (file: OpenedFile) => void): () => void;
}
