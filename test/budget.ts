/**
 * What a test may spend, in one place. The gate runs on two cores that other work shares, where
 * a step that takes 50 ms on a quiet machine can take seconds: every limit here is sized so a
 * test fails because the app is wrong, never because the machine was busy. A wait that succeeds
 * returns as soon as the state appears, so a generous limit costs nothing when the app is right.
 */

/** How long a test waits for a state to appear (a render, a save, a notice) before it says what it saw. */
export const WAIT_TIMEOUT_MS = 30_000;

/** Any unit test; longer than a wait, so a failed wait reports its own assertion, not a timeout. */
export const TEST_TIMEOUT_MS = 60_000;

/** A test that builds whole workbooks or diagrams, or runs a property over generated roadmaps. */
export const HEAVY_TEST_TIMEOUT_MS = 240_000;

/** An end-to-end test: a real Chromium, a page load and a reload or two. */
export const E2E_TEST_TIMEOUT_MS = 120_000;

/**
 * Every property test replays the same cases from this seed, so a failure reproduces on any
 * machine and a passing gate means the same thing each run; the count is the test's own budget.
 */
export const PROPERTY_SEED = 20_261_123;

export function propertyRuns(numRuns: number): { seed: number; numRuns: number } {
  return { seed: PROPERTY_SEED, numRuns };
}
