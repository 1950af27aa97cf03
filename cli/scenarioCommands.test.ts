import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { compareScenarios, planRoadmap } from "../shared/engine";
import { diffRoadmaps } from "../shared/model/roadmapDiff";
import { serializeRoadmap } from "../shared/model/roadmapFile";
import { resolveScenario } from "../shared/model/scenarios";
import { BASE_SCENARIO_ID, type Roadmap, type Scenario } from "../shared/model/schema";
import { createB2bSubscriptionRoadmap } from "../shared/model/templates/b2bSubscriptionSoftware";
import { budgetReport } from "./budgetReport";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./roadmapCli";
import { cliWorkspace } from "./testing/runCli";

const NOW = new Date("2026-03-15T10:00:00Z");
const { inDir, roadmap, writeRoadmap, readBack } = cliWorkspace("roadmap-scenarios-", NOW);

/** A lean variant of the B2B template: one communication left out, another cheaper, less churn in one phase. */
function lean(doc: Roadmap): Scenario {
  const [first, second] = doc.communications;
  const churning = doc.phases.find((phase) => phase.churnRate > 0);
  return {
    id: "lean",
    name: "Lean",
    notes: "",
    excludedCommunicationIds: second ? [second.id] : [],
    communications: first ? { [first.id]: { costPerContact: 0.01 } } : {},
    transitions: {},
    phases: churning ? { [churning.id]: { churnRate: churning.churnRate / 2 } } : {},
    optimisation: null,
  };
}

const withLean = (doc: Roadmap) => {
  doc.scenarios = [lean(doc)];
};

describe("roadmap budget --scenario", () => {
  it("prints the scenario's budget in the shape of budget --json, planned from the scenario's roadmap", async () => {
    const file = await writeRoadmap("lean.roadmap", withLean);
    const run = await roadmap("budget", file, "--scenario", "LEAN", "--json");
    expect(run.code).toBe(EXIT_OK);
    const plain = JSON.parse((await roadmap("budget", file, "--json")).stdout) as Record<string, unknown>;
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(Object.keys(plain));
    const resolved = resolveScenario(await readBack(file), "lean");
    expect(report).toEqual(JSON.parse(JSON.stringify({ file, ...budgetReport(resolved, planRoadmap(resolved)) })));
    expect(report.totals).not.toEqual(plain.totals);
  });

  it("says which scenarios there are when the name is not one of them, and prints no budget", async () => {
    const file = await writeRoadmap("lean.roadmap", withLean);
    const run = await roadmap("budget", file, "--scenario", "To-be");
    expect(run).toEqual({
      code: EXIT_FAILURE,
      stdout: "",
      stderr: `${file}: there is no scenario “To-be”. The scenarios are: “Plan”, “Lean”.\n`,
    });
  });
});

describe("roadmap compare FILE", () => {
  it("prints {scenarios: [{name, totals, byYear, byOwner, pressure}], differences} with the engine's figures", async () => {
    const file = await writeRoadmap("lean.roadmap", withLean);
    const run = await roadmap("compare", file, "--scenarios", "lean, plan", "--json");
    expect(run.code).toBe(EXIT_OK);
    const printed = JSON.parse(run.stdout);
    const doc = await readBack(file);
    const expected = compareScenarios(doc, ["lean", BASE_SCENARIO_ID]);
    expect(Object.keys(printed)).toEqual(["scenarios", "differences"]);
    expect(printed.scenarios).toEqual(
      expected.scenarios.map((figures) => ({
        name: figures.name,
        totals: figures.totals,
        byYear: figures.byYear,
        byOwner: figures.byOwner,
        pressure: figures.bySegment.map((segment) => ({
          segment: segment.segmentId,
          name: segment.name,
          collisions: segment.collisions,
          worstContactsPerMonth: segment.worstContactsPerMonth,
        })),
      })),
    );
    expect(printed.differences).toEqual([
      { from: "Lean", to: "Plan", changes: JSON.parse(JSON.stringify(expected.differences[0]?.changes)) },
    ]);
    expect(printed.differences[0].changes.length).toBeGreaterThan(0);
  });

  it("compares every scenario of the roadmap, its own plan first, when none are named", async () => {
    const file = await writeRoadmap("lean.roadmap", withLean);
    const run = await roadmap("compare", file);
    expect(run.code).toBe(EXIT_OK);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^Totals\s+Plan\s+Lean$/);
    expect(lines.find((line) => line.startsWith("Customers kept"))).toMatch(/^Customers kept\s+[\d,]+\s+[\d,]+$/);
    expect(run.stdout).toContain("Lean against Plan: 3 differences");
    const second = (await readBack(file)).communications[1];
    expect(run.stdout).toContain(`  Removed the communication ${second?.name}`);
  });

  it("names the unknown scenario and lists the roadmap's, comparing nothing", async () => {
    const file = await writeRoadmap("lean.roadmap", withLean);
    const run = await roadmap("compare", file, "--scenarios", "Plan,As-is");
    expect(run).toEqual({
      code: EXIT_FAILURE,
      stdout: "",
      stderr: `${file}: there is no scenario “As-is”. The scenarios are: “Plan”, “Lean”.\n`,
    });
  });

  it("refuses fewer than two scenarios, the same one twice, and --scenarios with two files", async () => {
    const file = await writeRoadmap("lean.roadmap", withLean);
    const one = await roadmap("compare", file, "--scenarios", "Lean");
    expect(one.code).toBe(EXIT_USAGE);
    expect(one.stderr).toMatch(/^roadmap compare: --scenarios needs at least two scenario names/);
    const twice = await roadmap("compare", file, "--scenarios", "Lean,lean");
    expect(twice.code).toBe(EXIT_USAGE);
    expect(twice.stderr).toMatch(/^roadmap compare: --scenarios names “Lean” twice/);
    const files = await roadmap("compare", file, file, "--scenarios", "Plan,Lean");
    expect(files.code).toBe(EXIT_USAGE);
    expect(files.stderr).toMatch(/^roadmap compare: --scenarios compares the scenarios of one file/);
  });

  it("says there is nothing to compare in a roadmap with only its own plan", async () => {
    const file = await writeRoadmap("plain.roadmap");
    const run = await roadmap("compare", file);
    expect(run.code).toBe(EXIT_FAILURE);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `${file}: has only its own plan, “Plan”, so there is nothing to compare; add a scenario in the app, or an as-is one with roadmap scenario ${file} --as-is NAME\n`,
    );
  });
});

describe("roadmap compare FILE_A FILE_B", () => {
  it("compares the two files' own plans and lists what changed from the first to the second", async () => {
    const before = await writeRoadmap("before.roadmap");
    const after = await writeRoadmap("after.roadmap", (doc) => {
      doc.contactCap = 2;
      doc.communications = doc.communications.slice(1);
    });
    const run = await roadmap("compare", before, after, "--json");
    expect(run.code).toBe(EXIT_OK);
    const printed = JSON.parse(run.stdout);
    const [a, b] = [await readBack(before), await readBack(after)];
    expect(printed.scenarios.map((s: { name: string }) => s.name)).toEqual([before, after]);
    expect(printed.scenarios[0].totals.budget).toBe(planRoadmap(a).budget.totalCost);
    expect(printed.scenarios[1].totals.budget).toBe(planRoadmap(b).budget.totalCost);
    expect(printed.differences).toEqual([
      { from: before, to: after, changes: JSON.parse(JSON.stringify(diffRoadmaps(a, b))) },
    ]);

    const text = await roadmap("compare", before, after);
    expect(text.stdout).toContain(`${after} against ${before}: 2 differences`);
    expect(text.stdout).toContain("  Changed the contact cap from 4 to 2");
  });

  it("fails naming a file that cannot be read, comparing nothing", async () => {
    const before = await writeRoadmap("before.roadmap");
    const missing = inDir("missing.roadmap");
    const run = await roadmap("compare", before, missing);
    expect(run).toEqual({ code: EXIT_FAILURE, stdout: "", stderr: `${missing}: no such file or folder\n` });
  });
});

describe("roadmap scenario --as-is", () => {
  it("adds a scenario of the existing communications, which budget --scenario then plans", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const existing = createB2bSubscriptionRoadmap(NOW).communications.filter((c) => c.status === "existing");
    const run = await roadmap("scenario", file, "--as-is", "Today");
    expect(run).toEqual({
      code: EXIT_OK,
      stdout: `added the scenario “Today” of ${existing.length} existing communications: ${file}\n`,
      stderr: "",
    });
    const doc = await readBack(file);
    expect(doc.scenarios.map((s) => s.name)).toEqual(["Today"]);
    const today = doc.scenarios[0]?.id ?? "";
    expect(resolveScenario(doc, today).communications.map((c) => c.id)).toEqual(existing.map((c) => c.id));

    const budget = JSON.parse((await roadmap("budget", file, "--scenario", "today", "--json")).stdout);
    expect(budget.totals.cost).toBe(planRoadmap(resolveScenario(doc, today)).budget.totalCost);
  });

  it("leaves the file byte for byte as it was when the name is taken", async () => {
    const file = await writeRoadmap("lean.roadmap", withLean);
    const bytes = await readFile(file);
    const run = await roadmap("scenario", file, "--as-is", "lean");
    expect(run.code).toBe(EXIT_FAILURE);
    expect(run.stderr).toBe(
      `${file}: There is already a scenario called “Lean”. Choose another name. ${file} is unchanged.\n`,
    );
    expect(await readFile(file)).toEqual(bytes);
  });

  it("leaves the file as it was when no communication is existing", async () => {
    const doc = createB2bSubscriptionRoadmap(NOW);
    const file = inDir("proposed.roadmap");
    await writeFile(
      file,
      serializeRoadmap({ ...doc, communications: doc.communications.map((c) => ({ ...c, status: "proposed" })) }),
    );
    const bytes = await readFile(file);
    const run = await roadmap("scenario", file, "--as-is", "As-is");
    expect(run.code).toBe(EXIT_FAILURE);
    expect(run.stderr).toMatch(/No communication has the status “Existing”.*proposed\.roadmap is unchanged\.\n$/);
    expect(await readFile(file)).toEqual(bytes);
  });

  it("refuses a command line without a name, and a file that is not a roadmap", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const bytes = await readFile(file);
    const nameless = await roadmap("scenario", file);
    expect(nameless.code).toBe(EXIT_USAGE);
    expect(nameless.stderr).toMatch(/^roadmap scenario: name the scenario to add with --as-is NAME/);
    expect(await readFile(file)).toEqual(bytes);

    const broken = inDir("broken.roadmap");
    await writeFile(broken, "{ not json");
    const run = await roadmap("scenario", broken, "--as-is", "As-is");
    expect(run.code).toBe(EXIT_FAILURE);
    expect(run.stderr.startsWith(`${broken}: `)).toBe(true);
    expect(await readFile(broken, "utf8")).toBe("{ not json");
  });
});
