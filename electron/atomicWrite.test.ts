import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeWriteError, writeFileAtomic } from "./atomicWrite";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "roadmap-atomic-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const systemError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe("writeFileAtomic", () => {
  it("creates a new file with the text", async () => {
    const target = path.join(folder, "plan.roadmap");
    const result = await writeFileAtomic(target, "héllo");
    expect(result).toEqual({ ok: true, value: undefined });
    expect(await readFile(target, "utf8")).toBe("héllo");
    expect(await readdir(folder)).toEqual(["plan.roadmap"]);
  });

  it("replaces an existing file and leaves no temp file behind", async () => {
    const target = path.join(folder, "plan.roadmap");
    await writeFile(target, "old");
    expect((await writeFileAtomic(target, "new")).ok).toBe(true);
    expect(await readFile(target, "utf8")).toBe("new");
    expect(await readdir(folder)).toEqual(["plan.roadmap"]);
  });

  it("leaves the old file intact and removes the temp file when the write fails half-way", async () => {
    const target = path.join(folder, "plan.roadmap");
    await writeFile(target, "the old plan");
    const result = await writeFileAtomic(target, "the new plan, much longer", async (file, contents) => {
      await file.write(String(contents).slice(0, 5));
      throw systemError("ENOSPC");
    });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/disk is full/i) });
    expect(await readFile(target, "utf8")).toBe("the old plan");
    expect(await readdir(folder)).toEqual(["plan.roadmap"]);
  });

  it("writes bytes as they are", async () => {
    const target = path.join(folder, "budget.xlsx");
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    expect((await writeFileAtomic(target, bytes)).ok).toBe(true);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it("reports a folder that no longer exists", async () => {
    const result = await writeFileAtomic(path.join(folder, "gone", "plan.roadmap"), "text");
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/folder no longer exists/i) });
  });

  it("reports a refused permission in plain words", async () => {
    const target = path.join(folder, "plan.roadmap");
    await writeFile(target, "old");
    const result = await writeFileAtomic(target, "new", async () => {
      throw systemError("EACCES");
    });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/permission/i) });
    expect(await readFile(target, "utf8")).toBe("old");
  });

  it.skipIf(process.platform === "win32")("keeps the permissions of the file it replaces", async () => {
    const target = path.join(folder, "plan.roadmap");
    await writeFile(target, "old");
    await chmod(target, 0o600);
    await writeFileAtomic(target, "new");
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe("describeWriteError", () => {
  it.each([
    ["ENOSPC", /disk is full/i],
    ["EACCES", /permission/i],
    ["EPERM", /permission/i],
    ["ENOENT", /folder no longer exists/i],
  ])("explains %s in plain words", (code, message) => {
    expect(describeWriteError(systemError(code))).toMatch(message);
  });

  it("names the code of an unexpected error", () => {
    expect(describeWriteError(systemError("EIO"))).toBe("The file could not be saved (EIO).");
  });
});
