import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nodeFiles } from "./nodeFiles";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "roadmap-files-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("nodeFiles.writeAtomic", () => {
  it("writes bytes exactly and leaves no temp file behind", async () => {
    const target = path.join(dir, "budget.xlsx");
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
    expect(await nodeFiles.writeAtomic(target, bytes, { overwrite: false })).toEqual({ ok: true, value: undefined });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(["budget.xlsx"]);
  });

  it("keeps an existing file unless replacing it is allowed", async () => {
    const target = path.join(dir, "plan.roadmap");
    await writeFile(target, "old");
    expect(await nodeFiles.writeAtomic(target, "new", { overwrite: false })).toEqual({
      ok: false,
      error: { kind: "exists" },
    });
    expect(await readFile(target, "utf8")).toBe("old");
    expect((await nodeFiles.writeAtomic(target, "new", { overwrite: true })).ok).toBe(true);
    expect(await readFile(target, "utf8")).toBe("new");
    expect(await readdir(dir)).toEqual(["plan.roadmap"]);
  });

  it("lets only one of two simultaneous writers create a file", async () => {
    const target = path.join(dir, "race.roadmap");
    const results = await Promise.all(
      ["first", "second", "third"].map((text) => nodeFiles.writeAtomic(target, text, { overwrite: false })),
    );
    const winners = results.flatMap((result, i) => (result.ok ? [["first", "second", "third"][i]] : []));
    expect(winners).toHaveLength(1);
    expect(await readFile(target, "utf8")).toBe(winners[0]);
    expect(await readdir(dir)).toEqual(["race.roadmap"]);
  });

  it("says why a write failed", async () => {
    const target = path.join(dir, "no-such-folder", "plan.csv");
    expect(await nodeFiles.writeAtomic(target, "x", { overwrite: true })).toEqual({
      ok: false,
      error: { kind: "failed", reason: "no such file or folder" },
    });
  });
});

describe("nodeFiles.readText", () => {
  it("reads UTF-8 without a byte-order mark and counts the size in bytes", async () => {
    const file = path.join(dir, "bom.roadmap");
    await writeFile(file, '\uFEFF{"name":"Café"}', "utf8");
    expect(await nodeFiles.readText(file)).toEqual({
      ok: true,
      value: { text: '{"name":"Café"}', sizeInBytes: 3 + 16 },
    });
  });

  it("says what is wrong with a path that is not a readable file", async () => {
    expect(await nodeFiles.readText(path.join(dir, "missing.roadmap"))).toEqual({
      ok: false,
      error: "no such file or folder",
    });
    expect(await nodeFiles.readText(dir)).toEqual({ ok: false, error: "is a folder, not a roadmap file" });
  });
});
