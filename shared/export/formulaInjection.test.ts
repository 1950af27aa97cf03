import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { planRoadmap } from "../engine/planEngine";
import { FORMULA_INJECTIONS, formulaInjectedRoadmap } from "../model/testing/hostileText";
import { buildBudgetWorkbook } from "./budgetWorkbook";
import { communicationPlanCsv } from "./communicationPlanCsv";
import { communicationPlanCalendar } from "./communicationPlanIcs";
import { neutraliseFormula, startsLikeFormula } from "./formulaInjection";
import { readCsv } from "./testing/readCsv";

const NOW = new Date("2027-02-03T10:00:00Z");
const roadmap = formulaInjectedRoadmap();
const plan = planRoadmap(roadmap);
/** Pieces of the injected text that no formula the exporter writes itself contains. */
const PAYLOADS = ["HYPERLINK", "cmd|", "1+1", "attacker"];
/** Building and reading back a workbook takes seconds on a busy machine. */
const WORKBOOK_TIMEOUT_MS = 60_000;

describe("neutraliseFormula", () => {
  it.each(FORMULA_INJECTIONS)("puts an apostrophe before %j", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(startsLikeFormula(neutraliseFormula(text))).toBe(false);
  });

  it.each(["Welcome call", "Q1 = onboarding", "'quoted", "", "100% retained", "1-2 weeks"])(
    "leaves %j as it is",
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});

describe("every export defuses formulas in the user's text", () => {
  it("the workbook holds no user text as a formula and no string cell that would become one", {
    timeout: WORKBOOK_TIMEOUT_MS,
  }, async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildBudgetWorkbook(roadmap, plan, { now: NOW })).buffer as ArrayBuffer);
    let strings = 0;
    let defused = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          const where = `${sheet.name}!${cell.address}`;
          if (cell.type === ExcelJS.ValueType.Formula) {
            const formula = cell.formula ?? "";
            for (const payload of PAYLOADS) expect(formula, where).not.toContain(payload);
            if (typeof cell.result === "string") expect(startsLikeFormula(cell.result), where).toBe(false);
          } else if (typeof cell.value === "string") {
            strings++;
            expect(startsLikeFormula(cell.value), `${where}: ${JSON.stringify(cell.value)}`).toBe(false);
            if (FORMULA_INJECTIONS.some((text) => cell.value === neutraliseFormula(text.replace(/\r/g, "\n")))) {
              defused++;
            }
          }
        });
      });
    }
    expect(strings).toBeGreaterThan(0);
    // The names did reach the workbook, defused, rather than being left out.
    expect(defused).toBeGreaterThan(roadmap.communications.length);
  });

  it("no CSV cell starts like a formula, and every name is there with its apostrophe", () => {
    const rows = readCsv(communicationPlanCsv(roadmap, plan).replace(/^\uFEFF/, ""));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) for (const cell of row) expect(startsLikeFormula(cell), JSON.stringify(cell)).toBe(false);
    const names = new Set(rows.slice(1).map((row) => row[4]));
    for (const communication of roadmap.communications) expect(names).toContain(neutraliseFormula(communication.name));
  });

  it("no calendar name, summary or category starts like a formula", () => {
    const calendar = new ICAL.Component(ICAL.parse(communicationPlanCalendar(roadmap, plan, { now: NOW })));
    expect(startsLikeFormula(String(calendar.getFirstPropertyValue("x-wr-calname")))).toBe(false);
    const events = calendar.getAllSubcomponents("vevent");
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const fields = [
        String(event.getFirstPropertyValue("summary")),
        ...event.getAllProperties("categories").flatMap((property) => property.getValues().map(String)),
      ];
      for (const field of fields) expect(startsLikeFormula(field), JSON.stringify(field)).toBe(false);
    }
    const summaries = new Set(events.map((event) => String(event.getFirstPropertyValue("summary"))));
    const first = roadmap.communications[0];
    const phase = roadmap.phases.find((p) => p.id === first?.phaseId);
    expect(summaries).toContain(neutraliseFormula(`${first?.name} — ${phase?.name}`));
  });
});
