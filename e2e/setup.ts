import { afterEach, expect } from "vitest";
import { closeBrowserContexts } from "./harness";

// Every end-to-end test, whichever way it opened its pages, ends here: a console error or an
// uncaught exception in any of them fails the test, and its profiles are thrown away.
afterEach(async () => {
  expect(await closeBrowserContexts()).toEqual([]);
});
