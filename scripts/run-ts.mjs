// Runs a TypeScript script (screenshots, benchmarks' helpers) by bundling it with esbuild first,
// so the scripts share the app's TypeScript code without a separate build step.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <script.ts> [args…]");
  process.exit(2);
}
// Inside node_modules so the bundle's bare imports resolve to the project's packages.
const cache = resolve("node_modules/.cache");
mkdirSync(cache, { recursive: true });
const outdir = mkdtempSync(join(cache, "run-ts-"));
const outfile = join(outdir, "script.mjs");
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
process.argv = [process.argv[0], entry, ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
