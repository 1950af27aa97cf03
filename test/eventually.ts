import { vi } from "vitest";
import { WAIT_TIMEOUT_MS } from "./budget";

/** Retries an assertion until it holds, for as long as a busy machine may need (vi.waitFor gives up after 1 s). */
export function eventually<T>(assertion: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(assertion, { timeout: WAIT_TIMEOUT_MS });
}
