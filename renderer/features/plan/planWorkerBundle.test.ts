import { build } from "esbuild";
import { expect, it } from "vitest";

it("the plan worker loads neither zod nor the file-format schema, only the engine and the words it needs", async () => {
  const { metafile } = await build({
    entryPoints: ["renderer/features/plan/planWorker.ts"],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    logLevel: "silent",
  });
  const modules = Object.keys(metafile.inputs);
  expect(modules).toContain("shared/engine/planEngine.ts");
  expect(modules.filter((path) => /node_modules\/(zod|@stdlib)\/|shared\/model\/schema\.ts$/.test(path))).toEqual([]);
});
