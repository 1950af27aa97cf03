import { contextBridge, type IpcRenderer, type IpcRendererEvent, ipcRenderer } from "electron";
import type { z } from "zod";
import {
  type DesktopApi,
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  MenuCommandSchema,
  OpenedFileSchema,
  OpenFileResultSchema,
  OpenTableFileResultSchema,
  PrintJobResultSchema,
  SaveFileResultSchema,
} from "../shared/ipc/contract";

type Ipc = Pick<IpcRenderer, "invoke" | "on" | "removeListener">;

const UNEXPECTED_ANSWER = { error: "The app's main process gave an answer the window could not read." };

/**
 * The renderer's side of the IPC contract: named methods only, so the page
 * can never send on an arbitrary channel. Answers and events from main are
 * parsed too; a malformed one becomes an error value or is dropped.
 */
export function createDesktopApi(ipc: Ipc) {
  async function invoke<T>(
    channel: string,
    schema: z.ZodType<T>,
    payload: unknown,
  ): Promise<T | typeof UNEXPECTED_ANSWER> {
    try {
      const parsed = schema.safeParse(await ipc.invoke(channel, payload));
      return parsed.success ? parsed.data : UNEXPECTED_ANSWER;
    } catch {
      return UNEXPECTED_ANSWER;
    }
  }

  /** For calls with nothing to answer: a refusal from main leaves the page as it is. */
  async function notify(channel: string, payload?: unknown): Promise<void> {
    try {
      await (payload === undefined ? ipc.invoke(channel) : ipc.invoke(channel, payload));
    } catch {
      // Nothing the page could do about it.
    }
  }

  function subscribe<T>(channel: string, schema: z.ZodType<T>, listener: (value: T) => void): () => void {
    const receive = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    };
    ipc.on(channel, receive);
    return () => {
      ipc.removeListener(channel, receive);
    };
  }

  return {
    openFile: (request) => invoke(INVOKE_CHANNELS.openFile, OpenFileResultSchema, request),
    openTableFile: () => invoke(INVOKE_CHANNELS.openTableFile, OpenTableFileResultSchema, undefined),
    saveFile: (request) => invoke(INVOKE_CHANNELS.saveFile, SaveFileResultSchema, request),
    exportPdf: (request) => invoke(INVOKE_CHANNELS.exportPdf, SaveFileResultSchema, request),
    takePrintJob: () => invoke(INVOKE_CHANNELS.takePrintJob, PrintJobResultSchema, undefined),
    printLayoutDone: (result) => notify(INVOKE_CHANNELS.printLayoutDone, result),
    setDocumentState: (state) => notify(INVOKE_CHANNELS.setDocumentState, state),
    setCheckedCommands: (checked) => notify(INVOKE_CHANNELS.setCheckedCommands, checked),
    rendererReady: () => notify(INVOKE_CHANNELS.rendererReady),
    onMenuCommand: (listener) => subscribe(EVENT_CHANNELS.menuCommand, MenuCommandSchema, listener),
    onFileOpened: (listener) => subscribe(EVENT_CHANNELS.fileOpened, OpenedFileSchema, listener),
  } satisfies DesktopApi;
}

contextBridge.exposeInMainWorld("roadmapDesktop", createDesktopApi(ipcRenderer));
