import path from "node:path";
import type { IpcMain } from "electron";
import { z } from "zod";
import { errorMessage } from "../node/errors";
import {
  type CheckedCommands,
  CheckedCommandsSchema,
  type DocumentState,
  DocumentStateSchema,
  type ExportPdfRequest,
  ExportPdfRequestSchema,
  INVOKE_CHANNELS,
  type OpenedTableFile,
  OpenFileRequestSchema,
  type OpenFileResult,
  OpenFileResultSchema,
  type OpenTableFileResult,
  OpenTableFileResultSchema,
  PrintJobResultSchema,
  PrintLayoutResultSchema,
  type SaveFileRequest,
  SaveFileRequestSchema,
  type SaveFileResult,
  SaveFileResultSchema,
} from "../shared/ipc/contract";
import type { Result } from "../shared/result";
import type { FileDialogs } from "./dialogs";
import type { FileHandles } from "./fileHandles";
import type { ReportPrinter } from "./reportPrinter";
import type { FileContents } from "./roadmapFiles";

/** The parts of an IPC event that say who sent it (a subset of `IpcMainInvokeEvent`). */
export interface IpcSender {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcDeps {
  /** The webContents of the app's one window, or null while there is none. */
  trustedContents(): unknown;
  isAppUrl(url: string): boolean;
  dialogs: FileDialogs;
  readFile(filePath: string): Promise<Result<FileContents, string>>;
  readTableFile(filePath: string): Promise<Result<OpenedTableFile, string>>;
  writeFile(filePath: string, contents: string | Uint8Array): Promise<Result<void, string>>;
  handles: FileHandles;
  /** The user opened or saved this file (for the recent list). */
  fileChosen(filePath: string): void;
  showDocumentState(state: DocumentState): void;
  /** Puts the menu's check marks where the renderer's settings are. */
  showCheckedCommands(checked: CheckedCommands): void;
  rendererReady(): void;
  printer: Pick<ReportPrinter, "printReport" | "isPrintWindow" | "takeJob" | "layoutDone">;
}

type InvokeChannel = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS];
export type InvokeHandler = (event: IpcSender, payload: unknown) => Promise<unknown>;

export const FOREIGN_SENDER_ERROR =
  "This request did not come from the Relationship Roadmap window, so it was ignored.";
export const MALFORMED_REQUEST_ERROR = "The request was not understood, so nothing was done.";
/** What a saved export answers for a handle: never one main knows, so it leads to no path. */
export const EXPORT_HANDLE = "export";

/**
 * Only the top frame of our own window, showing our own page, may call main:
 * not another window, not an embedded frame, not a page it navigated to.
 */
export function isTrustedSender(event: IpcSender, trustedContents: unknown, isAppUrl: (url: string) => boolean) {
  const frame = event.senderFrame;
  return (
    trustedContents !== null &&
    event.sender === trustedContents &&
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url)
  );
}

/**
 * One handler per invoke channel. Each checks the sender, parses the payload
 * (it is `unknown` until then), and answers with a value: failures come back
 * as `{ error }` sentences, because an exception thrown across IPC reaches the
 * renderer as an unreadable generic error.
 */
export function createIpcHandlers(deps: IpcDeps): Record<InvokeChannel, InvokeHandler> {
  const fromAppWindow = (event: IpcSender) => isTrustedSender(event, deps.trustedContents(), deps.isAppUrl);
  // A hidden print window may only ask for its report and say when it is laid out.
  const fromPrintWindow = (event: IpcSender) =>
    deps.printer.isPrintWindow(event.sender) && isTrustedSender(event, event.sender, deps.isAppUrl);

  function guarded<T>(
    schema: z.ZodType<T>,
    perform: (input: T, event: IpcSender) => Promise<unknown>,
    mayCall: (event: IpcSender) => boolean = fromAppWindow,
  ): InvokeHandler {
    return async (event, payload) => {
      if (!mayCall(event)) return { error: FOREIGN_SENDER_ERROR };
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return { error: MALFORMED_REQUEST_ERROR };
      try {
        return await perform(parsed.data, event);
      } catch (error) {
        return { error: `Something went wrong: ${errorMessage(error)}` };
      }
    };
  }

  async function openFile(): Promise<OpenFileResult> {
    const chosen = await deps.dialogs.chooseFileToOpen();
    if (chosen === null) return { canceled: true };
    const read = await deps.readFile(chosen);
    if (!read.ok) return { error: read.error };
    const handle = deps.handles.register(chosen);
    deps.fileChosen(chosen);
    return { canceled: false, file: { handle, ...read.value } };
  }

  /** A file to import from is only read: it gets no handle and does not join the recent roadmaps. */
  async function openTableFile(): Promise<OpenTableFileResult> {
    const chosen = await deps.dialogs.chooseTableToOpen();
    if (chosen === null) return { canceled: true };
    const read = await deps.readTableFile(chosen);
    return read.ok ? { canceled: false, file: read.value } : { error: read.error };
  }

  async function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
    // Only a handle main gave out leads to a path without asking, and only for roadmaps: an export always asks.
    const known =
      request.handle === null || request.kind !== "roadmap" ? undefined : deps.handles.pathOf(request.handle);
    const target = known ?? (await deps.dialogs.chooseSaveTarget(request.kind, request.suggestedName));
    if (target === null) return { canceled: true };
    const written = await deps.writeFile(target, request.contents);
    if (!written.ok) return { error: written.error };
    // Only a roadmap's file is saved to again; an export's path gets no handle that could later be written over.
    if (request.kind !== "roadmap") return { canceled: false, handle: EXPORT_HANDLE, name: path.basename(target) };
    deps.fileChosen(target);
    return { canceled: false, handle: deps.handles.register(target), name: path.basename(target) };
  }

  async function exportPdf(request: ExportPdfRequest): Promise<SaveFileResult> {
    // Where first, then the work: cancelling costs nothing, and a slow print never surprises with a dialog.
    const target = await deps.dialogs.chooseSaveTarget("pdf", request.suggestedName);
    if (target === null) return { canceled: true };
    const printed = await deps.printer.printReport({ roadmapText: request.roadmapText, options: request.options });
    if (!printed.ok) return { error: printed.error };
    const written = await deps.writeFile(target, printed.value);
    if (!written.ok) return { error: written.error };
    return { canceled: false, handle: EXPORT_HANDLE, name: path.basename(target) };
  }

  return {
    [INVOKE_CHANNELS.openFile]: guarded(OpenFileRequestSchema, async () =>
      conforming(OpenFileResultSchema, await openFile()),
    ),
    [INVOKE_CHANNELS.openTableFile]: guarded(z.undefined(), async () =>
      conforming(OpenTableFileResultSchema, await openTableFile()),
    ),
    [INVOKE_CHANNELS.saveFile]: guarded(SaveFileRequestSchema, async (request) =>
      conforming(SaveFileResultSchema, await saveFile(request)),
    ),
    [INVOKE_CHANNELS.setDocumentState]: guarded(DocumentStateSchema, async (state) => {
      deps.showDocumentState(state);
    }),
    [INVOKE_CHANNELS.setCheckedCommands]: guarded(CheckedCommandsSchema, async (checked) => {
      deps.showCheckedCommands(checked);
    }),
    [INVOKE_CHANNELS.rendererReady]: guarded(z.undefined(), async () => {
      deps.rendererReady();
    }),
    [INVOKE_CHANNELS.exportPdf]: guarded(ExportPdfRequestSchema, async (request) =>
      conforming(SaveFileResultSchema, await exportPdf(request)),
    ),
    [INVOKE_CHANNELS.takePrintJob]: guarded(
      z.undefined(),
      async (_input, event) => conforming(PrintJobResultSchema, deps.printer.takeJob(event.sender)),
      fromPrintWindow,
    ),
    [INVOKE_CHANNELS.printLayoutDone]: guarded(
      PrintLayoutResultSchema,
      async (layout, event) => {
        await deps.printer.layoutDone(event.sender, layout);
      },
      fromPrintWindow,
    ),
  };
}

/** The answer as the contract describes it, or an error if it somehow is not (a file name too long, say). */
function conforming<T>(schema: z.ZodType<T>, value: T): T | { error: string } {
  return schema.safeParse(value).success ? value : { error: "The answer did not fit the expected format." };
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, "handle">,
  handlers: Record<InvokeChannel, InvokeHandler>,
): void {
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, payload: unknown) => handler(event, payload));
  }
}
