import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import { readRoadmapFile, serializeRoadmap } from "../../shared/model/roadmapFile";
import type { Roadmap } from "../../shared/model/schema";
import { createB2bSubscriptionRoadmap } from "../../shared/model/templates/b2bSubscriptionSoftware";
import { nodeFiles } from "../nodeFiles";
import { runRoadmapCli } from "../roadmapCli";

/** What one run of the command line gave: its exit code and everything it printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process over the real file system, at a fixed time and in US English. */
export async function runCli(now: Date, args: readonly string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runRoadmapCli(args, {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    files: nodeFiles,
    now: () => now,
    locale: "en-US",
  });
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

/**
 * A fresh temp folder for each test of the calling file (removed after it),
 * and the command line run at `now` over files in it.
 */
export function cliWorkspace(prefix: string, now: Date) {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const inDir = (name: string) => path.join(dir, name);
  return {
    inDir,
    roadmap: (...args: string[]) => runCli(now, args),
    /** The B2B template, edited, written to `name` in the folder; its path. */
    async writeRoadmap(name: string, edit: (doc: Roadmap) => void = () => {}): Promise<string> {
      const doc = createB2bSubscriptionRoadmap(now);
      edit(doc);
      const file = inDir(name);
      await writeFile(file, serializeRoadmap(doc));
      return file;
    },
    async readBack(file: string): Promise<Roadmap> {
      const read = readRoadmapFile(file, await readFile(file, "utf8"));
      if (!read.ok) throw new Error(read.error.summary);
      return read.value.roadmap;
    },
  };
}

/** Text to match literally inside a regular expression (file paths, item headers). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
