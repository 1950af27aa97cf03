import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { planRoadmap } from "../engine/planEngine";
import { communication, onePhaseRoadmap, randomRoadmaps } from "../engine/testing/randomRoadmaps";
import { communicationPlanCsv } from "../export/communicationPlanCsv";
import { type Communication, type ImportMapping, type Roadmap, RoadmapSchema } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { ALL_SEGMENTS, channelKindOf, inventoryImportKind, readTiming } from "./inventoryImport";
import { CREATE_FROM_VALUE, guessMapping } from "./mapping";
import { readTable, type Table } from "./table";

async function tableOf(text: string, fileName = "inventory.csv"): Promise<Table> {
  const read = await readTable(fileName, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** The import as the wizard runs it without the user changing anything: guess, preview. */
async function previewOf(roadmap: Roadmap, csv: string, locale?: string, adjust?: (m: ImportMapping) => ImportMapping) {
  const table = await tableOf(csv);
  const guessed = guessMapping(table, inventoryImportKind.targets(roadmap), roadmap.importMappings.inventory);
  const mapping = adjust ? adjust(guessed) : guessed;
  return { table, mapping, preview: inventoryImportKind.preview(roadmap, table, mapping, locale) };
}

/** What the round trip must keep of a communication: everything but its id, roles, share, personalisation and value. */
function essentials(communication: Communication) {
  return {
    name: communication.name,
    phaseId: communication.phaseId,
    ownerId: communication.ownerId,
    channelId: communication.channelId,
    segmentIds: [...communication.audience.segmentIds].sort(),
    purpose: communication.purpose,
    timing: communication.timing,
    fixedCost: communication.fixedCost,
    costPerContact: communication.costPerContact,
    responseRate: communication.responseRate,
    status: communication.status,
  };
}

const sorted = (communications: readonly Communication[]) =>
  communications.map(essentials).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The roadmap as the room had it before anyone typed a communication: the same, without them. */
function withoutCommunications(roadmap: Roadmap): Roadmap {
  return {
    ...roadmap,
    communications: [],
    stickyNotes: roadmap.stickyNotes.filter((note) => note.anchor.kind !== "communication"),
  };
}

async function roundTrip(roadmap: Roadmap, locale?: string) {
  const csv = communicationPlanCsv(roadmap, planRoadmap(roadmap));
  const target = withoutCommunications(roadmap);
  const { preview, mapping } = await previewOf(target, csv, locale);
  return { preview, imported: inventoryImportKind.apply(target, preview.change, mapping) };
}

const INVENTORY = [
  "Campaign;Lifecycle phase;Team;Medium;Audience;Objective;Frequency;Set-up cost;Cost per send;Response rate;Status;Comments",
  "Welcome mail;Trial;Marketing;Email;All;Welcome;on entry;;;12 %;live;Sent by the CRM",
  "Quarterly review call;Active single-product;Marketing;Phone;Enterprise, Mid-market;Retention;quarterly;0;6,50;4;planned;",
].join("\r\n");

function inventoryRoadmap(): Roadmap {
  const roadmap = createB2bSubscriptionRoadmap(new Date("2026-11-23T10:00:00Z"));
  return withoutCommunications(roadmap);
}

describe("the inventory's mapping", () => {
  it("recognises the headers of a marketing department's spreadsheet", async () => {
    const roadmap = inventoryRoadmap();
    const { mapping } = await previewOf(roadmap, INVENTORY);
    expect(mapping.columns.map((column) => column.target)).toEqual([
      "name",
      "phase",
      "owner",
      "channel",
      "segments",
      "purpose",
      "timing",
      "fixedCost",
      "costPerContact",
      "responseRate",
      "status",
      "notes",
    ]);
  });

  it("maps the values to the roadmap's phases, owners, channels, segments, purposes and statuses", async () => {
    const roadmap = inventoryRoadmap();
    const { mapping } = await previewOf(roadmap, INVENTORY);
    const id = (target: string, value: string) =>
      mapping.values.find((v) => v.target === target && v.value === value)?.id;
    const phaseNamed = (name: string) => roadmap.phases.find((phase) => phase.name === name)?.id;
    expect(id("phase", "Trial")).toBe(phaseNamed("Trial"));
    expect(id("owner", "Marketing")).toBe("owner-marketing");
    expect(id("segments", "All")).toBe(ALL_SEGMENTS);
    expect(id("purpose", "Welcome")).toBe("welcome");
    expect(id("status", "live")).toBe("existing");
    expect(id("status", "planned")).toBe("proposed");
  });
});

describe("an inventory workbook", () => {
  it("reads a sheet's numbers, percentages and dates as they are stored", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Touchpoints");
    sheet.addRow(["Touchpoint", "Stage", "Owner", "Channel", "When", "Fixed costs", "Unit cost", "Conversion rate"]);
    sheet.addRow([
      "Renewal nudge",
      "Renewal due",
      "Marketing",
      "Email",
      new Date("2027-06-01T00:00:00Z"),
      1500.5,
      0.02,
      0.12,
    ]);
    sheet.getCell("H2").numFmt = "0%";
    sheet.addRow(["Check-in", "Renewal due", "Marketing", "Email", "Quarterly", 0, null, 0.05]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readTable("inventory.xlsx", bytes);
    if (!read.ok) throw new Error(read.error);
    const roadmap = inventoryRoadmap();
    const mapping = guessMapping(read.value, inventoryImportKind.targets(roadmap), roadmap.importMappings.inventory);
    expect(mapping.columns.map((c) => c.target)).toEqual([
      "name",
      "phase",
      "owner",
      "channel",
      "timing",
      "fixedCost",
      "costPerContact",
      "responseRate",
    ]);
    const preview = inventoryImportKind.preview(roadmap, read.value, mapping, "de-DE");
    expect(preview.problems).toEqual([]);
    expect(
      preview.change.communications.map(({ timing, fixedCost, costPerContact, responseRate }) => ({
        timing,
        fixedCost,
        costPerContact,
        responseRate,
      })),
    ).toEqual([
      // The plan starts in 2026-12: June 2027 is its seventh month.
      { timing: { kind: "oneOff", month: 6 }, fixedCost: 1500.5, costPerContact: 0.02, responseRate: 0.12 },
      { timing: { kind: "recurring", everyMonths: 3 }, fixedCost: 0, costPerContact: null, responseRate: 0.05 },
    ]);
  });
});

describe("previewing an inventory", () => {
  it("reads every column of a row as the communication it describes", async () => {
    const roadmap = inventoryRoadmap();
    const { preview } = await previewOf(roadmap, INVENTORY, "de-DE");
    expect(preview.problems).toEqual([]);
    expect(preview.accepted).toBe(2);
    const [welcome, review] = preview.change.communications;
    expect(welcome).toMatchObject({
      name: "Welcome mail",
      audience: { segmentIds: [], roleIds: [], share: 1 },
      purpose: "welcome",
      timing: { kind: "onEntry", offsetMonths: 0 },
      fixedCost: null,
      costPerContact: null,
      responseRate: 0.12,
      status: "existing",
      notes: "Sent by the CRM",
      rows: [2],
    });
    expect(review).toMatchObject({
      timing: { kind: "recurring", everyMonths: 3 },
      fixedCost: 0,
      costPerContact: 6.5,
      // "4" in a column whose other rate says "%"… is a number above 1: a percentage.
      responseRate: 0.04,
      status: "proposed",
    });
    expect(review?.audience.segmentIds).toHaveLength(2);
    expect(preview.summary).toBe("Adds 2 communications.");
  });

  it("changes nothing until applied: the preview leaves the roadmap as it was", async () => {
    const roadmap = inventoryRoadmap();
    const before = structuredClone(roadmap);
    await previewOf(roadmap, INVENTORY);
    expect(roadmap).toEqual(before);
  });

  it("lists every problem by file row and column with the value, and refuses those rows", async () => {
    const roadmap = { ...inventoryRoadmap(), horizonMonths: 12 };
    const csv = [
      "Name,Phase,Owner,Channel,Purpose,Timing,Fixed cost,Cost per contact,Response rate",
      "Fine,Trial,Marketing,Email,Welcome,on entry,10,0.5,5",
      "Nowhere,Limbo,Marketing,Email,Welcome,on entry,,,",
      "Sometime,Trial,Marketing,Email,Welcome,whenever,,,",
      "Refund,Trial,Marketing,Email,Welcome,on entry,-5,,",
      "Pricey,Trial,Marketing,Email,Welcome,on entry,,lots,",
      "Keen,Trial,Marketing,Email,Welcome,on entry,,,140",
      "Odd,Trial,Marketing,Email,Gossip,on entry,,,",
      ",Trial,Marketing,Email,Welcome,on entry,,,",
      ",,,,,,,,",
      "Late,Trial,Marketing,Email,Welcome,month 13,,,",
      "Weekly,Trial,Marketing,Email,Welcome,weekly,,,",
      "Last,Trial,Marketing,Email,Welcome,on entry,,,",
    ].join("\n");
    const { preview } = await previewOf(roadmap, csv, "en");
    const brief = preview.problems.map(({ row, column, value }) => [row, column, value]);
    expect(brief).toEqual([
      [3, "Phase", "Limbo"],
      [4, "Timing", "whenever"],
      [5, "Fixed cost", "-5"],
      [6, "Cost per contact", "lots"],
      [7, "Response rate", "140"],
      [8, "Purpose", "Gossip"],
      [9, "Name", ""],
      [10, null, null],
      [11, "Timing", "month 13"],
      [12, "Timing", "weekly"],
    ]);
    const said = preview.problems.map((p) => p.problem);
    expect(said[0]).toBe("“Limbo” is not a phase of this roadmap: map it to one.");
    expect(said[1]).toMatch(/Timing “whenever” is not understood/);
    expect(said[2]).toBe("The fixed cost is negative.");
    expect(said[3]).toMatch(/^The cost per contact is not an amount of money/);
    expect(said[4]).toBe("The response rate is above 100 %.");
    expect(said[6]).toBe("A communication needs a name.");
    expect(said[7]).toBe("The row is empty.");
    expect(said[8]).toMatch(/month 13.*falls outside the plan: its months run from 1 \(2026-12\) to 12/);
    expect(said[9]).toMatch(/more often than monthly/);
    expect(preview.accepted).toBe(2);
    expect(preview.refused).toBe(10);
    expect(preview.change.communications.map((c) => c.name)).toEqual(["Fine", "Last"]);
    expect(preview.summary).toBe("Adds 2 communications. 10 rows are refused for the problems listed.");
  });

  it("cannot run without a Name and a Phase column, and says which is missing", async () => {
    const { preview } = await previewOf(inventoryRoadmap(), "Name,Owner\nWelcome,Marketing\n");
    expect(preview.accepted).toBe(0);
    expect(preview.refused).toBe(1);
    expect(preview.problems).toEqual([
      { row: null, column: null, value: null, problem: "Map a column to Phase: a communication needs it." },
    ]);
  });

  it("sets status existing when there is no Status column, and when the cell is empty", async () => {
    const roadmap = inventoryRoadmap();
    const without = await previewOf(roadmap, "Name,Phase\nWelcome,Trial\n");
    expect(without.preview.change.communications[0]?.status).toBe("existing");
    const empty = await previewOf(roadmap, "Name,Phase,Status\nWelcome,Trial,\nOld,Trial,Stopped\n");
    expect(empty.preview.change.communications.map((c) => c.status)).toEqual(["existing", "retired"]);
  });

  it("reads response rates as percentages or shares, column by column", async () => {
    const roadmap = inventoryRoadmap();
    const rates = async (header: string, ...cells: string[]) => {
      const csv = [`Name,Phase,${header}`, ...cells.map((cell, i) => `C${i},Trial,${cell}`)].join("\n");
      const { preview } = await previewOf(roadmap, csv, "en");
      return preview.change.communications.map((c) => c.responseRate);
    };
    expect(await rates("Response rate", "12 %", "12", "0.5")).toEqual([0.12, 0.12, 0.005]);
    expect(await rates("Response rate", "0.12", "0.5", "1")).toEqual([0.12, 0.5, 1]);
    expect(await rates("Response rate (%)", "0.5", "1", "12.3")).toEqual([0.005, 0.01, 0.123]);
  });

  it("reads money in the user's locale, with the currency, and a Plan CSV's dot decimals in any locale", async () => {
    const roadmap = inventoryRoadmap();
    const costs = async (locale: string, ...cells: string[]) => {
      const csv = ["Name;Phase;Fixed cost", ...cells.map((cell, i) => `C${i};Trial;${cell}`)].join("\n");
      const { preview } = await previewOf(roadmap, csv, locale);
      return preview.change.communications.map((c) => c.fixedCost);
    };
    expect(await costs("de-DE", "1.500,50 €", "2.000", "")).toEqual([1500.5, 2000, null]);
    expect(await costs("de-DE", "0.025", "1.5", "1234.567")).toEqual([0.025, 1.5, 1234.567]);
    expect(await costs("en-US", "€1,500.50", "0.025")).toEqual([1500.5, 0.025]);
  });

  it("reads timing as inventories write it", () => {
    const horizon = { startMonth: "2027-01", horizonMonths: 24 };
    const read = (text: string) => {
      const timing = readTiming(text, horizon);
      return timing.ok ? timing.value : timing.error;
    };
    expect(read("")).toEqual({ kind: "onEntry", offsetMonths: 0 });
    expect(read("On entry")).toEqual({ kind: "onEntry", offsetMonths: 0 });
    expect(read("on entry + 2 months")).toEqual({ kind: "onEntry", offsetMonths: 2 });
    expect(read("3 months after entry")).toEqual({ kind: "onEntry", offsetMonths: 3 });
    expect(read("Monthly")).toEqual({ kind: "recurring", everyMonths: 1 });
    expect(read("every 3 months")).toEqual({ kind: "recurring", everyMonths: 3 });
    expect(read("Quarterly")).toEqual({ kind: "recurring", everyMonths: 3 });
    expect(read("half-yearly")).toEqual({ kind: "recurring", everyMonths: 6 });
    expect(read("Annually")).toEqual({ kind: "recurring", everyMonths: 12 });
    expect(read("every 2 years")).toEqual({ kind: "recurring", everyMonths: 24 });
    expect(read("once in month 5")).toEqual({ kind: "oneOff", month: 4 });
    expect(read("Month 5")).toEqual({ kind: "oneOff", month: 4 });
    expect(read("Once, 2027-06")).toEqual({ kind: "oneOff", month: 5 });
    expect(read("2027-06-15")).toEqual({ kind: "oneOff", month: 5 });
    expect(read("month 30")).toMatch(/falls outside the plan/);
    expect(read("every fortnight")).toMatch(/Timing “every fortnight” is not understood/);
  });

  it("reads one communication listed once per send as one communication", async () => {
    const roadmap = inventoryRoadmap();
    const csv = [
      "Date,Communication,Phase,Timing",
      "2027-01-01,Monthly news,Trial,every month",
      "2027-02-01,Monthly news,Trial,every month",
      "2027-03-01,Monthly news,Trial,every month",
      "2027-01-01,Welcome,Trial,on entry",
    ].join("\n");
    const { preview } = await previewOf(roadmap, csv);
    expect(preview.change.communications.map((c) => [c.name, c.rows])).toEqual([
      ["Monthly news", [2, 3, 4]],
      ["Welcome", [5]],
    ]);
    expect(preview.summary).toBe(
      "Adds 2 communications from 4 rows (rows that repeat a communication are its further sends).",
    );
  });

  it("keeps rows with different IDs apart, and refuses a row whose ID names a different communication", async () => {
    const roadmap = inventoryRoadmap();
    const csv = ["ID,Name,Phase", "a,Reminder,Trial", "b,Reminder,Trial", "a,Something else,Trial"].join("\n");
    const { preview } = await previewOf(roadmap, csv);
    expect(preview.change.communications.map((c) => c.rows)).toEqual([[2], [3]]);
    expect(preview.problems).toEqual([
      {
        row: 4,
        column: "ID",
        value: "a",
        problem: "ID “a” is already row 2's, which describes a different communication.",
      },
    ]);
  });
});

describe("unknown owners and channels", () => {
  const csv = [
    "Name,Phase,Owner,Channel",
    "Event invite,Trial,Field marketing,WhatsApp",
    "Partner news,Trial,Partner desk,Webinars",
    "Partner call,Trial,Partner desk,Email",
    "Stray,Trial,Nobody,Email",
  ].join("\n");
  const create = (mapping: ImportMapping): ImportMapping => ({
    ...mapping,
    values: mapping.values.map((value) =>
      value.id === null && value.value !== "Nobody" ? { ...value, id: CREATE_FROM_VALUE } : value,
    ),
  });

  it("are not guessed: their rows are refused until the user chooses to create them", async () => {
    const { preview } = await previewOf(inventoryRoadmap(), csv);
    expect(preview.accepted).toBe(0);
    expect(preview.problems[0]).toEqual({
      row: 2,
      column: "Owner",
      value: "Field marketing",
      problem: "“Field marketing” is not an owner of this roadmap: map it to one or create it.",
    });
  });

  it("are listed in the preview and created on apply, of the kind their name says", async () => {
    const roadmap = inventoryRoadmap();
    const { preview, mapping } = await previewOf(roadmap, csv, "en", create);
    expect(preview.summary).toBe(
      "Adds 3 communications. Creates 2 owners: Field marketing, Partner desk; 2 channels: WhatsApp, Webinars. 1 row is refused for the problems listed.",
    );
    expect(preview.problems).toEqual([
      {
        row: 5,
        column: "Owner",
        value: "Nobody",
        problem: "“Nobody” is not an owner of this roadmap: map it to one or create it.",
      },
    ]);
    expect(roadmap.owners.map((o) => o.name)).not.toContain("Field marketing");

    const imported = inventoryImportKind.apply(roadmap, preview.change, mapping);
    const owner = (name: string) => imported.owners.find((o) => o.name === name);
    const channel = (name: string) => imported.channels.find((c) => c.name === name);
    expect(owner("Field marketing")).toMatchObject({ kind: "marketing", partnerType: null });
    expect(owner("Partner desk")).toMatchObject({ kind: "partnerChannel", partnerType: "other" });
    expect(channel("WhatsApp")).toMatchObject({ kind: "other", fixedCost: 0, costPerContact: 0 });
    expect(channel("Webinars")).toMatchObject({ kind: "event", fixedCost: 0, costPerContact: 0 });
    const partnerNews = imported.communications.find((c) => c.name === "Partner news");
    expect(partnerNews?.ownerId).toBe(owner("Partner desk")?.id);
    expect(partnerNews?.channelId).toBe(channel("Webinars")?.id);
    expect(imported.communications.find((c) => c.name === "Partner call")?.ownerId).toBe(owner("Partner desk")?.id);
    expect(RoadmapSchema.safeParse(imported).success).toBe(true);
  });

  it("refuse the rows of a value the user mapped to nothing", async () => {
    const roadmap = inventoryRoadmap();
    const muted = "Name,Phase,Owner\nKept,Trial,Reseller partners\nMuted,Trial,Marketing\n";
    const { preview } = await previewOf(roadmap, muted, "en", (m) => ({
      ...m,
      values: m.values.map((v) => (v.value === "Marketing" ? { ...v, id: null } : v)),
    }));
    expect(preview.change.communications.map((c) => c.name)).toEqual(["Kept"]);
    expect(preview.problems).toEqual([
      {
        row: 3,
        column: "Owner",
        value: "Marketing",
        problem: "“Marketing” is mapped to no owner, so the row is left out.",
      },
    ]);
  });

  it("are created only when a row that is imported uses them", async () => {
    const roadmap = inventoryRoadmap();
    const refusedOnly = "Name,Phase,Owner,Channel\nBad,Limbo,Ghost team,Pigeon\n";
    const { preview } = await previewOf(roadmap, refusedOnly, "en", create);
    expect(preview.change.owners).toEqual([]);
    expect(preview.change.channels).toEqual([]);
  });

  it("take their kind from the name when it says one", () => {
    expect(["Webinars", "Text message", "LinkedIn", "Postal mailing", "WhatsApp"].map(channelKindOf)).toEqual([
      "event",
      "sms",
      "social",
      "directMail",
      "other",
    ]);
  });
});

describe("applying an inventory", () => {
  it("appends the communications with new ids, remembers the mapping, and passes the schema", async () => {
    const roadmap = inventoryRoadmap();
    const { preview, mapping } = await previewOf(roadmap, INVENTORY, "de-DE");
    const imported = inventoryImportKind.apply(roadmap, preview.change, mapping);
    expect(imported.communications).toHaveLength(2);
    expect(new Set(imported.communications.map((c) => c.id)).size).toBe(2);
    expect(imported.importMappings.inventory).toEqual(mapping);
    expect(RoadmapSchema.safeParse(imported).success).toBe(true);
    // Applied twice (two imports of the same file), the ids stay unique.
    const twice = inventoryImportKind.apply(imported, preview.change, mapping);
    expect(new Set(twice.communications.map((c) => c.id)).size).toBe(4);
  });

  it("leaves out a communication whose phase was removed between the preview and the confirmation", async () => {
    const roadmap = inventoryRoadmap();
    const { preview, mapping } = await previewOf(roadmap, INVENTORY, "de-DE");
    const trial = roadmap.phases.find((phase) => phase.name === "Trial")?.id;
    const edited = { ...roadmap, phases: roadmap.phases.filter((phase) => phase.id !== trial) };
    const imported = inventoryImportKind.apply(edited, preview.change, mapping);
    expect(imported.communications.map((c) => c.name)).toEqual(["Quarterly review call"]);
  });

  it("offers the remembered mapping for the next file", async () => {
    const roadmap = inventoryRoadmap();
    const csv = "Wave name,Stage of customer\nWelcome,Trial\n";
    const first = await previewOf(roadmap, csv, "en", (m) => ({
      ...m,
      columns: [
        { header: "Wave name", target: "name" },
        { header: "Stage of customer", target: "phase" },
      ],
    }));
    const remembered = inventoryImportKind.apply(roadmap, first.preview.change, first.mapping);
    const next = await previewOf(withoutCommunications(remembered), csv);
    expect(next.mapping.columns.map((c) => c.target)).toEqual(["name", "phase"]);
  });

  it("refuses a file that would take the roadmap over its communications limit, changing nothing", async () => {
    const roadmap = { ...inventoryRoadmap(), horizonMonths: 600 };
    const rows = Array.from({ length: 201 }, (_, i) => `C${i},Trial`);
    const { preview } = await previewOf(roadmap, ["Name,Phase", ...rows].join("\n"));
    expect(preview.accepted).toBe(0);
    expect(preview.change.communications).toEqual([]);
    expect(preview.problems[0]?.problem).toMatch(/201 communications over 600 months is more than the 120,000 sends/);
  });
});

describe("the Plan CSV imported back", () => {
  it("gives the B2B template's communications back", async () => {
    const roadmap = createB2bSubscriptionRoadmap(new Date("2026-11-23T10:00:00Z"));
    const { preview, imported } = await roundTrip(roadmap);
    expect(preview.problems).toEqual([]);
    expect(preview.change.owners).toEqual([]);
    expect(preview.change.channels).toEqual([]);
    expect(sorted(imported.communications)).toEqual(sorted(roadmap.communications));
    expect(RoadmapSchema.safeParse(imported).success).toBe(true);
  });

  it("gives the same communications back in a German locale", async () => {
    const roadmap = createB2bSubscriptionRoadmap(new Date("2026-11-23T10:00:00Z"));
    const { imported } = await roundTrip(roadmap, "de-DE");
    expect(sorted(imported.communications)).toEqual(sorted(roadmap.communications));
  });

  it("gives any roadmap's communications back", { timeout: HEAVY_TEST_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(randomRoadmaps, async (roadmap) => {
        const { preview, imported } = await roundTrip(roadmap);
        expect(preview.problems).toEqual([]);
        expect(sorted(imported.communications)).toEqual(sorted(roadmap.communications));
        expect(RoadmapSchema.safeParse(imported).success).toBe(true);
      }),
      propertyRuns(40),
    );
  });

  it("undoes the apostrophe that defused a name a spreadsheet would run", async () => {
    const roadmap = onePhaseRoadmap(
      "=Active",
      communication("c1", "phase-1", { name: "=HYPERLINK(1)", timing: { kind: "oneOff", month: 0 } }),
      communication("c2", "phase-1", { name: "-5 % off", notes: "" }),
    );
    const { imported } = await roundTrip(roadmap);
    expect(sorted(imported.communications)).toEqual(sorted(roadmap.communications));
  });
});
