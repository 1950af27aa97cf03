import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeWriteError, saveFile } from "./saveFile";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "roadmap-save-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const systemError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe("saveFile", () => {
  it("replaces an existing file", async () => {
    const target = path.join(folder, "plan.roadmap");
    await writeFile(target, "old");
    expect(await saveFile(target, "new")).toEqual({ ok: true, value: undefined });
    expect(await readFile(target, "utf8")).toBe("new");
  });

  it("says in plain words that the folder is gone", async () => {
    const result = await saveFile(path.join(folder, "gone", "plan.roadmap"), "text");
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/folder no longer exists/i) });
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
