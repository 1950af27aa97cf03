import { type Phase, type Roadmap, updateCommunication } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { formatCount, formatMoney } from "../../ui/format";
import { NumberField } from "./fields";

/** The phase's communications with their costs, and what each costs and reaches over the plan. */
export function PhaseCommunications({ roadmap, phase }: { roadmap: Roadmap; phase: Phase }) {
  const store = useAppStoreApi();
  const plan = useAppState((state) => state.plan);
  const communications = roadmap.communications.filter((c) => c.phaseId === phase.id);
  const channels = new Map(roadmap.channels.map((c) => [c.id, c.name]));
  const owners = new Map(roadmap.owners.map((o) => [o.id, o.name]));
  const schedules = new Map(plan?.communications.map((s) => [s.communicationId, s]) ?? []);
  if (communications.length === 0) return <p className="muted">No communications on this phase yet.</p>;
  return (
    <ul className="communication-list">
      {communications.map((communication) => {
        const schedule = schedules.get(communication.id);
        const change = (field: "fixedCost" | "costPerContact", value: number | null) =>
          store.getState().edit((r) => updateCommunication(r, communication.id, { [field]: value ?? 0 }), {
            coalesceKey: `communication:${communication.id}:${field}`,
          });
        return (
          <li key={communication.id} className="communication-item" aria-label={`Communication ${communication.name}`}>
            <div className="communication-name">{communication.name}</div>
            <div className="muted communication-meta">
              {channels.get(communication.channelId)} · {owners.get(communication.ownerId)} · {communication.status}
            </div>
            <div className="field-pair">
              <NumberField
                label={`Fixed cost per send — ${communication.name}`}
                min={0}
                unit={roadmap.currency}
                value={communication.fixedCost}
                onCommit={(v) => change("fixedCost", v)}
              />
              <NumberField
                label={`Cost per contact — ${communication.name}`}
                min={0}
                unit={roadmap.currency}
                value={communication.costPerContact}
                onCommit={(v) => change("costPerContact", v)}
              />
            </div>
            {schedule && (
              <div
                className="communication-plan"
                data-testid={`plan-${communication.id}`}
                data-total-reach={schedule.totalReach}
              >
                {formatCount(schedule.totalReach)} contacts in {schedule.sends} sends ·{" "}
                {formatMoney(schedule.totalCost, roadmap.currency)} over the plan
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
