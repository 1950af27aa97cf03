import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../shared/engine";
import { moneyAmounts, moneyFiguresIn, moneySpellings } from "../shared/export/testing/moneyFigures";
import { serializeRoadmap } from "../shared/model/roadmapFile";
import { CURRENT_SCHEMA_VERSION, type Roadmap } from "../shared/model/schema";
import { ROADMAP_TEMPLATES } from "../shared/model/templates";
import { createB2bSubscriptionRoadmap } from "../shared/model/templates/b2bSubscriptionSoftware";
import type { BudgetReport } from "./budgetReport";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./roadmapCli";
import { cliWorkspace, escapeRegExp } from "./testing/runCli";

const NOW = new Date("2026-03-15T10:00:00Z");

const { inDir, roadmap, writeRoadmap, readBack } = cliWorkspace("roadmap-cli-", NOW);

/** User errors are sentences, never a stack trace. */
function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/Error:/);
}

describe("a roadmap from a template, through every command", () => {
  it("is created, validates, budgets with the engine's numbers and exports three well-formed files", async () => {
    const file = inDir("acme.roadmap");
    const created = await roadmap("new", "--template", "b2b SUBSCRIPTION software", file);
    expect(created).toEqual({ code: EXIT_OK, stdout: `${file}\n`, stderr: "" });
    const doc = await readBack(file);
    expect(doc.name).toBe(createB2bSubscriptionRoadmap(NOW).name);

    const validated = await roadmap("validate", file);
    expect(validated.code).toBe(EXIT_OK);
    expect(validated.stdout).toBe(
      `${file}: valid: ${doc.phases.length} phases, ${doc.communications.length} communications\n`,
    );

    const budget = await roadmap("budget", file, "--json");
    expect(budget.code).toBe(EXIT_OK);
    const report = JSON.parse(budget.stdout) as BudgetReport & { file: string };
    const plan = planRoadmap(doc);
    expect(report.file).toBe(file);
    expect(report.totals).toEqual({
      cost: plan.budget.totalCost,
      value: plan.budget.totalValue,
      roi: plan.budget.roi,
      responses: plan.budget.totalResponses,
      sends: plan.budget.sends,
      reach: plan.budget.totalReach,
      customersAtStart: plan.customers.atStart,
      arrivals: plan.customers.arrivals,
      churned: plan.customers.churned,
      customersAtEnd: plan.customers.atEnd,
    });
    expect(report.byDimension.owner).toEqual(
      doc.owners.map((owner, k) => ({
        id: owner.id,
        name: owner.name,
        cost: plan.budget.byDimension.owner.totalCost[k],
        value: plan.budget.byDimension.owner.totalValue[k],
        roi: expect.anything(),
      })),
    );
    expect(report.byDimension.stage.map((line) => line.name)).toEqual(doc.stages.map((stage) => stage.name));
    expect(report.byDimension.purpose.find((line) => line.id === "crossSell")?.name).toBe("Cross-sell");
    expect(report.byYear.map((line) => [line.year, line.cost])).toEqual(
      plan.budget.overall.byYear.periods.map((period, j) => [period.label, plan.budget.overall.byYear.cost[j]]),
    );

    const xlsx = inDir("budget.xlsx");
    const csv = inDir("plan.csv");
    const ics = inDir("plan.ics");
    const exported = await roadmap("export", file, "--xlsx", xlsx, "--csv", csv, "--ics", ics);
    expect(exported.code).toBe(EXIT_OK);
    expect(exported.stdout).toBe(
      `wrote budget workbook: ${xlsx}\nwrote communication plan: ${csv}\nwrote communication calendar: ${ics}\n`,
    );
    const csvLines = (await readFile(csv, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(csvLines[0]).toMatch(/^Date,Month,Phase,Stage,Communication,/);
    // One row per send occasion after the header, then one undated row per communication that never sends.
    const silent = plan.communications.filter((schedule) => schedule.sends === 0).length;
    expect(csvLines.filter((line) => line !== "")).toHaveLength(plan.budget.sends + silent + 1);
    const calendar = await readFile(ics, "utf8");
    expect(calendar.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(calendar.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(calendar).toContain("BEGIN:VEVENT");
    const workbook = await readFile(xlsx);
    expect(workbook.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(workbook.byteLength).toBeGreaterThan(1000);
  });
});

describe("roadmap new", () => {
  it("writes a blank roadmap without --template", async () => {
    const file = inDir("blank.roadmap");
    expect((await roadmap("new", file)).code).toBe(EXIT_OK);
    const doc = await readBack(file);
    expect(doc.phases).toEqual([]);
    expect(doc.createdAt).toBe(NOW.toISOString());
    expect((await roadmap("validate", file)).stdout).toBe(`${file}: valid: 0 phases, 0 communications\n`);
  });

  it("finds a template by its id in any case", async () => {
    const file = inDir("by-id.roadmap");
    expect((await roadmap("new", "-t", "B2B-Subscription-Software", file)).code).toBe(EXIT_OK);
    expect((await readBack(file)).phases.length).toBeGreaterThan(0);
  });

  it("refuses to replace an existing file unless --force is given", async () => {
    const file = inDir("taken.roadmap");
    await writeFile(file, "keep me");
    const refused = await roadmap("new", file);
    expect(refused.code).toBe(EXIT_FAILURE);
    expect(refused.stderr).toBe(`${file}: already exists; pass --force to replace it\n`);
    expect(await readFile(file, "utf8")).toBe("keep me");

    const forced = await roadmap("new", "--force", file);
    expect(forced.code).toBe(EXIT_OK);
    expect((await readBack(file)).type).toBe("relationship-roadmap");
  });

  it("names the templates when asked for one that does not exist, and writes nothing", async () => {
    const file = inDir("never.roadmap");
    const result = await roadmap("new", "--template", "retail bank", file);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain("there is no template “retail bank”");
    for (const template of ROADMAP_TEMPLATES) expect(result.stderr).toContain(`  ${template.id}  ${template.name}\n`);
    expect(result.stderr).toContain("roadmap new --template '?'");
    await expect(readFile(file)).rejects.toThrow();
  });

  it("lists the gallery with --template '?': every template's id, name, industry and description", async () => {
    const result = await roadmap("new", "--template", "?");
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2 * ROADMAP_TEMPLATES.length);
    ROADMAP_TEMPLATES.forEach((template, i) => {
      expect(lines[2 * i]).toMatch(new RegExp(`^${template.id} +${template.name} \\(${template.industry}\\)$`));
      expect(lines[2 * i + 1]?.trim()).toBe(template.description);
    });
  });

  it("refuses an output file with --template '?', writing nothing", async () => {
    const file = inDir("gallery.roadmap");
    const result = await roadmap("new", "-t", "?", file);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain("name no output file with --template '?'");
    await expect(readFile(file)).rejects.toThrow();
  });

  it("says why when the folder does not exist", async () => {
    const file = inDir("missing/folder/x.roadmap");
    const result = await roadmap("new", file);
    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stderr).toBe(`${file}: could not be written: no such file or folder\n`);
  });
});

describe("a bad roadmap file", () => {
  it("is refused by every command when it is not JSON, naming the file", async () => {
    const file = inDir("broken.roadmap");
    await writeFile(file, "{ not json");
    for (const args of [
      ["validate", file],
      ["budget", file],
      ["export", file, "--csv", inDir("x.csv")],
    ]) {
      const result = await roadmap(...args);
      expect(result.code).toBe(EXIT_FAILURE);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(new RegExp(`^${escapeRegExp(file)}: the file is not valid JSON \\(.+\\)\\n$`));
      expectNoStackTrace(result.stderr);
    }
    await expect(readFile(inDir("x.csv"))).rejects.toThrow();
  });

  it("lists every invalid field, one per line, with its path and value", async () => {
    const file = await writeRoadmap("invalid.roadmap", (doc) => {
      (doc.phases[2] as { churnRate: number }).churnRate = 1.4;
      (doc as { currency: string }).currency = "euro";
    });
    const result = await roadmap("validate", file);
    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines).toContain(`${file}: phases[2].churnRate: must be between 0 and 1, got 1.4`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escapeRegExp(file)}: currency: .*"euro"$`)));
  });

  it("is refused with a clear message when it comes from a newer version of the app", async () => {
    const file = await writeRoadmap("future.roadmap", (doc) => {
      (doc as { schemaVersion: number }).schemaVersion = 99;
    });
    const result = await roadmap("budget", file);
    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stderr).toContain(`${file}: schemaVersion: was saved by a newer version of Relationship Roadmap`);
  });

  it("is reported as missing when it does not exist", async () => {
    const file = inDir("nowhere.roadmap");
    const result = await roadmap("validate", file);
    expect(result).toEqual({ code: EXIT_FAILURE, stdout: "", stderr: `${file}: no such file or folder\n` });
  });

  it("fails validation of several files when one is bad, and still checks the others", async () => {
    const good = await writeRoadmap("good.roadmap");
    const missing = inDir("missing.roadmap");
    const result = await roadmap("validate", missing, good);
    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stdout).toContain(`${good}: valid:`);
    expect(result.stderr).toBe(`${missing}: no such file or folder\n`);
  });
});

describe("roadmap validate", () => {
  it("accepts a file of an older format and says it was migrated", async () => {
    const { type: _type, schemaVersion: _version, name, phases, transitions, ...rest } = createB2bSubscriptionRoadmap();
    const v0 = {
      ...rest,
      version: 0,
      title: name,
      phases: phases.map(({ churnRate, ...phase }) => ({ ...phase, churnPercent: churnRate * 100 })),
      transitions: transitions.map(({ rate, ...transition }) => ({ ...transition, ratePercent: rate * 100 })),
    };
    const file = inDir("prototype.roadmap");
    await writeFile(file, JSON.stringify(v0));
    const result = await roadmap("validate", file);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toBe(
      `${file}: valid: ${phases.length} phases, ${v0.communications.length} communications (file format 0, read as format ${CURRENT_SCHEMA_VERSION}; saving it in the app updates the file)\n`,
    );
  });

  it("reports the plan's warnings on stderr without failing", async () => {
    const file = await writeRoadmap("free.roadmap", (doc) => {
      const communication = doc.communications[0] as Roadmap["communications"][number];
      communication.fixedCost = 0;
      communication.costPerContact = 0;
    });
    const name = (await readBack(file)).communications[0]?.name;
    const result = await roadmap("validate", file);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain("valid:");
    expect(result.stderr).toContain(`${file}: warning: “${name}”: it is sent but costs nothing`);
  });

  it("fails when the plan reports an error, such as outflow over 100 %, and still checks the other files", async () => {
    const overflowing = await writeRoadmap("overflowing.roadmap", (doc) => {
      const phase = doc.phases.find((p) => p.id === "phase-active-single") as Roadmap["phases"][number];
      phase.churnRate = 0.95;
    });
    const good = await writeRoadmap("good.roadmap");
    const result = await roadmap("validate", overflowing, good);
    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stdout).toContain(`${overflowing}: valid:`);
    expect(result.stdout).toContain(`${good}: valid:`);
    expect(result.stderr).toMatch(
      new RegExp(
        `^${escapeRegExp(overflowing)}: error: “Active single-product”: outgoing rates plus churn add up to`,
        "m",
      ),
    );
    expect(result.stderr).not.toContain(`${good}: error:`);
  });
});

describe("roadmap budget", () => {
  it("prints totals and aligned roll-ups in the roadmap's currency, by name", async () => {
    const file = await writeRoadmap("budget.roadmap");
    const doc = await readBack(file);
    const plan = planRoadmap(doc);
    const result = await roadmap("budget", file);
    expect(result.code).toBe(EXIT_OK);
    const euros = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: "EUR",
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    expect(result.stdout).toMatch(
      new RegExp(`^Total cost +${escapeRegExp(euros.format(plan.budget.totalCost))}$`, "m"),
    );
    expect(result.stdout).toMatch(
      new RegExp(`^Expected value +${escapeRegExp(euros.format(plan.budget.totalValue))}$`, "m"),
    );

    const sections = result.stdout.split("\n\n");
    const ownerTable = sections.find((section) => section.startsWith("Owner "))?.split("\n") ?? [];
    expect(ownerTable).toHaveLength(doc.owners.length + 1);
    doc.owners.forEach((owner, k) => {
      expect(ownerTable[k + 1]?.startsWith(owner.name)).toBe(true);
      expect(ownerTable[k + 1]).toContain(euros.format(plan.budget.byDimension.owner.totalCost[k] ?? Number.NaN));
    });
    // Right-aligned figures end in the same column on every row.
    expect(new Set(ownerTable.map((line) => line.length)).size).toBe(1);
    for (const title of ["Stage", "Phase", "Channel", "Segment", "Purpose", "Year"]) {
      expect(sections.some((section) => section.startsWith(`${title} `))).toBe(true);
    }
  });
});

describe("roadmap export", () => {
  it("writes only the calendar of the owner named, in any case", async () => {
    const file = await writeRoadmap("owners.roadmap");
    const all = inDir("all.ics");
    const marketing = inDir("marketing.ics");
    expect((await roadmap("export", file, "--ics", all)).code).toBe(EXIT_OK);
    const result = await roadmap("export", file, "--ics", marketing, "--owner", "MARKETING");
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toBe(`wrote communication calendar of Marketing: ${marketing}\n`);
    const events = (text: string) => text.split("BEGIN:VEVENT").length - 1;
    const mine = await readFile(marketing, "utf8");
    expect(events(mine)).toBeGreaterThan(0);
    expect(events(mine)).toBeLessThan(events(await readFile(all, "utf8")));
  });

  it("writes the diagram with a card for every phase and its monthly cost", async () => {
    const file = await writeRoadmap("diagram.roadmap");
    const doc = await readBack(file);
    const svg = inDir("diagram.svg");
    const result = await roadmap("export", file, "--svg", svg);
    expect(result).toMatchObject({ code: EXIT_OK, stdout: `wrote roadmap diagram: ${svg}\n` });
    const drawn = await readFile(svg, "utf8");
    expect(drawn.startsWith("<svg ")).toBe(true);
    expect(drawn.split('<g class="phase">').length - 1).toBe(doc.phases.length);
    expect(drawn).toContain('class="phase-cost"');
  });

  it("writes the diagram, plan and calendar without money with --no-costs", async () => {
    const file = await writeRoadmap("room.roadmap");
    const doc = await readBack(file);
    const [svg, csv, ics] = [inDir("room.svg"), inDir("room.csv"), inDir("room.ics")];
    const result = await roadmap("export", file, "--svg", svg, "--csv", csv, "--ics", ics, "--no-costs");
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain(`wrote roadmap diagram without costs: ${svg}\n`);
    const drawn = await readFile(svg, "utf8");
    expect(drawn.split('<g class="phase">').length - 1).toBe(doc.phases.length);
    expect(drawn).not.toContain('class="phase-cost"');
    const plan = planRoadmap(doc);
    const figures = moneySpellings(moneyAmounts(doc, plan), 100);
    for (const text of [drawn, await readFile(csv, "utf8"), await readFile(ics, "utf8")]) {
      expect(text).not.toMatch(/€|Cost/);
    }
    // The drawing's words, not its coordinates: what a reader of the picture sees.
    const words = [...drawn.matchAll(/>([^<]+)</g)].map((match) => match[1]).join(" ");
    expect(moneyFiguresIn(words, figures)).toEqual([]);
  });

  it("refuses --no-costs with the budget workbook, which is all money, and writes nothing", async () => {
    const file = await writeRoadmap("workbook.roadmap");
    const xlsx = inDir("workbook.xlsx");
    const result = await roadmap("export", file, "--xlsx", xlsx, "--no-costs");
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain("--no-costs cannot apply to --xlsx");
    await expect(readFile(xlsx)).rejects.toThrow();
  });

  it("lists the owners when the one named does not exist, and writes nothing", async () => {
    const file = await writeRoadmap("owners.roadmap");
    const ics = inDir("nobody.ics");
    const result = await roadmap("export", file, "--ics", ics, "--owner", "Finance");
    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stderr).toContain(`${file}: there is no owner “Finance”. The owners are: `);
    expect(result.stderr).toContain("“Marketing” (owner-marketing)");
    await expect(readFile(ics)).rejects.toThrow();
  });

  it("needs at least one output, and never writes over the roadmap itself", async () => {
    const file = await writeRoadmap("keep.roadmap");
    const before = await readFile(file, "utf8");
    const none = await roadmap("export", file);
    expect(none.code).toBe(EXIT_USAGE);
    expect(none.stderr).toContain("name at least one output: --pptx, --xlsx, --csv, --ics or --svg");
    const over = await roadmap("export", file, "--csv", file);
    expect(over.code).toBe(EXIT_USAGE);
    expect(await readFile(file, "utf8")).toBe(before);
  });
});

describe("usage", () => {
  it("prints the usage on stdout when asked and on stderr when no command is given", async () => {
    const help = await roadmap("--help");
    expect(help.code).toBe(EXIT_OK);
    expect(help.stdout).toContain("Usage: roadmap <command> [options]");
    for (const command of ["new", "validate", "budget", "export"]) expect(help.stdout).toContain(`roadmap ${command} `);
    const bare = await roadmap();
    expect(bare.code).toBe(EXIT_USAGE);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toBe(help.stdout);
  });

  it("explains one command with `help <command>` and with --help", async () => {
    const help = await roadmap("help", "export");
    expect(help.code).toBe(EXIT_OK);
    expect(help.stdout).toContain(
      "Usage: roadmap export FILE [--pptx OUT] [--xlsx OUT] [--csv OUT] [--ics OUT] [--svg OUT] [--owner NAME] [--sections LIST] [--no-costs]",
    );
    expect(help.stdout).toContain("--owner NAME");
    expect(await roadmap("export", "--help")).toEqual(help);
  });

  it("exits with 2 and the usage for an unknown command, option or missing argument", async () => {
    const unknownCommand = await roadmap("publish", "x.roadmap");
    expect(unknownCommand.code).toBe(EXIT_USAGE);
    expect(unknownCommand.stderr).toContain("roadmap: there is no command “publish”");
    expect(unknownCommand.stderr).toContain("Usage: roadmap <command>");

    const unknownOption = await roadmap("budget", "x.roadmap", "--pdf");
    expect(unknownOption.code).toBe(EXIT_USAGE);
    expect(unknownOption.stderr).toContain("--pdf");
    expect(unknownOption.stderr).toContain("Usage: roadmap budget FILE [--scenario NAME] [--json]");

    const missingValue = await roadmap("export", "x.roadmap", "--csv");
    expect(missingValue.code).toBe(EXIT_USAGE);
    expect(missingValue.stderr).toContain("--csv");

    const missingFile = await roadmap("validate");
    expect(missingFile.code).toBe(EXIT_USAGE);
    expect(missingFile.stderr).toContain("name at least one roadmap file");

    expect((await roadmap("help", "publish")).code).toBe(EXIT_USAGE);
    expect((await roadmap("--verbose")).stderr).toContain("unknown option --verbose");
    for (const result of [unknownCommand, unknownOption, missingValue, missingFile]) {
      expect(result.stdout).toBe("");
      expectNoStackTrace(result.stderr);
    }
  });
});

describe("budget --json on communications and contact pressure", () => {
  it("lists each communication's contacts, distinct customers, responses and money, responses never above customers", async () => {
    const file = await writeRoadmap("acme.roadmap");
    const doc = await readBack(file);
    const plan = planRoadmap(doc);
    const report = JSON.parse((await roadmap("budget", file, "--json")).stdout) as BudgetReport;
    expect(report.communications).toEqual(
      doc.communications.map((communication, c) => ({
        id: communication.id,
        name: communication.name,
        reach: plan.communications[c]?.totalReach,
        customersReached: plan.communications[c]?.totalCustomersReached,
        responses: plan.communications[c]?.totalResponses,
        cost: plan.communications[c]?.totalCost,
        value: plan.communications[c]?.totalValue,
      })),
    );
    for (const line of report.communications) expect(line.responses).toBeLessThanOrEqual(line.customersReached);
    const responses = report.communications.reduce((sum, line) => sum + line.responses, 0);
    const customers = report.communications.reduce((sum, line) => sum + line.customersReached, 0);
    expect(responses).toBeLessThanOrEqual(customers);
  });

  it("reports the cap, each segment's worst month and every collision with its cohort, ids only", async () => {
    const file = await writeRoadmap("acme.roadmap", (doc) => {
      doc.channels = doc.channels.map((channel) => (channel.id === "email" ? { ...channel, contactCap: 1 } : channel));
    });
    const report = JSON.parse((await roadmap("budget", file, "--json")).stdout) as BudgetReport;
    const { pressure } = report;
    expect(pressure.cap).toBe(4);
    expect(pressure.worstBySegment.map((line) => line.segment)).toEqual(["enterprise", "midMarket", "smallBusiness"]);
    const overRoadmap = pressure.collisions.find((c) => c.capOf === "roadmap");
    expect(overRoadmap).toMatchObject({
      segment: "smallBusiness",
      phase: "phase-active-single",
      entryMonth: null,
      month: 0,
      contacts: 5,
      cap: 4,
      owners: ["owner-pm-core", "owner-pm-analytics", "owner-marketing", "owner-resellers"],
    });
    expect(overRoadmap?.communications).toHaveLength(5);
    const overEmail = pressure.collisions.filter((c) => c.capOf === "email");
    expect(overEmail.length).toBeGreaterThan(0);
    for (const collision of overEmail) {
      expect(collision.cap).toBe(1);
      expect(collision.contacts).toBeGreaterThan(1);
    }
  });

  it("says on stderr what migrating a file of an older format changed", async () => {
    const file = inDir("old.roadmap");
    const v1 = { ...JSON.parse(serializeRoadmap(createB2bSubscriptionRoadmap(NOW))), schemaVersion: 1 };
    v1.segments = v1.segments.map((segment: object) => ({ ...segment, size: 10 }));
    await writeFile(file, JSON.stringify(v1));
    const budget = await roadmap("budget", file, "--json");
    expect(budget.code).toBe(EXIT_OK);
    expect(budget.stderr).toContain(
      `${file}: migrated: The segment “Enterprise (value creators)” had a size of 10 but`,
    );
  });
});

describe("roadmap arrange", () => {
  /** Every phase piled on one spot, as a careless paste leaves them. */
  const piled = (doc: Roadmap) => {
    for (const phase of doc.phases) phase.position = { x: 0, y: 0 };
  };

  it("lays the phases out by stage in place, changing nothing but their positions", async () => {
    const file = await writeRoadmap("piled.roadmap", piled);
    const before = await readBack(file);
    const result = await roadmap("arrange", file);
    expect(result).toMatchObject({ code: EXIT_OK, stdout: `arranged ${before.phases.length} phases: ${file}\n` });
    const after = await readBack(file);
    expect(new Set(after.phases.map((p) => `${p.position.x},${p.position.y}`)).size).toBe(after.phases.length);
    const x = (id: string) => after.phases.find((p) => p.id === id)?.position.x ?? Number.NaN;
    expect(x("phase-trial")).toBeLessThan(x("phase-first-90-days"));
    const withoutPositions = (doc: Roadmap) => ({ ...doc, phases: doc.phases.map(({ position: _, ...p }) => p) });
    expect(withoutPositions(after)).toEqual(withoutPositions(before));
  });

  it("reads a file saved with its versions, and keeps them when it writes the file back", async () => {
    const file = inDir("with-versions.roadmap");
    const current = createB2bSubscriptionRoadmap(NOW);
    const versions = [
      {
        id: "v1",
        name: "Board, 12 May",
        note: "",
        author: "Ann",
        createdAt: "2027-05-12T09:30:00.000Z",
        kind: "named",
        document: { ...current, name: "As it was" },
      },
    ];
    for (const phase of current.phases) phase.position = { x: 0, y: 0 };
    await writeFile(file, serializeRoadmap(current, versions));
    const budget = await roadmap("budget", file, "--json");
    expect(budget).toMatchObject({ code: EXIT_OK, stderr: "" });
    expect((await roadmap("arrange", file)).code).toBe(EXIT_OK);
    const written = JSON.parse(await readFile(file, "utf8")) as { versions: unknown; phases: Roadmap["phases"] };
    expect(written.versions).toEqual(versions);
    expect(written.phases.some((p) => p.position.x > 0)).toBe(true);
  });

  it("writes to --out and leaves the file it read as it was", async () => {
    const file = await writeRoadmap("piled.roadmap", piled);
    const original = await readFile(file, "utf8");
    const out = inDir("arranged.roadmap");
    expect((await roadmap("arrange", file, "--out", out)).code).toBe(EXIT_OK);
    expect(await readFile(file, "utf8")).toBe(original);
    expect((await readBack(out)).phases.some((p) => p.position.x > 0)).toBe(true);
  });

  it("leaves a file that is not a roadmap as it was, naming it", async () => {
    const file = inDir("broken.roadmap");
    await writeFile(file, "{ not json");
    const result = await roadmap("arrange", file);
    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stderr).toContain(file);
    expectNoStackTrace(result.stderr);
    expect(await readFile(file, "utf8")).toBe("{ not json");
  });

  it("says where it could not write, and fails", async () => {
    const file = await writeRoadmap("piled.roadmap", piled);
    const out = inDir(path.join("no-such-folder", "out.roadmap"));
    const result = await roadmap("arrange", file, "--out", out);
    expect(result.code).toBe(EXIT_FAILURE);
    expect(result.stderr).toContain(`${out}: could not be written`);
  });

  it("wants exactly one file", async () => {
    expect((await roadmap("arrange")).code).toBe(EXIT_USAGE);
    expect((await roadmap("arrange", "a.roadmap", "b.roadmap")).code).toBe(EXIT_USAGE);
  });
});
