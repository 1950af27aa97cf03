import { readFile } from "node:fs/promises";
import type { z } from "zod";
import type { Result } from "../shared/result";
import { writeFileAtomic } from "./atomicWrite";

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

export function writeJsonFile(filePath: string, value: unknown): Promise<Result<void, string>> {
  return writeFileAtomic(filePath, `${JSON.stringify(value, null, 2)}\n`);
}
