import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { APP_DEFINES } from "./vite.config.ts";

/** Builds the benchmark pages (renderer/bench/canvas.html, compare.html) apart from the app, into dist/bench. */
export default defineConfig({
  root: "renderer",
  base: "./",
  plugins: [react()],
  define: APP_DEFINES,
  build: {
    outDir: "../dist/bench",
    emptyOutDir: true,
    rollupOptions: { input: ["renderer/bench/canvas.html", "renderer/bench/compare.html"] },
  },
});
