import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";

const DECK_WRITER = /node_modules\/(pptxgenjs|jszip)\//;

/** Bundles an entry for the browser, split at its dynamic imports, as the app's build does. */
async function browserBundle(entry: string): Promise<Metafile> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    platform: "browser",
    format: "esm",
    outdir: "bundle",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return metafile;
}

/** The source files an entry runs before any dynamic import: its own output and the chunks it imports statically. */
function loadedUpFront(metafile: Metafile, entry: string): string[] {
  const [entryOutput] = Object.entries(metafile.outputs).filter(([, output]) => output.entryPoint === entry);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.kind === "import-statement") visit(imported.path);
    }
  };
  if (entryOutput) visit(entryOutput[0]);
  return [...seen].flatMap((path) => Object.keys(metafile.outputs[path]?.inputs ?? {}));
}

describe("where the slide deck's code loads", () => {
  it("the export worker loads pptxgenjs and jszip on its first deck, and no Node built-in", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const entry = "renderer/features/export/exportWorker.ts";
    const metafile = await browserBundle(entry);
    const everything = Object.keys(metafile.inputs);
    expect(everything).toContain("shared/export/slides/slideDeck.ts");
    expect(everything.filter((path) => DECK_WRITER.test(path)).length).toBeGreaterThan(0);
    expect(
      loadedUpFront(metafile, entry).filter((path) => DECK_WRITER.test(path) || path.includes("/slides/")),
    ).toEqual([]);
    const external = Object.values(metafile.outputs).flatMap((output) =>
      output.imports.filter((imported) => imported.external).map((imported) => imported.path),
    );
    expect(external).toEqual([]);
  });

  it("the Export dialog and the store that runs exports load none of it", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    for (const entry of ["renderer/features/export/LazyExportDialog.tsx", "renderer/app/appStore.ts"]) {
      const metafile = await browserBundle(entry);
      expect(
        Object.keys(metafile.inputs).filter((path) => DECK_WRITER.test(path)),
        entry,
      ).toEqual([]);
    }
  });
});
