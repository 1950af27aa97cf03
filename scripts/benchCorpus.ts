// `npm run bench:corpus`: runs the command line over every crafted file of the
// corpus (cli/testing/corpus.ts), one command at a time, and prints each run's
// exit code, wall time and peak memory, then the worst of each command, as
// Markdown for docs/performance.md. The gate's corpus test checks the outcomes;
// this measures them on a quiet machine.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CORPUS_COMMANDS, runMeasured, writeCorpus } from "../cli/testing/corpus";

const dir = await mkdtemp(path.join(tmpdir(), "roadmap-corpus-"));
try {
  const files = await writeCorpus(dir);
  const worst = new Map<string, { ms: number; mb: number; msFile: string; mbFile: string }>();
  console.log("| File | Expected | Command | Exit | Time (ms) | Peak RSS (MB) |");
  console.log("|---|---|---|---:|---:|---:|");
  for (const file of files) {
    for (const command of CORPUS_COMMANDS) {
      const run = await runMeasured(command.args(file.name), { cwd: dir, timeoutMs: 120_000 });
      const mb = run.maxRssMb ?? Number.NaN;
      console.log(
        `| ${file.name} | ${file.expect.refused ? "refused" : "accepted"} | ${command.name} | ${run.code ?? run.signal} | ${run.ms.toFixed(0)} | ${mb.toFixed(0)} |`,
      );
      const current = worst.get(command.name) ?? { ms: 0, mb: 0, msFile: "", mbFile: "" };
      if (run.ms > current.ms) Object.assign(current, { ms: run.ms, msFile: file.name });
      if (!(mb <= current.mb)) Object.assign(current, { mb, mbFile: file.name });
      worst.set(command.name, current);
    }
  }
  console.log(`\n${files.length} files.\n`);
  console.log("| Command | Worst time (ms) | on | Worst peak RSS (MB) | on |");
  console.log("|---|---:|---|---:|---|");
  for (const [name, w] of worst) {
    console.log(`| ${name} | ${w.ms.toFixed(0)} | ${w.msFile} | ${w.mb.toFixed(0)} | ${w.mbFile} |`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
