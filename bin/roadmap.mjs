#!/usr/bin/env node
// The `roadmap` command. It runs straight from the TypeScript sources of a
// checkout: cli/main.ts is bundled with esbuild into the package's own
// node_modules/.cache (so the bundle's bare imports resolve to the package's
// dependencies), and the bundle is reused until one of the files it was built
// from changes.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, "node_modules", ".cache", "roadmap-cli");
const entry = join(cache, "roadmap.mjs");
/** The bundle's source files, relative to the package root, with the modification time each had when it was built. */
const inputs = join(cache, "inputs.json");

if (!bundleIsFresh()) await buildBundle();
await import(pathToFileURL(entry).href);

function bundleIsFresh() {
  try {
    const built = JSON.parse(readFileSync(inputs, "utf8"));
    return Object.entries(built).every(([file, mtimeMs]) => statSync(join(root, file)).mtimeMs === mtimeMs);
  } catch {
    return false;
  }
}

async function buildBundle() {
  // Imported only here: loading esbuild costs more than running from a fresh bundle.
  const { build } = await import("esbuild");
  const startedAt = Date.now();
  let result;
  try {
    result = await build({
      absWorkingDir: root,
      entryPoints: { roadmap: "cli/main.ts" },
      bundle: true,
      // Modules the command imports on demand (the workbook and its exceljs) become chunks loaded only when used.
      splitting: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outdir: cache,
      entryNames: "[name]",
      chunkNames: "chunk-[hash]",
      outExtension: { ".js": ".mjs" },
      write: false,
      metafile: true,
      logLevel: "error",
    });
  } catch {
    // esbuild has printed what is wrong with the sources.
    console.error("roadmap: the command line could not be built from its sources (see above).");
    process.exit(1);
  }
  mkdirSync(cache, { recursive: true });
  rmSync(inputs, { force: true });
  // Chunks are named by their content, so writing them never changes a chunk another run is using; the entry goes last.
  const outputs = result.outputFiles.sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const output of outputs) writeAtomically(output.path, output.contents);
  // Old chunks go once they are a day old: a command started before this build may still load one it needs.
  const current = new Set(outputs.map((output) => basename(output.path)));
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(cache)) {
    const file = join(cache, name);
    if (name.startsWith("chunk-") && !current.has(name) && statSync(file).mtimeMs < dayAgo)
      rmSync(file, { force: true });
  }
  const built = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    built[relative(root, resolve(root, file))] = statSync(resolve(root, file)).mtimeMs;
  }
  // A source saved while esbuild read it may not be in this bundle, so such a bundle is used once and not trusted again.
  if (Object.values(built).every((mtimeMs) => mtimeMs < startedAt)) writeAtomically(inputs, JSON.stringify(built));
}

/** Two commands started at once may both build; each replaces a file whole, so neither reads half of the other's. */
function writeAtomically(target, contents) {
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, target);
}
