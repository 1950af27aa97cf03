import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import path from "node:path";
import { err, ok, type Result } from "../shared/result";
import { errorCode, errorMessage } from "./errors";

/** The step that puts the bytes into the temp file; tests swap it to fail half-way. */
export type WriteContents = (file: fs.FileHandle, contents: string | Uint8Array) => Promise<void>;

const writeAll: WriteContents = (file, contents) =>
  typeof contents === "string" ? file.writeFile(contents, "utf8") : file.writeFile(contents);

/**
 * Replaces `target` with `contents` (text as UTF-8) so that readers (and a crash) see either the
 * old file or the new one, never a half-written mix: the contents go to a temp
 * file in the same folder (a rename is only atomic within one file system),
 * is flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(
  target: string,
  contents: string | Uint8Array,
  writeContents: WriteContents = writeAll,
): Promise<Result<void, string>> {
  const directory = path.dirname(target);
  const temp = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  let file: fs.FileHandle | undefined;
  try {
    file = await fs.open(temp, "wx", await existingMode(target));
    await writeContents(file, contents);
    await file.sync();
    await file.close();
    file = undefined;
    await fs.rename(temp, target);
  } catch (error) {
    await file?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return err(describeWriteError(error));
  }
  await syncDirectory(directory);
  return ok(undefined);
}

/** Keeps a file's permissions when it is replaced, instead of resetting them to the default. */
async function existingMode(target: string): Promise<number> {
  try {
    return (await fs.stat(target)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

/**
 * Makes the rename itself survive a power cut on POSIX systems. Best effort:
 * Windows cannot open folders, and the file is already safely in place.
 */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === "win32") return;
  try {
    const handle = await fs.open(directory, "r");
    await handle.sync().finally(() => handle.close());
  } catch {
    // The write succeeded; a folder that cannot be flushed is no reason to report failure.
  }
}

/** Turns a file-system error into a sentence a user can act on. */
export function describeWriteError(error: unknown): string {
  switch (errorCode(error)) {
    case "ENOSPC":
    case "EDQUOT":
      return "The disk is full, so the file could not be saved. Free some space and try again.";
    case "EACCES":
    case "EPERM":
      return "You don't have permission to save there. Choose another folder.";
    case "ENOENT":
      return "The folder no longer exists. Choose another place to save.";
    case "EROFS":
      return "That disk is read-only. Choose another place to save.";
    case "EISDIR":
      return "A folder with that name is in the way. Choose another name.";
    default:
      return `The file could not be saved (${errorCode(error) ?? errorMessage(error)}).`;
  }
}
