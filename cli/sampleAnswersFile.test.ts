import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { B2B_SAMPLE_ANSWERS_FILE, b2bSampleAnswers } from "./sampleAnswersFile";

describe("the shipped sample survey answers", () => {
  it("are what the generator writes for the B2B template", async () => {
    const shipped = await readFile(B2B_SAMPLE_ANSWERS_FILE, "utf8");
    expect(shipped === b2bSampleAnswers(), "run: node scripts/run-ts.mjs scripts/sampleAnswers.ts").toBe(true);
  });
});
