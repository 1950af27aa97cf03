import type { FigureMovement, PlanMovement, RoiMovement } from "../../../shared/engine/planMovement";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";
import { DifferenceList } from "../../ui/DifferenceList";
import { formatCount, formatDateTime, formatPercent, plural } from "../../ui/format";
import { COSTS_HIDDEN, useMoneyFormat } from "../../ui/money";
import type { ComparedLabel, VersionComparison } from "./versionViewingSlice";
import "./versions.css";

/**
 * Two states of the roadmap side by side: how the totals moved, then what was
 * added, removed or changed, field by field with the old and new values.
 */
export function VersionComparisonDialog() {
  const store = useAppStoreApi();
  const comparison = useAppState((state) => state.versionComparison);
  const close = () => {
    store.getState().closeVersionComparison();
    store.getState().closeDialog();
  };
  const title = comparison
    ? `Compare “${comparison.before.name}” with ${comparison.after.createdAt === null ? "the current state" : `“${comparison.after.name}”`}`
    : "Compare versions";
  return (
    <Dialog
      title={title}
      onClose={close}
      wide
      footer={
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      }
    >
      {comparison ? <ComparisonBody comparison={comparison} /> : <p className="muted">Nothing to compare.</p>}
    </Dialog>
  );
}

function ComparisonBody({ comparison }: { comparison: VersionComparison }) {
  if (comparison.status === "loading") return <p className="muted">Comparing…</p>;
  if (comparison.status === "failed") {
    return (
      <p className="field-problem" role="alert">
        The two could not be compared: {comparison.message}
      </p>
    );
  }
  const { differences, movement } = comparison.result;
  const added = differences.filter((d) => d.kind === "added").length;
  const removed = differences.filter((d) => d.kind === "removed").length;
  return (
    <div className="version-comparison">
      <section aria-label="How the totals moved">
        <h3>How the totals moved</h3>
        <MovementTable
          movement={movement}
          before={comparison.before}
          after={comparison.after}
          currency={comparison.currency}
        />
      </section>
      <section aria-label="What changed">
        <h3>What changed</h3>
        {differences.length === 0 ? (
          <p className="muted">Nothing: the two are the same.</p>
        ) : (
          <>
            <p className="muted">
              {plural(differences.length, "difference")}: {added} added, {removed} removed,{" "}
              {differences.length - added - removed} changed.
            </p>
            <DifferenceList differences={differences} />
          </>
        )}
      </section>
    </div>
  );
}

/** A total of the plan; no way to write it while costs are hidden (a money figure). */
interface Row {
  key: keyof PlanMovement;
  label: string;
  format: ((value: number) => string) | null;
}

function MovementTable({
  movement,
  before,
  after,
  currency,
}: {
  movement: PlanMovement;
  before: ComparedLabel;
  after: ComparedLabel;
  currency: string;
}) {
  const money = useMoneyFormat(currency);
  const rows: Row[] = [
    { key: "budget", label: "Budget", format: money },
    { key: "value", label: "Expected value", format: money },
    { key: "roi", label: "ROI", format: formatPercent },
    { key: "customersKept", label: "Customers kept", format: formatCount },
    { key: "collisions", label: "Collisions", format: formatCount },
  ];
  return (
    <table className="data-table movement-table">
      <thead>
        <tr>
          <th scope="col">Total</th>
          <th scope="col" className="numeric">
            {columnTitle(before)}
          </th>
          <th scope="col" className="numeric">
            {columnTitle(after)}
          </th>
          <th scope="col" className="numeric">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const figure: FigureMovement | RoiMovement = movement[row.key];
          return (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{shown(figure.before, row.format)}</td>
              <td className="numeric">{shown(figure.after, row.format)}</td>
              <td className={`numeric ${changeClass(figure.change)}`}>
                {row.format ? signed(figure.change, row.format) : COSTS_HIDDEN}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function columnTitle(side: ComparedLabel): string {
  return side.createdAt === null ? side.name : `${side.name} (${formatDateTime(side.createdAt)})`;
}

function shown(value: number | null, format: ((value: number) => string) | null): string {
  if (!format) return COSTS_HIDDEN;
  return value === null ? "—" : format(value);
}

function signed(change: number | null, format: (value: number) => string): string {
  if (change === null) return "—";
  if (change === 0) return "no change";
  return change > 0 ? `+${format(change)}` : `−${format(-change)}`;
}

const changeClass = (change: number | null) => (change === null || change === 0 ? "is-unchanged" : "is-changed");
