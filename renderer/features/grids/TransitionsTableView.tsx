import { useMemo, useState } from "react";
import { describeDiagnostic } from "../../../shared/engine";
import {
  outflowOverLimit,
  type SortDirection,
  setSegmentRate,
  setTransitionField,
  sortTransitionRows,
  type TransitionColumn,
  type TransitionRow,
  transitionRows,
} from "../../../shared/grids/transitionsTable";
import type { Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { useSpreadsheet } from "../../ui/grid/useSpreadsheet";
import { useVirtualRows } from "../../ui/grid/useVirtualRows";
import { useNumberLocale } from "../../ui/numberLocale";
import { describeNumber, type NumberRules, readNumberInput, showNumber } from "../inspector/numberInput";
import "./grids.css";

const TRIGGER_MAX_LENGTH = 200;
const ROW_HEIGHT = 30;
const VIEWPORT_ROWS = 20;

const columnId = (column: TransitionColumn) =>
  column.kind === "segment" ? `segment:${column.segmentId}` : column.kind;

/** "“Trial → First 90 days”": how messages and labels name a transition. */
const routeOf = (row: TransitionRow) => `“${row.fromName} → ${row.toName}”`;

const rateRules = (label: string, optional: boolean): NumberRules => ({
  label,
  percent: true,
  min: 0,
  max: 1,
  optional,
});

/**
 * Every transition in one table: where it leads, what triggers it, its rate
 * and each segment's rate, edited in place like a spreadsheet and sorted by
 * any column. A segment's own rate stands out from the default it otherwise
 * follows; clearing it (Delete, or an empty cell) returns it to the default.
 * Phases whose customers would leave at over 100 % a month are flagged.
 */
export function TransitionsTableView({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const locale = useNumberLocale();
  const selected = useAppState((state) => state.selection.transitionIds);
  const [sort, setSort] = useState<{ id: string; direction: SortDirection } | null>(null);

  const columns = useMemo<(TransitionColumn & { id: string; label: string })[]>(
    () =>
      [
        { kind: "from", label: "From" } as const,
        { kind: "to", label: "To" } as const,
        { kind: "trigger", label: "Trigger" } as const,
        { kind: "rate", label: "Rate (default)" } as const,
        ...roadmap.segments.map((s) => ({ kind: "segment" as const, segmentId: s.id, label: s.name })),
      ].map((column) => ({ ...column, id: columnId(column) })),
    [roadmap.segments],
  );
  const rows = useMemo(() => transitionRows(roadmap), [roadmap]);
  const sortColumn = columns.find((c) => c.id === sort?.id);
  const shown = useMemo(
    () => (sort && sortColumn ? sortTransitionRows(rows, sortColumn, sort.direction) : rows),
    [rows, sort, sortColumn],
  );
  const overflow = useMemo(() => outflowOverLimit(roadmap), [roadmap]);
  const over = new Set(overflow.map((d) => `${d.phaseId}:${d.segmentId}`));
  const byId = new Map(rows.map((row) => [row.transition.id, row]));
  const segmentNames = new Map(roadmap.segments.map((s) => [s.id, s.name]));

  /** What a rate cell is called in its editor and its messages. */
  const fieldLabel = (row: TransitionRow, column: TransitionColumn) =>
    column.kind === "segment"
      ? `${segmentNames.get(column.segmentId)} rate of ${routeOf(row)}`
      : column.kind === "trigger"
        ? `Trigger of ${routeOf(row)}`
        : `Rate of ${routeOf(row)}`;

  const showOnCanvas = (transitionId: string) => {
    store.getState().select({ phaseIds: [], transitionIds: [transitionId] });
    store.getState().showView("canvas");
  };

  const rowWindow = useVirtualRows(shown.length, { rowHeight: ROW_HEIGHT, viewportRows: VIEWPORT_ROWS });
  const grid = useSpreadsheet({
    revealRow: rowWindow.reveal,
    rowIds: shown.map((row) => row.transition.id),
    columnIds: columns.map((c) => c.id),
    editText: (rowId, id) => {
      const row = byId.get(rowId);
      const column = columns.find((c) => c.id === id);
      if (!row || !column) return null;
      switch (column.kind) {
        case "trigger":
          return row.transition.trigger;
        case "rate":
          return showNumber(row.transition.rate, rateRules("", false), locale);
        case "segment":
          // An inherited rate is not the segment's own: its editor starts empty, so Enter cannot make it one.
          return showNumber(row.transition.rateBySegment[column.segmentId] ?? null, rateRules("", true), locale);
        default:
          return null;
      }
    },
    commit: (rowId, id, text) => {
      const row = byId.get(rowId);
      const column = columns.find((c) => c.id === id);
      if (!row || !column) return null;
      const transitionId = row.transition.id;
      const edit = store.getState().edit;
      if (column.kind === "trigger") {
        if (text.length > TRIGGER_MAX_LENGTH)
          return `${fieldLabel(row, column)} must be at most ${TRIGGER_MAX_LENGTH} characters, not ${text.length}. It is left as it was.`;
        edit((r) => setTransitionField(r, transitionId, { trigger: text }));
        return null;
      }
      if (column.kind !== "rate" && column.kind !== "segment") return null;
      const segmentId = column.kind === "segment" ? column.segmentId : null;
      const rules = rateRules(fieldLabel(row, column), segmentId !== null);
      const reading = readNumberInput(text, rules, locale);
      if (!reading.ok) {
        const kept = segmentId === null ? row.transition.rate : (row.transition.rateBySegment[segmentId] ?? null);
        const still = kept === null ? "the default rate" : describeNumber(kept, rules, locale);
        return `${reading.problem} It stays ${still}.`;
      }
      const rate = reading.value;
      if (segmentId === null) edit((r) => setTransitionField(r, transitionId, { rate: rate ?? 0 }));
      else edit((r) => setSegmentRate(r, transitionId, segmentId, rate));
      return null;
    },
    activate: (rowId, id) => {
      if (id === "from" || id === "to") showOnCanvas(rowId);
    },
  });

  const percent = (value: number) => describeNumber(value, rateRules("", false), locale);

  return (
    <div className="plan-view grid-view">
      <section className="plan-section" aria-label="Transitions table">
        <div className="grid-head">
          <h2>
            Transitions <span className="muted">{rows.length}</span>
          </h2>
          <p className="grid-legend">
            <span className="rate-override">Bold</span>: a segment's own rate ·{" "}
            <span className="rate-inherited">grey</span>: the default it follows. Type to change a cell, Enter to
            commit, Esc to cancel; Delete clears a segment's rate back to the default.
          </p>
        </div>
        {overflow.length > 0 && (
          <ul className="grid-warnings" aria-label="Outflow over 100 %">
            {overflow.map((d) => (
              <li key={`${d.phaseId}:${d.segmentId}`}>{describeDiagnostic(d, roadmap)}</li>
            ))}
          </ul>
        )}
        {grid.problem && (
          <p className="grid-problem" role="alert">
            {grid.problem}
          </p>
        )}
        {rows.length === 0 ? (
          <p className="muted">No transitions yet: connect two phases on the canvas.</p>
        ) : (
          <div className="grid-scroll" {...rowWindow.scrollProps}>
            <table
              className="data-table spreadsheet transitions-table"
              aria-label="Transitions"
              // Only the rows in view are drawn: the count and each row's place tell assistive technology the rest.
              aria-rowcount={shown.length + 1}
              {...grid.gridProps}
            >
              <thead>
                <tr aria-rowindex={1}>
                  {columns.map((column) => {
                    const sorted = sort?.id === column.id ? sort.direction : null;
                    return (
                      <th
                        key={column.id}
                        scope="col"
                        className={column.kind === "rate" || column.kind === "segment" ? "numeric" : undefined}
                        aria-sort={sorted ?? "none"}
                      >
                        <button
                          type="button"
                          className="link-button sort-button"
                          onClick={() =>
                            setSort({ id: column.id, direction: sorted === "ascending" ? "descending" : "ascending" })
                          }
                        >
                          {column.label}
                          {sorted === "ascending" ? " ▲" : sorted === "descending" ? " ▼" : ""}
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {rowWindow.topSpace > 0 && <tr className="spacer-row" style={{ height: rowWindow.topSpace }} />}
                {shown.slice(rowWindow.first, rowWindow.last).map((row, i) => {
                  const id = row.transition.id;
                  const phaseOver = roadmap.segments.some((s) => over.has(`${row.transition.from}:${s.id}`));
                  return (
                    <tr
                      key={id}
                      aria-label={`Transition ${row.fromName} → ${row.toName}`}
                      className={selected.includes(id) ? "is-selected" : undefined}
                      style={{ height: ROW_HEIGHT }}
                      aria-rowindex={rowWindow.first + i + 2}
                    >
                      {columns.map((column) => {
                        const props = grid.cellProps(id, column.id);
                        if (grid.isEditing(id, column.id) && grid.editorProps) {
                          return (
                            <td key={column.id} {...props} data-column={column.id} className="is-editing">
                              <input
                                className="grid-editor"
                                aria-label={fieldLabel(row, column)}
                                maxLength={column.kind === "trigger" ? TRIGGER_MAX_LENGTH * 2 : undefined}
                                inputMode={column.kind === "trigger" ? "text" : "decimal"}
                                placeholder={
                                  column.kind === "segment" ? `${percent(row.transition.rate)} (default)` : undefined
                                }
                                {...grid.editorProps}
                              />
                            </td>
                          );
                        }
                        switch (column.kind) {
                          case "from":
                          case "to":
                            return (
                              <td key={column.id} {...props} data-column={column.id}>
                                <button
                                  type="button"
                                  tabIndex={-1}
                                  className="link-button"
                                  title="Select this transition on the canvas"
                                  onClick={() => showOnCanvas(id)}
                                >
                                  {column.kind === "from" ? row.fromName : row.toName}
                                </button>
                                {column.kind === "from" && phaseOver && (
                                  <span className="grid-flag" title="Outgoing rates plus churn exceed 100 %">
                                    {" "}
                                    ⚠<span className="visually-hidden">outflow over 100 %</span>
                                  </span>
                                )}
                              </td>
                            );
                          case "trigger":
                            return (
                              <td
                                key={column.id}
                                {...props}
                                data-column={column.id}
                                className="trigger-cell"
                                title={row.transition.trigger || undefined}
                              >
                                {row.transition.trigger || <span className="muted">—</span>}
                              </td>
                            );
                          case "rate":
                            return (
                              <td key={column.id} {...props} data-column={column.id} className="numeric">
                                {percent(row.transition.rate)}
                              </td>
                            );
                          case "segment": {
                            const cell = row.segmentRates.find((r) => r.segmentId === column.segmentId);
                            const isOver = over.has(`${row.transition.from}:${column.segmentId}`);
                            return (
                              <td
                                key={column.id}
                                {...props}
                                data-column={column.id}
                                data-override={cell?.overridden ? "own" : "default"}
                                className={isOver ? "numeric is-over" : "numeric"}
                                title={
                                  isOver
                                    ? "Outgoing rates plus churn of this phase exceed 100 % for this segment"
                                    : undefined
                                }
                              >
                                {cell?.overridden ? (
                                  <span className="rate-override">{percent(cell.rate)}</span>
                                ) : (
                                  <span className="rate-inherited" title="The transition's default rate">
                                    {percent(cell?.rate ?? row.transition.rate)}
                                    <span className="visually-hidden"> (default)</span>
                                  </span>
                                )}
                              </td>
                            );
                          }
                        }
                        return null;
                      })}
                    </tr>
                  );
                })}
                {rowWindow.bottomSpace > 0 && <tr className="spacer-row" style={{ height: rowWindow.bottomSpace }} />}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
