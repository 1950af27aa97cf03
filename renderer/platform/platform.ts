import type {
  CheckedCommands,
  DocumentState,
  ExportPdfRequest,
  MenuCommand,
  OpenedFile,
  OpenFileRequest,
  OpenFileResult,
  OpenTableFileResult,
  SaveFileRequest,
  SaveFileResult,
} from "../../shared/ipc/contract";

/** What `exportPdf` answers for a handle when it opened the print dialog rather than saving a file. */
export const PRINT_DIALOG_HANDLE = "print-dialog";

/**
 * Everything the renderer needs from the machine it runs on. One
 * implementation talks to Electron's main process, the other to a plain
 * browser; the app picks one at start-up and never asks which it got.
 */
export interface Platform {
  readonly kind: "electron" | "web";
  openFile(kind: OpenFileRequest["kind"]): Promise<OpenFileResult>;
  /** A spreadsheet (CSV, TSV, TXT, XLSX) to import from, as its name and bytes. */
  openTableFile(): Promise<OpenTableFileResult>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /**
   * The executive report as a PDF: Electron prints it in a hidden window and
   * saves it where the user chooses; a browser opens its print dialog.
   */
  exportPdf(request: ExportPdfRequest): Promise<SaveFileResult>;
  setDocumentState(state: DocumentState): void;
  /** Which on/off commands are on, for the check marks of a native menu (a browser has none). */
  setCheckedCommands(checked: CheckedCommands): void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Files opened from outside the app: command line, file association, recent files. */
  onFileOpened(listener: (file: OpenedFile) => void): () => void;
  /** Tells the host the app listens; files waiting to be opened arrive after this. */
  ready(): void;
}
