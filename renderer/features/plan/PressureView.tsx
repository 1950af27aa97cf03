import { useState } from "react";
import { type ContactCollision, worstCellOf, worstCohortOf } from "../../../shared/engine";
import type { Roadmap } from "../../../shared/model";
import { namesById } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { plural } from "../../ui/format";
import { collisionKey, describeCohort, describeOverCap } from "./collisionText";
import { PlanGate } from "./PlanGate";
import type { PlanSummary } from "./planService";

type Rows = "segment" | "phase";

interface SelectedCell {
  rows: Rows;
  rowId: string;
  month: number;
}

/**
 * How many communications reach one customer a month, summed over all owners,
 * counted per cohort (customers of a segment who entered a phase in the same
 * month): rows are segments (their worst phase) or phases (their worst
 * segment), columns the months. Cells over the roadmap's cap are marked;
 * clicking one names the worst-served cohort, what reaches it and from whom,
 * and every cap it goes over (the roadmap's, a channel's).
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
  const channelCollisions = plan.pressure.collisions.filter((c) => c.capOf !== "roadmap").length;

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
          Communications reaching one customer in a month, all owners together, for the customers who entered a phase in
          the same month: a series of one email a month is one a month. Over {pressure.contactCap} a month (the
          roadmap's contact cap) is a collision, as is more of one channel than its own limit:{" "}
          {pressure.collisions.length - channelCollisions} over the roadmap's cap
          {channelCollisions > 0 ? `, ${channelCollisions} over a channel's` : ""}.
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
                    const { count } = worstCellOf(pressure, rows, r, t);
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
        <CellDetails
          roadmap={roadmap}
          plan={plan}
          cell={selected}
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

function CellDetails({
  roadmap,
  plan,
  cell,
  collisions,
  title,
}: {
  roadmap: Roadmap;
  plan: PlanSummary;
  cell: SelectedCell;
  collisions: readonly ContactCollision[];
  title: string;
}) {
  const store = useAppStoreApi();
  const { pressure, calendar } = plan;
  const index = (cell.rows === "segment" ? pressure.segmentIds : pressure.phaseIds).indexOf(cell.rowId);
  const worst = worstCellOf(pressure, cell.rows, index, cell.month);
  const cohort = worstCohortOf(
    pressure,
    roadmap.communications,
    plan.communications,
    worst.segment,
    worst.phase,
    cell.month,
  );
  const communications = new Map(roadmap.communications.map((c) => [c.id, c]));
  const owners = namesById(roadmap.owners);
  const phases = namesById(roadmap.phases);
  const segments = namesById(roadmap.segments);
  const channels = namesById(roadmap.channels);
  const phaseId = pressure.phaseIds[worst.phase] ?? "";
  const showOnCanvas = (id: string) => {
    store.getState().select({ phaseIds: [id], transitionIds: [] });
    store.getState().showView("canvas");
  };
  const names = { segments, phases, channels };
  return (
    <section className="plan-section collision-details" aria-label={`Contacts: ${title}`}>
      <h2>{title}</h2>
      {cohort.count === 0 ? (
        <p className="muted">No communication reaches anyone here this month.</p>
      ) : (
        <div className="collision">
          <p>
            Most contacted:{" "}
            <strong>
              {describeCohort(
                { ...cohort, segmentId: pressure.segmentIds[worst.segment] ?? "", phaseId },
                names,
                calendar.months,
              )}
            </strong>{" "}
            get {plural(cohort.count, "communication")} this month, from{" "}
            {cohort.ownerIds.map((id) => owners.get(id)).join(", ")}.
          </p>
          <ul>
            {cohort.communications.map((c) => (
              <li key={c.communicationId}>
                {communications.get(c.communicationId)?.name} <span className="muted">— {owners.get(c.ownerId)}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-small" onClick={() => showOnCanvas(phaseId)}>
            Show “{phases.get(phaseId)}” on the canvas
          </button>
        </div>
      )}
      {collisions.length === 0 ? (
        <p className="muted">Within the contact caps.</p>
      ) : (
        <>
          <h3>Over a cap</h3>
          <ul className="collision-list">
            {collisions.map((collision) => (
              <li key={collisionKey(collision)}>
                {describeCohort(collision, names, calendar.months)}: {describeOverCap(collision, names)}{" "}
                <span className="muted">— {collision.ownerIds.map((id) => owners.get(id)).join(", ")}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
