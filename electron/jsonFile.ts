import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { err, type Result } from "../shared/result";
import { describeWriteError, saveFile } from "./saveFile";

/** Reads a settings file; a missing, unreadable or outdated one counts as absent. */
export async function readJsonFile<T>(filePath: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeJsonFile(filePath: string, value: unknown): Promise<Result<void, string>> {
  try {
    // userData may not exist yet on a first run.
    await mkdir(path.dirname(filePath), { recursive: true });
  } catch (error) {
    return err(describeWriteError(error));
  }
  return saveFile(filePath, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Saves one settings file a write at a time: two overlapping atomic writes
 * could finish out of order and leave the older value on disk.
 */
export function jsonFileWriter(filePath: string): (value: unknown) => Promise<Result<void, string>> {
  let previous: Promise<unknown> = Promise.resolve();
  return (value) => {
    const next = previous.then(() => writeJsonFile(filePath, value));
    previous = next;
    return next;
  };
}
