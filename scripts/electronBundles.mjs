/**
 * How esbuild bundles the main process and the preload, shared by
 * build-electron.mjs and dev.mjs. The preload in particular must be one file:
 * a sandboxed preload cannot require anything but `electron`.
 */
export const electronBundles = {
  entryPoints: { main: "electron/main.ts", preload: "electron/preload.ts" },
  outdir: "dist-electron",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node22",
  external: ["electron"],
  sourcemap: true,
  logLevel: "info",
};
