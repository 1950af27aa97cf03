import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../shared/engine";
import { resolveScenario } from "../shared/model/scenarios";
import { BASE_SCENARIO_ID, type Roadmap } from "../shared/model/schema";
import { testScenario } from "../shared/model/testing/scenario";
import { HEAVY_TEST_TIMEOUT_MS } from "../test/budget";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./roadmapCli";
import { cliWorkspace, escapeRegExp } from "./testing/runCli";

const NOW = new Date("2026-03-15T10:00:00Z");
const { inDir, roadmap, writeRoadmap, readBack } = cliWorkspace("roadmap-optimise-", NOW);
const TIPS = "comm-core-tips";
const RENEWAL = "comm-renewal-reminders";
const CONFERENCE = "comm-customer-conference";

/** The B2B template with a budget 30 % below its plan's cost, and options for the tips and the renewal reminder. */
function withOptions(doc: Roadmap): void {
  const planCost = planRoadmap(doc).budget.totalCost;
  doc.optimiser = {
    ...doc.optimiser,
    budget: Math.round(planCost * 0.7),
    communications: {
      [TIPS]: { everyMonths: [3], personalisation: [], lock: "free" },
      [RENEWAL]: {
        everyMonths: [],
        personalisation: [{ level: "mass", fixedCost: null, costPerContact: 0.2, responseRate: 0.25 }],
        lock: "free",
      },
    },
  };
}

interface PrintedJson {
  status: string;
  objective: number;
  value: number;
  cost: number;
  roi: number | null;
  gap: number | null;
  chosen: { communication: string; frequency: number | null; personalisation: string }[];
  dropped: string[];
  binding: string[];
}

describe("roadmap optimise", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it("prints {status, objective, value, cost, roi, gap, chosen, dropped, binding} with ids, within the file's budget", async () => {
    const file = await writeRoadmap("acme.roadmap", withOptions);
    const run = await roadmap("optimise", file, "--objective", "value", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(EXIT_OK);
    const printed = JSON.parse(run.stdout) as PrintedJson;
    expect(Object.keys(printed)).toEqual([
      "status",
      "objective",
      "value",
      "cost",
      "roi",
      "gap",
      "chosen",
      "dropped",
      "binding",
    ]);
    const doc = await readBack(file);
    const ids = doc.communications.filter((c) => c.status !== "retired").map((c) => c.id);
    expect([...printed.chosen.map((c) => c.communication), ...printed.dropped].sort()).toEqual([...ids].sort());
    expect(printed.cost).toBeLessThanOrEqual((doc.optimiser.budget ?? 0) + 1e-6);
    expect(printed.binding).toContain(`the budget of €${(doc.optimiser.budget ?? 0).toLocaleString("en-US")}`);
    // Recurring sends say how often; the others have no frequency.
    const recurring = new Set(doc.communications.filter((c) => c.timing.kind === "recurring").map((c) => c.id));
    for (const chosen of printed.chosen) {
      expect(chosen.frequency === null, chosen.communication).toBe(!recurring.has(chosen.communication));
    }
    expect([1, 3]).toContain(printed.chosen.find((c) => c.communication === TIPS)?.frequency);
  });

  it("with --out adds exactly one scenario, which plans the printed cost and value, and leaves FILE as it was", async () => {
    const file = await writeRoadmap("acme.roadmap", withOptions);
    const before = await readFile(file);
    const out = inDir("optimised.roadmap");
    const run = await roadmap("optimise", file, "--json", "--out", out);
    expect(run.code).toBe(EXIT_OK);
    expect(await readFile(file)).toEqual(before);
    const printed = JSON.parse(run.stdout) as PrintedJson;
    const original = await readBack(file);
    const optimised = await readBack(out);
    expect(optimised.scenarios).toHaveLength(original.scenarios.length + 1);
    const scenario = optimised.scenarios.at(-1);
    expect(run.stderr).toBe(`added the scenario “${scenario?.name}”: ${out}\n`);
    expect(scenario?.name).toMatch(/^Optimised, budget €[\d.]+K$/);
    const totals = planRoadmap(resolveScenario(optimised, scenario?.id ?? "")).budget;
    expect(totals.totalCost).toBeCloseTo(printed.cost, 4);
    expect(totals.totalValue).toBeCloseTo(printed.value, 4);
    expect(
      scenario?.excludedCommunicationIds
        .filter((id) => !original.baseScenario.excludedCommunicationIds.includes(id))
        .sort(),
    ).toEqual([...printed.dropped].sort());
    expect(planRoadmap(resolveScenario(optimised, BASE_SCENARIO_ID))).toEqual(planRoadmap(original));
  });

  it("with --frontier prints the frontier and keeps it, with the budget asked for, in the scenario's record", async () => {
    const file = await writeRoadmap("acme.roadmap", withOptions);
    const out = inDir("optimised.roadmap");
    const run = await roadmap("optimise", file, "--budget", "200000", "--frontier", "--out", out);
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toMatch(/^Frontier:\n\s+Budget\s+Cost\s+Value\s+Net \(discounted\)$/m);
    expect(run.stdout).toMatch(/^“Plan” is (not )?on the frontier/m);
    expect(run.stdout).toMatch(
      /^One more unit of budget is worth €[\d,.]+ \((the LP relaxation's shadow price|the frontier's slope)\)\.$/m,
    );
    const record = (await readBack(out)).scenarios.at(-1)?.optimisation;
    expect(record?.settings.budget).toBe(200_000);
    expect(record?.frontier.length).toBeGreaterThanOrEqual(10);
    expect(record?.marginalBudget).not.toBeNull();
    expect(run.stdout).toContain(`added the scenario “Optimised, budget €200K”: ${out}`);
  });

  it("optimises the scenario --scenario names, and prints the choices, figures and binding constraints in words", async () => {
    const file = await writeRoadmap("acme.roadmap", (doc) => {
      withOptions(doc);
      doc.scenarios = [testScenario({ id: "lean", name: "Lean", excludedCommunicationIds: [CONFERENCE] })];
    });
    const run = await roadmap("optimise", file, "--scenario", "lean", "--budget", "none");
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toMatch(
      /^Optimised “Lean” for the most value minus cost \(discounted\), with no budget limit: /,
    );
    expect(run.stdout).toMatch(/^Value\s+€[\d,]+\s+€[\d,]+$/m);
    expect(run.stdout).toMatch(/^Cost\s+€[\d,]+\s+€[\d,]+$/m);
    expect(run.stdout).toMatch(/^ROI\s+[\d,.]+%\s+[\d,.]+%$/m);
    expect(run.stdout).toMatch(/^Gap\s+[\d.]+%$/m);
    expect(run.stdout).toMatch(/^Kept \(\d+ communications\):$/m);
    expect(run.stdout).not.toContain("Customer conference invitation");
  });

  it("exits 1 with the constraints that conflict when no plan keeps to them all, and writes nothing", async () => {
    const file = await writeRoadmap("acme.roadmap", (doc) => {
      withOptions(doc);
      doc.optimiser.communications[CONFERENCE] = { everyMonths: [], personalisation: [], lock: "in" };
    });
    const before = await readFile(file);
    const run = await roadmap("optimise", file, "--budget", "1", "--out", file);
    expect(run.code).toBe(EXIT_FAILURE);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      new RegExp(
        `^${escapeRegExp(file)}: No plan keeps to every constraint\\. The communications locked in cost €[\\d,.]+, more than the budget of €1\\. .*Customer conference invitation`,
      ),
    );
    expect(await readFile(file)).toEqual(before);
  });

  it("refuses a budget that is not a plain amount, naming the option and the value", async () => {
    const file = await writeRoadmap("acme.roadmap", withOptions);
    for (const budget of ["abc", "-5", "1,200,000", ""]) {
      const run = await roadmap("optimise", file, `--budget=${budget}`);
      expect(run.code).toBe(EXIT_USAGE);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(
        new RegExp(`^roadmap optimise: --budget “${budget}” is not an amount: write a plain number such as 1200000`),
      );
    }
    const objective = await roadmap("optimise", file, "--objective", "profit");
    expect(objective.code).toBe(EXIT_USAGE);
    expect(objective.stderr).toMatch(/^roadmap optimise: --objective “profit” is not one of: net, value/);
  });

  it("names an unknown scenario and the scenarios there are, optimising nothing", async () => {
    const file = await writeRoadmap("acme.roadmap", (doc) => {
      doc.scenarios = [testScenario({ id: "lean", name: "Lean" })];
    });
    const run = await roadmap("optimise", file, "--scenario", "To-be");
    expect(run).toEqual({
      code: EXIT_FAILURE,
      stdout: "",
      stderr: `${file}: there is no scenario “To-be”. The scenarios are: “Plan”, “Lean”.\n`,
    });
  });
});
