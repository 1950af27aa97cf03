import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTION_TITLES } from "../shared/export/slides/slideDeck";
import { readDeck } from "../shared/export/slides/testing/readDeck";
import { serializeRoadmap } from "../shared/model/roadmapFile";
import { createB2bSubscriptionRoadmap } from "../shared/model/templates/b2bSubscriptionSoftware";
import { HEAVY_TEST_TIMEOUT_MS } from "../test/budget";
import { B2B_SAMPLE_ANSWERS_FILE } from "./sampleAnswersFile";

const bin = fileURLToPath(new URL("../bin/roadmap.mjs", import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "roadmap-bin-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The command as a user runs it: a separate Node process, started from a folder outside the checkout. */
async function runBin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("bin/roadmap.mjs", () => {
  it("validates a roadmap given by a path relative to the working folder", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const roadmap = createB2bSubscriptionRoadmap();
    await writeFile(path.join(dir, "good.roadmap"), serializeRoadmap(roadmap));
    const result = await runBin("validate", "good.roadmap");
    expect(result).toEqual({
      code: 0,
      stdout: `good.roadmap: valid: ${roadmap.phases.length} phases, ${roadmap.communications.length} communications\n`,
      stderr: "",
    });
  });

  it("exits with 1 and a message naming the file, not a stack trace, for a bad file", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    await writeFile(path.join(dir, "bad.roadmap"), "[]");
    const result = await runBin("validate", "bad.roadmap");
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "bad.roadmap: the file holds a list instead of a roadmap (a JSON object)\n",
    });
  });

  it("imports the shipped sample answers into a roadmap and prints its RSI as JSON", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    await writeFile(path.join(dir, "acme.roadmap"), serializeRoadmap(createB2bSubscriptionRoadmap()));
    await copyFile(B2B_SAMPLE_ANSWERS_FILE, path.join(dir, "answers.csv"));
    const imported = await runBin("survey", "import", "acme.roadmap", "answers.csv");
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Adds the wave .*\nimported into acme\.roadmap\n$/);
    const rsi = await runBin("rsi", "acme.roadmap", "--json");
    expect(rsi.code).toBe(0);
    const json = JSON.parse(rsi.stdout);
    expect(json.cells.length).toBeGreaterThan(0);
    expect(await readFile(path.join(dir, "acme.roadmap"), "utf8")).toContain('"source": "answers.csv"');
  });

  it("loads the solver's WebAssembly from the bundled command and optimises a plan", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    await writeFile(path.join(dir, "optimise.roadmap"), serializeRoadmap(createB2bSubscriptionRoadmap()));
    const result = await runBin("optimise", "optimise.roadmap", "--budget", "100000", "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.cost).toBeLessThanOrEqual(100000);
    expect(json.chosen.length + json.dropped.length).toBeGreaterThan(0);
  });

  it("writes a slide deck from the bundled command, pptxgenjs loaded as the deck needs it", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    await writeFile(path.join(dir, "deck.roadmap"), serializeRoadmap(createB2bSubscriptionRoadmap()));
    const result = await runBin("export", "deck.roadmap", "--pptx", "deck.pptx", "--sections", "summary,budget");
    expect(result).toEqual({ code: 0, stdout: "wrote slide deck: deck.pptx\n", stderr: "" });
    const deck = await readDeck(new Uint8Array(await readFile(path.join(dir, "deck.pptx"))));
    const agenda = deck.slides[1]?.shapes.find((shape) => shape.name === "Agenda");
    expect(agenda?.paragraphs).toEqual([SECTION_TITLES.summary, SECTION_TITLES.budget]);
  });
});
