import {
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { isCellBlock } from "../../../shared/grids/tabSeparated";
import { type CellPosition, type GridMove, moveCell, moveOfKey } from "./gridNavigation";

/**
 * What a grid edits. The rows and columns are ids, so the keyboard stays on
 * the same cell when the rows are sorted or the document changes under it.
 */
export interface SpreadsheetModel {
  rowIds: readonly string[];
  columnIds: readonly string[];
  /** The text a cell's editor starts with (Enter, F2, double-click); null when the cell cannot be edited. */
  editText(rowId: string, columnId: string): string | null;
  /**
   * Reads what was typed and, if it can be taken, changes the document as one
   * undo step. Returns why it cannot be taken, as a sentence, or null.
   */
  commit(rowId: string, columnId: string, text: string): string | null;
  /** Enter or Space on a cell that cannot be edited, such as one holding a link. */
  activate?(rowId: string, columnId: string): void;
  /** A block of tab-separated cells pasted at the cell; returns why it was refused, or null. */
  paste?(rowId: string, columnId: string, text: string): string | null;
  /** Brings a row that may not be drawn (a long, virtualised grid) into view before the keyboard goes to it. */
  revealRow?(index: number): void;
}

interface Cell {
  rowId: string;
  columnId: string;
}

const sameCell = (a: Cell | null, b: Cell) => a?.rowId === b.rowId && a.columnId === b.columnId;
const cellKey = ({ rowId, columnId }: Cell) => `${rowId}\u0000${columnId}`;

/**
 * A grid of cells that works like a spreadsheet: arrows, Tab, Home and End
 * move; typing starts editing (replacing the cell), Enter or F2 edits what is
 * there; Enter commits and moves down, Tab commits and moves right, Esc
 * cancels, and leaving the cell commits. A value that cannot be taken never
 * reaches the document: its reason is shown (`problem`) and, on Enter or Tab,
 * the editor stays open to fix it. Delete clears a cell; a pasted block of
 * cells is handed to the model whole.
 */
export function useSpreadsheet(model: SpreadsheetModel) {
  const [active, setActive] = useState<Cell | null>(null);
  const [editing, setEditing] = useState<(Cell & { draft: string }) | null>(null);
  // Why the last value or paste was refused, and the cell whose editor holds it (none once dropped or for a paste).
  const [problem, setProblemState] = useState<{ message: string; at: Cell | null } | null>(null);
  const setProblem = (message: string | null, at: Cell | null = null) =>
    setProblemState(message === null ? null : { message, at });
  const elements = useRef(new Map<string, HTMLElement>());
  const focusPending = useRef(false);
  // Read by the editor's blur, which can come after the edit was already committed or cancelled by a key.
  const editingRef = useRef(editing);
  editingRef.current = editing;

  const positionOf = (cell: Cell): CellPosition | null => {
    const row = model.rowIds.indexOf(cell.rowId);
    const column = model.columnIds.indexOf(cell.columnId);
    return row < 0 || column < 0 ? null : { row, column };
  };
  const cellAt = ({ row, column }: CellPosition): Cell | null => {
    const rowId = model.rowIds[row];
    const columnId = model.columnIds[column];
    return rowId === undefined || columnId === undefined ? null : { rowId, columnId };
  };
  // The cell the keyboard is on: the one last chosen while it exists, else the first.
  const current = (active && positionOf(active) ? active : null) ?? cellAt({ row: 0, column: 0 });

  useLayoutEffect(() => {
    if (!focusPending.current || !current || editing) return;
    // A row scrolled into view is drawn on a later render: the keyboard goes to it then.
    const element = elements.current.get(cellKey(current));
    if (!element) return;
    focusPending.current = false;
    element.focus();
  });

  const goTo = (cell: Cell) => {
    setActive(cell);
    focusPending.current = true;
    const row = model.rowIds.indexOf(cell.rowId);
    if (row >= 0) model.revealRow?.(row);
  };

  const stopEditing = () => {
    editingRef.current = null;
    setEditing(null);
  };

  const startEditing = (cell: Cell, draft?: string) => {
    const text = model.editText(cell.rowId, cell.columnId);
    if (text === null) return false;
    setActive(cell);
    setEditing({ ...cell, draft: draft ?? text });
    return true;
  };

  /** Commits the open editor, which stays open when its value cannot be taken; returns why not, or null. */
  const commitEditor = (): string | null => {
    const open = editingRef.current;
    if (!open) return null;
    const reason = model.commit(open.rowId, open.columnId, open.draft);
    setProblem(reason, open);
    if (reason === null) stopEditing();
    return reason;
  };

  /** Moves the keyboard from a cell; false when the move is not the grid's to make (Tab out of its last cell). */
  const moveFrom = (from: Cell, direction: GridMove): boolean => {
    const at = positionOf(from);
    if (!at) return false;
    const next = moveCell(at, direction, { rows: model.rowIds.length, columns: model.columnIds.length });
    const cell = next && cellAt(next);
    if (!cell) return direction !== "next" && direction !== "previous";
    goTo(cell);
    return true;
  };

  const onCellKeyDown = (cell: Cell, event: KeyboardEvent<HTMLElement>) => {
    // Keys typed in the cell's editor are the editor's.
    if (event.target !== event.currentTarget || event.nativeEvent.isComposing) return;
    const { key } = event;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (key === "Enter" || key === "F2" || (key === " " && model.editText(cell.rowId, cell.columnId) === null)) {
      event.preventDefault();
      if (!startEditing(cell)) model.activate?.(cell.rowId, cell.columnId);
    } else if ((key === "Delete" || key === "Backspace") && plain) {
      if (model.editText(cell.rowId, cell.columnId) === null) return;
      event.preventDefault();
      setProblem(model.commit(cell.rowId, cell.columnId, ""));
    } else if (key.length === 1 && plain) {
      // A character typed on a cell replaces what it holds, as in a spreadsheet.
      if (startEditing(cell, key)) event.preventDefault();
    } else {
      const direction = moveOfKey(event);
      if (direction && moveFrom(cell, direction)) event.preventDefault();
    }
  };

  const cellProps = (rowId: string, columnId: string) => {
    const cell = { rowId, columnId };
    const isActive = current !== null && sameCell(current, cell);
    return {
      role: "gridcell" as const,
      tabIndex: isActive ? 0 : -1,
      "aria-selected": isActive,
      ref: (element: HTMLElement | null) => {
        if (element) elements.current.set(cellKey(cell), element);
        else elements.current.delete(cellKey(cell));
      },
      onFocus: (event: FocusEvent<HTMLElement>) => {
        if (event.target === event.currentTarget && !sameCell(active, cell)) setActive(cell);
      },
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => onCellKeyDown(cell, event),
      onDoubleClick: (event: MouseEvent<HTMLElement>) => {
        if (event.target === event.currentTarget) startEditing(cell);
      },
    };
  };

  const editorProps = editing && {
    value: editing.draft,
    autoFocus: true,
    autoComplete: "off",
    spellCheck: false,
    "aria-invalid": problem !== null && sameCell(problem.at, editing),
    onChange: (event: { target: { value: string } }) => {
      const next = { ...editing, draft: event.target.value };
      editingRef.current = next;
      setEditing(next);
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.nativeEvent.isComposing) return;
      const cell = { rowId: editing.rowId, columnId: editing.columnId };
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        if (commitEditor() !== null) return;
        const forward = !event.shiftKey;
        const direction: GridMove = event.key === "Enter" ? (forward ? "down" : "up") : forward ? "next" : "previous";
        if (!moveFrom(cell, direction)) goTo(cell);
      } else if (event.key === "Escape") {
        // Esc puts the cell back; it must not also close or deselect what the grid belongs to.
        event.preventDefault();
        event.stopPropagation();
        setProblem(null);
        stopEditing();
        goTo(cell);
      }
    },
    onBlur: () => {
      // Leaving the cell commits it; a value that cannot be taken is dropped, its reason left on screen.
      if (!editingRef.current) return;
      const reason = commitEditor();
      // The editor closes with the draft: the reason stays on screen, no longer about an open cell.
      if (reason !== null) setProblem(reason);
      stopEditing();
    },
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    const text = event.clipboardData.getData("text/plain");
    if (!model.paste || !current) return;
    // A single value pasted into an open editor is typing.
    if (editingRef.current && !isCellBlock(text)) return;
    event.preventDefault();
    stopEditing();
    setProblem(model.paste(current.rowId, current.columnId, text));
    goTo(current);
  };

  return {
    problem: problem?.message ?? null,
    /** Whether this cell's editor is open, in place of what it shows. */
    isEditing: (rowId: string, columnId: string) => sameCell(editing, { rowId, columnId }),
    isActive: (rowId: string, columnId: string) => current !== null && sameCell(current, { rowId, columnId }),
    cellProps,
    /** Props of the open editor's input; null while no cell is being edited. */
    editorProps,
    gridProps: { role: "grid" as const, onPaste },
    /** Moves the keyboard to a cell (after a click on something inside it). */
    focusCell: (rowId: string, columnId: string) => goTo({ rowId, columnId }),
    dismissProblem: () => setProblem(null),
  };
}
