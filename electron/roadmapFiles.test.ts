import { mkdtemp, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_TABLE_FILE_BYTES } from "../shared/import/tableLimits";
import { MAX_FILE_BYTES, readRoadmapFile, readTableFile, suggestedFileName } from "./roadmapFiles";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "roadmap-read-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("readRoadmapFile", () => {
  it("reads UTF-8 text and reports the size in bytes, not characters", async () => {
    const file = path.join(folder, "Acme.roadmap");
    await writeFile(file, '{ "name": "Café" }');
    const result = await readRoadmapFile(file);
    expect(result).toEqual({
      ok: true,
      value: { name: "Acme.roadmap", text: '{ "name": "Café" }', sizeInBytes: 19 },
    });
  });

  it("refuses a file over 20 MB without reading it", async () => {
    const file = path.join(folder, "huge.roadmap");
    await writeFile(file, "");
    await truncate(file, MAX_FILE_BYTES + 1);
    const readFile = vi.fn(async () => new Uint8Array());
    const result = await readRoadmapFile(file, { stat: (p) => stat(p), readFile });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/larger than 20 MB/) });
    expect(readFile).not.toHaveBeenCalled();
  });

  it("accepts a file of exactly 20 MB", async () => {
    const file = path.join(folder, "big.roadmap");
    await writeFile(file, "");
    await truncate(file, MAX_FILE_BYTES);
    const result = await readRoadmapFile(file);
    expect(result.ok && result.value.sizeInBytes).toBe(MAX_FILE_BYTES);
  });

  it("refuses a file that grew past the limit after it was measured", async () => {
    const result = await readRoadmapFile("/x/grown.roadmap", {
      stat: async () => ({ size: 10, isFile: () => true }),
      readFile: async () => new Uint8Array(MAX_FILE_BYTES + 1),
    });
    expect(result.ok).toBe(false);
  });

  it("says so when the file is missing", async () => {
    const result = await readRoadmapFile(path.join(folder, "gone.roadmap"));
    expect(result).toEqual({
      ok: false,
      error: "“gone.roadmap” could not be found. It may have been moved or deleted.",
    });
  });

  it("refuses a folder", async () => {
    const result = await readRoadmapFile(folder);
    expect(result.ok).toBe(false);
  });
});

describe("readTableFile", () => {
  it("reads a spreadsheet's bytes as they are, whatever their encoding", async () => {
    const file = path.join(folder, "answers.csv");
    const windows1252 = new Uint8Array([0x50, 0x68, 0x61, 0x73, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    await writeFile(file, windows1252);
    const result = await readTableFile(file);
    expect(result).toEqual({ ok: true, value: { name: "answers.csv", bytes: windows1252 } });
    expect(result.ok && Object.getPrototypeOf(result.value.bytes)).toBe(Uint8Array.prototype);
  });

  it("refuses a file over the import's limit without reading it", async () => {
    const readFile = vi.fn(async () => new Uint8Array());
    const result = await readTableFile("/x/huge.csv", {
      stat: async () => ({ size: MAX_TABLE_FILE_BYTES + 1, isFile: () => true }),
      readFile,
    });
    expect(result).toEqual({ ok: false, error: "“huge.csv” is larger than 50 MB, too large to be a file to import." });
    expect(readFile).not.toHaveBeenCalled();
  });

  it("says so when the file is missing", async () => {
    expect(await readTableFile(path.join(folder, "gone.xlsx"))).toEqual({
      ok: false,
      error: "“gone.xlsx” could not be found. It may have been moved or deleted.",
    });
  });
});

describe("suggestedFileName", () => {
  it.each([
    ["Acme onboarding", "Acme onboarding.roadmap"],
    ["Acme.roadmap", "Acme.roadmap"],
    ["../../etc/passwd", "etc passwd.roadmap"],
    ["C:\\Users\\x\\plan", "C Users x plan.roadmap"],
    ["Q1 / Q2 plan", "Q1 Q2 plan.roadmap"],
    ["   ", "Untitled.roadmap"],
    [".hidden", "hidden.roadmap"],
  ])("turns %j into a bare file name %j", (suggestion, expected) => {
    const name = suggestedFileName(suggestion);
    expect(name).toBe(expected);
    expect(path.basename(name)).toBe(name);
  });
});
