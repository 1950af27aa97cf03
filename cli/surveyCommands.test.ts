import { copyFile, readFile, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { QUESTIONNAIRE_SHEETS } from "../shared/export/surveyQuestionnaire";
import { readTable } from "../shared/import/table";
import { serializeRoadmap } from "../shared/model/roadmapFile";
import { ImportMappingSchema, type Roadmap } from "../shared/model/schema";
import { builtInQuestionnaire } from "../shared/survey/questionnaire";
import { itemHeader, responseHeaders } from "../shared/survey/responseColumns";
import { computeRsi } from "../shared/survey/rsi";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./roadmapCli";
import { B2B_SAMPLE_ANSWERS_FILE } from "./sampleAnswersFile";
import { cliWorkspace, escapeRegExp } from "./testing/runCli";

const NOW = new Date("2026-03-15T10:00:00Z");

const { inDir, roadmap, writeRoadmap, readBack } = cliWorkspace("roadmap-survey-cli-", NOW);

/** The shipped sample, copied next to the roadmap as a user would have it. */
async function sampleAnswers(): Promise<string> {
  const file = inDir("answers.csv");
  await copyFile(B2B_SAMPLE_ANSWERS_FILE, file);
  return file;
}

/** A CSV of the blank answers file's columns with these rows, each given as column → cell. */
async function answersCsv(name: string, doc: Roadmap, rows: Record<string, string>[], headers?: string[]) {
  const fields = headers ?? responseHeaders(doc.survey);
  const file = inDir(name);
  await writeFile(file, Papa.unparse({ fields, data: rows.map((row) => fields.map((f) => row[f] ?? "")) }));
  return file;
}

/** Every item answered with the same agreement, keyed by the blank file's item headers: `answer`, or its mirror on a reversed item. */
function allItems(doc: Roadmap, answer: number): Record<string, string> {
  return Object.fromEntries(
    doc.survey.items.map((item) => [itemHeader(item), String(item.reversed ? 6 - answer : answer)]),
  );
}

describe("roadmap survey template", () => {
  it("writes the built-in questionnaire without a roadmap, its Answers sheet under the blank file's headers", async () => {
    const out = inDir("questionnaire.xlsx");
    const result = await roadmap("survey", "template", out);
    expect(result).toEqual({ code: EXIT_OK, stdout: `wrote questionnaire (20 items): ${out}\n`, stderr: "" });
    const answers = await readTable("questionnaire.xlsx", await readFile(out), { sheet: QUESTIONNAIRE_SHEETS.answers });
    if (!answers.ok) throw new Error(answers.error);
    expect(answers.value.headers).toEqual(responseHeaders(builtInQuestionnaire()));
    const items = await readTable("questionnaire.xlsx", await readFile(out));
    expect(items.ok && items.value.rows.map((row) => row[0])).toEqual(builtInQuestionnaire().items.map((i) => i.id));
  });

  it("writes a roadmap's edited questionnaire as a blank answers CSV with --roadmap", async () => {
    const file = await writeRoadmap("acme.roadmap", (doc) => {
      doc.survey.items = doc.survey.items
        .slice(0, 3)
        .map((item, i) => (i === 0 ? { ...item, text: "Our account manager knows our business." } : item));
    });
    const out = inDir("blank.csv");
    const result = await roadmap("survey", "template", "--roadmap", file, out);
    expect(result).toEqual({ code: EXIT_OK, stdout: `wrote blank answers file (3 items): ${out}\n`, stderr: "" });
    const lines = (await readFile(out, "utf8"))
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split(/\r?\n/);
    expect(lines).toHaveLength(1);
    expect(Papa.parse<string[]>(lines[0] ?? "").data[0]).toEqual(responseHeaders((await readBack(file)).survey));
    expect(lines[0]).toContain("trust-1: Our account manager knows our business.");
  });

  it("refuses an output that is neither .xlsx nor .csv, and a roadmap that cannot be read, writing nothing", async () => {
    const wrongKind = await roadmap("survey", "template", inDir("questionnaire.pdf"));
    expect(wrongKind.code).toBe(EXIT_USAGE);
    expect(wrongKind.stderr).toContain("should end in .xlsx (the questionnaire) or .csv (a blank answers file)");

    const out = inDir("q.xlsx");
    const missing = await roadmap("survey", "template", "--roadmap", inDir("missing.roadmap"), out);
    expect(missing).toEqual({
      code: EXIT_FAILURE,
      stdout: "",
      stderr: `${inDir("missing.roadmap")}: no such file or folder\n`,
    });
    await expect(readFile(out)).rejects.toThrow();
  });
});

describe("roadmap survey import and roadmap rsi", () => {
  it("imports the shipped sample with the guessed mapping and prints every cell's RSI, n and interval", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const answers = await sampleAnswers();
    const imported = await roadmap("survey", "import", file, answers);
    expect(imported.code).toBe(EXIT_OK);
    expect(imported.stderr).toBe("");
    const doc = await readBack(file);
    const [wave] = doc.survey.waves;
    expect(doc.survey.waves).toHaveLength(1);
    expect(imported.stdout).toMatch(
      new RegExp(`^Adds the wave .*${wave?.respondents.length} respondents.*\nimported into ${escapeRegExp(file)}\n$`),
    );
    expect(wave?.source).toBe("answers.csv");
    expect(doc.importMappings.survey.values).toContainEqual({
      target: "phase",
      value: "Lapsed 6m+",
      id: "phase-lapsed",
    });

    const rsi = computeRsi(doc);
    const printed = await roadmap("rsi", file);
    expect(printed.code).toBe(EXIT_OK);
    const lines = printed.stdout.split("\n");
    expect(lines[0]).toBe(
      `wave “${wave?.name}” of ${wave?.date}: ${wave?.respondents.length} respondents, ${wave?.excluded} respondents left out for answering fewer than half the items; overall RSI ${rsi.overall.rsi?.toFixed(1)} (n ${rsi.overall.n})`,
    );
    expect(lines[2]).toMatch(/^Phase +Segment +n +RSI +95 % interval$/);
    for (const cell of rsi.cells) {
      const phase = doc.phases.find((p) => p.id === cell.phaseId)?.name ?? "";
      const segment = doc.segments.find((s) => s.id === cell.segmentId)?.name ?? "";
      const figure =
        cell.rsi === null
          ? `${cell.n}  too few answers  +–`
          : `${cell.n} +${cell.rsi.toFixed(1)} +${cell.low?.toFixed(1)}–${cell.high?.toFixed(1)}`;
      expect(
        lines.some((line) => new RegExp(`^${escapeRegExp(phase)} +${escapeRegExp(segment)} +${figure}$`).test(line)),
      ).toBe(true);
    }
    const dimensionHeader = lines.find((line) => line.startsWith("Phase") && line.includes("Trust"));
    expect(dimensionHeader?.split(/ {2,}/)).toEqual(["Phase", "Segment", ...doc.survey.dimensions.map((d) => d.name)]);
  });

  it("prints exactly the documented JSON with --json: ids, n, interval, null below the minimum, and excluded", async () => {
    const file = await writeRoadmap("acme.roadmap");
    expect((await roadmap("survey", "import", file, await sampleAnswers())).code).toBe(EXIT_OK);
    const result = await roadmap("rsi", file, "--json");
    expect(result.code).toBe(EXIT_OK);
    const json = JSON.parse(result.stdout);
    const rsi = computeRsi(await readBack(file));
    expect(Object.keys(json)).toEqual(["cells", "dimensions", "excluded"]);
    expect(json.cells).toEqual(
      rsi.cells.map((c) => ({ phase: c.phaseId, segment: c.segmentId, n: c.n, rsi: c.rsi, low: c.low, high: c.high })),
    );
    expect(json.cells).toContainEqual({
      phase: "phase-advocate",
      segment: "smallBusiness",
      n: expect.any(Number),
      rsi: null,
      low: null,
      high: null,
    });
    expect(json.dimensions).toHaveLength(rsi.cells.length * 6);
    expect(Object.keys(json.dimensions[0])).toEqual(["phase", "segment", "dimension", "score", "n"]);
    expect(json.excluded).toBeGreaterThan(0);
    expect(json.excluded).toBe(rsi.excluded);
  });

  it("gives every cell segment null when the answers have no segment column", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const doc = await readBack(file);
    const headers = responseHeaders(doc.survey).filter((h) => h !== "Segment");
    const rows = Array.from({ length: 6 }, (_, i) => ({ Phase: i < 5 ? "Trial" : "Lapsed", ...allItems(doc, 4) }));
    const answers = await answersCsv("no-segments.csv", doc, rows, headers);
    expect((await roadmap("survey", "import", file, answers, "--wave", "2026-02-01")).code).toBe(EXIT_OK);
    const json = JSON.parse((await roadmap("rsi", file, "--json")).stdout);
    expect(json.cells).toEqual([
      { phase: "phase-trial", segment: null, n: 5, rsi: 75, low: 75, high: 75 },
      { phase: "phase-lapsed", segment: null, n: 1, rsi: null, low: null, high: null },
    ]);
  });

  it("refuses a file with bad rows, printing every problem by row and column, and leaves the roadmap byte for byte", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const before = await readFile(file);
    const doc = await readBack(file);
    const firstItem = responseHeaders(doc.survey)[3] ?? "";
    const answers = await answersCsv("bad.csv", doc, [
      { Phase: "Trial", Segment: "Mid-market", ...allItems(doc, 3) },
      { Phase: "Trial", Segment: "Mid-market", ...allItems(doc, 3), [firstItem]: "9" },
      { Phase: "Somewhere else", Segment: "Mid-market", ...allItems(doc, 3) },
    ]);
    const result = await roadmap("survey", "import", file, answers);
    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      new RegExp(`^${escapeRegExp(answers)}: row 3, column “${escapeRegExp(firstItem)}”: .*\\(“9”\\)$`),
    );
    expect(lines[1]).toMatch(new RegExp(`^${escapeRegExp(answers)}: row 4, column “Phase”: .*\\(“Somewhere else”\\)$`));
    expect(lines[2]).toBe(`2 rows of ${answers} have problems: nothing imported; ${file} is unchanged`);
    expect(await readFile(file)).toEqual(before);
  });

  it("prints the guessed mapping as JSON, which --mapping takes back after editing", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const doc = await readBack(file);
    const headers = ["Respondent e-mail", "Lifecycle stage", ...doc.survey.items.map((_, i) => `Q${i + 1}`)];
    const answers = await answersCsv(
      "tool-export.csv",
      doc,
      Array.from({ length: 5 }, (_, i) => ({
        "Respondent e-mail": `person${i}@example.com`,
        "Lifecycle stage": "Lapsed 6m+",
        ...Object.fromEntries(headers.slice(2).map((h) => [h, "2"])),
      })),
      headers,
    );
    const printed = await roadmap("survey", "import", file, answers, "--print-mapping");
    expect(printed.code).toBe(EXIT_OK);
    const guessed = ImportMappingSchema.parse(JSON.parse(printed.stdout));
    expect(guessed.columns.filter((c) => c.target !== "")).toEqual([{ header: "Lifecycle stage", target: "phase" }]);
    expect(guessed.values).toEqual([{ target: "phase", value: "Lapsed 6m+", id: "phase-lapsed" }]);
    expect((await readBack(file)).survey.waves).toEqual([]);

    const edited = {
      ...guessed,
      columns: guessed.columns.map((c, i) => (i >= 2 ? { ...c, target: `item:${doc.survey.items[i - 2]?.id}` } : c)),
    };
    const mappingFile = inDir("mapping.json");
    await writeFile(mappingFile, JSON.stringify(edited));
    const imported = await roadmap("survey", "import", file, answers, "--mapping", mappingFile, "--wave", "2026-01-31");
    expect(imported.code).toBe(EXIT_OK);
    const [wave] = (await readBack(file)).survey.waves;
    expect(wave?.date).toBe("2026-01-31");
    expect(wave?.respondents).toHaveLength(5);
    expect(wave?.respondents.every((r) => r.phaseId === "phase-lapsed" && r.answers.every((a) => a === 2))).toBe(true);
    expect(serializeRoadmap(await readBack(file))).not.toContain("example.com");
  });

  it("replaces the wave of the same date when the answers are imported again", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const answers = await sampleAnswers();
    for (let i = 0; i < 2; i++) {
      expect((await roadmap("survey", "import", file, answers, "--wave", "2026-03-31")).code).toBe(EXIT_OK);
    }
    expect((await readBack(file)).survey.waves.map((w) => w.date)).toEqual(["2026-03-31"]);
  });

  it("reads the sheet named with --sheet from a workbook", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const doc = await readBack(file);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes").addRow(["Fictional answers for a test"]);
    const sheet = workbook.addWorksheet("Responses");
    const headers = responseHeaders(doc.survey);
    sheet.addRow(headers);
    const answers = allItems(doc, 5);
    for (let i = 0; i < 5; i++) sheet.addRow(headers.map((h) => (h === "Phase" ? "Advocate" : (answers[h] ?? ""))));
    const xlsx = inDir("answers.xlsx");
    await writeFile(xlsx, new Uint8Array(await workbook.xlsx.writeBuffer()));

    expect((await roadmap("survey", "import", file, xlsx, "--wave", "2026-02-01")).code).toBe(EXIT_FAILURE);
    const result = await roadmap("survey", "import", file, xlsx, "--sheet", "Responses", "--wave", "2026-02-01");
    expect(result.code).toBe(EXIT_OK);
    const json = JSON.parse((await roadmap("rsi", file, "--json")).stdout);
    expect(json.cells).toEqual([{ phase: "phase-advocate", segment: null, n: 5, rsi: 100, low: 100, high: 100 }]);
  });

  it("chooses the wave with --wave and lists the waves when there is none of that date", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const answers = await sampleAnswers();
    await roadmap("survey", "import", file, answers, "--wave", "2026-01-31");
    await roadmap("survey", "import", file, answers, "--wave", "2026-03-31");
    const doc = await readBack(file);
    const january = doc.survey.waves.find((w) => w.date === "2026-01-31");
    const chosen = JSON.parse((await roadmap("rsi", file, "--json", "--wave", "2026-01-31")).stdout);
    expect(chosen.cells).toHaveLength(computeRsi(doc, january?.id).cells.length);

    const none = await roadmap("rsi", file, "--wave", "2025-12-31");
    expect(none.code).toBe(EXIT_FAILURE);
    expect(none.stderr).toBe(
      `${file}: has no survey wave “2025-12-31”. The waves are: 2026-01-31 (“Wave 2026-01-31”), 2026-03-31 (“Wave 2026-03-31”)\n`,
    );
  });
});

describe("the README's worked example", () => {
  it("prints what the README quotes, line for line in order (… skips lines)", async () => {
    const readme = await readFile("README.md", "utf8");
    const block = /```text\n(\$ roadmap new [^\n]*\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(block, "README.md lacks the survey example").toBeDefined();
    const steps = (block ?? "").split(/^\$ /m).filter((step) => step !== "");
    const local = (text: string) => text.replaceAll("acme.roadmap", inDir("acme.roadmap"));
    for (const step of steps) {
      const [command = "", ...quoted] = step.trimEnd().split("\n");
      const args = command.split(" ").slice(1).map(local);
      const result = await roadmap(...args);
      expect(result.code, command).toBe(EXIT_OK);
      const printed = result.stdout.replaceAll(inDir("acme.roadmap"), "acme.roadmap").split("\n");
      let from = 0;
      for (const line of quoted.filter((l) => l !== "…")) {
        const at = printed.indexOf(line, from);
        expect(at, `${command}: ${line}`).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
    }
  });
});

describe("refusals of survey import and rsi", () => {
  it("refuses a mapping file that is not JSON or not a mapping, naming the file and field, and changes nothing", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const before = await readFile(file);
    const answers = await sampleAnswers();
    const notJson = inDir("broken.json");
    await writeFile(notJson, "{ columns: ");
    const broken = await roadmap("survey", "import", file, answers, "--mapping", notJson);
    expect(broken.code).toBe(EXIT_FAILURE);
    expect(broken.stderr).toMatch(new RegExp(`^${escapeRegExp(notJson)}: is not a JSON mapping: `));

    const wrongShape = inDir("wrong.json");
    await writeFile(wrongShape, JSON.stringify({ columns: [{ header: "Phase" }], values: "none" }));
    const wrong = await roadmap("survey", "import", file, answers, "--mapping", wrongShape);
    expect(wrong.code).toBe(EXIT_FAILURE);
    expect(wrong.stderr.trimEnd().split("\n")).toEqual([
      `${wrongShape}: columns[0].target: is required`,
      expect.stringMatching(new RegExp(`^${escapeRegExp(wrongShape)}: values: .*"none"`)),
    ]);

    const missing = await roadmap("survey", "import", file, answers, "--mapping", inDir("nowhere.json"));
    expect(missing.stderr).toBe(`${inDir("nowhere.json")}: no such file or folder\n`);
    expect(await readFile(file)).toEqual(before);
  });

  it("says which file is missing: the answers or the roadmap", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const before = await readFile(file);
    const noAnswers = await roadmap("survey", "import", file, inDir("answers.csv"));
    expect(noAnswers).toEqual({
      code: EXIT_FAILURE,
      stdout: "",
      stderr: `${inDir("answers.csv")}: no such file or folder\n`,
    });
    expect(await readFile(file)).toEqual(before);
    const noRoadmap = await roadmap("rsi", inDir("missing.roadmap"));
    expect(noRoadmap).toEqual({
      code: EXIT_FAILURE,
      stdout: "",
      stderr: `${inDir("missing.roadmap")}: no such file or folder\n`,
    });
  });

  it("says there are no answers yet when rsi is asked of a roadmap without a wave", async () => {
    const file = await writeRoadmap("acme.roadmap");
    expect(await roadmap("rsi", file, "--json")).toEqual({
      code: EXIT_FAILURE,
      stdout: "",
      stderr: `${file}: has no survey answers yet; import some with roadmap survey import\n`,
    });
  });

  it("exits with 2 and the command's usage for a wrong command line", async () => {
    const group = await roadmap("survey");
    expect(group.code).toBe(EXIT_USAGE);
    expect(group.stderr).toContain("roadmap: “survey” needs one of: roadmap survey template, roadmap survey import");
    const cases: [string[], string][] = [
      [["survey", "import", "acme.roadmap"], "name the roadmap file and the answers file"],
      [["survey", "import", "a.roadmap", "b.csv", "--wave", "31/01/2026"], "--wave takes a date written YYYY-MM-DD"],
      [["survey", "import", "a.roadmap", "b.csv", "--wave", "2026-02-30"], "--wave takes a date written YYYY-MM-DD"],
      [["survey", "import", "a.roadmap", "a.roadmap"], "a.roadmap is the roadmap file itself"],
      [["survey", "template"], "name one output file"],
      [["survey", "template", "--roadmap", "a.xlsx", "a.xlsx"], "a.xlsx is the roadmap file itself"],
      [["rsi"], "name one roadmap file"],
      [["rsi", "a.roadmap", "--csv"], "--csv"],
    ];
    for (const [args, message] of cases) {
      const result = await roadmap(...args);
      expect(result.code, args.join(" ")).toBe(EXIT_USAGE);
      expect(result.stderr, args.join(" ")).toContain(message);
      expect(result.stderr, args.join(" ")).toContain(
        `Usage: roadmap ${args[0] === "rsi" ? "rsi" : `survey ${args[1]}`}`,
      );
    }
    const help = await roadmap("help", "survey", "import");
    expect(help.code).toBe(EXIT_OK);
    expect(help.stdout).toContain("--print-mapping");
    expect(await roadmap("survey", "import", "--help")).toEqual(help);
  });
});
