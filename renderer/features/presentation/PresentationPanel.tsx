import { planCalendar } from "../../../shared/engine";
import {
  communicationsOf,
  customersAtStart,
  describeTiming,
  namesById,
  outgoingTransitions,
  type Roadmap,
} from "../../../shared/model";
import { useAppState } from "../../app/AppStoreContext";
import { formatCount, formatPercent, plural } from "../../ui/format";
import { useMoneyFormat } from "../../ui/money";
import type { PlanSummary } from "../plan/planService";

/** The roadmap's name and client, and what the walk is about to show. */
export function TitlePanel({ roadmap, phaseCount }: { roadmap: Roadmap; phaseCount: number }) {
  const calendar = planCalendar(roadmap.startMonth, roadmap.horizonMonths);
  return (
    <div className="present-panel present-title">
      {roadmap.client && <p className="present-kicker">{roadmap.client}</p>}
      <h1 className="present-heading">{roadmap.name}</h1>
      {roadmap.preparedBy && <p>Prepared by {roadmap.preparedBy}</p>}
      <p>
        {plural(phaseCount, "phase")} · {plural(roadmap.communications.length, "communication")} ·{" "}
        {roadmap.horizonMonths} months from {calendar.months[0]?.label}
      </p>
    </div>
  );
}

/** One phase of the walk: who is in it, what they are sent, by whom, and (unless hidden) what it costs. */
export function PhasePanel({ roadmap, phaseId }: { roadmap: Roadmap; phaseId: string }) {
  const plan = useAppState((state) => state.plan);
  const money = useMoneyFormat(roadmap.currency);
  const phase = roadmap.phases.find((p) => p.id === phaseId);
  if (!phase) return null;
  const stage = roadmap.stages.find((s) => s.id === phase.stageId);
  const communications = communicationsOf(roadmap, phaseId).filter((c) => c.status !== "retired");
  const channels = namesById(roadmap.channels);
  const owners = namesById(roadmap.owners);
  const phases = namesById(roadmap.phases);
  const ownerNames = [...new Set(communications.map((c) => owners.get(c.ownerId) ?? c.ownerId))];
  const calendar = planCalendar(roadmap.startMonth, roadmap.horizonMonths);
  const summary = plan?.phases.find((p) => p.phaseId === phaseId);
  const costOf = communicationCosts(plan);
  const next = outgoingTransitions(roadmap, phaseId);

  return (
    <div className="present-panel" style={{ "--stage-color": stage?.color ?? "#888888" } as React.CSSProperties}>
      <p className="present-kicker present-stage">{stage?.name}</p>
      <h1 className="present-heading">{phase.name}</h1>
      {phase.description && <p className="present-description">{phase.description}</p>}
      <dl className="present-facts">
        <div>
          <dt>At start</dt>
          <dd>{formatCount(summary?.customersAtStart ?? customersAtStart(phase))}</dd>
        </div>
        {summary && (
          <div>
            <dt title={`Customers entering over the plan's ${roadmap.horizonMonths} months`}>Entering</dt>
            <dd>{formatCount(summary.entries)}</dd>
          </div>
        )}
        {money && summary && (
          <div>
            <dt>Cost a month</dt>
            <dd>{money(summary.averageMonthlyCost)}</dd>
          </div>
        )}
      </dl>
      {ownerNames.length > 0 && (
        <p className="present-owners">
          <span className="present-label">Owners</span> {ownerNames.join(", ")}
        </p>
      )}
      <h2 className="present-subheading">
        {communications.length === 0 ? "No communications yet" : plural(communications.length, "communication")}
      </h2>
      <ul className="present-communications">
        {communications.map((c) => (
          <li key={c.id}>
            <div className="present-communication-name">
              <span>{c.name}</span>
              {money && costOf.has(c.id) && <span className="present-cost">{money(costOf.get(c.id) ?? 0)}</span>}
            </div>
            <div className="present-communication-detail">
              {[channels.get(c.channelId), describeTiming(c.timing, calendar.months), owners.get(c.ownerId)]
                .filter(Boolean)
                .join(" · ")}
            </div>
          </li>
        ))}
      </ul>
      {next.length > 0 && (
        <>
          <h2 className="present-subheading">Where customers go next</h2>
          <ul className="present-next">
            {next.map((t) => (
              <li key={t.id}>
                → {phases.get(t.to) ?? t.to} · {formatPercent(t.rate)} a month{t.trigger ? ` · ${t.trigger}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Each communication's cost over the plan's horizon, once the plan is worked out. */
function communicationCosts(plan: PlanSummary | null): Map<string, number> {
  return new Map((plan?.communications ?? []).map((c) => [c.communicationId, c.totalCost]));
}

/** The plan's totals, the last step of the walk. */
export function OverviewPanel({ roadmap }: { roadmap: Roadmap }) {
  const plan = useAppState((state) => state.plan);
  const stale = useAppState((state) => state.planStale);
  const money = useMoneyFormat(roadmap.currency);
  if (!plan) {
    return (
      <div className="present-panel">
        <h1 className="present-heading">The plan</h1>
        <p>{stale ? "Working out the plan…" : "The plan could not be worked out for this roadmap."}</p>
      </div>
    );
  }
  const { budget, customers } = plan;
  const reached = plan.communications.reduce((sum, c) => sum + c.totalCustomersReached, 0);
  const tiles: { label: string; value: string; figure: number | null; note?: string; id: string }[] = [
    {
      id: "customers",
      label: "Customers",
      figure: customers.atStart + customers.arrivals,
      value: formatCount(customers.atStart + customers.arrivals),
      note: `${formatCount(customers.atStart)} at start, ${formatCount(customers.arrivals)} arriving`,
    },
    {
      id: "reach",
      label: "Reach",
      figure: reached,
      value: formatCount(reached),
      note: "once per communication",
    },
    {
      id: "contacts",
      label: "Contacts",
      figure: budget.totalReach,
      value: formatCount(budget.totalReach),
      note: plural(budget.sends, "send"),
    },
    {
      id: "responses",
      label: "Responses",
      figure: budget.totalResponses,
      value: formatCount(budget.totalResponses),
    },
    // "Show costs" off hides every money figure, what the plan brings in as well as what it costs.
    ...(money
      ? [
          { id: "value", label: "Expected value", figure: budget.totalValue, value: money(budget.totalValue) },
          { id: "budget", label: "Budget", figure: budget.totalCost, value: money(budget.totalCost) },
          {
            id: "roi",
            label: "Return on investment",
            figure: budget.roi,
            value: budget.roi === null ? "—" : formatPercent(budget.roi),
          },
        ]
      : []),
  ];
  return (
    <div className="present-panel">
      <h1 className="present-heading">The plan over {roadmap.horizonMonths} months</h1>
      <dl className="present-totals">
        {tiles.map((tile) => (
          <div key={tile.id} data-total={tile.id} data-value={tile.figure ?? undefined}>
            <dt>{tile.label}</dt>
            <dd>{tile.value}</dd>
            {tile.note && <dd className="present-total-note">{tile.note}</dd>}
          </div>
        ))}
      </dl>
    </div>
  );
}
