import "@testing-library/jest-dom/vitest";
import "fake-indexeddb/auto";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { WAIT_TIMEOUT_MS } from "../../test/budget";

afterEach(() => cleanup());

// waitFor and findBy* give up after 1 s by default, which a busy machine overruns (test/budget.ts).
configure({ asyncUtilTimeout: WAIT_TIMEOUT_MS });

// happy-dom has no font loading and no printing; the report waits for fonts and the browser build prints.
if (!("fonts" in document)) {
  Object.defineProperty(document, "fonts", { value: { ready: Promise.resolve() } });
}
if (typeof window.print !== "function") window.print = () => {};
