/** Where the keyboard is in a grid: a row and a column, counted from 0. */
export interface CellPosition {
  row: number;
  column: number;
}

export type GridMove =
  | "up"
  | "down"
  | "left"
  | "right"
  | "next"
  | "previous"
  | "rowStart"
  | "rowEnd"
  | "first"
  | "last";

/** What a key does in a spreadsheet, as Excel and LibreOffice have taught everyone; null for keys that do not move. */
export function moveOfKey(event: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): GridMove | null {
  const toEnd = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    case "ArrowLeft":
      return "left";
    case "ArrowRight":
      return "right";
    case "Tab":
      return event.shiftKey ? "previous" : "next";
    case "Home":
      return toEnd ? "first" : "rowStart";
    case "End":
      return toEnd ? "last" : "rowEnd";
    default:
      return null;
  }
}

/**
 * The cell a move lands on. Arrows stop at the edges; Tab runs on to the next
 * row's first cell (Shift+Tab back to the previous row's last) and past the
 * grid's last cell gives null: the keyboard leaves the grid, as Tab should.
 */
export function moveCell(
  at: CellPosition,
  move: GridMove,
  size: { rows: number; columns: number },
): CellPosition | null {
  const lastRow = size.rows - 1;
  const lastColumn = size.columns - 1;
  if (lastRow < 0 || lastColumn < 0) return null;
  const clamp = (row: number, column: number) => ({
    row: Math.min(Math.max(row, 0), lastRow),
    column: Math.min(Math.max(column, 0), lastColumn),
  });
  switch (move) {
    case "up":
      return clamp(at.row - 1, at.column);
    case "down":
      return clamp(at.row + 1, at.column);
    case "left":
      return clamp(at.row, at.column - 1);
    case "right":
      return clamp(at.row, at.column + 1);
    case "rowStart":
      return clamp(at.row, 0);
    case "rowEnd":
      return clamp(at.row, lastColumn);
    case "first":
      return { row: 0, column: 0 };
    case "last":
      return { row: lastRow, column: lastColumn };
    case "next":
      if (at.column < lastColumn) return { row: at.row, column: at.column + 1 };
      return at.row < lastRow ? { row: at.row + 1, column: 0 } : null;
    case "previous":
      if (at.column > 0) return { row: at.row, column: at.column - 1 };
      return at.row > 0 ? { row: at.row - 1, column: lastColumn } : null;
  }
}
