import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { guessColumns, type ImportTarget } from "../import/mapping";
import { readTable } from "../import/table";
import type { Roadmap, SurveyItem } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { itemHeader, itemTarget, RESPONDENT_COLUMNS, responseHeaders } from "../survey/responseColumns";
import {
  blankResponsesCsv,
  OTHER_QUESTION_COLUMNS,
  QUESTIONNAIRE_COLUMNS,
  QUESTIONNAIRE_SHEETS,
  questionnaireWorkbook,
  VALUE_COLUMNS,
} from "./surveyQuestionnaire";

const template = () => createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));

/** Every row of a sheet as the values exceljs reads back, without its leading empty slot. */
async function sheets(bytes: Uint8Array): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return new Map(
    workbook.worksheets.map((sheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1).map((value) => value ?? ""));
      });
      return [sheet.name, rows];
    }),
  );
}

function sheetRows(all: Map<string, unknown[][]>, name: string): unknown[][] {
  const rows = all.get(name);
  if (!rows) throw new Error(`no sheet ${name}; the workbook has ${[...all.keys()].join(", ")}`);
  return rows;
}

/** The targets the survey import offers, spelt as it spells them: one per item, and the respondent columns. */
function surveyTargets(items: readonly SurveyItem[]): ImportTarget[] {
  return [
    ...items.map((item) => ({
      id: itemTarget(item.id),
      label: item.text,
      group: "Questionnaire",
      required: false,
      headerNames: [itemHeader(item)],
    })),
    ...RESPONDENT_COLUMNS.map((column) => ({
      id: column.target,
      label: column.header,
      group: "Respondent",
      required: column.target === "phase",
      headerNames: column.headerNames,
    })),
  ];
}

const encode = (text: string) => new TextEncoder().encode(text);

describe("questionnaireWorkbook", () => {
  it("lists every item with its statement, dimension, scale, reverse flag and dimension weight", async () => {
    const roadmap = template();
    const { survey } = roadmap;
    const rows = sheetRows(await sheets(await questionnaireWorkbook(roadmap)), QUESTIONNAIRE_SHEETS.questionnaire);
    expect(rows[0]).toEqual([...QUESTIONNAIRE_COLUMNS]);
    expect(rows).toHaveLength(survey.items.length + 1);
    const dimensionNames = new Map(survey.dimensions.map((d) => [d.id, d.name]));
    survey.items.forEach((item, i) => {
      expect(rows[i + 1]).toEqual([
        item.id,
        item.text,
        dimensionNames.get(item.dimensionId),
        "1–5: 1 = strongly disagree … 5 = strongly agree",
        item.reversed ? "Yes" : "No",
        1,
      ]);
    });
    expect(rows.filter((row) => row[4] === "Yes")).toHaveLength(5);
    expect(new Set(rows.slice(1).map((row) => row[2]))).toEqual(new Set(survey.dimensions.map((d) => d.name)));
  });

  it("writes the questionnaire as edited: its scale, weights and reverse flags", async () => {
    const roadmap = template();
    const edited: Roadmap = {
      ...roadmap,
      survey: {
        ...roadmap.survey,
        scale: "0-10",
        dimensions: [
          { id: "trust", name: "Trust", weight: 3 },
          { id: "ease", name: "Ease", weight: 0.5 },
        ],
        items: [
          { id: "t1", text: "I trust them.", dimensionId: "trust", reversed: false },
          { id: "e1", text: "Everything is hard.", dimensionId: "ease", reversed: true },
        ],
      },
    };
    const rows = sheetRows(await sheets(await questionnaireWorkbook(edited)), QUESTIONNAIRE_SHEETS.questionnaire);
    expect(rows.slice(1)).toEqual([
      ["t1", "I trust them.", "Trust", "0–10: 0 = strongly disagree … 10 = strongly agree", "No", 3],
      ["e1", "Everything is hard.", "Ease", "0–10: 0 = strongly disagree … 10 = strongly agree", "Yes", 0.5],
    ]);
  });

  it("describes the questions asked besides the items, naming the roadmap's channels", async () => {
    const roadmap = template();
    const rows = sheetRows(await sheets(await questionnaireWorkbook(roadmap)), QUESTIONNAIRE_SHEETS.otherQuestions);
    expect(rows[0]).toEqual([...OTHER_QUESTION_COLUMNS]);
    const respondentHeaders = new Set<string>(RESPONDENT_COLUMNS.map((column) => column.header));
    expect(rows.slice(1).map((row) => row[0])).toEqual(
      responseHeaders(roadmap.survey).filter((header) => respondentHeaders.has(header)),
    );
    const byColumn = new Map(rows.slice(1).map((row) => [row[0], row.slice(1).join(" ")]));
    expect(byColumn.get("Likelihood to recommend (0-10)")).toMatch(/recommend.*0 = not at all likely … 10/);
    expect(byColumn.get("Preferred contacts per month")).toMatch(/how many times a month/i);
    const channels = byColumn.get("Preferred channels") ?? "";
    expect(roadmap.channels.length).toBeGreaterThan(2);
    for (const channel of roadmap.channels) expect(channels).toContain(channel.name);
  });

  it("has an Answers sheet with just the header row the import expects", async () => {
    const roadmap = template();
    const bytes = await questionnaireWorkbook(roadmap);
    const rows = sheetRows(await sheets(bytes), QUESTIONNAIRE_SHEETS.answers);
    expect(rows).toEqual([responseHeaders(roadmap.survey)]);
    const table = await readTable("questionnaire.xlsx", bytes, { sheet: QUESTIONNAIRE_SHEETS.answers });
    expect(table.ok && table.value.headers).toEqual(responseHeaders(roadmap.survey));
    expect(table.ok && table.value.sheetNames).toEqual(Object.values(QUESTIONNAIRE_SHEETS));
    const columns = table.ok ? guessColumns(table.value.headers, surveyTargets(roadmap.survey.items), []) : [];
    expect(columns.filter((column) => column.target === "")).toEqual([]);
  });

  it("lists the phase, segment and channel names the import accepts, phases in lifecycle order", async () => {
    const roadmap = template();
    const rows = sheetRows(await sheets(await questionnaireWorkbook(roadmap)), QUESTIONNAIRE_SHEETS.values);
    expect(rows[0]).toEqual([...VALUE_COLUMNS]);
    const column = (i: number) =>
      rows
        .slice(1)
        .map((row) => row[i] ?? "")
        .filter((name) => name !== "");
    const stageOrder = roadmap.stages.map((stage) => stage.id);
    const phasesInOrder = [...roadmap.phases]
      .sort((a, b) => stageOrder.indexOf(a.stageId) - stageOrder.indexOf(b.stageId))
      .map((phase) => phase.name);
    expect(column(0)).toEqual(phasesInOrder);
    expect(column(1)).toEqual(roadmap.segments.map((segment) => segment.name));
    expect(column(2)).toEqual(roadmap.channels.map((channel) => channel.name));
  });

  it("keeps text that would run as a formula as text, in every sheet", async () => {
    const roadmap = template();
    const [first, ...otherItems] = roadmap.survey.items;
    const [firstChannel, ...otherChannels] = roadmap.channels;
    if (!first || !firstChannel) throw new Error("the template has items and channels");
    const hostile: Roadmap = {
      ...roadmap,
      channels: [{ ...firstChannel, name: "@SUM(1+1)" }, ...otherChannels],
      segments: roadmap.segments.map((segment, i) => (i === 0 ? { ...segment, name: "-2+3" } : segment)),
      survey: {
        ...roadmap.survey,
        items: [
          { ...first, id: "=1+1", text: '=HYPERLINK("http://x.test","click")' },
          { ...first, id: "bell", text: "Ring\u0007 _x0041_ twice" },
          ...otherItems,
        ],
      },
    };
    const all = await sheets(await questionnaireWorkbook(hostile));
    const cells = [...all.values()].flat(2);
    expect(cells.some((cell) => typeof cell === "object" && cell !== null && "formula" in cell)).toBe(false);
    const questionnaire = sheetRows(all, QUESTIONNAIRE_SHEETS.questionnaire);
    expect(questionnaire[1]?.slice(0, 2)).toEqual(["'=1+1", `'=HYPERLINK("http://x.test","click")`]);
    expect(questionnaire[2]?.slice(0, 2)).toEqual(["bell", "Ring _x0041_ twice"]);
    expect(sheetRows(all, QUESTIONNAIRE_SHEETS.values).map((row) => row[1])).toContain("'-2+3");
    expect(sheetRows(all, QUESTIONNAIRE_SHEETS.values).map((row) => row[2])).toContain("'@SUM(1+1)");
    expect(sheetRows(all, QUESTIONNAIRE_SHEETS.answers)[0]).toContain(`'=1+1: =HYPERLINK("http://x.test","click")`);
  });

  it("writes a questionnaire without items or channels", async () => {
    const roadmap = template();
    const empty: Roadmap = {
      ...roadmap,
      channels: [],
      survey: { ...roadmap.survey, items: [], dimensions: [] },
    };
    const all = await sheets(await questionnaireWorkbook(empty));
    expect(sheetRows(all, QUESTIONNAIRE_SHEETS.questionnaire)).toEqual([[...QUESTIONNAIRE_COLUMNS]]);
    expect(sheetRows(all, QUESTIONNAIRE_SHEETS.answers)).toEqual([responseHeaders(empty.survey)]);
  });
});

describe("blankResponsesCsv", () => {
  it("is one header row of UTF-8 with a byte order mark, ending in CRLF", () => {
    const roadmap = template();
    const csv = blankResponsesCsv(roadmap);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.slice(1, -2)).not.toMatch(/[\r\n]/);
    expect(csv.slice(1).startsWith("Date,Phase,Segment,trust-1: I can rely")).toBe(true);
  });

  it("reads back as exactly the header row the import expects, and no rows", async () => {
    const roadmap = template();
    const table = await readTable("answers.csv", encode(blankResponsesCsv(roadmap)));
    if (!table.ok) throw new Error(table.error);
    expect(table.value.headers).toEqual(responseHeaders(roadmap.survey));
    expect(table.value.rows).toEqual([]);
    expect(table.value.encoding).toBe("UTF-8");
  });

  it("maps every column to its target without the user's help", async () => {
    const roadmap = template();
    const table = await readTable("answers.csv", encode(blankResponsesCsv(roadmap)));
    if (!table.ok) throw new Error(table.error);
    const columns = guessColumns(table.value.headers, surveyTargets(roadmap.survey.items), []);
    const byTarget = new Map([
      ...roadmap.survey.items.map((item) => [itemHeader(item), itemTarget(item.id)] as const),
      ...RESPONDENT_COLUMNS.map((column) => [column.header, column.target] as const),
    ]);
    expect(columns).toEqual(table.value.headers.map((header) => ({ header, target: byTarget.get(header) })));
  });

  it(
    "round-trips any questionnaire through the mapping step: commas, quotes, line breaks and accents included",
    async () => {
      const statement = fc
        .tuple(
          fc.constantFrom("I", "É", "Z", "Ç"),
          fc.string({ unit: fc.constantFrom("a", "é", " ", ",", '"', ";", "\t", "|", "\n", "ß", "0", "€", "'") }),
        )
        .map(([start, rest]) => `${start}${rest}`.trim());
      await fc.assert(
        fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 25 }), async (statements) => {
          const roadmap = template();
          const items = statements.map((text, i) => ({
            id: `q-${i + 1}`,
            text,
            dimensionId: "trust",
            reversed: i % 2 === 0,
          }));
          const edited = { ...roadmap, survey: { ...roadmap.survey, items } };
          const table = await readTable("answers.csv", encode(blankResponsesCsv(edited)));
          if (!table.ok) throw new Error(table.error);
          expect(table.value.headers).toEqual(responseHeaders(edited.survey).map((header) => header.trim()));
          const targets = guessColumns(table.value.headers, surveyTargets(items), []).map((c) => c.target);
          expect(targets).toEqual([
            "date",
            "phase",
            "segment",
            ...items.map((item) => itemTarget(item.id)),
            "recommend",
            "preferredChannels",
            "preferredContactsPerMonth",
          ]);
        }),
        propertyRuns(60),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});
