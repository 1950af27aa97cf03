import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { CONTENT_SECURITY_POLICY } from "./shared/csp.ts";

/**
 * The same Content-Security-Policy Electron sends as a header, also as a meta
 * tag in the built page, so the browser build is held to it too. Left out of
 * the dev server, whose hot reload needs inline scripts.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        injectTo: "head-prepend",
      },
    ],
  };
}

const port = Number(process.env.PORT ?? 5173);

/** Build-time constants shared by the app and its component tests. */
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };
export const APP_DEFINES = { __APP_VERSION__: JSON.stringify(version) };

export default defineConfig({
  root: "renderer",
  base: "./",
  plugins: [react(), contentSecurityPolicy()],
  define: APP_DEFINES,
  build: { outDir: "../dist/renderer", emptyOutDir: true, sourcemap: true },
  server: { host: "127.0.0.1", port, strictPort: true },
  preview: { host: "127.0.0.1", port, strictPort: true },
});
