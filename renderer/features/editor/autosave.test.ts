import { describe, expect, it } from "vitest";
import { createAutosave } from "./autosave";

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
});
