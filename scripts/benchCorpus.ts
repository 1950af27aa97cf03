// `npm run bench:corpus [-- NAME…]`: runs the command line over every crafted
// file of the corpus (cli/testing/corpus.ts), or those whose names contain a
// NAME, one command at a time, and prints each run's exit code, wall time, CPU
// time and peak memory, then the worst of each command, as Markdown for
// docs/performance.md. The gate's corpus test checks the outcomes; this
// measures them. CPU time is what a command costs however busy the machine
// is; wall time is what a user waits on this one.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CORPUS_COMMANDS, runMeasured, writeCorpus } from "../cli/testing/corpus";

const only = process.argv.slice(2);
const dir = await mkdtemp(path.join(tmpdir(), "roadmap-corpus-"));
try {
  const files = (await writeCorpus(dir)).filter((file) => only.length === 0 || only.some((n) => file.name.includes(n)));
  type Worst = { value: number; file: string };
  const worst = new Map<string, { wall: Worst; cpu: Worst; rss: Worst }>();
  const raise = (current: Worst, value: number, file: string) => {
    if (!(value <= current.value)) Object.assign(current, { value, file });
  };
  console.log("| File | Expected | Command | Exit | Wall (ms) | CPU (ms) | Peak RSS (MB) |");
  console.log("|---|---|---|---:|---:|---:|---:|");
  for (const file of files) {
    for (const command of CORPUS_COMMANDS) {
      const run = await runMeasured(command.args(file.name), { root: process.cwd(), cwd: dir, timeoutMs: 300_000 });
      const cpu = run.cpuMs ?? Number.NaN;
      const rss = run.maxRssMb ?? Number.NaN;
      console.log(
        `| ${file.name} | ${file.expect.refused ? "refused" : "accepted"} | ${command.name} | ${run.code ?? run.signal} | ${run.ms.toFixed(0)} | ${cpu.toFixed(0)} | ${rss.toFixed(0)} |`,
      );
      const current = worst.get(command.name) ?? {
        wall: { value: 0, file: "" },
        cpu: { value: 0, file: "" },
        rss: { value: 0, file: "" },
      };
      raise(current.wall, run.ms, file.name);
      raise(current.cpu, cpu, file.name);
      raise(current.rss, rss, file.name);
      worst.set(command.name, current);
    }
  }
  console.log(`\n${files.length} files.\n`);
  console.log("| Command | Worst wall (ms) | on | Worst CPU (ms) | on | Worst peak RSS (MB) | on |");
  console.log("|---|---:|---|---:|---|---:|---|");
  for (const [name, { wall, cpu, rss }] of worst) {
    console.log(
      `| ${name} | ${wall.value.toFixed(0)} | ${wall.file} | ${cpu.value.toFixed(0)} | ${cpu.file} | ${rss.value.toFixed(0)} | ${rss.file} |`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
