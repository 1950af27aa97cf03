import { describeAudience, describeTiming, namesById, PURPOSE_LABELS } from "../../../shared/model";
import { formatCount, formatDecimal, formatMoney } from "../../ui/format";
import type { ReportProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** More phases than this and they follow one another instead of each starting a page: a report, not a ream. */
const PAGE_PER_PHASE_UP_TO = 40;

/** A page per phase, in document order: what it is for, how it is measured, and what is sent there. */
export function PhasePages({ roadmap, plan, options }: ReportProps) {
  const pagePerPhase = roadmap.phases.length <= PAGE_PER_PHASE_UP_TO;
  const stages = new Map(roadmap.stages.map((stage) => [stage.id, stage]));
  const channels = namesById(roadmap.channels);
  const owners = namesById(roadmap.owners);
  const audienceNames = { segments: namesById(roadmap.segments), roles: namesById(roadmap.roles) };
  const scheduleIndex = new Map(roadmap.communications.map((c, i) => [c.id, i]));
  const money = (value: number) => formatMoney(value, roadmap.currency, { precise: true });

  const pages = roadmap.phases.map((phase, index) => {
    const stage = stages.get(phase.stageId);
    const summary = plan.phases[index];
    const communications = roadmap.communications.filter((c) => c.phaseId === phase.id);
    return (
      <section
        key={phase.id}
        className={pagePerPhase ? "report-page report-phase" : "report-phase is-flowing"}
        style={{ "--stage-color": stage?.color ?? "#888888" } as React.CSSProperties}
      >
        <p className="report-phase-stage">{stage?.name ?? "No stage"}</p>
        <ReportSectionTitle>{phase.name}</ReportSectionTitle>
        {phase.description && <p>{phase.description}</p>}

        <div className="report-columns">
          <Facts title="Objectives" items={phase.objectives} />
          <Facts title="Products held" items={phase.productsHeld} />
          {phase.customerLifestage && <Facts title="Customer lifestage" items={[phase.customerLifestage]} />}
        </div>

        {summary && (
          <dl className="report-figures">
            <Figure label="Customers at start" value={formatCount(summary.customersAtStart)} />
            <Figure label="Entering over the plan" value={formatCount(summary.entries)} />
            <Figure label="Churned" value={formatCount(summary.churned)} />
            <Figure label="At the end" value={formatCount(summary.customersAtEnd)} />
            {options.includeCosts && <Figure label="Cost over the plan" value={money(summary.totalCost)} />}
            <Figure label="Expected value" value={money(summary.totalValue)} />
          </dl>
        )}

        {phase.kpis.length > 0 && (
          <>
            <h3>KPIs</h3>
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">KPI</th>
                  <th scope="col">Target</th>
                  <th scope="col">Timeframe</th>
                </tr>
              </thead>
              <tbody>
                {phase.kpis.map((kpi) => (
                  <tr key={kpi.id}>
                    <td>{kpi.name}</td>
                    <td>{kpi.target === null ? "—" : `${formatDecimal(kpi.target)} ${kpi.unit}`.trim()}</td>
                    <td>{kpi.timeframe || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}

        <h3>Communications</h3>
        {communications.length === 0 ? (
          <p className="muted">No communications planned in this phase.</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">Communication</th>
                <th scope="col">Purpose</th>
                <th scope="col">Channel</th>
                <th scope="col">Owner</th>
                <th scope="col">Timing</th>
                <th scope="col">Audience</th>
                <th scope="col" className="is-number">
                  Sends
                </th>
                <th scope="col" className="is-number">
                  Reach
                </th>
                {options.includeCosts && (
                  <th scope="col" className="is-number">
                    Cost
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {communications.map((communication) => {
                const schedule = plan.communications[scheduleIndex.get(communication.id) ?? -1];
                return (
                  <tr key={communication.id}>
                    <td>{communication.name}</td>
                    <td>{PURPOSE_LABELS[communication.purpose]}</td>
                    <td>{channels.get(communication.channelId) ?? "—"}</td>
                    <td>{owners.get(communication.ownerId) ?? "—"}</td>
                    <td>{describeTiming(communication.timing, plan.calendar.months)}</td>
                    <td>{describeAudience(communication.audience, audienceNames)}</td>
                    <td className="is-number">{formatCount(schedule?.sends ?? 0)}</td>
                    <td className="is-number">{formatCount(schedule?.totalReach ?? 0)}</td>
                    {options.includeCosts && <td className="is-number">{money(schedule?.totalCost ?? 0)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    );
  });
  return pagePerPhase ? pages : <div className="report-page">{pages}</div>;
}

function Facts({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3>{title}</h3>
      <ul className="report-list">
        {items.map((item, i) => (
          // Free text items may repeat; their order is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
