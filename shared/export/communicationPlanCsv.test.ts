import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { planRoadmap } from "../engine/planEngine";
import { communication, onePhaseRoadmap, randomRoadmaps } from "../engine/testing/randomRoadmaps";
import type { Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { communicationPlanCsv } from "./communicationPlanCsv";
import { readCsv } from "./testing/readCsv";

const FAST_CHECK = propertyRuns(100);

const HEADER = [
  "Date",
  "Month",
  "Phase",
  "Stage",
  "Communication",
  "Purpose",
  "Channel",
  "Owner",
  "Audience",
  "Reach",
  "Cost (EUR)",
  "Timing",
  "Status",
  "Response rate (%)",
  "Fixed cost (EUR)",
  "Cost per contact (EUR)",
  "ID",
];
const COST = HEADER.indexOf("Cost (EUR)");
const COST_COLUMNS = ["Cost (EUR)", "Fixed cost (EUR)", "Cost per contact (EUR)"];
const column = (row: readonly string[] | undefined, name: string) => row?.[HEADER.indexOf(name)];

function readPlan(roadmap: Roadmap): { header: string[]; rows: string[][] } {
  const csv = communicationPlanCsv(roadmap, planRoadmap(roadmap));
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const [header = [], ...rows] = readCsv(csv.slice(1));
  return { header, rows };
}

describe("communicationPlanCsv", () => {
  it("starts with a byte order mark and the header, the cost column naming the currency", () => {
    const roadmap = { ...onePhaseRoadmap("Active"), currency: "CHF" };
    const csv = communicationPlanCsv(roadmap, planRoadmap(roadmap));
    expect(csv).toBe(`\uFEFF${HEADER.map((name) => name.replace("EUR", "CHF")).join(",")}\r\n`);
  });

  it("has one row per send occasion, one undated row per communication that never sends, and costs that add up to the plan's total", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, () => {
    fc.assert(
      fc.property(randomRoadmaps, (roadmap) => {
        const plan = planRoadmap(roadmap);
        const [header, ...rows] = readCsv(communicationPlanCsv(roadmap, plan).slice(1));
        expect(header).toEqual(HEADER);
        const silent = plan.communications.filter((schedule) => schedule.sends === 0).length;
        expect(rows.filter((row) => row[0] !== "")).toHaveLength(plan.budget.sends);
        expect(rows.slice(rows.length - silent).every((row) => row[0] === "" && row[COST] === "0.00")).toBe(true);
        expect(new Set(rows.map((row) => column(row, "ID"))).size).toBe(roadmap.communications.length);
        expect(rows.every((row) => row.length === HEADER.length)).toBe(true);
        // Each row is rounded to the cent, off by up to half a cent, so the column's sum may
        // drift from the engine's total by half a cent a row (plus float noise in the sums).
        const columnTotal = rows.reduce((sum, row) => sum + Number(row[COST]), 0);
        const drift = rows.length * 0.005 + 1e-9 * Math.max(1, plan.budget.totalCost);
        expect(Math.abs(columnTotal - plan.budget.totalCost)).toBeLessThanOrEqual(drift);
      }),
      FAST_CHECK,
    );
  });

  it("adds up to the cent when every send costs whole cents", () => {
    // Fixed costs in cents and whole customers reached: no row loses anything to rounding.
    const roadmap = onePhaseRoadmap(
      "Active",
      communication("monthly", "phase-1", { fixedCost: 1234.56, costPerContact: 0.07 }),
      communication("once", "phase-1", { fixedCost: 99.99, costPerContact: 1.5, timing: { kind: "oneOff", month: 1 } }),
    );
    const plan = planRoadmap(roadmap);
    const { rows } = readPlan(roadmap);
    const cents = rows.reduce((sum, row) => sum + Math.round(Number(row[COST]) * 100), 0);
    expect(cents).toBe(Math.round(plan.budget.totalCost * 100));
    expect(rows.map((row) => row[COST])).toEqual(["1241.56", "1241.56", "249.99", "1241.56"]);
  });

  it("writes numbers plainly: two decimals, a point, no thousands separator", () => {
    const roadmap = onePhaseRoadmap(
      "Active",
      communication("event", "phase-1", {
        fixedCost: 1_234_567.891,
        audience: { segmentIds: [], roleIds: [], share: 0.3333 },
        timing: { kind: "oneOff", month: 0 },
      }),
    );
    const [row] = readPlan(roadmap).rows;
    expect([column(row, "Reach"), column(row, "Cost (EUR)")]).toEqual(["33.33", "1234567.89"]);
    expect(column(row, "Fixed cost (EUR)")).toBe("1234567.891");
  });

  it("writes each communication's timing, status, response rate and own costs, empty where it follows its channel", () => {
    const roadmap = onePhaseRoadmap(
      "Active",
      communication("own", "phase-1", {
        timing: { kind: "onEntry", offsetMonths: 2 },
        status: "proposed",
        responseRate: 0.123,
        fixedCost: 0.0000001,
        costPerContact: 0.025,
      }),
      communication("follows", "phase-1", { fixedCost: null, costPerContact: null, status: "retired" }),
    );
    const { rows } = readPlan(roadmap);
    const settings = ["Timing", "Status", "Response rate (%)", "Fixed cost (EUR)", "Cost per contact (EUR)", "ID"];
    expect(rows.map((row) => settings.map((name) => column(row, name)))).toEqual([
      ["on entry +2", "Proposed", "12.3", "0.0000001", "0.025", "own"],
      ["every month", "Retired", "0", "", "", "follows"],
    ]);
    // Retired, it never sends: one row without a date says it is in the plan all the same.
    expect(rows[1]?.slice(0, 2)).toEqual(["", ""]);
  });

  it("keeps commas, quotes, line breaks and accents in names intact", () => {
    const names = ['Launch, "big" one', "Line one\nline two", "Café für Müller", "Semi; colon\r\nand CRLF"];
    const roadmap = onePhaseRoadmap(
      "Zoë's phase, first",
      ...names.map((name, i) => communication(`c${i}`, "phase-1", { name, timing: { kind: "oneOff", month: 0 } })),
    );
    const { rows } = readPlan(roadmap);
    expect(rows.map((row) => row[4])).toEqual(names);
    expect(rows.every((row) => row[2] === "Zoë's phase, first")).toBe(true);
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    const names = ['=HYPERLINK("http://example.com","Click")', "+1", "-x", "@sum(A1)", "\tTabbed", "\rReturned"];
    const roadmap = onePhaseRoadmap(
      "=cmd|' /C calc'!A0",
      ...names.map((name, i) => communication(`c${i}`, "phase-1", { name, timing: { kind: "oneOff", month: 0 } })),
      communication("safe", "phase-1", { name: "Plain 1+1=2", timing: { kind: "oneOff", month: 0 } }),
    );
    const { rows } = readPlan(roadmap);
    expect(rows.map((row) => row[4])).toEqual([...names.map((name) => `'${name}`), "Plain 1+1=2"]);
    expect(rows[0]?.[2]).toBe("'=cmd|' /C calc'!A0");
    expect(rows[0]?.[0]).toBe("2027-01-01");
  });

  it("exports every send of the template, its owners' dashes intact", () => {
    const roadmap = createB2bSubscriptionRoadmap(new Date("2026-11-23T10:00:00Z"));
    const plan = planRoadmap(roadmap);
    const { header, rows } = readPlan(roadmap);
    expect(header).toEqual(HEADER);
    expect(rows.filter((row) => row[0] !== "")).toHaveLength(plan.budget.sends);
    expect(rows).toHaveLength(plan.budget.sends + plan.communications.filter((s) => s.sends === 0).length);
    expect(rows[0]?.[0]).toBe("2026-12-01");
    expect(rows.some((row) => row[7] === "PM – Analytics suite")).toBe(true);
  });
});

describe("the communication plan without costs", () => {
  it("leaves out the cost column and keeps every other, row for row", () => {
    const roadmap = createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));
    const plan = planRoadmap(roadmap);
    const [header = [], ...rows] = readCsv(communicationPlanCsv(roadmap, plan, { includeCosts: false }).slice(1));
    const [, ...withCosts] = readCsv(communicationPlanCsv(roadmap, plan).slice(1));
    const kept = (row: string[]) => row.filter((_, i) => !COST_COLUMNS.includes(HEADER[i] ?? ""));
    expect(header).toEqual(kept(HEADER));
    expect(rows).toEqual(withCosts.map(kept));
  });
});
