import ExcelJS from "exceljs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { fileRowNumber, MAX_TABLE_FILE_BYTES, readTable, type Table } from "./table";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** UTF-16 little-endian with its byte order mark, as Excel's "Unicode text" writes. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

/** The file read, or the test fails with the reason readTable gave. */
async function read(fileName: string, bytes: Uint8Array, sheet?: string): Promise<Table> {
  const result = await readTable(fileName, bytes, sheet === undefined ? {} : { sheet });
  if (!result.ok) throw new Error(`expected ${fileName} to be read, got: ${result.error}`);
  return result.value;
}

/** Why the file was refused, or the test fails. */
async function refusal(fileName: string, bytes: Uint8Array, sheet?: string): Promise<string> {
  const result = await readTable(fileName, bytes, sheet === undefined ? {} : { sheet });
  if (result.ok) throw new Error(`expected ${fileName} to be refused, read ${JSON.stringify(result.value.headers)}`);
  return result.error;
}

/** A workbook built with exceljs, as the bytes a user's file would have. */
async function workbook(fill: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("readTable: CSV", () => {
  it.each([
    [",", "comma"],
    [";", "semicolon"],
    ["\t", "tab"],
    ["|", "pipe"],
  ])("reads a file separated by %j (%s)", async (separator) => {
    const text = `${["Name", "Phase", "Score"].join(separator)}\r\n${["Anna", "Active", "4"].join(separator)}\r\n`;
    const table = await read("answers.csv", utf8(text));
    expect(table.headers).toEqual(["Name", "Phase", "Score"]);
    expect(table.rows).toEqual([["Anna", "Active", "4"]]);
    expect(table).toMatchObject({ fileName: "answers.csv", sheetName: null, sheetNames: [], encoding: "UTF-8" });
  });

  it("keeps separators, doubled quotes and line breaks inside quoted fields", async () => {
    const text = 'Name;Comment;Score\r\n"Smith; Anna";"She said ""fine"",\r\nthen left";3\r\nBo;plain;5\r\n';
    const table = await read("answers.csv", utf8(text));
    expect(table.rows).toEqual([
      ["Smith; Anna", 'She said "fine",\r\nthen left', "3"],
      ["Bo", "plain", "5"],
    ]);
  });

  it("finds the separator even when every header contains another one", async () => {
    const text = "Date,trust-1: I agree; mostly,trust-2: Prices | value\r\n";
    const table = await read("blank.csv", utf8(text));
    expect(table.headers).toEqual(["Date", "trust-1: I agree; mostly", "trust-2: Prices | value"]);
  });

  it("reads a small semicolon file, whose last line break papaparse's own guess counted as a row", async () => {
    const table = await read("answers.csv", utf8('"Name";"Comment, long"\r\n"Anna";"Fast, friendly"\r\n'));
    expect(table.headers).toEqual(["Name", "Comment, long"]);
    expect(table.rows).toEqual([["Anna", "Fast, friendly"]]);
  });

  it("takes the separator that closes every quote over one that splits as well but leaves a quote open", async () => {
    const table = await read("symbols.txt", utf8('Name\t";"\r\nsemicolon\t;\r\n'));
    expect(table.headers).toEqual(["Name", ";"]);
    expect(table.rows).toEqual([["semicolon", ";"]]);
  });

  it("reads UTF-8 with a byte order mark without keeping the mark in the first header", async () => {
    const table = await read("answers.csv", utf8("\uFEFFCity,Price\r\nZürich,€ 5\r\n"));
    expect(table.headers).toEqual(["City", "Price"]);
    expect(table.rows).toEqual([["Zürich", "€ 5"]]);
    expect(table.encoding).toBe("UTF-8");
  });

  it("reads UTF-8 without a byte order mark", async () => {
    const table = await read("answers.csv", utf8("City,Price\nZürich,€ 5\n"));
    expect(table.rows).toEqual([["Zürich", "€ 5"]]);
    expect(table.encoding).toBe("UTF-8");
  });

  it("reads Windows-1252, as Excel on Windows saves CSV: ü is 0xFC, € is 0x80", async () => {
    const bytes = new Uint8Array([
      ...utf8("City;Price\r\nZ"),
      0xfc,
      ...utf8("rich;"),
      0x80,
      ...utf8(" 5\r\nK"),
      0xf6,
      ...utf8("ln;3\r\n"),
    ]);
    const table = await read("export.csv", bytes);
    expect(table.rows).toEqual([
      ["Zürich", "€ 5"],
      ["Köln", "3"],
    ]);
    expect(table.encoding).toBe("Windows-1252");
  });

  it("reads UTF-16 little-endian with its byte order mark, and big-endian", async () => {
    const text = "City\tPrice\r\nZürich\t€ 5\r\n";
    const little = await read("unicode.txt", utf16le(text));
    expect(little.headers).toEqual(["City", "Price"]);
    expect(little.rows).toEqual([["Zürich", "€ 5"]]);
    expect(little.encoding).toBe("UTF-16");
    const swapped = utf16le(text);
    for (let i = 0; i < swapped.length; i += 2) swapped.set([swapped[i + 1] ?? 0, swapped[i] ?? 0], i);
    expect((await read("unicode.txt", swapped)).rows).toEqual([["Zürich", "€ 5"]]);
  });

  it("reads CRLF, LF and CR line ends alike", async () => {
    for (const end of ["\r\n", "\n", "\r"]) {
      const table = await read("answers.csv", utf8(`A,B${end}1,2${end}3,4${end}`));
      expect(table.rows).toEqual([
        ["1", "2"],
        ["3", "4"],
      ]);
    }
  });

  it("drops empty lines at the end but keeps empty rows inside, so row numbers match the file", async () => {
    const table = await read("answers.csv", utf8("A,B\r\n1,2\r\n\r\n,\r\n3,4\r\n\r\n\r\n  \r\n"));
    expect(table.rows).toEqual([
      ["1", "2"],
      ["", ""],
      ["", ""],
      ["3", "4"],
    ]);
    expect(fileRowNumber(3)).toBe(5);
  });

  it("names a column without a header 'Column N' and trims headers", async () => {
    const table = await read("answers.csv", utf8(" Name ,,Score,\r\nAnna,x,4,y\r\n"));
    expect(table.headers).toEqual(["Name", "Column 2", "Score", "Column 4"]);
  });

  it("pads short rows and names the columns of rows longer than the header", async () => {
    const table = await read("answers.csv", utf8("A,B\r\n1\r\n1,2,3\r\n"));
    expect(table.headers).toEqual(["A", "B", "Column 3"]);
    expect(table.rows).toEqual([
      ["1", "", ""],
      ["1", "2", "3"],
    ]);
  });

  it("refuses a quoted field that is never closed, naming the file and the row", async () => {
    const message = await refusal("answers.csv", utf8('A,B\r\n1,2\r\n3,"never closed\r\n5,6\r\n'));
    expect(message).toContain("answers.csv");
    expect(message).toMatch(/row 3\b/);
    expect(message).toMatch(/never closed/);
  });

  it("refuses a binary file (NUL bytes), naming it", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await refusal("photo.csv", png)).toBe("photo.csv is not a text file (CSV) or an Excel workbook (.xlsx).");
    expect(await refusal("nul.csv", utf8("A,B\r\n1,\u00002\r\n"))).toContain("nul.csv is not a text file");
  });

  it("refuses an empty file or one whose first row names nothing", async () => {
    for (const content of ["", "\uFEFF", "\r\n\r\n", ",,\r\n1,2,3\r\n"]) {
      expect(await refusal("empty.csv", utf8(content))).toBe(
        "empty.csv is empty: the first row should name the columns.",
      );
    }
  });

  it("refuses a file larger than an import may be, before reading it", async () => {
    const message = await refusal("huge.csv", new Uint8Array(MAX_TABLE_FILE_BYTES + 1));
    expect(message).toBe("huge.csv is 50.0 MB, more than the 50 MB an import may be.");
  });

  it("refuses an old Excel .xls with advice on what to do", async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal("Survey 2026.XLS", ole2)).toBe(
      "Survey 2026.XLS is an old Excel file (.xls); save it as .xlsx or CSV and import that.",
    );
  });

  it("refuses a corrupt .xlsx, naming the file: not a zip at all, or a damaged one", async () => {
    expect(await refusal("answers.xlsx", utf8("Name,Score\r\n"))).toBe(
      "answers.xlsx is not an Excel workbook (.xlsx) that can be opened.",
    );
    const good = await workbook((book) => book.addWorksheet("Data").addRow(["Name"]));
    const truncated = good.slice(0, Math.floor(good.length / 2));
    expect(await refusal("broken.xlsx", truncated)).toMatch(
      /^broken\.xlsx is not an Excel workbook \(\.xlsx\) that can be opened \(.+\)\.$/,
    );
  });
});

describe("readTable: XLSX", () => {
  const twoSheets = () =>
    workbook((book) => {
      const answers = book.addWorksheet("Answers");
      answers.addRow(["Name", "Score"]);
      answers.addRow(["Anna", 4]);
      const notes = book.addWorksheet("Notes");
      notes.addRow(["Note"]);
      notes.addRow(["Wave 2"]);
    });

  it("reads the first sheet by default and lists every sheet", async () => {
    const table = await read("survey.xlsx", await twoSheets());
    expect(table).toMatchObject({
      fileName: "survey.xlsx",
      sheetName: "Answers",
      sheetNames: ["Answers", "Notes"],
      headers: ["Name", "Score"],
      rows: [["Anna", 4]],
      encoding: null,
    });
  });

  it("reads a chosen sheet", async () => {
    const table = await read("survey.xlsx", await twoSheets(), "Notes");
    expect(table.sheetName).toBe("Notes");
    expect(table.headers).toEqual(["Note"]);
    expect(table.rows).toEqual([["Wave 2"]]);
  });

  it("refuses a sheet the workbook does not have, listing those it has", async () => {
    expect(await refusal("survey.xlsx", await twoSheets(), "Wave 3")).toBe(
      'survey.xlsx has no sheet called "Wave 3" (it has "Answers", "Notes").',
    );
  });

  it("reads a workbook even when its name does not say .xlsx", async () => {
    expect((await read("download", await twoSheets())).sheetName).toBe("Answers");
  });

  it("keeps numbers as numbers, dates as YYYY-MM-DD, formulas as their result, rich text joined", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.addRow(["Score", "Date", "Doubled", "Comment", "Link", "Agrees", "Error"]);
      const row = sheet.addRow([
        4.5,
        new Date(Date.UTC(2026, 4, 14)),
        { formula: "A2*2", result: 9 },
        { richText: [{ text: "Very " }, { font: { bold: true }, text: "good" }] },
        { text: "site", hyperlink: "https://example.test" },
        true,
        { error: "#N/A" },
      ]);
      row.getCell(2).numFmt = "yyyy-mm-dd";
      sheet.addRow([
        0.12,
        { formula: "B2", result: new Date(Date.UTC(2027, 0, 2)) },
        { formula: 'A3&"x"', result: "ax" },
      ]);
    });
    const table = await read("data.xlsx", bytes);
    expect(table.rows).toEqual([
      [4.5, "2026-05-14", 9, "Very good", "site", "TRUE", ""],
      [0.12, "2027-01-02", "ax", "", "", "", ""],
    ]);
  });

  it("reads a shared formula's result and a link whose text is rich", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.addRow(["Score", "Doubled", "Link"]);
      sheet.getCell("A2").value = 2;
      sheet.getCell("A3").value = 3;
      // exceljs writes (and reads back) both, though its types know neither the share nor a rich link text.
      sheet.getCell("B2").value = {
        formula: "A2*2",
        result: 4,
        shareType: "shared",
        ref: "B2:B3",
      } as ExcelJS.CellValue;
      sheet.getCell("B3").value = { sharedFormula: "B2", result: 6 };
      sheet.getCell("C2").value = {
        text: { richText: [{ text: "Our " }, { font: { bold: true }, text: "site" }] },
        hyperlink: "https://example.test",
      } as unknown as ExcelJS.CellValue;
    });
    expect((await read("data.xlsx", bytes)).rows).toEqual([
      [2, 4, "Our site"],
      [3, 6, ""],
    ]);
  });

  it("gives a formula without a cached result, or with an error as its result, as an empty cell", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.addRow(["Total", "Share"]);
      sheet.addRow([{ formula: "1+1" }, { formula: "1/0", result: { error: "#DIV/0!" } }]);
      sheet.addRow(["after", 1]);
    });
    expect((await read("data.xlsx", bytes)).rows).toEqual([
      ["", ""],
      ["after", 1],
    ]);
  });

  it("keeps empty rows and cells inside, drops empty rows at the end, names unnamed columns", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.getCell("A1").value = "Name";
      sheet.getCell("C1").value = "Score";
      sheet.getCell("A2").value = "Anna";
      sheet.getCell("C2").value = 3;
      sheet.getCell("A4").value = "Bo";
      sheet.getCell("D4").value = "extra";
      sheet.getCell("A6").value = "";
    });
    const table = await read("data.xlsx", bytes);
    expect(table.headers).toEqual(["Name", "Column 2", "Score", "Column 4"]);
    expect(table.rows).toEqual([
      ["Anna", "", 3, ""],
      ["", "", "", ""],
      ["Bo", "", "", "extra"],
    ]);
  });

  it("refuses a workbook whose first row is empty", async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet("Data").getCell("A3").value = "late";
    });
    expect(await refusal("data.xlsx", bytes)).toBe("data.xlsx is empty: the first row should name the columns.");
  });
});

describe("readTable: any CSV a spreadsheet or survey tool writes", () => {
  /** Text with every character that needs quoting, every separator, accents and the euro sign. */
  const cellText = fc.string({
    unit: fc.constantFrom("a", "Z", "0", " ", ",", ";", "\t", "|", '"', "'", "\n", "\r", "é", "€", "ß", "-"),
    maxLength: 12,
  });
  const grid = fc.integer({ min: 2, max: 6 }).chain((width) =>
    fc.record({
      headers: fc.array(cellText, { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 8 }),
    }),
  );
  const encodings: Record<string, (text: string) => Uint8Array> = {
    "UTF-8": utf8,
    "UTF-8 with BOM": (text) => utf8(`\uFEFF${text}`),
    "UTF-16": utf16le,
  };

  it(
    "reads back the headers (trimmed, 'Column N' when blank) and rows written with any separator",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          grid.filter(({ headers }) => headers.some((header) => header.trim() !== "")),
          fc.constantFrom(",", ";", "\t", "|"),
          fc.constantFrom("\r\n", "\n"),
          fc.constantFrom(...Object.keys(encodings)),
          async ({ headers, rows }, delimiter, newline, encoding) => {
            // Writers quote what their separator or a line break would split; quoting every separator
            // keeps the guess unambiguous (an unquoted ";" in a ","-file could be either).
            const text = Papa.unparse([headers, ...rows], {
              delimiter,
              newline,
              quotes: (value: unknown) => /[,;\t|]/.test(String(value)),
            });
            const table = await read("answers.csv", (encodings[encoding] ?? utf8)(`${text}${newline}`));
            expect(table.headers).toEqual(headers.map((header, i) => header.trim() || `Column ${i + 1}`));
            let end = rows.length;
            while (end > 0 && rows[end - 1]?.every((cell) => cell.trim() === "")) end--;
            expect(table.rows).toEqual(rows.slice(0, end));
          },
        ),
        propertyRuns(300),
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});
