import path from "node:path";
import { fileURLToPath } from "node:url";
import type { OpenedFile } from "../shared/ipc/contract";
import type { Result } from "../shared/result";
import type { FileHandles } from "./fileHandles";
import { type FileContents, ROADMAP_EXTENSION } from "./roadmapFiles";

/**
 * The roadmap files named on a command line, as absolute paths. Flags are
 * skipped (Chromium adds its own, and `second-instance` may reorder them),
 * and Linux file managers pass `file://` URLs rather than paths.
 */
export function roadmapPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv.slice(1).flatMap((arg) => {
    const filePath = localPath(arg);
    return filePath !== null && path.extname(filePath).toLowerCase() === `.${ROADMAP_EXTENSION}`
      ? [path.resolve(workingDirectory, filePath)]
      : [];
  });
}

function localPath(arg: string): string | null {
  if (arg.startsWith("-")) return null;
  if (!arg.startsWith("file:")) return arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

export interface FileOpenerDeps {
  readFile(filePath: string): Promise<Result<FileContents, string>>;
  handles: FileHandles;
  /** The user opened this file (for the recent list). */
  fileChosen(filePath: string): void;
  /** Hands the file to the renderer, once it listens (see outbox.ts). */
  deliver(file: OpenedFile): void;
  fileFailed(filePath: string, message: string): void;
}

/**
 * Opens a file the user asked for outside the renderer — command line, a
 * double-click in the file manager, the recent list — and passes it on with a
 * handle, so that saving goes back to it without a dialog.
 */
export function createFileOpener(deps: FileOpenerDeps): (filePath: string) => Promise<void> {
  return async (filePath) => {
    const read = await deps.readFile(filePath);
    if (!read.ok) {
      deps.fileFailed(filePath, read.error);
      return;
    }
    const handle = deps.handles.register(filePath);
    deps.fileChosen(filePath);
    deps.deliver({ handle, ...read.value });
  };
}
