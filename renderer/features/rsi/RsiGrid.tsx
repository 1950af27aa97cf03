import { type KeyboardEvent, useRef } from "react";
import type { RsiFigure } from "../../../shared/survey/rsi";
import { moveCell, moveOfKey } from "../../ui/grid/gridNavigation";
import { describeFigure, formatRsi, rsiColour } from "./rsiFormat";
import type { RsiColumn, RsiTable } from "./rsiTable";

export interface GridPosition {
  phaseId: string;
  columnKey: string;
}

/** A read-only grid: as in the app's spreadsheets, but Tab leaves it rather than walking its cells. */
const GRID_PROPS = { role: "grid" } as const;

/**
 * The RSI of each phase (rows, lifecycle order, under their stage) and
 * segment (columns, then "All"), with n and the interval, on the colour
 * scale. A grid: one cell takes the keyboard, the arrow keys, Home and End
 * move it, and the chosen cell's dimensions show beside it.
 */
export function RsiGrid({
  table,
  minimum,
  selected,
  onSelect,
}: {
  table: RsiTable;
  minimum: number;
  selected: GridPosition;
  onSelect: (position: GridPosition) => void;
}) {
  const gridRef = useRef<HTMLTableElement>(null);
  const rows = table.stages.flatMap((stage) => stage.phases.map((phase) => phase.id));
  const { columns } = table;

  const move = (phaseId: string, columnKey: string) => {
    onSelect({ phaseId, columnKey });
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(`${phaseId}|${columnKey}`)}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const direction = moveOfKey(event);
    if (!direction || direction === "next" || direction === "previous") return;
    const at = { row: rows.indexOf(selected.phaseId), column: columns.findIndex((c) => c.key === selected.columnKey) };
    const target = moveCell(at, direction, { rows: rows.length, columns: columns.length });
    const phaseId = target && rows[target.row];
    const columnKey = target && columns[target.column]?.key;
    if (!phaseId || !columnKey) return;
    event.preventDefault();
    move(phaseId, columnKey);
  };

  return (
    <div className="table-scroll rsi-grid-scroll">
      <table
        ref={gridRef}
        className="data-table rsi-grid"
        aria-label="RSI by phase and segment"
        onKeyDown={onKeyDown}
        {...GRID_PROPS}
      >
        <thead>
          <tr>
            <th scope="col">Phase</th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="numeric">
                {!column.all && <span className="stage-dot" style={{ background: column.color }} />}
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {table.stages.map((stage) => (
          <tbody key={stage.stageId}>
            <tr className="rsi-stage-row">
              <th scope="rowgroup" colSpan={columns.length + 1}>
                {stage.stageName}
              </th>
            </tr>
            {stage.phases.map((phase) => (
              <tr key={phase.id} className={phase.id === selected.phaseId ? "is-selected" : undefined}>
                <th scope="row">{phase.name}</th>
                {columns.map((column) => (
                  <Cell
                    key={column.key}
                    phaseName={phase.name}
                    column={column}
                    figure={table.cell(phase.id, column)}
                    minimum={minimum}
                    position={{ phaseId: phase.id, columnKey: column.key }}
                    selected={phase.id === selected.phaseId && column.key === selected.columnKey}
                    onSelect={onSelect}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function Cell({
  phaseName,
  column,
  figure,
  minimum,
  position,
  selected,
  onSelect,
}: {
  phaseName: string;
  column: RsiColumn;
  figure: RsiFigure | undefined;
  minimum: number;
  position: GridPosition;
  selected: boolean;
  onSelect: (position: GridPosition) => void;
}) {
  const detail = figure ? describeFigure(figure, minimum) : "No answers";
  const low = figure?.low;
  const high = figure?.high;
  // The grid's keyboard moves between cells (see RsiGrid); a click or the focus picks this one.
  const cellProps = {
    role: "gridcell",
    tabIndex: selected ? 0 : -1,
    "aria-selected": selected,
    onClick: () => onSelect(position),
    onFocus: () => !selected && onSelect(position),
  } as const;
  return (
    <td
      className={`numeric rsi-cell${figure?.rsi === null ? " is-too-few" : ""}${figure ? "" : " is-empty"}${column.all ? " is-all" : ""}`}
      data-cell={`${position.phaseId}|${position.columnKey}`}
      title={`${phaseName} · ${column.label}: ${detail}`}
      style={figure?.rsi != null ? ({ "--rsi-tint": rsiColour(figure.rsi) } as React.CSSProperties) : undefined}
      {...cellProps}
    >
      {!figure ? (
        <span className="rsi-cell-value muted">—</span>
      ) : figure.rsi === null ? (
        <>
          <span className="rsi-cell-value">too few</span>
          <span className="rsi-cell-detail">n {figure.n}</span>
        </>
      ) : (
        <>
          <span className="rsi-cell-value">{formatRsi(figure.rsi)}</span>
          <span className="rsi-cell-detail">
            n {figure.n}
            {low != null && high != null && ` · ${formatRsi(low)}–${formatRsi(high)}`}
          </span>
        </>
      )}
    </td>
  );
}
