import path from "node:path";
import { z } from "zod";

export const MAX_RECENT_FILES = 10;

/** The recent list as kept in userData. */
export const RecentFilesSchema = z.array(z.string().min(1)).transform((files) => files.slice(0, MAX_RECENT_FILES));

export interface RecentFiles {
  list(): readonly string[];
  add(filePath: string): void;
  remove(filePath: string): void;
  clear(): void;
}

/** Most recent first, each file once; `changed` persists the list and rebuilds the menu. */
export function createRecentFiles(
  initial: readonly string[],
  changed: (files: readonly string[]) => void,
): RecentFiles {
  let files: readonly string[] = initial.slice(0, MAX_RECENT_FILES);
  const update = (next: readonly string[]) => {
    files = next;
    changed(files);
  };
  return {
    list: () => files,
    add(filePath) {
      const absolute = path.resolve(filePath);
      update([absolute, ...files.filter((file) => file !== absolute)].slice(0, MAX_RECENT_FILES));
    },
    remove(filePath) {
      const absolute = path.resolve(filePath);
      if (files.includes(absolute)) update(files.filter((file) => file !== absolute));
    },
    clear() {
      update([]);
    },
  };
}
