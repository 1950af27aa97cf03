import { useMemo } from "react";
import { formatLocaleNumber } from "../../../shared/format/localeNumber";
import {
  type CustomerMeasure,
  customerGrid,
  pasteCustomers,
  setCustomerCount,
} from "../../../shared/grids/customersGrid";
import { LIMITS, type Roadmap } from "../../../shared/model";
import { err, ok } from "../../../shared/result";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { useSpreadsheet } from "../../ui/grid/useSpreadsheet";
import { useVirtualRows } from "../../ui/grid/useVirtualRows";
import { useNumberLocale } from "../../ui/numberLocale";
import { type NumberRules, readNumberInput } from "../inspector/numberInput";
import "./grids.css";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";

const MEASURES: { measure: CustomerMeasure; title: string; label: string; hint: string }[] = [
  {
    measure: "initialCustomers",
    title: "Customers at the start",
    label: "Customers at start",
    hint: "How many customers of each segment are in each phase when the plan starts.",
  },
  {
    measure: "arrivalsPerMonth",
    title: "New customers per month",
    label: "New per month",
    hint: "How many new customers of each segment arrive in each phase every month, from outside the roadmap.",
  },
];

const ROW_HEIGHT = 30;
const VIEWPORT_ROWS = 12;

/** A whole number of customers, none when empty; `label` names the figure in the message. */
const countRules = (label: string): NumberRules => ({
  label,
  min: 0,
  max: LIMITS.customers,
  integer: true,
  optional: true,
});

/**
 * Phases down, segments across: the customers each phase holds at the plan's
 * start and gets each month, typed like a spreadsheet, with totals per phase,
 * per segment and overall. A block copied from Excel pastes into the grid
 * from the selected cell, whole or not at all.
 */
export function CustomersGridView({ roadmap }: { roadmap: Roadmap }) {
  return (
    <div className="plan-view grid-view">
      {MEASURES.map((m) => (
        <MeasureGrid key={m.measure} roadmap={roadmap} {...m} />
      ))}
    </div>
  );
}

function MeasureGrid({
  roadmap,
  measure,
  title,
  label,
  hint,
}: {
  roadmap: Roadmap;
  measure: CustomerMeasure;
  title: string;
  label: string;
  hint: string;
}) {
  const store = useAppStoreApi();
  const locale = useNumberLocale();
  const grid = useMemo(() => customerGrid(roadmap, measure), [roadmap, measure]);
  const show = (value: number) => formatLocaleNumber(value, locale);
  const cellOf = (phaseId: string, segmentId: string) => {
    const row = grid.phases.findIndex((p) => p.id === phaseId);
    const column = grid.segments.findIndex((s) => s.id === segmentId);
    return { phase: grid.phases[row], segment: grid.segments[column], value: grid.cells[row]?.[column] ?? 0 };
  };
  const cellLabel = (phaseId: string, segmentId: string) => {
    const { phase, segment } = cellOf(phaseId, segmentId);
    return `${label} of “${phase?.name}” for “${segment?.name}”`;
  };

  const rowWindow = useVirtualRows(grid.phases.length, { rowHeight: ROW_HEIGHT, viewportRows: VIEWPORT_ROWS });
  const sheet = useSpreadsheet({
    revealRow: rowWindow.reveal,
    rowIds: grid.phases.map((p) => p.id),
    columnIds: grid.segments.map((s) => s.id),
    editText: (phaseId, segmentId) => show(cellOf(phaseId, segmentId).value),
    commit: (phaseId, segmentId, text) => {
      const rules = countRules(cellLabel(phaseId, segmentId));
      const reading = readNumberInput(text, rules, locale);
      if (!reading.ok) return `${reading.problem} It stays ${show(cellOf(phaseId, segmentId).value)}.`;
      const count = reading.value ?? 0;
      store.getState().edit((r) => setCustomerCount(r, measure, phaseId, segmentId, count));
      return null;
    },
    paste: (phaseId, segmentId, text) => {
      const read = (cell: string) => {
        const reading = readNumberInput(cell, countRules(label), locale);
        return reading.ok ? ok(reading.value ?? 0) : err(reading.problem);
      };
      const pasted = pasteCustomers(
        selectViewedRoadmap(store.getState()) ?? roadmap,
        measure,
        { phaseId, segmentId },
        text,
        read,
      );
      if (!pasted.ok) return pasted.error;
      // Read against the latest document and applied to it as one undo step.
      store.getState().edit(() => pasted.value);
      return null;
    },
  });

  const stages = new Map(roadmap.stages.map((s) => [s.id, s.color]));

  return (
    <section className="plan-section" aria-label={title}>
      <div className="grid-head">
        <h2>{title}</h2>
        <p className="grid-legend">
          {hint} Whole numbers; Enter commits, Esc cancels; paste a block copied from a spreadsheet.
        </p>
      </div>
      {sheet.problem && (
        <p className="grid-problem" role="alert">
          {sheet.problem}
        </p>
      )}
      {grid.phases.length === 0 ? (
        <p className="muted">No phases yet: add one on the canvas.</p>
      ) : (
        <div className="grid-scroll" {...rowWindow.scrollProps}>
          <table
            className="data-table spreadsheet customers-grid"
            aria-label={title}
            // Only the rows in view are drawn: the count and each row's place tell assistive technology the rest.
            aria-rowcount={grid.phases.length + 2}
            {...sheet.gridProps}
          >
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">Phase</th>
                {grid.segments.map((segment) => (
                  <th key={segment.id} scope="col" className="numeric">
                    {segment.name}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {rowWindow.topSpace > 0 && <tr className="spacer-row" style={{ height: rowWindow.topSpace }} />}
              {grid.phases.slice(rowWindow.first, rowWindow.last).map((phase, i) => {
                const r = rowWindow.first + i;
                return (
                  <tr
                    key={phase.id}
                    aria-label={`Phase ${phase.name}`}
                    aria-rowindex={r + 2}
                    style={{ height: ROW_HEIGHT }}
                  >
                    <th scope="row">
                      <span className="stage-dot" style={{ background: stages.get(phase.stageId) }} />
                      {phase.name}
                    </th>
                    {grid.segments.map((segment, c) => {
                      const props = sheet.cellProps(phase.id, segment.id);
                      const value = grid.cells[r]?.[c] ?? 0;
                      return (
                        <td
                          key={segment.id}
                          {...props}
                          data-column={segment.id}
                          className={sheet.isEditing(phase.id, segment.id) ? "numeric is-editing" : "numeric"}
                        >
                          {sheet.isEditing(phase.id, segment.id) && sheet.editorProps ? (
                            <input
                              className="grid-editor"
                              inputMode="numeric"
                              aria-label={cellLabel(phase.id, segment.id)}
                              {...sheet.editorProps}
                            />
                          ) : (
                            <span className={value === 0 ? "muted" : undefined}>{show(value)}</span>
                          )}
                        </td>
                      );
                    })}
                    <td className="numeric total" data-column="total">
                      {show(grid.rowTotals[r] ?? 0)}
                    </td>
                  </tr>
                );
              })}
              {rowWindow.bottomSpace > 0 && <tr className="spacer-row" style={{ height: rowWindow.bottomSpace }} />}
            </tbody>
            <tfoot>
              <tr aria-label="Totals" aria-rowindex={grid.phases.length + 2}>
                <th scope="row">Total</th>
                {grid.segments.map((segment, c) => (
                  <td key={segment.id} className="numeric total" data-column={segment.id}>
                    {show(grid.columnTotals[c] ?? 0)}
                  </td>
                ))}
                <td className="numeric total" data-column="total" data-testid={`${measure}-grand-total`}>
                  {show(grid.total)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
