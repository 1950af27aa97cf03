import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";
import { DifferenceList } from "../../ui/DifferenceList";
import { formatDateTime, plural } from "../../ui/format";
import { PlanMovementTable } from "../../ui/PlanMovementTable";
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
        <PlanMovementTable
          movement={movement}
          currency={comparison.newer.currency}
          beforeLabel={columnTitle(comparison.before)}
          afterLabel={columnTitle(comparison.after)}
        />
      </section>
      <section aria-label="What changed">
        <h3>What changed</h3>
        {differences.length > 0 && (
          <p className="muted">
            {plural(differences.length, "difference")}: {added} added, {removed} removed,{" "}
            {differences.length - added - removed} changed.
          </p>
        )}
        <DifferenceList
          differences={differences}
          roadmap={comparison.newer}
          emptyText="Nothing: the two are the same."
        />
      </section>
    </div>
  );
}

function columnTitle(side: ComparedLabel): string {
  return side.createdAt === null ? side.name : `${side.name} (${formatDateTime(side.createdAt)})`;
}
