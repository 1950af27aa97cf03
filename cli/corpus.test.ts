import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { assertWellFormed } from "../shared/export/testing/wellFormedXml";
import {
  CORPUS_COMMANDS,
  type CorpusFile,
  HEAP_LIMIT_MB,
  type MeasuredRun,
  runMeasured,
  writeCorpus,
} from "./testing/corpus";

/**
 * Every crafted file through the real command, as a separate Node process with
 * the memory budget as its heap limit: refused with a message naming
 * the file and the field, or accepted with every export written whole. Time is
 * only printed (a busy machine must not fail the gate); `npm run bench:corpus`
 * measures it for docs/performance.md.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
/** Far beyond what any file takes on a quiet machine; only a hang reaches it. */
const COMMAND_TIMEOUT_MS = 240_000;
const FILE_TIMEOUT_MS = CORPUS_COMMANDS.length * COMMAND_TIMEOUT_MS;

// Written while the tests are collected, so each file gets a test of its own.
const dir = await mkdtemp(path.join(tmpdir(), "roadmap-corpus-"));
const files = await writeCorpus(dir);
const measured: { file: string; command: string; run: MeasuredRun }[] = [];

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  const worst = CORPUS_COMMANDS.map(({ name }) => {
    const runs = measured.filter((m) => m.command === name);
    const slowest = runs.reduce((a, b) => (b.run.ms > a.run.ms ? b : a));
    const largest = runs.reduce((a, b) => ((b.run.maxRssMb ?? 0) > (a.run.maxRssMb ?? 0) ? b : a));
    return `${name}: slowest ${slowest.run.ms.toFixed(0)} ms wall (${slowest.file}), largest ${largest.run.maxRssMb?.toFixed(0)} MB (${largest.file})`;
  });
  console.log(`corpus of ${files.length} files:\n${worst.join("\n")}`);
});

async function run(file: CorpusFile, command: (typeof CORPUS_COMMANDS)[number]): Promise<MeasuredRun> {
  const result = await runMeasured(command.args(file.name), { root, cwd: dir, timeoutMs: COMMAND_TIMEOUT_MS });
  measured.push({ file: file.name, command: command.name, run: result });
  const where = `${command.name} ${file.name}`;
  expect(result.signal, `${where} was killed`).toBeNull();
  expect(result.maxRssMb, `${where} died before it finished:\n${result.stderr.slice(0, 2000)}`).not.toBeNull();
  expect(result.maxRssMb ?? Number.POSITIVE_INFINITY, where).toBeLessThan(HEAP_LIMIT_MB);
  // Never a stack trace, whatever the file holds.
  expect(result.stderr, where).not.toMatch(/^\s+at |FATAL ERROR|\bat Object\./m);
  return result;
}

function expectNamed(file: CorpusFile, stderr: string): void {
  const lines = stderr.split("\n").filter((line) => line !== "");
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line.startsWith(`${file.name}: `), line).toBe(true);
}

describe("the corpus of crafted files", () => {
  it.each(files)("$name: $about", { timeout: FILE_TIMEOUT_MS }, async (file) => {
    const { name } = file;
    const [validate, budget, diagram, exported] = CORPUS_COMMANDS;

    if (file.expect.refused) {
      for (const command of CORPUS_COMMANDS) {
        const result = await run(file, command);
        expect(result.code, `${command.name}: ${result.stderr}`).toBe(1);
        expect(result.stdout).toBe("");
        expectNamed(file, result.stderr);
        if (file.expect.field) expect(result.stderr).toContain(`${file.name}: ${file.expect.field}`);
      }
      return;
    }

    const checked = await run(file, validate);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(
      new RegExp(`^${name.replaceAll(".", "\\.")}: valid: \\d+ phases?, \\d+ communications?`),
    );

    const totals = await run(file, budget);
    expect(totals.code, totals.stderr).toBe(0);
    const report = JSON.parse(totals.stdout) as { file: string; totals: Record<string, unknown> };
    expect(report.file).toBe(name);
    for (const value of Object.values(report.totals)) {
      if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
    }

    const output = (format: string) => path.join(dir, `${name}.${format}`);
    const drawn = await run(file, diagram);
    expect(drawn.code, drawn.stderr).toBe(0);
    const svg = await readFile(output("svg"), "utf8");
    assertWellFormed(svg);
    expect(svg).toMatch(/^<svg [^>]*width="\d+" height="\d+"/);

    const written = await run(file, exported);
    expect(written.code, written.stderr).toBe(0);
    const xlsx = await readFile(output("xlsx"));
    expect(xlsx.subarray(0, 2).toString("latin1")).toBe("PK");
    const csv = await readFile(output("csv"), "utf8");
    expect(csv.startsWith("\uFEFFDate,Month,Phase")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const ics = await readFile(output("ics"), "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
