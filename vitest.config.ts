import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { APP_DEFINES } from "./vite.config.ts";

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "shared", environment: "node", include: ["shared/**/*.test.ts"] },
      },
      {
        plugins: [react()],
        define: APP_DEFINES,
        test: {
          name: "renderer",
          environment: "happy-dom",
          include: ["renderer/**/*.test.{ts,tsx}"],
          setupFiles: ["renderer/test/setup.ts"],
        },
      },
      {
        test: { name: "electron", environment: "node", include: ["electron/**/*.test.ts"] },
      },
      {
        test: { name: "cli", environment: "node", include: ["cli/**/*.test.ts"] },
      },
      {
        test: {
          name: "bench",
          environment: "node",
          include: [],
          benchmark: { include: ["shared/**/*.bench.ts", "renderer/**/*.bench.ts"] },
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.e2e.ts"],
          setupFiles: ["e2e/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
