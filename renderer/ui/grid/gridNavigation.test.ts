import { describe, expect, it } from "vitest";
import { moveCell, moveOfKey } from "./gridNavigation";

const size = { rows: 3, columns: 4 };
const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
  moveOfKey({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });

describe("moving in a grid", () => {
  it("moves by arrows and stops at the edges", () => {
    expect(moveCell({ row: 1, column: 1 }, "up", size)).toEqual({ row: 0, column: 1 });
    expect(moveCell({ row: 0, column: 1 }, "up", size)).toEqual({ row: 0, column: 1 });
    expect(moveCell({ row: 2, column: 3 }, "right", size)).toEqual({ row: 2, column: 3 });
    expect(moveCell({ row: 2, column: 3 }, "down", size)).toEqual({ row: 2, column: 3 });
  });

  it("runs Tab on to the next row and out of the grid after its last cell", () => {
    expect(moveCell({ row: 0, column: 3 }, "next", size)).toEqual({ row: 1, column: 0 });
    expect(moveCell({ row: 1, column: 0 }, "previous", size)).toEqual({ row: 0, column: 3 });
    expect(moveCell({ row: 2, column: 3 }, "next", size)).toBeNull();
    expect(moveCell({ row: 0, column: 0 }, "previous", size)).toBeNull();
  });

  it("goes to the row's ends with Home and End, and the grid's with Ctrl", () => {
    expect(moveCell({ row: 1, column: 2 }, key("Home") ?? "up", size)).toEqual({ row: 1, column: 0 });
    expect(moveCell({ row: 1, column: 2 }, key("End") ?? "up", size)).toEqual({ row: 1, column: 3 });
    expect(moveCell({ row: 1, column: 2 }, key("Home", { ctrlKey: true }) ?? "up", size)).toEqual({
      row: 0,
      column: 0,
    });
    expect(moveCell({ row: 1, column: 2 }, key("End", { metaKey: true }) ?? "up", size)).toEqual({ row: 2, column: 3 });
  });

  it("reads Shift+Tab as back, and other keys as no move", () => {
    expect(key("Tab", { shiftKey: true })).toBe("previous");
    expect(key("a")).toBeNull();
    expect(key("Enter")).toBeNull();
  });

  it("has nowhere to go in an empty grid", () => {
    expect(moveCell({ row: 0, column: 0 }, "down", { rows: 0, columns: 3 })).toBeNull();
  });
});
