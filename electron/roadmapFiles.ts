import * as fs from "node:fs/promises";
import path from "node:path";
import { errorCode, errorMessage } from "../node/errors";
import { MAX_TABLE_FILE_BYTES } from "../shared/import/tableLimits";
import { FILE_KIND_DETAILS, type OpenedTableFile } from "../shared/ipc/contract";
import { err, ok, type Result } from "../shared/result";

export const ROADMAP_EXTENSION = FILE_KIND_DETAILS.roadmap.extension;

/** Larger than any real roadmap by far; refusing early keeps a wrong pick from freezing the app. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FileContents {
  name: string;
  text: string;
  sizeInBytes: number;
}

export interface ReadFileSystem {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
}

const nodeFileSystem: ReadFileSystem = { stat: (p) => fs.stat(p), readFile: (p) => fs.readFile(p) };

/** Reads a roadmap the user chose, refusing oversized files before loading them into memory. */
export async function readRoadmapFile(
  filePath: string,
  files: ReadFileSystem = nodeFileSystem,
): Promise<Result<FileContents, string>> {
  const read = await readLimited(filePath, MAX_FILE_BYTES, "a roadmap", files);
  if (!read.ok) return read;
  const { name, bytes } = read.value;
  return ok({ name, text: new TextDecoder("utf-8").decode(bytes), sizeInBytes: bytes.byteLength });
}

/** Reads a CSV or XLSX file to import from, as bytes (the import finds its encoding), within the import's size limit. */
export async function readTableFile(
  filePath: string,
  files: ReadFileSystem = nodeFileSystem,
): Promise<Result<OpenedTableFile, string>> {
  const read = await readLimited(filePath, MAX_TABLE_FILE_BYTES, "a file to import", files);
  if (!read.ok) return read;
  // A plain Uint8Array: a Node Buffer may sit on a shared pool larger than the file, which IPC would copy whole.
  return ok({ name: read.value.name, bytes: new Uint8Array(read.value.bytes) });
}

async function readLimited(
  filePath: string,
  limit: number,
  what: string,
  files: ReadFileSystem,
): Promise<Result<{ name: string; bytes: Uint8Array }, string>> {
  const name = path.basename(filePath);
  const tooLarge = `“${name}” is larger than ${limit / 1024 / 1024} MB, too large to be ${what}.`;
  try {
    const stats = await files.stat(filePath);
    if (!stats.isFile()) return err(`“${name}” is not a file.`);
    if (stats.size > limit) return err(tooLarge);
    const bytes = await files.readFile(filePath);
    // The file may have grown between the two calls.
    if (bytes.byteLength > limit) return err(tooLarge);
    return ok({ name, bytes });
  } catch (error) {
    return err(describeReadError(name, error));
  }
}

function describeReadError(name: string, error: unknown): string {
  switch (errorCode(error)) {
    case "ENOENT":
      return `“${name}” could not be found. It may have been moved or deleted.`;
    case "EACCES":
    case "EPERM":
      return `You don't have permission to open “${name}”.`;
    case "EISDIR":
      return `“${name}” is a folder, not a file.`;
    default:
      return `“${name}” could not be opened (${errorCode(error) ?? errorMessage(error)}).`;
  }
}

/**
 * A bare file name for the save dialog's default: the renderer's suggestion
 * must not steer the dialog into another folder, and gets the extension of
 * what is saved.
 */
export function suggestedFileName(suggestion: string, extension: string = ROADMAP_EXTENSION): string {
  const base = suggestion
    .replace(/[\\/]/g, " ")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go.
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    // A leading dot would hide the file on macOS and Linux.
    .replace(/^[.\s]+/, "")
    .trim();
  const stem = base.toLowerCase().endsWith(`.${extension}`) ? base.slice(0, -extension.length - 1) : base;
  return `${stem.trim() || "Untitled"}.${extension}`;
}
