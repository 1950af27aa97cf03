import { useState } from "react";
import type { Roadmap } from "../../../shared/model";
import { describeTiming, namesById } from "../../../shared/model";
import { formatCount } from "../../ui/format";
import { useMoneyFormat } from "../../ui/money";
import { collisionKey, describeCohort, describeOverCap } from "./collisionText";
import { PlanGate } from "./PlanGate";
import type { PlanSummary } from "./planService";

/**
 * One owner's share of the plan — what they send, what it costs, and where
 * their sends collide with other owners': the page a product manager takes
 * away from the workshop.
 */
export function OwnerView({ roadmap }: { roadmap: Roadmap }) {
  return <PlanGate>{(plan) => <OwnerPage roadmap={roadmap} plan={plan} />}</PlanGate>;
}

function OwnerPage({ roadmap, plan }: { roadmap: Roadmap; plan: PlanSummary }) {
  const [ownerId, setOwnerId] = useState(roadmap.owners[0]?.id ?? "");
  const money = useMoneyFormat(roadmap.currency);
  if (roadmap.owners.length === 0) {
    return <p className="plan-message muted">No owners yet: add them in the Audiences view.</p>;
  }
  const owner = roadmap.owners.find((o) => o.id === ownerId) ?? roadmap.owners[0];
  if (!owner) return null;
  const schedules = new Map(plan.communications.map((s) => [s.communicationId, s]));
  const phases = namesById(roadmap.phases);
  const channels = namesById(roadmap.channels);
  const owners = namesById(roadmap.owners);
  const segments = namesById(roadmap.segments);
  const names = { segments, phases, channels };
  const communications = roadmap.communications.filter((c) => c.ownerId === owner.id);
  const ownerBudget = plan.budget.byDimension.owner;
  const row = ownerBudget.keys.indexOf(owner.id);
  const totalCost = row >= 0 ? (ownerBudget.totalCost[row] ?? 0) : 0;
  const totalValue = row >= 0 ? (ownerBudget.totalValue[row] ?? 0) : 0;
  const collisions = plan.pressure.collisions.filter((c) => c.ownerIds.includes(owner.id) && c.ownerIds.length > 1);

  return (
    <div className="plan-view">
      <section className="plan-section" aria-labelledby="owner-title">
        <div className="section-head">
          <h2 id="owner-title">By owner</h2>
          <label className="inline-field">
            owner
            <select value={owner.id} onChange={(e) => setOwnerId(e.target.value)}>
              {roadmap.owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="plan-cards">
          <div className="plan-card">
            <span className="fact-label">Communications</span>
            <span className="plan-card-value">{communications.length}</span>
          </div>
          {money ? (
            <>
              <div className="plan-card">
                <span className="fact-label">Budget</span>
                <span className="plan-card-value" data-testid="owner-budget" data-value={totalCost}>
                  {money(totalCost)}
                </span>
              </div>
              <div className="plan-card">
                <span className="fact-label">Expected value</span>
                <span className="plan-card-value">{money(totalValue)}</span>
              </div>
            </>
          ) : (
            <div className="plan-card">
              <span className="fact-label">Contacts</span>
              <span className="plan-card-value">
                {formatCount(communications.reduce((sum, c) => sum + (schedules.get(c.id)?.totalReach ?? 0), 0))}
              </span>
            </div>
          )}
          <div className="plan-card">
            <span className="fact-label">Collisions with others</span>
            <span className="plan-card-value">{collisions.length}</span>
          </div>
        </div>
      </section>
      <section className="plan-section" aria-label={`What ${owner.name} sends`}>
        <h2>What {owner.name} sends</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Communication</th>
              <th scope="col">Phase</th>
              <th scope="col">Channel</th>
              <th scope="col">When</th>
              <th scope="col" className="numeric">
                Contacts
              </th>
              {money && (
                <th scope="col" className="numeric">
                  Cost
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {communications.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>{phases.get(c.phaseId)}</td>
                <td>{channels.get(c.channelId)}</td>
                <td>{describeTiming(c.timing, plan.calendar.months)}</td>
                <td className="numeric">{formatCount(schedules.get(c.id)?.totalReach ?? 0)}</td>
                {money && <td className="numeric">{money(schedules.get(c.id)?.totalCost ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="plan-section" aria-label={`Where ${owner.name} collides with other owners`}>
        <h2>Where {owner.name} collides with other owners</h2>
        {collisions.length === 0 ? (
          <p className="muted">No month in which this owner's sends push a customer over the contact cap.</p>
        ) : (
          <ul className="collision-list">
            {collisions.map((c) => (
              <li key={collisionKey(c)}>
                {plan.calendar.months[c.month]?.label}: {describeCohort(c, names, plan.calendar.months)} get{" "}
                {describeOverCap(c, names)}, also from{" "}
                {c.ownerIds
                  .filter((id) => id !== owner.id)
                  .map((id) => owners.get(id))
                  .join(", ")}
                .
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
