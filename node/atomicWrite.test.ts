import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "./atomicWrite";
import { errorCode } from "./errors";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "roadmap-atomic-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const systemError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe("writeFileAtomic", () => {
  it("creates a new file with the text, as UTF-8, and leaves no temp file behind", async () => {
    const target = path.join(folder, "plan.roadmap");
    expect(await writeFileAtomic(target, "héllo", { overwrite: false })).toEqual({ ok: true, value: undefined });
    expect(await readFile(target, "utf8")).toBe("héllo");
    expect(await readdir(folder)).toEqual(["plan.roadmap"]);
  });

  it("writes bytes exactly", async () => {
    const target = path.join(folder, "budget.xlsx");
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
    expect((await writeFileAtomic(target, bytes, { overwrite: true })).ok).toBe(true);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it("keeps an existing file unless replacing it is allowed", async () => {
    const target = path.join(folder, "plan.roadmap");
    await writeFile(target, "old");
    expect(await writeFileAtomic(target, "new", { overwrite: false })).toEqual({
      ok: false,
      error: { kind: "exists" },
    });
    expect(await readFile(target, "utf8")).toBe("old");
    expect((await writeFileAtomic(target, "new", { overwrite: true })).ok).toBe(true);
    expect(await readFile(target, "utf8")).toBe("new");
    expect(await readdir(folder)).toEqual(["plan.roadmap"]);
  });

  it("lets only one of two simultaneous writers create a file", async () => {
    const target = path.join(folder, "race.roadmap");
    const texts = ["first", "second", "third"];
    const results = await Promise.all(texts.map((text) => writeFileAtomic(target, text, { overwrite: false })));
    const winners = results.flatMap((result, i) => (result.ok ? [texts[i]] : []));
    expect(winners).toHaveLength(1);
    expect(await readFile(target, "utf8")).toBe(winners[0]);
    expect(await readdir(folder)).toEqual(["race.roadmap"]);
  });

  it("leaves the old file intact and removes the temp file when the write fails half-way", async () => {
    const target = path.join(folder, "plan.roadmap");
    await writeFile(target, "the old plan");
    const result = await writeFileAtomic(target, "the new plan, much longer", {
      overwrite: true,
      writeContents: async (file, contents) => {
        await file.write(String(contents).slice(0, 5));
        throw systemError("ENOSPC");
      },
    });
    expect(result).toEqual({
      ok: false,
      error: { kind: "failed", cause: expect.objectContaining({ code: "ENOSPC" }) },
    });
    expect(await readFile(target, "utf8")).toBe("the old plan");
    expect(await readdir(folder)).toEqual(["plan.roadmap"]);
  });

  it("hands back the file system's error for a folder that no longer exists", async () => {
    const result = await writeFileAtomic(path.join(folder, "gone", "plan.roadmap"), "text", { overwrite: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(errorCode(result.error.cause)).toBe("ENOENT");
  });

  it.skipIf(process.platform === "win32")("keeps the permissions of the file it replaces", async () => {
    const target = path.join(folder, "plan.roadmap");
    await writeFile(target, "old");
    await chmod(target, 0o600);
    await writeFileAtomic(target, "new", { overwrite: true });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});
