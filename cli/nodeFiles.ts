import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import path from "node:path";
import { MAX_ROADMAP_FILE_BYTES } from "../shared/model/roadmapFile";
import { err, ok, type Result } from "../shared/result";

/** A file's text and its size on disk, which the roadmap reader checks against its limit. */
export interface FileText {
  text: string;
  sizeInBytes: number;
}

/** Why a write did not happen: the target was there and replacing it was not allowed, or the file system said no. */
export type WriteFailure = { kind: "exists" } | { kind: "failed"; reason: string };

/** The file system as the command line uses it; tests pass the real one over a temp folder. */
export interface CliFiles {
  /** The text of a file the user named, or why it cannot be read (without the file's name). */
  readText(filePath: string): Promise<Result<FileText, string>>;
  /** Writes all or nothing: readers see the old file, or none, or the whole new one. */
  writeAtomic(
    filePath: string,
    contents: string | Uint8Array,
    options: { overwrite: boolean },
  ): Promise<Result<void, WriteFailure>>;
}

export const nodeFiles: CliFiles = { readText, writeAtomic };

async function readText(filePath: string): Promise<Result<FileText, string>> {
  try {
    const stats = await fs.stat(filePath);
    if (stats.isDirectory()) return err("is a folder, not a roadmap file");
    // Refused before reading, so a wrong argument never pulls a huge file into memory.
    if (stats.size > MAX_ROADMAP_FILE_BYTES) {
      return err(`is ${megabytes(stats.size)}, larger than the ${megabytes(MAX_ROADMAP_FILE_BYTES)} a roadmap may be`);
    }
    const bytes = await fs.readFile(filePath);
    // TextDecoder drops a byte-order mark, which editors on Windows like to add and JSON.parse rejects.
    return ok({ text: new TextDecoder("utf-8").decode(bytes), sizeInBytes: bytes.byteLength });
  } catch (error) {
    return err(describeFileError(error));
  }
}

/**
 * The contents go to a temp file in the target's folder (a rename is atomic
 * only within one file system), are flushed, then take the target's name:
 * renamed over it when replacing is allowed, hard-linked otherwise, since a
 * link fails rather than replace a file that appeared in the meantime.
 */
async function writeAtomic(
  target: string,
  contents: string | Uint8Array,
  options: { overwrite: boolean },
): Promise<Result<void, WriteFailure>> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    if (!options.overwrite && (await exists(target))) return err({ kind: "exists" });
    const file = await fs.open(temp, "wx");
    try {
      await file.writeFile(contents);
      await file.sync();
    } finally {
      await file.close();
    }
    if (options.overwrite) await fs.rename(temp, target);
    else if (!(await linkUnlessExists(temp, target))) return err({ kind: "exists" });
    return ok(undefined);
  } catch (error) {
    return err({ kind: "failed", reason: describeFileError(error) });
  } finally {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
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

/** A file-system error as the end of a sentence that starts with the file's name. */
export function describeFileError(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full";
    case "EROFS":
      return "the disk is read-only";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
