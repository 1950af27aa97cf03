export type SaveStatus = "saved" | "pending" | "saving" | "failed";

/** How long after the last change a save starts, and the most a change may wait while edits keep coming. */
export const AUTOSAVE_QUIET_MS = 300;
export const AUTOSAVE_MAX_WAIT_MS = 1000;

/**
 * Saves the latest version of a document soon after it changes: once edits
 * pause, and never more than a second after the first unsaved one, so a
 * crash loses at most a second of work. Saves never overlap; a change made
 * during a save is saved right after it.
 */
export function createAutosave<T>(
  save: (doc: T) => Promise<void>,
  onStatus: (status: SaveStatus, error?: unknown) => void,
) {
  let latest: T | null = null;
  let firstPendingAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const run = async (): Promise<void> => {
    clearTimer();
    while (running) await running;
    const doc = latest;
    if (doc === null) return;
    latest = null;
    firstPendingAt = null;
    onStatus("saving");
    running = save(doc).then(
      () => onStatus(latest === null ? "saved" : "pending"),
      (error: unknown) => {
        // Keep the unsaved version so the next change or flush tries again.
        if (latest === null) latest = doc;
        onStatus("failed", error);
      },
    );
    await running;
    running = null;
  };

  return {
    schedule(doc: T, now = Date.now()): void {
      latest = doc;
      firstPendingAt ??= now;
      onStatus("pending");
      clearTimer();
      const wait = Math.max(0, Math.min(AUTOSAVE_QUIET_MS, firstPendingAt + AUTOSAVE_MAX_WAIT_MS - now));
      timer = setTimeout(() => void run(), wait);
    },
    /** Saves what is pending now, e.g. when the window is hidden or closed; resolves once nothing is being written. */
    flush: async (): Promise<void> => {
      await run();
      while (running) await running;
    },
    /** Forgets unsaved changes: the library's copy was replaced and is now the one to show. */
    discard: (): void => {
      clearTimer();
      latest = null;
      firstPendingAt = null;
    },
    hasPending: (): boolean => latest !== null,
  };
}
