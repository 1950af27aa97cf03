import path from "node:path";
import { describeIssue } from "../shared/model/issues";
import { readRoadmapFile } from "../shared/model/roadmapFile";
import type { Roadmap } from "../shared/model/schema";
import type { CliFiles, WriteFailure } from "./nodeFiles";

/** Everything the command line touches outside itself, passed in so tests can watch it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  files: CliFiles;
  /** The time stamped on new roadmaps and exports. */
  now(): Date;
  /** Locale of the numbers in human-readable output; undefined means the system's. */
  locale?: string;
}

export const EXIT_OK = 0;
/** A file could not be read, was not a valid roadmap (or, to `validate`, its plan has an error), or an output could not be written. */
export const EXIT_FAILURE = 1;
/** The command line itself is wrong: unknown command or option, missing or extra arguments. */
export const EXIT_USAGE = 2;

export interface Command {
  name: string;
  synopsis: string;
  summary: string;
  /** The help page below the usage line. */
  help(): string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Every command takes -h; parseArgs is strict by default, so anything else unknown is a usage error. */
export const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

export function commandHelp(command: Command): string {
  return `Usage: roadmap ${command.synopsis}\n\n${command.summary}.\n\n${command.help()}`;
}

export function usageError(command: Command, message: string, io: CliIo): number {
  io.stderr(
    `roadmap ${command.name}: ${message}\n\nUsage: roadmap ${command.synopsis}\n(roadmap help ${command.name} for more)\n`,
  );
  return EXIT_USAGE;
}

/**
 * What `parse` (a `parseArgs` call with the command's options) found, or the
 * exit code when there is nothing more to do: the command's help was asked
 * for, or the command line is wrong.
 */
export function parseCommandLine<T extends { values: { help?: boolean | undefined } }>(
  command: Command,
  io: CliIo,
  parse: () => T,
): T | number {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    return usageError(command, error instanceof Error ? error.message : String(error), io);
  }
  if (parsed.values.help) {
    io.stdout(`${commandHelp(command)}\n`);
    return EXIT_OK;
  }
  return parsed;
}

/**
 * The roadmap in the file, or undefined after saying on stderr, line by line,
 * what is wrong with it. What migrating an older file changed goes to stderr too.
 * `versions` is the file's saved versions as written: a command that writes the
 * roadmap back passes them on untouched, so the file keeps its history.
 */
export async function loadRoadmap(
  file: string,
  io: CliIo,
): Promise<{ roadmap: Roadmap; fromVersion: number; versions: unknown } | undefined> {
  const read = await io.files.readText(file);
  if (!read.ok) {
    io.stderr(`${file}: ${read.error}\n`);
    return undefined;
  }
  const result = readRoadmapFile(file, read.value.text, read.value.sizeInBytes);
  if (!result.ok) {
    io.stderr(result.error.issues.map((issue) => `${file}: ${describeIssue(issue)}\n`).join(""));
    return undefined;
  }
  io.stderr(result.value.migrationNotes.map((note) => `${file}: migrated: ${note}\n`).join(""));
  return result.value;
}

/** Why these outputs cannot be written: one would replace the roadmap itself, or two share a path. */
export function clashingPath(input: string, outputs: readonly string[]): string | undefined {
  const seen = new Set([path.resolve(input)]);
  for (const out of outputs) {
    const resolved = path.resolve(out);
    if (resolved === path.resolve(input)) return `${out} is the roadmap file itself; choose another output`;
    if (seen.has(resolved)) return `${out} is named for two outputs; give each its own file`;
    seen.add(resolved);
  }
  return undefined;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The end of "OUT: could not be written: …". */
export function writeFailureReason(failure: WriteFailure): string {
  return failure.kind === "failed" ? failure.reason : "it exists";
}
