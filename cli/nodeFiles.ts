import * as fs from "node:fs/promises";
import { writeFileAtomic } from "../node/atomicWrite";
import { errorCode } from "../node/errors";
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
  /** The bytes of a file to import (a CSV in any encoding, a workbook), refused unread when larger than `maxBytes`. */
  readBytes(filePath: string, maxBytes: number): Promise<Result<Uint8Array, string>>;
  /** Writes all or nothing: readers see the old file, or none, or the whole new one. */
  writeAtomic(
    filePath: string,
    contents: string | Uint8Array,
    options: { overwrite: boolean },
  ): Promise<Result<void, WriteFailure>>;
}

export const nodeFiles: CliFiles = { readText, readBytes, writeAtomic };

async function readText(filePath: string): Promise<Result<FileText, string>> {
  const read = await readBytesUpTo(filePath, MAX_ROADMAP_FILE_BYTES, "a roadmap may be", "not a roadmap file");
  if (!read.ok) return read;
  // TextDecoder drops a byte-order mark, which editors on Windows like to add and JSON.parse rejects.
  return ok({ text: new TextDecoder("utf-8").decode(read.value), sizeInBytes: read.value.byteLength });
}

function readBytes(filePath: string, maxBytes: number): Promise<Result<Uint8Array, string>> {
  return readBytesUpTo(filePath, maxBytes, "an import may be", "not a file to import");
}

async function readBytesUpTo(
  filePath: string,
  maxBytes: number,
  limitName: string,
  notAFolder: string,
): Promise<Result<Uint8Array, string>> {
  try {
    const stats = await fs.stat(filePath);
    if (stats.isDirectory()) return err(`is a folder, ${notAFolder}`);
    // Refused before reading, so a wrong argument never pulls a huge file into memory.
    if (stats.size > maxBytes)
      return err(`is ${megabytes(stats.size)}, larger than the ${megabytes(maxBytes)} ${limitName}`);
    return ok(new Uint8Array(await fs.readFile(filePath)));
  } catch (error) {
    return err(describeFileError(error));
  }
}

/** All or nothing (node/atomicWrite.ts), the failure worded to follow the file's name. */
async function writeAtomic(
  target: string,
  contents: string | Uint8Array,
  options: { overwrite: boolean },
): Promise<Result<void, WriteFailure>> {
  const written = await writeFileAtomic(target, contents, options);
  if (written.ok) return written;
  const failure = written.error;
  return err(failure.kind === "exists" ? failure : { kind: "failed", reason: describeFileError(failure.cause) });
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

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
