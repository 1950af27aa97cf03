import { describe, expect, it } from "vitest";
import { parseNumber } from "./fields";

describe("reading a number typed into a field", () => {
  it.each([
    ["12.5", 12.5],
    ["12,5", 12.5],
    ["1 200", 1200],
    [" 7 ", 7],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([["abc"], [""], ["1.2.3"], ["9".repeat(400)]])("refuses %j", (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});
