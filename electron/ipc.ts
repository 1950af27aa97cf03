import path from "node:path";
import type { IpcMain } from "electron";
import { z } from "zod";
import {
  type DocumentState,
  DocumentStateSchema,
  INVOKE_CHANNELS,
  OpenFileRequestSchema,
  type OpenFileResult,
  OpenFileResultSchema,
  type SaveFileRequest,
  SaveFileRequestSchema,
  type SaveFileResult,
  SaveFileResultSchema,
} from "../shared/ipc/contract";
import type { Result } from "../shared/result";
import type { FileDialogs } from "./dialogs";
import { errorMessage } from "./errors";
import type { FileHandles } from "./fileHandles";
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
  writeFile(filePath: string, text: string): Promise<Result<void, string>>;
  handles: FileHandles;
  /** The user opened or saved this file (for the recent list). */
  fileChosen(filePath: string): void;
  showDocumentState(state: DocumentState): void;
  rendererReady(): void;
}

type InvokeChannel = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS];
export type InvokeHandler = (event: IpcSender, payload: unknown) => Promise<unknown>;

export const FOREIGN_SENDER_ERROR =
  "This request did not come from the Relationship Roadmap window, so it was ignored.";
export const MALFORMED_REQUEST_ERROR = "The request was not understood, so nothing was done.";

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
  function guarded<T>(schema: z.ZodType<T>, perform: (input: T) => Promise<unknown>): InvokeHandler {
    return async (event, payload) => {
      if (!isTrustedSender(event, deps.trustedContents(), deps.isAppUrl)) return { error: FOREIGN_SENDER_ERROR };
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return { error: MALFORMED_REQUEST_ERROR };
      try {
        return await perform(parsed.data);
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

  async function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
    // Only a handle main gave out leads to a path without asking; anything else goes through the dialog.
    const known = request.handle === null ? undefined : deps.handles.pathOf(request.handle);
    const target = known ?? (await deps.dialogs.chooseSaveTarget(request.suggestedName));
    if (target === null) return { canceled: true };
    const written = await deps.writeFile(target, request.text);
    if (!written.ok) return { error: written.error };
    const handle = deps.handles.register(target);
    deps.fileChosen(target);
    return { canceled: false, handle, name: path.basename(target) };
  }

  return {
    [INVOKE_CHANNELS.openFile]: guarded(OpenFileRequestSchema, async () =>
      conforming(OpenFileResultSchema, await openFile()),
    ),
    [INVOKE_CHANNELS.saveFile]: guarded(SaveFileRequestSchema, async (request) =>
      conforming(SaveFileResultSchema, await saveFile(request)),
    ),
    [INVOKE_CHANNELS.setDocumentState]: guarded(DocumentStateSchema, async (state) => {
      deps.showDocumentState(state);
    }),
    [INVOKE_CHANNELS.rendererReady]: guarded(z.undefined(), async () => {
      deps.rendererReady();
    }),
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
