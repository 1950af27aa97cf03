import { nodeFiles } from "./nodeFiles";
import { runRoadmapCli } from "./roadmapCli";

// `roadmap budget --json FILE | head` closes the pipe early; that is the reader's choice, not a failure to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await runRoadmapCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  files: nodeFiles,
  now: () => new Date(),
});
