import { mkdtemp, rm, writeFile } from "node:fs/promises";
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

describe("nodeFiles.readBytes", () => {
  it("reads a file's bytes as they are, and refuses a larger one than allowed without reading it", async () => {
    const file = path.join(dir, "answers.csv");
    await writeFile(file, Uint8Array.of(0x43, 0x61, 0x66, 0xe9));
    expect(await nodeFiles.readBytes(file, 4)).toEqual({ ok: true, value: Uint8Array.of(0x43, 0x61, 0x66, 0xe9) });
    expect(await nodeFiles.readBytes(file, 3)).toEqual({
      ok: false,
      error: "is 0.0 MB, larger than the 0.0 MB an import may be",
    });
    expect(await nodeFiles.readBytes(dir, 3)).toEqual({ ok: false, error: "is a folder, not a file to import" });
  });
});
