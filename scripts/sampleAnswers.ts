// `node scripts/run-ts.mjs scripts/sampleAnswers.ts`: rewrites the sample survey answers shipped in docs/samples
// from the generator (cli/sampleAnswersFile.test.ts fails while the shipped file differs).
import { readFileSync, writeFileSync } from "node:fs";
import { B2B_SAMPLE_ANSWERS_FILE, b2bSampleAnswers } from "../cli/sampleAnswersFile";

const current = (() => {
  try {
    return readFileSync(B2B_SAMPLE_ANSWERS_FILE, "utf8");
  } catch {
    return null;
  }
})();
const sample = b2bSampleAnswers();
writeFileSync(B2B_SAMPLE_ANSWERS_FILE, sample);
console.log(`${B2B_SAMPLE_ANSWERS_FILE}: ${current === sample ? "already up to date" : "written"}`);
