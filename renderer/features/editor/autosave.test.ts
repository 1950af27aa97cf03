import { describe, expect, it, vi } from "vitest";
import { createAutosave, RETRY_FIRST_MS, RETRY_MAX_MS, type SaveStatus } from "./autosave";

describe("autosave", () => {
  it("flush waits until every pending version is written, even one queued behind a slow save", async () => {
    const written: string[] = [];
    let release: () => void = () => {};
    const save = (doc: string) =>
      new Promise<void>((resolve) => {
        release = () => {
          written.push(doc);
          resolve();
        };
      });
    const autosave = createAutosave(save, () => {});
    autosave.schedule("v1", 0);
    const first = autosave.flush();
    autosave.schedule("v2", 10);
    const second = autosave.flush();
    release();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await Promise.all([first, second]);
    expect(written).toEqual(["v1", "v2"]);
    expect(autosave.hasPending()).toBe(false);
  });

  it("discard forgets unsaved changes", async () => {
    const written: string[] = [];
    const autosave = createAutosave(
      async (doc: string) => {
        written.push(doc);
      },
      () => {},
    );
    autosave.schedule("unsaved", 0);
    autosave.discard();
    await autosave.flush();
    expect(written).toEqual([]);
  });

  it("retries a failed save on its own, waiting twice as long each time, and stays 'failed' until one succeeds", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const attempts: number[] = [];
      let failing = 3;
      const statuses: SaveStatus[] = [];
      const autosave = createAutosave(
        async (_doc: string) => {
          attempts.push(Date.now());
          if (failing-- > 0) throw new DOMException("full", "QuotaExceededError");
        },
        (status) => statuses.push(status),
      );
      const start = Date.now();
      autosave.schedule("v1", start);
      await vi.advanceTimersByTimeAsync(RETRY_MAX_MS);
      expect(attempts.map((at) => at - start)).toEqual([
        300,
        300 + RETRY_FIRST_MS,
        300 + RETRY_FIRST_MS * 3,
        300 + RETRY_FIRST_MS * 7,
      ]);
      expect(statuses).toEqual(["pending", "saving", "failed", "failed", "failed", "saved"]);
      expect(autosave.hasPending()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it("tries a failed save again on the next change, with the newest version", async () => {
    const written: string[] = [];
    let fail = true;
    const autosave = createAutosave(
      async (doc: string) => {
        if (fail) throw new Error("aborted");
        written.push(doc);
      },
      () => {},
    );
    autosave.schedule("v1", 0);
    await autosave.flush();
    expect(autosave.hasPending()).toBe(true);
    fail = false;
    autosave.schedule("v2", 10);
    await autosave.flush();
    expect(written).toEqual(["v2"]);
  });
});
