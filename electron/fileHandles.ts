import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * Opaque tokens standing in for paths the user chose, so the renderer can save
 * back to a file without ever naming a path. Only code that got the path from
 * the user (a dialog, the command line, the OS, the recent list) registers one.
 */
export class FileHandles {
  readonly #pathByHandle = new Map<string, string>();
  readonly #handleByPath = new Map<string, string>();
  readonly #newToken: () => string;

  constructor(newToken: () => string = () => randomBytes(16).toString("hex")) {
    this.#newToken = newToken;
  }

  /** The handle for `filePath`, the same one each time the same file comes back. */
  register(filePath: string): string {
    const absolute = path.resolve(filePath);
    const existing = this.#handleByPath.get(absolute);
    if (existing !== undefined) return existing;
    const handle = this.#newToken();
    this.#pathByHandle.set(handle, absolute);
    this.#handleByPath.set(absolute, handle);
    return handle;
  }

  pathOf(handle: string): string | undefined {
    return this.#pathByHandle.get(handle);
  }
}
