import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import path from "node:path";
import { err, ok, type Result } from "../shared/result";
import { errorCode } from "./errors";

/** The step that puts the bytes into the temp file; tests swap it to fail half-way. */
export type WriteContents = (file: fs.FileHandle, contents: string | Uint8Array) => Promise<void>;

/** The file system refused; `cause` is its error, for the caller to word in its own voice. */
export type WriteFailed = { kind: "failed"; cause: unknown };
/** Why nothing was written: the target was there and replacing it was not allowed, or the file system said no. */
export type AtomicWriteFailure = { kind: "exists" } | WriteFailed;

export interface AtomicWriteOptions {
  /** Replace a file already at the target; when false, a file that appears meanwhile is never replaced either. */
  overwrite: boolean;
  writeContents?: WriteContents;
}

const writeAll: WriteContents = (file, contents) =>
  typeof contents === "string" ? file.writeFile(contents, "utf8") : file.writeFile(contents);

/**
 * Writes `contents` (text as UTF-8) to `target` so that readers, and a crash, see the old file
 * or none or the whole new one, never a half-written mix: the contents go to a temp file in the
 * target's folder (a rename is atomic only within one file system), are flushed to disk, then
 * take the target's name: renamed over it when replacing is allowed, hard-linked otherwise,
 * since a link fails rather than replace a file that appeared in the meantime. The desktop app
 * and the command line both save through here.
 */
export function writeFileAtomic(
  target: string,
  contents: string | Uint8Array,
  options: AtomicWriteOptions & { overwrite: true },
): Promise<Result<void, WriteFailed>>;
export function writeFileAtomic(
  target: string,
  contents: string | Uint8Array,
  options: AtomicWriteOptions,
): Promise<Result<void, AtomicWriteFailure>>;
export async function writeFileAtomic(
  target: string,
  contents: string | Uint8Array,
  { overwrite, writeContents = writeAll }: AtomicWriteOptions,
): Promise<Result<void, AtomicWriteFailure>> {
  const directory = path.dirname(target);
  const temp = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    if (!overwrite && (await exists(target))) return err({ kind: "exists" });
    const file = await fs.open(temp, "wx", await existingMode(target));
    try {
      await writeContents(file, contents);
      await file.sync();
    } finally {
      await file.close();
    }
    if (overwrite) await fs.rename(temp, target);
    else if (!(await linkUnlessExists(temp, target))) return err({ kind: "exists" });
  } catch (cause) {
    return err({ kind: "failed", cause });
  } finally {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
  await syncDirectory(directory);
  return ok(undefined);
}

/** False when the target exists. File systems without hard links (FAT on a USB stick) get a check and a rename. */
async function linkUnlessExists(temp: string, target: string): Promise<boolean> {
  try {
    await fs.link(temp, target);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
    if (await exists(target)) return false;
    await fs.rename(temp, target);
    return true;
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath);
    return true;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw error;
  }
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
