import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The same Content-Security-Policy Electron sends as a header, also as a meta
 * tag in the built page, so the browser build is held to it too. Left out of
 * the dev server, whose hot reload needs inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      { tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY }, injectTo: "head-prepend" },
    ],
  };
}

const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  root: "renderer",
  base: "./",
  plugins: [react(), contentSecurityPolicy()],
  build: { outDir: "../dist/renderer", emptyOutDir: true, sourcemap: true },
  server: { host: "127.0.0.1", port, strictPort: true },
  preview: { host: "127.0.0.1", port, strictPort: true },
});
