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

/** Text to match literally inside a regular expression (file paths, item headers). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
