import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonFileWriter, readJsonFile } from "./jsonFile";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "roadmap-json-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const Schema = z.object({ count: z.number() });

describe("settings files", () => {
  it("treats a missing, damaged or outdated file as absent", async () => {
    const file = path.join(folder, "settings.json");
    expect(await readJsonFile(file, Schema)).toBeNull();
    await writeFile(file, "{ not json");
    expect(await readJsonFile(file, Schema)).toBeNull();
    await writeFile(file, '{ "count": "three" }');
    expect(await readJsonFile(file, Schema)).toBeNull();
  });

  it("creates the folder on first save and reads back what was saved", async () => {
    const file = path.join(folder, "userData", "settings.json");
    const save = jsonFileWriter(file);
    expect(await save({ count: 3 })).toEqual({ ok: true, value: undefined });
    expect(await readJsonFile(file, Schema)).toEqual({ count: 3 });
  });

  it("keeps the last of many quick saves", async () => {
    const file = path.join(folder, "settings.json");
    const save = jsonFileWriter(file);
    await Promise.all(Array.from({ length: 20 }, (_, count) => save({ count })));
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ count: 19 });
  });
});
