import { describe, expect, it } from "vitest";
import { isCellBlock, parseTabSeparated } from "./tabSeparated";

describe("parseTabSeparated", () => {
  it("reads rows on lines and cells between tabs, with Windows or Unix line breaks", () => {
    expect(parseTabSeparated("1\t2\t3\r\n4\t5\t6\r\n")).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
    expect(parseTabSeparated("1\t2\n3\t4")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("keeps empty cells, so a blank cell copied from Excel lands where it was", () => {
    expect(parseTabSeparated("\t2\t\n")).toEqual([["", "2", ""]]);
    expect(parseTabSeparated("1\n\n3")).toEqual([["1"], [""], ["3"]]);
  });

  it("reads cells Excel quotes because they hold a tab, a line break or a quote", () => {
    expect(parseTabSeparated('"1,200"\t"a\tb"\t"say ""hi"""\n"two\nlines"\t5')).toEqual([
      ["1,200", "a\tb", 'say "hi"'],
      ["two\nlines", "5"],
    ]);
  });

  it("reads nothing from empty text", () => {
    expect(parseTabSeparated("")).toEqual([]);
  });
});

describe("isCellBlock", () => {
  it("tells a block of cells from a single value, which may end with a line break", () => {
    expect(isCellBlock("1\t2")).toBe(true);
    expect(isCellBlock("1\n2")).toBe(true);
    expect(isCellBlock("1,200")).toBe(false);
    expect(isCellBlock("1,200\r\n")).toBe(false);
  });
});
