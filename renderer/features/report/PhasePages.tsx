import { clipText } from "../../../shared/export/reportLayout";
import { describeAudience, describeTiming, namesById, PURPOSE_LABELS } from "../../../shared/model";
import { formatCount } from "../../ui/format";
import { moneyFormat } from "../../ui/money";
import type { SectionProps } from "./ExecutiveReport";
import { kpiTarget } from "./KpiSection";
import { MoreRows } from "./MoreRows";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** More phases than this and they follow one another instead of each starting a page: a report, not a ream. */
const PAGE_PER_PHASE_UP_TO = 40;

/**
 * Every phase in one table, the costliest first (the most populous when costs
 * are left out): where the plan's money and customers are, at a glance.
 */
export function PhaseOverview({ roadmap, plan, options, layout }: SectionProps) {
  const stages = namesById(roadmap.stages);
  const money = moneyFormat(roadmap.currency, options.includeCosts);
  const communications = new Map<string, number>();
  for (const communication of roadmap.communications) {
    communications.set(communication.phaseId, (communications.get(communication.phaseId) ?? 0) + 1);
  }
  const { phases, limits } = layout;
  return (
    <section className="report-page report-phase-overview">
      <ReportSectionTitle>Phases at a glance</ReportSectionTitle>
      <p className="muted">
        {roadmap.phases.length === phases.indices.length
          ? `All ${formatCount(roadmap.phases.length)} phases`
          : `The ${formatCount(phases.indices.length)} of ${formatCount(roadmap.phases.length)} phases`}{" "}
        {options.includeCosts ? "that cost the most" : "with the most customers"}, over the {roadmap.horizonMonths}{" "}
        months of the plan.
      </p>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Stage</th>
            <th scope="col" className="is-number">
              Customers at start
            </th>
            <th scope="col" className="is-number">
              At the end
            </th>
            <th scope="col" className="is-number">
              Communications
            </th>
            {money && (
              <th scope="col" className="is-number">
                Cost
              </th>
            )}
            {money && (
              <th scope="col" className="is-number">
                Expected value
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {phases.indices.map((p) => {
            const phase = roadmap.phases[p];
            const summary = plan.phases[p];
            if (!phase) return null;
            return (
              <tr key={phase.id}>
                <th scope="row">{clipText(phase.name, limits.nameChars)}</th>
                <td>{clipText(stages.get(phase.stageId) ?? "—", limits.nameChars)}</td>
                <td className="is-number">{formatCount(summary?.customersAtStart ?? 0)}</td>
                <td className="is-number">{formatCount(summary?.customersAtEnd ?? 0)}</td>
                <td className="is-number">{formatCount(communications.get(phase.id) ?? 0)}</td>
                {money && <td className="is-number">{money(summary?.totalCost ?? 0)}</td>}
                {money && <td className="is-number">{money(summary?.totalValue ?? 0)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <MoreRows count={phases.more} what="phases" appendix={options.includeAppendix} />
      {layout.phasePages.length < roadmap.phases.length && (
        <p className="muted">
          The pages that follow describe the {formatCount(layout.phasePages.length)}{" "}
          {options.includeCosts ? "costliest" : "most populous"} phases, in the roadmap's order.
        </p>
      )}
    </section>
  );
}

/**
 * A page per phase the layout picks, in document order: what it is for, how
 * it is measured, and what is sent there (the costliest communications when
 * the list is cut).
 */
export function PhasePages({ roadmap, plan, options, layout }: SectionProps) {
  const pagePerPhase = layout.phasePages.length <= PAGE_PER_PHASE_UP_TO;
  const stages = new Map(roadmap.stages.map((stage) => [stage.id, stage]));
  const channels = namesById(roadmap.channels);
  const owners = namesById(roadmap.owners);
  const audienceNames = { segments: namesById(roadmap.segments), roles: namesById(roadmap.roles) };
  const euros = moneyFormat(roadmap.currency, options.includeCosts);
  const money = euros && ((value: number) => euros(value, { precise: true }));
  const { limits } = layout;
  const clip = (text: string) => clipText(text, limits.nameChars);
  const firstItems = (items: readonly string[]) => items.slice(0, limits.itemsPerPhase).map(clip);

  const pages = layout.phasePages.map(({ phaseIndex: index, communications: shown }) => {
    const phase = roadmap.phases[index];
    if (!phase) return null;
    const stage = stages.get(phase.stageId);
    const summary = plan.phases[index];
    const kpis = phase.kpis.slice(0, limits.itemsPerPhase);
    return (
      <section
        key={phase.id}
        className={pagePerPhase ? "report-page report-phase" : "report-phase is-flowing"}
        style={{ "--stage-color": stage?.color ?? "#888888" } as React.CSSProperties}
      >
        <p className="report-phase-stage">{clip(stage?.name ?? "No stage")}</p>
        <ReportSectionTitle>{phase.name}</ReportSectionTitle>
        {phase.description && <p>{clipText(phase.description, limits.textChars)}</p>}

        <div className="report-columns">
          <Facts title="Objectives" items={firstItems(phase.objectives)} more={phase.objectives.length} />
          <Facts title="Products held" items={firstItems(phase.productsHeld)} more={phase.productsHeld.length} />
          {phase.customerLifestage && <Facts title="Customer lifestage" items={[clip(phase.customerLifestage)]} />}
        </div>

        {summary && (
          <dl className="report-figures">
            <Figure label="Customers at start" value={formatCount(summary.customersAtStart)} />
            <Figure label="Entering over the plan" value={formatCount(summary.entries)} />
            <Figure label="Churned" value={formatCount(summary.churned)} />
            <Figure label="At the end" value={formatCount(summary.customersAtEnd)} />
            {money && <Figure label="Cost over the plan" value={money(summary.totalCost)} />}
            {money && <Figure label="Expected value" value={money(summary.totalValue)} />}
          </dl>
        )}

        {kpis.length > 0 && (
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
                {kpis.map((kpi) => (
                  <tr key={kpi.id}>
                    <td>{clip(kpi.name)}</td>
                    <td>{kpiTarget(kpi, roadmap.currency, options.includeCosts, kpi.unit)}</td>
                    <td>{kpi.timeframe || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <MoreRows count={phase.kpis.length - kpis.length} what="KPIs" appendix={options.includeAppendix} />
          </>
        )}

        <h3>Communications</h3>
        {shown.indices.length === 0 ? (
          <p className="muted">No communications planned in this phase.</p>
        ) : (
          <table className="report-table report-communications">
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
                {money && (
                  <th scope="col" className="is-number">
                    Cost
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {shown.indices.map((c) => {
                const communication = roadmap.communications[c];
                const schedule = plan.communications[c];
                if (!communication) return null;
                return (
                  <tr key={communication.id}>
                    <td>{clip(communication.name)}</td>
                    <td>{PURPOSE_LABELS[communication.purpose]}</td>
                    <td>{clip(channels.get(communication.channelId) ?? "—")}</td>
                    <td>{clip(owners.get(communication.ownerId) ?? "—")}</td>
                    <td>{clip(describeTiming(communication.timing, plan.calendar.months))}</td>
                    <td>{clip(describeAudience(communication.audience, audienceNames))}</td>
                    <td className="is-number">{formatCount(schedule?.sends ?? 0)}</td>
                    <td className="is-number">{formatCount(schedule?.totalReach ?? 0)}</td>
                    {money && <td className="is-number">{money(schedule?.totalCost ?? 0)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <MoreRows count={shown.more} what="communications in this phase" appendix={options.includeAppendix} />
      </section>
    );
  });
  return pagePerPhase ? pages : <div className="report-page">{pages}</div>;
}

/** A short list; `more` is the length of the whole list when `items` is its first part. */
function Facts({ title, items, more = items.length }: { title: string; items: readonly string[]; more?: number }) {
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
        {more > items.length && <li className="muted">and {formatCount(more - items.length)} more</li>}
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
