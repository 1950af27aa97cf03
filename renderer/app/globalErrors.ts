import { describeStorageError } from "../data/roadmapRepository";
import type { Notice } from "./shellSlice";

/**
 * Errors that escape every handler — a throw in an event handler or timer, a
 * promise nobody awaited — are shown to the user instead of only reaching a
 * console they never open: whatever they just did may not have happened.
 * Returns the function that stops listening.
 */
export function reportUncaughtErrors(target: Window, notify: (notice: Omit<Notice, "id">) => void): () => void {
  const onError = (event: ErrorEvent) => {
    notify({ tone: "error", message: describeUncaught(event.error ?? event.message) });
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    notify({ tone: "error", message: describeUncaught(event.reason) });
  };
  target.addEventListener("error", onError);
  target.addEventListener("unhandledrejection", onRejection);
  return () => {
    target.removeEventListener("error", onError);
    target.removeEventListener("unhandledrejection", onRejection);
  };
}

function describeUncaught(error: unknown): string {
  // A library write nobody awaited is the likeliest escapee: said in the same words as the save status.
  return `Something went wrong: ${describeStorageError(error)}. What you just did may not have taken effect.`;
}
