import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { E2E_TEST_TIMEOUT_MS, TEST_TIMEOUT_MS, WAIT_TIMEOUT_MS } from "./test/budget.ts";
import { APP_DEFINES } from "./vite.config.ts";

/** Sized for a loaded two-core machine (see test/budget.ts and docs/testing.md), not for a quiet one. */
const unit = {
  testTimeout: TEST_TIMEOUT_MS,
  hookTimeout: TEST_TIMEOUT_MS,
  expect: { poll: { timeout: WAIT_TIMEOUT_MS } },
};

export default defineConfig({
  test: {
    projects: [
      {
        test: { ...unit, name: "shared", environment: "node", include: ["shared/**/*.test.ts"] },
      },
      {
        plugins: [react()],
        define: APP_DEFINES,
        test: {
          ...unit,
          name: "renderer",
          environment: "happy-dom",
          include: ["renderer/**/*.test.{ts,tsx}"],
          setupFiles: ["renderer/test/setup.ts"],
        },
      },
      {
        test: { ...unit, name: "node", environment: "node", include: ["node/**/*.test.ts"] },
      },
      {
        test: { ...unit, name: "electron", environment: "node", include: ["electron/**/*.test.ts"] },
      },
      {
        test: { ...unit, name: "cli", environment: "node", include: ["cli/**/*.test.ts"] },
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
          testTimeout: E2E_TEST_TIMEOUT_MS,
          hookTimeout: E2E_TEST_TIMEOUT_MS,
          expect: { poll: { timeout: WAIT_TIMEOUT_MS } },
          fileParallelism: false,
        },
      },
    ],
  },
});
