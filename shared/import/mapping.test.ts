import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/budget";
import {
  bestMatch,
  guessColumns,
  guessMapping,
  guessValues,
  type ImportTarget,
  normaliseLabel,
  readCellNumber,
  splitValues,
  type ValueOption,
  valuesToMap,
} from "./mapping";
import type { Table, TableCell } from "./table";

const PHASES: ValueOption[] = [
  { id: "onboarding", name: "Onboarding" },
  { id: "active", name: "Active" },
  { id: "active-loyal", name: "Active loyal" },
  { id: "lapsed", name: "Lapsed", aliases: ["Dormant"] },
  { id: "win-back", name: "Win-back" },
];

const CHANNELS: ValueOption[] = [
  { id: "email", name: "Email", aliases: ["e-mail"] },
  { id: "phone", name: "Phone call" },
  { id: "post", name: "Letter" },
];

const TARGETS: ImportTarget[] = [
  {
    id: "phase",
    label: "Phase",
    group: "Respondent",
    required: true,
    headerNames: ["Lifecycle phase", "Stage"],
    values: { options: PHASES, creatable: false },
  },
  {
    id: "segment",
    label: "Segment",
    group: "Respondent",
    required: false,
    headerNames: ["Customer type"],
    values: { options: [{ id: "smb", name: "Small business" }], creatable: false },
  },
  {
    id: "preferredChannels",
    label: "Preferred channels",
    group: "Respondent",
    required: false,
    headerNames: ["Channels"],
    values: { options: CHANNELS, creatable: false },
  },
  { id: "item:trust-1", label: "I can rely on them", group: "Questionnaire", required: false, headerNames: [] },
  { id: "date", label: "Date", group: "Respondent", required: false, headerNames: ["Submitted at"] },
];

function table(headers: string[], rows: TableCell[][]): Table {
  return { fileName: "answers.csv", sheetName: null, sheetNames: [], headers, rows, encoding: "UTF-8" };
}

describe("normaliseLabel", () => {
  it("compares labels without case, accents, punctuation or extra spaces", () => {
    expect(normaliseLabel("  E-Mail ")).toBe("e mail");
    expect(normaliseLabel("Zürich")).toBe("zurich");
    expect(normaliseLabel("Café—Crème (2026)")).toBe("cafe creme 2026");
    expect(normaliseLabel("Lapsed 6m+")).toBe("lapsed 6m");
    expect(normaliseLabel("Лояльные  клиенты")).toBe("лояльные клиенты");
    expect(normaliseLabel("— !")).toBe("");
  });
});

describe("bestMatch", () => {
  it("finds an option by its id, name or an alias, however written", () => {
    expect(bestMatch("win-back", PHASES)).toBe("win-back");
    expect(bestMatch("WIN BACK", PHASES)).toBe("win-back");
    expect(bestMatch("active loyal", PHASES)).toBe("active-loyal");
    expect(bestMatch("dormant", PHASES)).toBe("lapsed");
    expect(bestMatch("E-mail", CHANNELS)).toBe("email");
    expect(bestMatch(" eMail ", CHANNELS)).toBe("email");
  });

  it("reads a value that starts with an option's name as that option: 'Lapsed 6m+' is Lapsed", () => {
    expect(bestMatch("Lapsed 6m+", PHASES)).toBe("lapsed");
    expect(bestMatch("Phone call (mobile)", CHANNELS)).toBe("phone");
  });

  it("reads a value an option's name starts with as that option: 'Onboard' is Onboarding", () => {
    expect(bestMatch("Onboard", PHASES)).toBe("onboarding");
    expect(bestMatch("Phone", CHANNELS)).toBe("phone");
  });

  it("prefers the longest name the value starts with", () => {
    expect(bestMatch("Active loyal customers", PHASES)).toBe("active-loyal");
    expect(bestMatch("Active since May", PHASES)).toBe("active");
  });

  it("gives nothing when two options fit equally", () => {
    const twins: ValueOption[] = [
      { id: "lapsed-a", name: "Lapsed" },
      { id: "lapsed-b", name: "Lapsed" },
    ];
    expect(bestMatch("Lapsed", twins)).toBeNull();
    expect(bestMatch("Lapsed 6m+", twins)).toBeNull();
    const sameStart: ValueOption[] = [
      { id: "new-smb", name: "New business" },
      { id: "new-ent", name: "New enterprise" },
    ];
    expect(bestMatch("New", sameStart)).toBeNull();
    expect(bestMatch("Act", PHASES)).toBeNull();
  });

  it("ignores prefixes shorter than three letters, and values with nothing to compare", () => {
    expect(bestMatch("Active", [{ id: "ac", name: "Ac" }])).toBeNull();
    expect(bestMatch("Ac", PHASES)).toBeNull();
    expect(bestMatch("Onb", PHASES)).toBe("onboarding");
    expect(bestMatch("", PHASES)).toBeNull();
    expect(bestMatch(" - ", PHASES)).toBeNull();
  });

  it("gives nothing for a value unlike every option", () => {
    expect(bestMatch("Prospect", PHASES)).toBeNull();
    expect(bestMatch("Lapsed", [])).toBeNull();
  });

  it("always names one of the options, or nothing", () => {
    const option = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      name: fc.string({ maxLength: 12 }),
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 15 }), fc.array(option, { maxLength: 6 }), (value, options) => {
        const id = bestMatch(value, options);
        expect(id === null || options.some((o) => o.id === id)).toBe(true);
      }),
      propertyRuns(500),
    );
  });
});

describe("guessColumns", () => {
  it("maps headers by the targets' ids, labels and header spellings; the rest are not stored", () => {
    const columns = guessColumns(
      ["Respondent e-mail", "Lifecycle phase", "customer-type", "I can rely on them", "Submitted at", "Channels"],
      TARGETS,
      [],
    );
    expect(columns).toEqual([
      { header: "Respondent e-mail", target: "" },
      { header: "Lifecycle phase", target: "phase" },
      { header: "customer-type", target: "segment" },
      { header: "I can rely on them", target: "item:trust-1" },
      { header: "Submitted at", target: "date" },
      { header: "Channels", target: "preferredChannels" },
    ]);
  });

  it("does not take a header for an abbreviation: a Respondent column is not the respondent date", () => {
    const date: ImportTarget = {
      id: "date",
      label: "Date",
      group: "Respondent",
      required: false,
      headerNames: ["Respondent date"],
    };
    const columns = guessColumns(
      ["Respondent", "Lifecycle", "Respondent date"],
      [TARGETS[0] as ImportTarget, date],
      [],
    );
    expect(columns.map((c) => c.target)).toEqual(["", "", "date"]);
  });

  it("finds a statement wrapped in a survey tool's own words, but not a short label inside a longer header", () => {
    const columns = guessColumns(
      ["How much do you agree? [I can rely on them]", "Q7 - I can rely on them (1-5)", "Your phase of life"],
      TARGETS,
      [],
    );
    expect(columns.map((c) => c.target)).toEqual(["item:trust-1", "", ""]);
  });

  it("gives each target at most one column: the first that fits", () => {
    const columns = guessColumns(["Stage", "Phase", "Lifecycle phase"], TARGETS, []);
    expect(columns.map((c) => c.target)).toEqual(["phase", "", ""]);
  });

  it("uses the remembered mapping of a header before any guess, when its target still exists", () => {
    const columns = guessColumns(["STAGE", "Phase", "E-mail"], TARGETS, [
      { header: "Stage", target: "segment" },
      { header: "Phase", target: "phase" },
      { header: "E-mail", target: "" },
    ]);
    expect(columns.map((c) => c.target)).toEqual(["segment", "phase", ""]);
  });

  it("guesses again where the remembered target is gone", () => {
    const columns = guessColumns(["Stage", "Q7"], TARGETS, [
      { header: "Stage", target: "item:removed" },
      { header: "Q7", target: "item:also-removed" },
    ]);
    expect(columns.map((c) => c.target)).toEqual(["phase", ""]);
  });

  it("keeps a remembered 'not stored' even where a target would fit", () => {
    expect(guessColumns(["Date"], TARGETS, [{ header: "Date", target: "" }])).toEqual([{ header: "Date", target: "" }]);
  });

  it("keeps a remembered header's target even when an earlier column's header would fit it", () => {
    const columns = guessColumns(["Lifecycle phase", "Stage"], TARGETS, [{ header: "Stage", target: "phase" }]);
    expect(columns.map((c) => c.target)).toEqual(["", "phase"]);
  });

  it("never maps two columns to one target, whatever the headers and remembered mapping", () => {
    const header = fc.constantFrom("Phase", "phase", "Stage", "Segment", "Channels", "Date", "E-mail", "Q1", "");
    const target = fc.constantFrom(...TARGETS.map((t) => t.id), "", "item:gone");
    fc.assert(
      fc.property(
        fc.array(header, { maxLength: 8 }),
        fc.array(fc.record({ header, target }), { maxLength: 6 }),
        (headers, remembered) => {
          const columns = guessColumns(headers, TARGETS, remembered);
          expect(columns.map((c) => c.header)).toEqual(headers);
          const mapped = columns.map((c) => c.target).filter((t) => t !== "");
          expect(new Set(mapped).size).toBe(mapped.length);
          for (const t of mapped) expect(TARGETS.map((x) => x.id)).toContain(t);
        },
      ),
      propertyRuns(500),
    );
  });
});

describe("splitValues", () => {
  it("splits a list target's cell on ';', ',' or '|', trimmed, empty parts dropped", () => {
    expect(splitValues("Email; Phone call", "preferredChannels")).toEqual(["Email", "Phone call"]);
    expect(splitValues("Email,Letter | Phone call;;", "preferredChannels")).toEqual(["Email", "Letter", "Phone call"]);
    expect(splitValues("Small business, Enterprise", "segments")).toEqual(["Small business", "Enterprise"]);
  });

  it("keeps any other target's cell whole, and gives nothing for an empty cell", () => {
    expect(splitValues(" Lapsed; 6m+ ", "phase")).toEqual(["Lapsed; 6m+"]);
    expect(splitValues(4, "item:trust-1")).toEqual(["4"]);
    expect(splitValues("  ", "preferredChannels")).toEqual([]);
    expect(splitValues(undefined, "phase")).toEqual([]);
  });
});

describe("valuesToMap and guessValues", () => {
  const answers = table(
    ["Phase", "Channels", "Score"],
    [
      ["Lapsed 6m+", "Email; Phone", 4],
      ["Onboard", "e-mail", 3],
      ["", "Letter|Pigeon", 5],
      ["Lapsed 6m+", "", 2],
      ["Gold", "Email", 1],
    ],
  );
  const columns = [
    { header: "Phase", target: "phase" },
    { header: "Channels", target: "preferredChannels" },
    { header: "Score", target: "item:trust-1" },
  ];

  it("lists each mapped value column's distinct values in order of first appearance, lists split", () => {
    expect(valuesToMap(answers, columns, TARGETS)).toEqual([
      { target: "phase", values: ["Lapsed 6m+", "Onboard", "Gold"] },
      { target: "preferredChannels", values: ["Email", "Phone", "e-mail", "Letter", "Pigeon"] },
    ]);
  });

  it("guesses each value's option, leaving unknown ones for the user", () => {
    expect(guessValues(answers, columns, TARGETS, [])).toEqual([
      { target: "phase", value: "Lapsed 6m+", id: "lapsed" },
      { target: "phase", value: "Onboard", id: "onboarding" },
      { target: "phase", value: "Gold", id: null },
      { target: "preferredChannels", value: "Email", id: "email" },
      { target: "preferredChannels", value: "Phone", id: "phone" },
      { target: "preferredChannels", value: "e-mail", id: "email" },
      { target: "preferredChannels", value: "Letter", id: "post" },
      { target: "preferredChannels", value: "Pigeon", id: null },
    ]);
  });

  it("uses the remembered choice first, however the value is written, and only for its own target", () => {
    const values = guessValues(answers, columns, TARGETS, [
      { target: "phase", value: "gold", id: "active-loyal" },
      { target: "phase", value: "LAPSED 6M+", id: "win-back" },
      { target: "phase", value: "Onboard", id: null },
      { target: "segment", value: "Pigeon", id: "smb" },
    ]);
    expect(values.filter((v) => v.target === "phase")).toEqual([
      { target: "phase", value: "Lapsed 6m+", id: "win-back" },
      { target: "phase", value: "Onboard", id: null },
      { target: "phase", value: "Gold", id: "active-loyal" },
    ]);
    expect(values.find((v) => v.value === "Pigeon")?.id).toBeNull();
  });

  it("ignores a remembered choice whose option is gone, and guesses instead", () => {
    const values = guessValues(answers, columns, TARGETS, [
      { target: "phase", value: "Lapsed 6m+", id: "phase-deleted" },
      { target: "preferredChannels", value: "Pigeon", id: "carrier-pigeon" },
    ]);
    expect(values.find((v) => v.value === "Lapsed 6m+")?.id).toBe("lapsed");
    expect(values.find((v) => v.value === "Pigeon")?.id).toBeNull();
  });

  it("guesses columns and then their values in one step", () => {
    const mapping = guessMapping(table(["Stage", "Name"], [["Dormant", "Anna"]]), TARGETS, {
      columns: [],
      values: [],
    });
    expect(mapping).toEqual({
      columns: [
        { header: "Stage", target: "phase" },
        { header: "Name", target: "" },
      ],
      values: [{ target: "phase", value: "Dormant", id: "lapsed" }],
    });
  });
});

describe("readCellNumber", () => {
  it("reads text in the user's locale: '3,5' in German", () => {
    expect(readCellNumber("3,5", "de-DE")).toEqual({ ok: true, value: 3.5 });
    expect(readCellNumber("1.500", "de-DE")).toEqual({ ok: true, value: 1500 });
    expect(readCellNumber("1,500", "en-US")).toEqual({ ok: true, value: 1500 });
    expect(readCellNumber(" 4 ", "en-US")).toEqual({ ok: true, value: 4 });
  });

  it("falls back to a dot for decimals, as survey tools write whatever the locale", () => {
    expect(readCellNumber("3.5", "de-DE")).toEqual({ ok: true, value: 3.5 });
    expect(readCellNumber("-3.5", "de-DE")).toEqual({ ok: true, value: -3.5 });
    expect(readCellNumber("1,234.5", "de-DE")).toEqual({ ok: true, value: 1234.5 });
  });

  it("reads a percentage as a share with the percent style, with or without the sign", () => {
    expect(readCellNumber("12 %", "de-DE", { percent: true })).toEqual({ ok: true, value: 0.12 });
    expect(readCellNumber("12%", "en-US", { percent: true })).toEqual({ ok: true, value: 0.12 });
    expect(readCellNumber("12", "en-US", { percent: true })).toEqual({ ok: true, value: 0.12 });
    expect(readCellNumber("12.5", "de-DE", { percent: true })).toEqual({ ok: true, value: 0.125 });
    expect(readCellNumber("3.5 %", "de-DE", { percent: true })).toEqual({ ok: true, value: 0.035 });
  });

  it("takes a workbook's numbers as they are: a percentage cell already holds the share", () => {
    expect(readCellNumber(4, "de-DE")).toEqual({ ok: true, value: 4 });
    expect(readCellNumber(0.12, "de-DE", { percent: true })).toEqual({ ok: true, value: 0.12 });
    expect(readCellNumber(0, "en-US")).toEqual({ ok: true, value: 0 });
  });

  it("gives nothing for an empty or missing cell", () => {
    expect(readCellNumber("", "en-US")).toEqual({ ok: true, value: null });
    expect(readCellNumber("   ", "de-DE")).toEqual({ ok: true, value: null });
    expect(readCellNumber(undefined, "en-US")).toEqual({ ok: true, value: null });
  });

  it("refuses text that is not a number, saying why", () => {
    for (const text of ["three", "4 stars", "n/a", "1e3", "3.5.1"]) {
      const result = readCellNumber(text, "en-US");
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.length).toBeGreaterThan(10);
    }
    expect(readCellNumber("three", "de-DE")).toEqual({ ok: false, error: "“three” is not part of a number" });
    expect(readCellNumber("12 %", "en-US").ok).toBe(false);
  });
});
