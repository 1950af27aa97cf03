import type { FigureMovement, PlanMovement, RoiMovement } from "../../shared/engine/planMovement";
import { formatCount, formatPercent } from "./format";
import { COSTS_HIDDEN, type MoneyFormat, useMoneyFormat } from "./money";
import "./differences.css";

export interface PlanMovementTableProps {
  readonly movement: PlanMovement;
  readonly currency: string;
  /** Column headings: the two versions' or scenarios' names. */
  readonly beforeLabel?: string;
  readonly afterLabel?: string;
}

/** Whether a rise is good news: more value is, more collisions are not; a budget is neither. */
type Better = "higher" | "lower" | "neither";

interface Row {
  readonly label: string;
  readonly before: string;
  readonly after: string;
  readonly change: string;
  readonly direction: "up" | "down" | "none";
  readonly better: Better;
}

/**
 * How the plan's totals moved between two versions or scenarios: budget,
 * expected value, ROI, customers kept and collisions, each before, after and
 * its change with ▲ or ▼ and the words "more" or "less" (colour only
 * repeats whether the move is good news). Money follows Show costs.
 */
export function PlanMovementTable({
  movement,
  currency,
  beforeLabel = "Before",
  afterLabel = "After",
}: PlanMovementTableProps) {
  const money = useMoneyFormat(currency);
  const rows: Row[] = [
    ...(money
      ? [
          figureRow("Budget", movement.budget, money, "neither"),
          figureRow("Expected value", movement.value, money, "higher"),
          roiRow(movement.roi),
        ]
      : []),
    figureRow("Customers kept", movement.customersKept, formatCount, "higher"),
    figureRow("Collisions", movement.collisions, formatCount, "lower"),
  ];
  return (
    <table className="data-table plan-movement">
      <thead>
        <tr>
          <th scope="col">Total</th>
          <th scope="col" className="numeric">
            {beforeLabel}
          </th>
          <th scope="col" className="numeric">
            {afterLabel}
          </th>
          <th scope="col" className="numeric">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td className="numeric">{row.before}</td>
            <td className="numeric">{row.after}</td>
            <td className={`numeric ${tone(row)}`} data-direction={row.direction}>
              {row.change}
            </td>
          </tr>
        ))}
      </tbody>
      {!money && (
        <tfoot>
          <tr>
            <td colSpan={4} className="muted">
              Budget, value and ROI: {COSTS_HIDDEN.toLowerCase()}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function figureRow(
  label: string,
  figure: FigureMovement,
  write: MoneyFormat | ((value: number) => string),
  better: Better,
): Row {
  // Amounts are compared as shown: a change too small to show is no change.
  const change = write(Math.abs(figure.change));
  const still = write(0) === change;
  const direction = still ? "none" : figure.change > 0 ? "up" : "down";
  return {
    label,
    before: write(figure.before),
    after: write(figure.after),
    change:
      direction === "none"
        ? "No change"
        : `${direction === "up" ? "▲" : "▼"} ${change} ${direction === "up" ? "more" : "less"}`,
    direction,
    better,
  };
}

function roiRow(roi: RoiMovement): Row {
  const write = (value: number | null) => (value === null ? "—" : formatPercent(value));
  const points = roi.change === null ? null : Math.round(roi.change * 1000) / 10;
  const direction = points === null || points === 0 ? "none" : points > 0 ? "up" : "down";
  const change =
    points === null
      ? "—"
      : direction === "none"
        ? "No change"
        : `${direction === "up" ? "▲" : "▼"} ${Math.abs(points)} points ${direction === "up" ? "higher" : "lower"}`;
  return { label: "ROI", before: write(roi.before), after: write(roi.after), change, direction, better: "higher" };
}

function tone(row: Row): string {
  if (row.direction === "none" || row.better === "neither") return "";
  const good = (row.direction === "up") === (row.better === "higher");
  return good ? "movement-better" : "movement-worse";
}
