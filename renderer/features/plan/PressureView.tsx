import { useState } from "react";
import { type ContactCollision, worstContactPressure } from "../../../shared/engine";
import type { Roadmap } from "../../../shared/model";
import { namesById } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { PlanGate } from "./PlanGate";
import type { PlanSummary } from "./planService";

type Rows = "segment" | "phase";

interface SelectedCell {
  rows: Rows;
  rowId: string;
  month: number;
}

/**
 * How many communications reach one customer a month, summed over all owners:
 * rows are segments (the worst phase for that segment) or phases (the worst
 * segment there), columns the months. Cells over the roadmap's cap are marked;
 * clicking one lists the colliding communications and their owners.
 */
export function PressureView({ roadmap }: { roadmap: Roadmap }) {
  return <PlanGate>{(plan) => <PressureHeatmap roadmap={roadmap} plan={plan} />}</PlanGate>;
}

function PressureHeatmap({ roadmap, plan }: { roadmap: Roadmap; plan: PlanSummary }) {
  const [rows, setRows] = useState<Rows>("segment");
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const { pressure, calendar } = plan;
  const rowIds = rows === "segment" ? pressure.segmentIds : pressure.phaseIds;
  const names = new Map<string, string>([
    ...roadmap.segments.map((s) => [s.id, s.name] as const),
    ...roadmap.phases.map((p) => [p.id, p.name] as const),
  ]);
  const collisions = selected ? collisionsAt(plan, selected) : [];

  return (
    <div className="plan-view">
      <section className="plan-section" aria-labelledby="pressure-title">
        <div className="section-head">
          <h2 id="pressure-title">Contact pressure</h2>
          <label className="inline-field">
            rows
            <select value={rows} onChange={(event) => setRows(event.target.value as Rows)}>
              <option value="segment">Segments</option>
              <option value="phase">Phases</option>
            </select>
          </label>
        </div>
        <p className="muted">
          Communications reaching one customer in a month, all owners together. Over {pressure.contactCap} a month (the
          roadmap's contact cap) is a collision: {pressure.collisions.length} cell
          {pressure.collisions.length === 1 ? "" : "s"} over the cap.
        </p>
        <div className="table-scroll">
          <table className="heatmap">
            <thead>
              <tr>
                <th scope="col">{rows === "segment" ? "Segment" : "Phase"}</th>
                {calendar.months.map((month) => (
                  <th key={month.label} scope="col">
                    {month.label.slice(2)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rowIds.map((rowId, r) => (
                <tr key={rowId}>
                  <th scope="row">{names.get(rowId)}</th>
                  {calendar.months.map((month, t) => {
                    const count = worstContactPressure(pressure, rows, r, t);
                    const over = count > pressure.contactCap;
                    const isSelected = selected?.rowId === rowId && selected.month === t && selected.rows === rows;
                    return (
                      <td
                        key={month.label}
                        className={`heat-cell${over ? " is-over" : ""}${isSelected ? " is-selected" : ""}`}
                      >
                        <button
                          type="button"
                          style={
                            { "--heat": Math.min(1, count / Math.max(1, pressure.contactCap)) } as React.CSSProperties
                          }
                          aria-label={`${names.get(rowId)}, ${month.label}: ${count} communication${count === 1 ? "" : "s"}${over ? ", over the cap" : ""}`}
                          onClick={() => setSelected({ rows, rowId, month: t })}
                        >
                          {count || ""}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {selected && (
        <CollisionDetails
          roadmap={roadmap}
          collisions={collisions}
          title={`${names.get(selected.rowId)}, ${calendar.months[selected.month]?.label}`}
        />
      )}
    </div>
  );
}

function collisionsAt(plan: PlanSummary, cell: SelectedCell): readonly ContactCollision[] {
  return plan.pressure.collisions.filter(
    (c) => c.month === cell.month && (cell.rows === "segment" ? c.segmentId : c.phaseId) === cell.rowId,
  );
}

function CollisionDetails({
  roadmap,
  collisions,
  title,
}: {
  roadmap: Roadmap;
  collisions: readonly ContactCollision[];
  title: string;
}) {
  const store = useAppStoreApi();
  const communications = new Map(roadmap.communications.map((c) => [c.id, c]));
  const owners = namesById(roadmap.owners);
  const phases = namesById(roadmap.phases);
  const segments = namesById(roadmap.segments);
  const showOnCanvas = (phaseId: string) => {
    store.getState().select({ phaseIds: [phaseId], transitionIds: [] });
    store.getState().showView("canvas");
  };
  return (
    <section className="plan-section collision-details" aria-label={`Collisions: ${title}`}>
      <h2>{title}</h2>
      {collisions.length === 0 ? (
        <p className="muted">Within the contact cap.</p>
      ) : (
        collisions.map((collision) => (
          <div key={`${collision.segmentId}:${collision.phaseId}`} className="collision">
            <p>
              <strong>{segments.get(collision.segmentId)}</strong> customers in{" "}
              <strong>{phases.get(collision.phaseId)}</strong> get {collision.count} communications this month, from{" "}
              {collision.ownerIds.map((id) => owners.get(id)).join(", ")}.
            </p>
            <ul>
              {collision.communications.map((c) => (
                <li key={c.communicationId}>
                  {communications.get(c.communicationId)?.name} <span className="muted">— {owners.get(c.ownerId)}</span>
                </li>
              ))}
            </ul>
            <button type="button" className="button button-small" onClick={() => showOnCanvas(collision.phaseId)}>
              Show “{phases.get(collision.phaseId)}” on the canvas
            </button>
          </div>
        ))
      )}
    </section>
  );
}
