import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { type PlanResult, planRoadmap } from "../engine";
import { generatedRoadmaps, smallRoadmaps } from "../engine/testing/randomRoadmaps";
import { communicationCosts } from "../model/costs";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../model/testing/generateRoadmap";
import { sampleRoadmap } from "../model/testing/sampleRoadmap";
import { buildBudgetWorkbook } from "./budgetWorkbook";
import {
  columnName,
  currencyNumberFormat,
  distinctLabels,
  BUDGET_WORKBOOK_SHEETS as SHEETS,
  workbookText,
} from "./budgetWorkbookLayout";
import {
  columnOf,
  computed,
  type RecalculatedWorkbook,
  recalculateWorkbook,
  rowOf,
  sheet,
  summaryFigure,
} from "./testing/recalculatedWorkbook";
import { asIsAndToBeRoadmap } from "./testing/scenarioRoadmaps";

const NOW = new Date("2027-02-03T10:00:00Z");

/** The app's template, planned from a fixed date so its months do not depend on when the test runs. */
const template = () => createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));

/** A generated roadmap that starts in November, so its first year and quarter are partial. */
const generated = () => ({
  ...generateRoadmap({ phases: 15, transitionsPerPhase: 1.5, communications: 80, segments: 3, seed: 7 }),
  startMonth: "2026-11",
  horizonMonths: 30,
});

interface OpenedWorkbook extends RecalculatedWorkbook {
  readonly roadmap: Roadmap;
  readonly plan: PlanResult;
  readonly bytes: Uint8Array;
}

async function openWorkbook(roadmap: Roadmap): Promise<OpenedWorkbook> {
  const plan = planRoadmap(roadmap);
  const bytes = await buildBudgetWorkbook(roadmap, plan, { now: NOW });
  return { roadmap, plan, bytes, ...(await recalculateWorkbook(bytes)) };
}

/** The text of one file inside the workbook's zip, found through the zip's central directory. */
async function zippedText(bytes: Uint8Array, path: string): Promise<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endOfDirectory = bytes.length - 22;
  expect(view.getUint32(endOfDirectory, true)).toBe(0x06054b50);
  let entry = view.getUint32(endOfDirectory + 16, true);
  for (let n = view.getUint16(endOfDirectory + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(entry + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(entry + 46, entry + 46 + nameLength));
    if (name === path) {
      const method = view.getUint16(entry + 10, true);
      const size = view.getUint32(entry + 20, true);
      const header = view.getUint32(entry + 42, true);
      const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
      const stored = bytes.slice(start, start + size);
      if (method === 0) return new TextDecoder().decode(stored);
      const inflated = new Blob([stored]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      return new Response(inflated).text();
    }
    entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  throw new Error(`no ${path} in the workbook`);
}

interface StoredFormula {
  readonly address: string;
  readonly row: number;
  readonly column: number;
  /** undefined when the cell stores no result. */
  readonly result: number | string | undefined;
}

/** The formula cells of a sheet's XML with the results stored beside them (exceljs reads a stored 0 or "" back as none). */
function storedFormulas(xml: string): StoredFormula[] {
  const cells = /<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g;
  return [...xml.matchAll(cells)].flatMap(([, letters = "", row = "", attributes = "", body = ""]) => {
    if (!body.includes("<f")) return [];
    const stored = /<v>([^<]*)<\/v>/.exec(body)?.[1];
    const result = stored === undefined ? undefined : attributes.includes('t="str"') ? xmlText(stored) : Number(stored);
    const column = [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
    return [{ address: `${letters}${row}`, row: Number(row), column, result }];
  });
}

function xmlText(encoded: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return encoded.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] as string);
}

function setInput(opened: OpenedWorkbook, sheetName: string, row: number, column: number, value: RawCellContent) {
  const sheetId = opened.engine.getSheetId(sheetName) as number;
  opened.engine.setCellContents({ sheet: sheetId, row: row - 1, col: column - 1 }, [[value]]);
}

const expectCents = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 2);

/** Every total HyperFormula computes from the workbook, against the plan's own figures. */
function expectTotalsOfPlan(opened: OpenedWorkbook): void {
  const { roadmap, plan } = opened;
  const T = plan.calendar.months.length;
  const firstMonthLabel = plan.calendar.months[0]?.label ?? "";

  const budget = sheet(opened, SHEETS.budget);
  const budgetTotal = columnOf(budget, "Total");
  const budgetFirstMonth = columnOf(budget, firstMonthLabel);
  const totalRow = rowOf(budget, "Total");
  expect(totalRow).toBe(2 + roadmap.communications.length);
  plan.communications.forEach((schedule, c) => {
    expectCents(computed(opened, SHEETS.budget, 2 + c, budgetTotal), schedule.totalCost);
  });
  if (roadmap.communications.length > 0) {
    for (let t = 0; t < T; t++) {
      expectCents(
        computed(opened, SHEETS.budget, totalRow, budgetFirstMonth + t),
        plan.budget.overall.byMonth.cost[t] as number,
      );
    }
  }
  expectCents(computed(opened, SHEETS.budget, totalRow, budgetTotal), plan.budget.totalCost);

  for (const [name, table] of [
    [SHEETS.byOwner, plan.budget.byDimension.owner],
    [SHEETS.byChannel, plan.budget.byDimension.channel],
  ] as const) {
    const breakdown = sheet(opened, name);
    const total = columnOf(breakdown, "Total");
    const firstMonth = columnOf(breakdown, firstMonthLabel);
    table.keys.forEach((_, k) => {
      for (let t = 0; t < T; t++) {
        expectCents(computed(opened, name, 2 + k, firstMonth + t), table.byMonth.cost[k * T + t] as number);
      }
      expectCents(computed(opened, name, 2 + k, total), table.totalCost[k] as number);
    });
    expectCents(computed(opened, name, rowOf(breakdown, "Total"), total), plan.budget.totalCost);
  }

  const communications = sheet(opened, SHEETS.communications);
  const contacts = columnOf(communications, "Contacts");
  const reached = columnOf(communications, "Customers reached");
  const responses = columnOf(communications, "Expected responses");
  const expectedValue = columnOf(communications, "Expected value");
  plan.communications.forEach((schedule, c) => {
    expectCents(computed(opened, SHEETS.communications, 2 + c, contacts), schedule.totalReach);
    expectCents(computed(opened, SHEETS.communications, 2 + c, reached), schedule.totalCustomersReached);
    expectCents(computed(opened, SHEETS.communications, 2 + c, responses), schedule.totalResponses);
    expectCents(computed(opened, SHEETS.communications, 2 + c, expectedValue), schedule.totalValue);
  });

  expectCents(summaryFigure(opened, "Total cost"), plan.budget.totalCost);
  expectCents(summaryFigure(opened, "Expected value"), plan.budget.totalValue);
  if (plan.budget.roi !== null) expect(summaryFigure(opened, "Return on investment")).toBeCloseTo(plan.budget.roi, 6);
  plan.calendar.years.forEach((year, j) => {
    expectCents(summaryFigure(opened, year.label), plan.budget.overall.byYear.cost[j] as number);
  });
}

// Each test builds workbooks and recalculates them, up to 80 communications over 60 months: seconds on a busy machine.
describe("buildBudgetWorkbook", { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it(
    "adds up, recalculated by an independent formula engine, to the plan's budget, to the cent",
    async () => {
      expectTotalsOfPlan(await openWorkbook(template()));
      expectTotalsOfPlan(await openWorkbook(generated()));
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it(
    "adds up to the plan's budget for any roadmap, owners and channels unknown to it included",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(smallRoadmaps, generatedRoadmaps), async (roadmap) => {
          expectTotalsOfPlan(await openWorkbook(roadmap));
        }),
        propertyRuns(12),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it(
    "gives every formula the result Excel would compute, and holds no number a spreadsheet cannot",
    async () => {
      // The scenarios' roadmap has a Scenarios sheet besides.
      for (const roadmap of [template(), generated(), asIsAndToBeRoadmap()]) {
        const opened = await openWorkbook(roadmap);
        const mismatches: string[] = [];
        let formulas = 0;
        for (const [i, worksheet] of opened.workbook.worksheets.entries()) {
          const sheetId = opened.engine.getSheetId(worksheet.name) as number;
          // exceljs writes sheets as sheet1.xml, sheet2.xml… in workbook order.
          const xml = await zippedText(opened.bytes, `xl/worksheets/sheet${i + 1}.xml`);
          if (/<v>(NaN|-?Infinity)<\/v>/.test(xml)) mismatches.push(`${worksheet.name} holds a number that is not one`);
          for (const stored of storedFormulas(xml)) {
            formulas++;
            const where = `${worksheet.name}!${stored.address}`;
            const engineValue = opened.engine.getCellValue({
              sheet: sheetId,
              row: stored.row - 1,
              col: stored.column - 1,
            });
            const agrees =
              typeof stored.result === "number" && typeof engineValue === "number"
                ? Math.abs(stored.result - engineValue) <= 1e-9 * Math.max(1, Math.abs(engineValue))
                : stored.result === engineValue;
            if (!agrees) mismatches.push(`${where}: carries ${stored.result}, computes ${JSON.stringify(engineValue)}`);
          }
        }
        // At least a Budget formula for every send.
        expect(formulas).toBeGreaterThan(opened.plan.budget.sends);
        expect(mismatches).toEqual([]);
      }
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  it("moves every total by the change of a cost per contact times the customers that communication reaches", async () => {
    const opened = await openWorkbook(template());
    const { roadmap, plan } = opened;
    const c = plan.communications.reduce(
      (best, schedule, i) => (schedule.totalReach > (plan.communications[best]?.totalReach ?? 0) ? i : best),
      0,
    );
    const schedule = plan.communications[c];
    const communication = roadmap.communications[c];
    if (!schedule || !communication || schedule.totalReach === 0) throw new Error("the template reaches no one");
    const owners = plan.budget.byDimension.owner.keys;
    const channels = plan.budget.byDimension.channel.keys;
    const otherOwner = owners.findIndex((id) => id !== communication.ownerId);
    const budget = sheet(opened, SHEETS.budget);
    const byOwner = sheet(opened, SHEETS.byOwner);
    const byChannel = sheet(opened, SHEETS.byChannel);
    const totals = () => ({
      communication: computed(opened, SHEETS.budget, 2 + c, columnOf(budget, "Total")),
      budget: computed(opened, SHEETS.budget, rowOf(budget, "Total"), columnOf(budget, "Total")),
      summary: summaryFigure(opened, "Total cost"),
      owner: computed(opened, SHEETS.byOwner, 2 + owners.indexOf(communication.ownerId), columnOf(byOwner, "Total")),
      channel: computed(
        opened,
        SHEETS.byChannel,
        2 + channels.indexOf(communication.channelId),
        columnOf(byChannel, "Total"),
      ),
      otherOwner: computed(opened, SHEETS.byOwner, 2 + otherOwner, columnOf(byOwner, "Total")),
    });
    const before = totals();
    const costPerContact = columnOf(sheet(opened, SHEETS.communications), "Cost per contact");
    const channel = roadmap.channels.find((ch) => ch.id === communication.channelId);
    const wasCharged = communicationCosts(communication, channel).costPerContact;
    setInput(opened, SHEETS.communications, 2 + c, costPerContact, wasCharged + 1.25);
    const after = totals();

    const moved = 1.25 * schedule.totalReach;
    expectCents(after.communication - before.communication, moved);
    expectCents(after.budget - before.budget, moved);
    expectCents(after.summary - before.summary, moved);
    expectCents(after.owner - before.owner, moved);
    expectCents(after.channel - before.channel, moved);
    expect(after.otherOwner).toBe(before.otherOwner);
  });

  it("moves every communication that follows a channel's cost when that cost changes on Assumptions, and no other", async () => {
    const opened = await openWorkbook(template());
    const { roadmap, plan } = opened;
    const assumptions = sheet(opened, SHEETS.assumptions);
    const phoneRow = rowOf(assumptions, "Phone / customer success call");
    const followers = roadmap.communications.flatMap((c, i) =>
      c.channelId === "phone" && c.costPerContact === null ? [i] : [],
    );
    const ownCost = roadmap.communications.findIndex((c) => c.channelId === "phone" && c.costPerContact !== null);
    expect(followers.length).toBeGreaterThan(0);
    expect(ownCost).toBeGreaterThanOrEqual(0);
    const budget = sheet(opened, SHEETS.budget);
    const costOf = (c: number) => computed(opened, SHEETS.budget, 2 + c, columnOf(budget, "Total"));
    const before = roadmap.communications.map((_, c) => costOf(c));
    setInput(opened, SHEETS.assumptions, phoneRow, 4, 18 + 2);
    roadmap.communications.forEach((_, c) => {
      const moved = followers.includes(c) ? 2 * (plan.communications[c]?.totalReach ?? 0) : 0;
      expectCents(costOf(c) - (before[c] ?? 0), moved);
    });
    expect(assumptions.getCell(phoneRow, 4).fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
  });

  it("recomputes responses and value from a changed response rate exactly as the app plans them", async () => {
    const roadmap = template();
    const opened = await openWorkbook(roadmap);
    const c = roadmap.communications.findIndex((communication) => communication.timing.kind === "recurring");
    const communications = sheet(opened, SHEETS.communications);
    setInput(opened, SHEETS.communications, 2 + c, columnOf(communications, "Response rate"), 0.3);
    const replanned = planRoadmap({
      ...roadmap,
      communications: roadmap.communications.map((communication, i) =>
        i === c ? { ...communication, responseRate: 0.3 } : communication,
      ),
    });
    const schedule = replanned.communications[c];
    expect(schedule?.totalResponses).toBeLessThan((schedule?.totalReach ?? 0) * 0.3);
    expectCents(
      computed(opened, SHEETS.communications, 2 + c, columnOf(communications, "Expected responses")),
      schedule?.totalResponses ?? Number.NaN,
    );
    expectCents(summaryFigure(opened, "Expected value"), replanned.budget.totalValue);
  });

  it("moves a communication's cost to the owner it is given on the Communications sheet", async () => {
    const base = sampleRoadmap();
    const opened = await openWorkbook({
      ...base,
      owners: [...base.owners, { id: "owner-sales", name: "Sales", kind: "sales", partnerType: null }],
    });
    const [schedule] = opened.plan.communications;
    const byOwner = sheet(opened, SHEETS.byOwner);
    const total = columnOf(byOwner, "Total");
    expect([byOwner.getCell(2, 1).value, byOwner.getCell(3, 1).value]).toEqual(["Marketing", "Sales"]);
    expect(computed(opened, SHEETS.byOwner, 3, total)).toBe(0);

    setInput(opened, SHEETS.communications, 2, columnOf(sheet(opened, SHEETS.communications), "Owner"), "Sales");
    expect(computed(opened, SHEETS.byOwner, 2, total)).toBe(0);
    expectCents(computed(opened, SHEETS.byOwner, 3, total), schedule?.totalCost ?? Number.NaN);
  });

  it("is laid out for a finance analyst: frozen headers, filters, currency formats, inputs marked, recalculated on open", async () => {
    const opened = await openWorkbook(template());
    const { workbook, plan } = opened;
    const euros = currencyNumberFormat("EUR");

    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      "Summary",
      "Assumptions",
      "Communications",
      "Reach",
      "Responses",
      "Budget",
      "by Owner",
      "by Channel",
    ]);
    expect(await zippedText(opened.bytes, "xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    for (const name of [
      SHEETS.communications,
      SHEETS.reach,
      SHEETS.responses,
      SHEETS.budget,
      SHEETS.byOwner,
      SHEETS.byChannel,
    ]) {
      const worksheet = sheet(opened, name);
      expect(worksheet.views[0], name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(worksheet.autoFilter, name).toMatch(/^A1:[A-Z]+\d+$/);
      expect(worksheet.getRow(1).getCell(1).font?.bold, name).toBe(true);
      expect(worksheet.getColumn(1).width, name).toBeGreaterThanOrEqual(20);
    }

    const budget = sheet(opened, SHEETS.budget);
    const totalRow = rowOf(budget, "Total");
    expect(budget.getCell(totalRow, columnOf(budget, plan.calendar.months[0]?.label ?? "")).numFmt).toBe(euros);
    expect(budget.getCell(totalRow, columnOf(budget, "Total")).numFmt).toBe(euros);
    const summary = sheet(opened, SHEETS.summary);
    expect(summary.getCell(rowOf(summary, "Total cost"), 2).numFmt).toBe(euros);
    expect(summary.getCell(rowOf(summary, "Generated"), 2).value).toEqual(
      new Date(Date.UTC(NOW.getFullYear(), NOW.getMonth(), NOW.getDate())),
    );
    expect(
      summary
        .getColumn(3)
        .values.some((value) => typeof value === "string" && value.startsWith("Yellow cells are inputs")),
    ).toBe(true);

    const communications = sheet(opened, SHEETS.communications);
    const ownCost = opened.roadmap.communications.findIndex((c) => c.costPerContact !== null);
    const input = communications.getCell(2 + ownCost, columnOf(communications, "Cost per contact"));
    expect(input.numFmt).toBe(euros);
    expect(input.fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    // A cost that follows its channel is the channel's, read from Assumptions: not an input of its own.
    const following = opened.roadmap.communications.findIndex((c) => c.costPerContact === null);
    const fromChannel = communications.getCell(2 + following, columnOf(communications, "Cost per contact"));
    expect(fromChannel.formula).toMatch(/^Assumptions!\$D\$\d+$/);
    expect(fromChannel.fill?.type === "pattern" ? fromChannel.fill.pattern : "none").toBe("none");
    const computedCost = communications.getCell(2, columnOf(communications, "Cost ("));
    expect(computedCost.fill?.type === "pattern" ? computedCost.fill.pattern : "none").toBe("none");
    const reach = sheet(opened, SHEETS.reach);
    const firstMonth = columnOf(reach, plan.calendar.months[0]?.label ?? "");
    // A communication that sends in some months and not in others, such as a quarterly one.
    const c = plan.communications.findIndex((schedule) => schedule.sends > 0 && schedule.sends < schedule.reach.length);
    const reached = Array.from(plan.communications[c]?.reach ?? []);
    const sent = reached.findIndex((customers) => customers > 0);
    const unsent = reached.indexOf(0);
    expect(reach.getCell(2 + c, firstMonth + sent).value).toBeCloseTo(reached[sent] ?? Number.NaN, 9);
    expect(reach.getCell(2 + c, firstMonth + sent).fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(reach.getCell(2 + c, firstMonth + unsent).value).toBeNull();
    // The Budget reads the same: a cost formula in the months it sends, nothing in the others.
    const budgetFirstMonth = columnOf(budget, plan.calendar.months[0]?.label ?? "");
    expect(budget.getCell(2 + c, budgetFirstMonth + sent).formula).toMatch(/^IF\(/);
    expect(budget.getCell(2 + c, budgetFirstMonth + sent).numFmt).toBe(euros);
    expect(budget.getCell(2 + c, budgetFirstMonth + unsent).value).toBeNull();
  });

  it("gives every row of a formula column the formula of its own row, as a reader sees it in the cell", async () => {
    const opened = await openWorkbook(generated());
    const { plan } = opened;
    // The last communication that sends in some month after another one has: far from each column's first formula.
    const last = plan.communications.findLastIndex((schedule) => schedule.sends > 0);
    const t = plan.communications[last]?.fires.lastIndexOf(1) ?? -1;
    expect(plan.communications.slice(0, last).some((schedule) => schedule.fires[t] === 1)).toBe(true);
    const r = 2 + last;
    const column = (worksheet: string, header: string) => columnName(columnOf(sheet(opened, worksheet), header));
    const formulaAt = (worksheet: string, header: string) =>
      sheet(opened, worksheet).getCell(`${column(worksheet, header)}${r}`).formula;

    const month = plan.calendar.months[t]?.label ?? "";
    const reach = `${SHEETS.reach}!${column(SHEETS.reach, month)}${r}`;
    const fixed = `${SHEETS.communications}!$${column(SHEETS.communications, "Fixed cost")}${r}`;
    const perContact = `${SHEETS.communications}!$${column(SHEETS.communications, "Cost per contact")}${r}`;
    expect(formulaAt(SHEETS.budget, month)).toBe(`IF(${reach}>0,${fixed}+${perContact}*${reach},0)`);
    expect(formulaAt(SHEETS.budget, "Owner")).toBe(
      `${SHEETS.communications}!${column(SHEETS.communications, "Owner")}${r}`,
    );

    const cost = `${column(SHEETS.communications, "Cost (")}${r}`;
    const value = `${column(SHEETS.communications, "Expected value")}${r}`;
    expect(formulaAt(SHEETS.communications, "Return on investment")).toBe(
      `IF(${cost}>0,(${value}-${cost})/${cost},"")`,
    );
    const customers = column(SHEETS.responses, "Customers reached");
    expect(formulaAt(SHEETS.communications, "Customers reached")).toBe(`${SHEETS.responses}!${customers}${r}`);
    expect(formulaAt(SHEETS.responses, "Customers reached")).toBe(`SUM(C${r})`);
  });

  it("keeps names as the text they are: a leading '=' is defused, characters a workbook cannot hold are dropped", async () => {
    const base = sampleRoadmap();
    const roadmap: Roadmap = {
      ...base,
      name: "Plan\u0007 2027",
      owners: [{ id: "owner-marketing", name: "=Marketing", kind: "marketing", partnerType: null }],
      channels: base.channels.map((channel) => ({ ...channel, name: "Email*" })),
      communications: base.communications.map((communication) => ({
        ...communication,
        name: '=HYPERLINK("https://example.invalid","Welcome")',
      })),
    };
    const opened = await openWorkbook(roadmap);
    const communications = sheet(opened, SHEETS.communications);
    // Text, defused: editing the cell or saving the sheet as CSV must not turn it into a formula.
    expect(communications.getCell(2, 1).value).toBe(`'=HYPERLINK("https://example.invalid","Welcome")`);
    expect(communications.getCell(2, columnOf(communications, "Owner")).value).toBe("'=Marketing");
    expect(sheet(opened, SHEETS.byOwner).getCell(2, 1).value).toBe("'=Marketing");
    expect(sheet(opened, SHEETS.summary).getCell(1, 1).value).toBe("Plan 2027");
    expectTotalsOfPlan(opened);
  });

  it("builds a workbook with zeros for a roadmap without communications", async () => {
    const opened = await openWorkbook({ ...sampleRoadmap(), communications: [] });
    expect(summaryFigure(opened, "Total cost")).toBe(0);
    expectTotalsOfPlan(opened);
  });
});

describe("currencyNumberFormat", () => {
  it("puts the currency's symbol before the amount and uses its usual decimals", () => {
    expect(currencyNumberFormat("EUR")).toBe('"€"#,##0.00');
    expect(currencyNumberFormat("USD")).toBe('"$"#,##0.00');
    expect(currencyNumberFormat("GBP")).toBe('"£"#,##0.00');
    expect(currencyNumberFormat("JPY")).toBe('"¥"#,##0');
  });

  it("writes the code after the amount when the currency has no symbol of its own", () => {
    expect(currencyNumberFormat("CHF")).toBe('#,##0.00 "CHF"');
  });
});

describe("columnName", () => {
  it("names columns as Excel does, up to its last column", () => {
    expect([1, 26, 27, 52, 702, 703, 16_384].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16_384 }), (column) => {
        const decoded = [...columnName(column)].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
        expect(decoded).toBe(column);
      }),
      propertyRuns(200),
    );
  });
});

describe("workbookText", () => {
  it("leaves ordinary text alone and keeps tabs and line breaks", () => {
    expect(workbookText("Café – Q1\tplan\nnext")).toBe("Café – Q1\tplan\nnext");
    expect(workbookText("line\r\nbreak\rhere")).toBe("line\nbreak\nhere");
  });

  it("drops whatever XML cannot carry and escapes what Excel would read as its own escape", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, () => {
    expect(workbookText("a\u0000b\u001Fc\uFFFEd")).toBe("abcd");
    expect(workbookText("lone \uD800 surrogate, pair 😀")).toBe("lone  surrogate, pair 😀");
    expect(workbookText("code _x0041_")).toBe("code _x005F_x0041_");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
        expect(workbookText(text)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uFFFE\uFFFF]/);
      }),
      propertyRuns(100),
    );
  });
});

describe("distinctLabels", () => {
  it("tells apart names that Excel would compare as equal", () => {
    expect(distinctLabels(["Sales", "sales", "Sales", " ", "Sales (2)"], "Owner")).toEqual([
      "Sales",
      "sales (2)",
      "Sales (3)",
      "Owner",
      "Sales (2) (2)",
    ]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom("A", "a", "A (2)", "", "b", "\u0000")), (names) => {
        const labels = distinctLabels(names, "Unnamed");
        expect(labels).toHaveLength(names.length);
        expect(new Set(labels.map((label) => label.toLowerCase())).size).toBe(labels.length);
      }),
      propertyRuns(100),
    );
  });
});
