import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { LIMITS } from "../../shared/model/limits";
import { MAX_ROADMAP_FILE_BYTES, serializeRoadmap } from "../../shared/model/roadmapFile";
import type { Roadmap } from "../../shared/model/schema";
import { createB2bSubscriptionRoadmap } from "../../shared/model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../../shared/model/testing/generateRoadmap";
import { everyText, FORMULA_INJECTIONS, TRICKY_NAMES } from "../../shared/model/testing/hostileText";

/**
 * Crafted `.roadmap` files for the command line and the diagram export: each
 * either refused with a message naming the file (and, where one is to blame,
 * the field), or accepted and exported whole. Generated, never committed: the
 * largest are 20 MB.
 */
export interface CorpusFile {
  name: string;
  /** What the file is made to test. */
  about: string;
  expect: { refused: true; field?: string } | { refused: false };
}

const NOW = new Date("2027-01-01T00:00:00.000Z");

/** Writes every corpus file into `dir` and says what each should give. */
export async function writeCorpus(dir: string): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  const add = async (name: string, about: string, expect: CorpusFile["expect"], contents: string | Uint8Array) => {
    await writeFile(path.join(dir, name), contents);
    files.push({ name, about, expect });
  };
  const refused = (field?: string): CorpusFile["expect"] => (field ? { refused: true, field } : { refused: true });
  const accepted: CorpusFile["expect"] = { refused: false };
  const template = () => createB2bSubscriptionRoadmap(NOW);
  const json = (doc: unknown) => JSON.stringify(doc);
  const good = serializeRoadmap(template());

  // Syntax and encoding.
  await add("empty.roadmap", "an empty file", refused(), "");
  await add("truncated.roadmap", "half of a valid file", refused(), good.slice(0, good.length / 2));
  await add("trailing-comma.roadmap", "JSON with a trailing comma", refused(), good.replace(/\n}\n$/, ",\n}\n"));
  await add("utf8-bom.roadmap", "UTF-8 with a byte-order mark", accepted, `\uFEFF${good}`);
  await add(
    "utf16le-bom.roadmap",
    "UTF-16 (little endian) with a byte-order mark",
    refused(),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, "utf16le")]),
  );
  await add(
    "utf16be-bom.roadmap",
    "UTF-16 (big endian) with a byte-order mark",
    refused(),
    Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(good, "utf16le").swap16()])),
  );
  const invalidUtf8 = Buffer.from(good.replace('"name": "', '"name": "\u0001MARK'), "utf8");
  const mark = invalidUtf8.indexOf("\u0001MARK");
  invalidUtf8.set([0xc3, 0x28, 0xff, 0xfe, 0x80], mark);
  await add("invalid-utf8.roadmap", "bytes that are not UTF-8 inside a name", accepted, invalidUtf8);
  await add("nul-bytes.roadmap", "raw NUL bytes between the fields", refused(), good.replace(/,\n/g, ",\u0000\n"));

  // Shapes.
  await add("array.roadmap", "a list at the top", refused(), "[]");
  await add("string.roadmap", "a string at the top", refused(), '"relationship-roadmap"');
  await add("null.roadmap", "null at the top", refused(), "null");
  await add("number.roadmap", "a number at the top", refused(), "42");
  await add("no-version.roadmap", "an object with no schemaVersion", refused("schemaVersion"), json({ a: 1 }));
  await add(
    "future-version.roadmap",
    "a file from a newer version",
    refused("schemaVersion"),
    json({ ...template(), schemaVersion: 99 }),
  );
  await add(
    "version-string.roadmap",
    "schemaVersion as text",
    refused("schemaVersion"),
    json({ ...template(), schemaVersion: "2" }),
  );
  await add("name-number.roadmap", "a name that is a number", refused("name"), json({ ...template(), name: 42 }));
  await add("phases-object.roadmap", "phases as an object", refused("phases"), json({ ...template(), phases: {} }));
  await add(
    "position-string.roadmap",
    "a position given as text",
    refused("phases[0].position.x"),
    json(withPhase(template(), 0, (phase) => ({ ...phase, position: { x: "10", y: 0 } }))),
  );
  await add(
    "missing-stage.roadmap",
    "a phase on a stage that does not exist",
    refused("phases[0].stageId"),
    json(withPhase(template(), 0, (phase) => ({ ...phase, stageId: "nowhere" }))),
  );

  // Keys JavaScript objects already answer to.
  await add(
    "proto-top.roadmap",
    "a __proto__ key on the document",
    refused("__proto__"),
    withProtoKey({ [PROTO]: { polluted: true }, ...template() }),
  );
  await add(
    "proto-customers.roadmap",
    "a __proto__ key among a phase's customers",
    refused("phases[0].initialCustomers"),
    withProtoKey(withPhase(template(), 0, (phase) => ({ ...phase, initialCustomers: { [PROTO]: 5 } }))),
  );
  await add(
    "constructor-id.roadmap",
    "a segment with the id constructor",
    refused("segments[0].id"),
    json({ ...template(), segments: template().segments.map((s, i) => (i === 0 ? { ...s, id: "constructor" } : s)) }),
  );
  await add(
    "constructor-rate-key.roadmap",
    "a constructor key among a transition's segment rates",
    refused("transitions[0].rateBySegment.constructor"),
    json({
      ...template(),
      transitions: template().transitions.map((t, i) => (i === 0 ? { ...t, rateBySegment: { constructor: 0.1 } } : t)),
    }),
  );

  // Text.
  await add(
    "formula-names.roadmap",
    "formula injection in every name and text field",
    accepted,
    json(everyText(template(), FORMULA_INJECTIONS)),
  );
  await add(
    "control-characters.roadmap",
    "control characters and bidi overrides in names",
    accepted,
    json(everyText(template(), TRICKY_NAMES)),
  );
  await add(
    "name-too-long.roadmap",
    "a name one character over the limit",
    refused("name"),
    json({ ...template(), name: "x".repeat(201) }),
  );
  await add(
    "notes-too-long.roadmap",
    "notes one character over the limit",
    refused("notes"),
    json({ ...template(), notes: "n".repeat(50_001) }),
  );

  // Numbers.
  await add(
    "money-1e308.roadmap",
    "a cost of 1e308",
    refused("channels[0].fixedCost"),
    json({ ...template(), channels: template().channels.map((c, i) => (i === 0 ? { ...c, fixedCost: 1e308 } : c)) }),
  );
  await add(
    "money-overflow.roadmap",
    "a value past the largest double (read as Infinity)",
    refused("segments[0].annualValue"),
    good.replace(/"annualValue": [\d.]+/, '"annualValue": 1e400'),
  );
  await add(
    "negative-zero.roadmap",
    "-0 as a cost and a position",
    accepted,
    json(withPhase(template(), 0, (phase) => ({ ...phase, position: { x: -0, y: -0 }, churnRate: -0 }))),
  );
  await add(
    "position-1e19.roadmap",
    "phases at ±1e19 px",
    refused("phases[0].position.x"),
    json({
      ...template(),
      phases: template().phases.map((p, i) => ({ ...p, position: { x: (i % 2 ? -1 : 1) * 1e19, y: 1e19 } })),
    }),
  );
  await add(
    "customers-1e15.roadmap",
    "a quadrillion customers in a phase",
    refused("phases[0].initialCustomers"),
    json(
      withPhase(template(), 0, (phase) => ({
        ...phase,
        initialCustomers: { [template().segments[0]?.id ?? ""]: 1e15 },
      })),
    ),
  );
  await add(
    "horizon-601.roadmap",
    "a horizon of 601 months",
    refused("horizonMonths"),
    json({ ...template(), horizonMonths: 601 }),
  );
  await add(
    "far-corners.roadmap",
    "phases at the four corners of the largest canvas",
    accepted,
    json({
      ...template(),
      phases: template().phases.map((p, i) => ({
        ...p,
        position: { x: (i % 2 ? -1 : 1) * LIMITS.coordinate, y: (i % 4 < 2 ? -1 : 1) * LIMITS.coordinate },
      })),
    }),
  );

  // Size.
  const phases100k = generateRoadmap({ phases: 0, transitionsPerPhase: 0, communications: 0, segments: 1, seed: 1 });
  const stageId = phases100k.stages[0]?.id ?? "";
  await add(
    "phases-100k.roadmap",
    "100,000 phases",
    refused("phases"),
    json({
      ...phases100k,
      phases: Array.from({ length: 100_000 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, stageId })),
    }),
  );
  const oneOff = generateRoadmap({ phases: 1, transitionsPerPhase: 0, communications: 0, segments: 1, seed: 1 });
  await add(
    "communications-100k.roadmap",
    "100,000 communications",
    refused("communications"),
    json({
      ...oneOff,
      owners: [{ id: "o", name: "O", kind: "marketing" }],
      communications: Array.from({ length: 100_000 }, (_, i) => ({
        id: `c${i}`,
        phaseId: oneOff.phases[0]?.id,
        name: `C${i}`,
        purpose: "welcome",
        channelId: oneOff.channels[0]?.id,
        ownerId: "o",
        timing: { kind: "oneOff", month: 0 },
      })),
    }),
  );
  await add(
    "plan-too-large.roadmap",
    "each collection within its limit, together more than a plan may hold",
    refused("horizonMonths"),
    json({
      ...generateRoadmap({ phases: 2_000, transitionsPerPhase: 1, communications: 0, segments: 100, seed: 3 }),
      horizonMonths: 600,
    }),
  );
  await add(
    "limit-phases.roadmap",
    "10,000 phases: the most a file may have",
    accepted,
    json(generateRoadmap({ phases: LIMITS.phases, transitionsPerPhase: 1, communications: 500, segments: 1, seed: 4 })),
  );
  await add(
    "limit-communications.roadmap",
    "10,000 communications over 12 months: the most sends a file may have",
    accepted,
    json(
      shortened(
        generateRoadmap({
          phases: 300,
          transitionsPerPhase: 1.5,
          communications: LIMITS.communications,
          segments: 12,
          seed: 5,
        }),
        LIMITS.communicationMonths / LIMITS.communications,
      ),
    ),
  );
  await add(
    "limit-plan.roadmap",
    "3,000 phases, 12 segments over 10 years: a plan near its largest",
    accepted,
    json({
      ...generateRoadmap({ phases: 3_000, transitionsPerPhase: 1.5, communications: 1_000, segments: 12, seed: 6 }),
      horizonMonths: 120,
    }),
  );
  const stacked = generateRoadmap({ phases: 3_000, transitionsPerPhase: 1.5, communications: 0, segments: 1, seed: 7 });
  await add(
    "stacked-phases.roadmap",
    "3,000 phases and 4,500 transitions all on one spot",
    accepted,
    json({ ...stacked, phases: stacked.phases.map((p) => ({ ...p, position: { x: 0, y: 0 } })) }),
  );
  const padding = (size: number) => " ".repeat(size - Buffer.byteLength(good));
  await add(
    "under-20mb.roadmap",
    "a valid file padded to just under 20 MB",
    accepted,
    good + padding(MAX_ROADMAP_FILE_BYTES - 1),
  );
  await add(
    "over-20mb.roadmap",
    "a valid file padded to just over 20 MB",
    refused(),
    good + padding(MAX_ROADMAP_FILE_BYTES + 1),
  );
  await add(
    "deep-nesting.roadmap",
    "100,000 levels of nested lists",
    refused(),
    `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
  );
  await add(
    "deep-nesting-in-notes.roadmap",
    "100,000 levels of nesting under a field of a real roadmap",
    refused(),
    good.replace('"notes": "', `"extra": ${"[".repeat(100_000)}${"]".repeat(100_000)},\n  "notes": "`),
  );
  return files;
}

/** JSON.stringify never writes an own "__proto__" key from an object literal, so a stand-in is swapped for it. */
const PROTO = "__PROTO_KEY__";
function withProtoKey(doc: unknown): string {
  return JSON.stringify(doc).replaceAll(`"${PROTO}"`, '"__proto__"');
}

/** The roadmap over fewer months, its one-off sends moved inside them. */
function shortened(roadmap: Roadmap, horizonMonths: number): Roadmap {
  return {
    ...roadmap,
    horizonMonths,
    communications: roadmap.communications.map((c) =>
      c.timing.kind === "oneOff" ? { ...c, timing: { ...c.timing, month: c.timing.month % horizonMonths } } : c,
    ),
  };
}

function withPhase(roadmap: Roadmap, index: number, edit: (phase: Roadmap["phases"][number]) => unknown): unknown {
  return { ...roadmap, phases: roadmap.phases.map((phase, i) => (i === index ? edit(phase) : phase)) };
}

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawning the command to its exit. */
  ms: number;
  /** The command's peak resident memory; null when it died before it could say. */
  maxRssMb: number | null;
  /** CPU time (user and system) the command used: its cost, however busy the machine was; null as above. */
  cpuMs: number | null;
}

/** The issue's memory budget for one command, as V8's heap limit: a command that needs more dies rather than swaps. */
export const HEAP_LIMIT_MB = 1536;

/**
 * Runs `roadmap ARGS…` as a user does, in its own Node, and measures its time
 * and peak memory. `root` is the checkout (this module may run bundled elsewhere).
 */
export async function runMeasured(
  args: readonly string[],
  options: { root: string; cwd: string; timeoutMs: number },
): Promise<MeasuredRun> {
  const bin = path.join(options.root, "bin", "roadmap.mjs");
  const usageReporter = path.join(options.root, "cli", "testing", "reportUsage.mjs");
  const usageFile = path.join(options.cwd, `.usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const startedAt = performance.now();
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_LIMIT_MB}`, "--import", usageReporter, bin, ...args],
    {
      cwd: options.cwd,
      env: { ...process.env, ROADMAP_USAGE_FILE: usageFile },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs,
    },
  );
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  const ms = performance.now() - startedAt;
  let maxRssMb: number | null = null;
  let cpuMs: number | null = null;
  try {
    const usage = JSON.parse(await readFile(usageFile, "utf8")) as { maxRssKb: number; cpuMs: number };
    maxRssMb = usage.maxRssKb / 1024;
    cpuMs = usage.cpuMs;
  } catch {
    // The command died (out of memory, killed at the timeout) before its exit handler ran.
  }
  await rm(usageFile, { force: true });
  return {
    code,
    signal,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
    ms,
    maxRssMb,
    cpuMs,
  };
}

/** The commands run on every corpus file: each reads the file as the app does; the diagram, then the other exports, are written. */
export const CORPUS_COMMANDS = [
  { name: "validate", args: (file: string) => ["validate", file] },
  { name: "budget --json", args: (file: string) => ["budget", "--json", file] },
  { name: "export --svg", args: (file: string) => ["export", file, "--svg", `${file}.svg`] },
  {
    name: "export --xlsx --csv --ics",
    args: (file: string) => [
      "export",
      file,
      ...["xlsx", "csv", "ics"].flatMap((format) => [`--${format}`, `${file}.${format}`]),
    ],
  },
] as const;
