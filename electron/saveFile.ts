import { writeFileAtomic } from "../node/atomicWrite";
import { errorCode, errorMessage } from "../node/errors";
import { err, type Result } from "../shared/result";

/** Replaces a file all at once (node/atomicWrite.ts); a failure comes back as a sentence for the user. */
export async function saveFile(target: string, contents: string | Uint8Array): Promise<Result<void, string>> {
  const written = await writeFileAtomic(target, contents, { overwrite: true });
  return written.ok ? written : err(describeWriteError(written.error.cause));
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
