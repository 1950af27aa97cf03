export type SaveStatus = "saved" | "pending" | "saving" | "failed";

/** How long after the last change a save starts, and the most a change may wait while edits keep coming. */
export const AUTOSAVE_QUIET_MS = 300;
export const AUTOSAVE_MAX_WAIT_MS = 1000;

/** After a failed save, the next try waits this long, doubling each time up to the ceiling. */
export const RETRY_FIRST_MS = 2000;
export const RETRY_MAX_MS = 60_000;

/**
 * Saves the latest version of a document soon after it changes: once edits
 * pause, and never more than a second after the first unsaved one, so a
 * crash loses at most a second of work. Saves never overlap; a change made
 * during a save is saved right after it.
 *
 * A failed save keeps the version in memory and tries again: on the next
 * change, on a flush, and on its own after a wait that doubles each time
 * (a full disk rarely frees itself within seconds; hammering it helps no
 * one). Until a save succeeds the status stays "failed", so the user is not
 * told "Saving…" over a problem that has not gone away.
 */
export function createAutosave<T>(
  save: (doc: T) => Promise<void>,
  onStatus: (status: SaveStatus, error?: unknown) => void,
) {
  let latest: T | null = null;
  let firstPendingAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let failures = 0;

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const report = (status: SaveStatus, error?: unknown) => {
    if (failures > 0 && (status === "pending" || status === "saving")) return;
    onStatus(status, error);
  };

  const run = async (): Promise<void> => {
    clearTimer();
    while (running) await running;
    const doc = latest;
    if (doc === null) return;
    latest = null;
    firstPendingAt = null;
    report("saving");
    running = save(doc).then(
      () => {
        failures = 0;
        report(latest === null ? "saved" : "pending");
      },
      (error: unknown) => {
        // Keep the unsaved version so a later try writes it, unless a newer one is already waiting.
        if (latest === null) latest = doc;
        failures += 1;
        onStatus("failed", error);
        clearTimer();
        timer = setTimeout(() => void run(), Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1)));
      },
    );
    await running;
    running = null;
  };

  return {
    schedule(doc: T, now = Date.now()): void {
      latest = doc;
      firstPendingAt ??= now;
      report("pending");
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
      failures = 0;
    },
    hasPending: (): boolean => latest !== null || running !== null,
  };
}
