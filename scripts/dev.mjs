/**
 * `npm run dev`: the Vite dev server for the renderer, esbuild watching the
 * main process and preload, and Electron pointed at the dev server. Electron
 * restarts whenever main or preload is rebuilt; closing it ends the session.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { context } from "esbuild";
import { createServer } from "vite";
import { electronBundles } from "./electronBundles.mjs";

const electronBinary = path.resolve("node_modules", ".bin", process.platform === "win32" ? "electron.cmd" : "electron");

const vite = await createServer({ configFile: path.resolve("vite.config.ts") });
await vite.listen();
vite.printUrls();
const rendererUrl = vite.resolvedUrls?.local[0];
if (!rendererUrl) throw new Error("The Vite dev server did not report a URL.");

/** @type {import("node:child_process").ChildProcess | null} */
let electron = null;
let restarting = false;

function startElectron() {
  electron = spawn(electronBinary, ["."], {
    stdio: "inherit",
    env: { ...process.env, RENDERER_URL: rendererUrl },
    // Windows can only run the .cmd shim through a shell.
    shell: process.platform === "win32",
  });
  electron.on("exit", (code) => {
    electron = null;
    if (restarting) {
      restarting = false;
      startElectron();
    } else {
      void stop(code ?? 0);
    }
  });
}

function restartElectron() {
  if (electron === null) {
    startElectron();
    return;
  }
  restarting = true;
  electron.kill();
}

const bundler = await context({
  ...electronBundles,
  plugins: [
    {
      name: "restart-electron",
      setup(build) {
        build.onEnd((result) => {
          if (result.errors.length === 0) restartElectron();
        });
      },
    },
  ],
});
await bundler.watch();

/** @param {number} exitCode */
async function stop(exitCode) {
  await bundler.dispose();
  await vite.close();
  process.exit(exitCode);
}

process.on("SIGINT", () => {
  restarting = false;
  if (electron === null) void stop(0);
  else electron.kill();
});
