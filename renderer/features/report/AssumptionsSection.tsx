import { planCountingRules } from "../../../shared/export/planRules";
import { clipText } from "../../../shared/export/reportLayout";
import {
  arrivalsPerMonth,
  CHANNEL_KIND_LABELS,
  customersAtStart,
  namesById,
  segmentCustomersAtStart,
  segmentCustomersByPhase,
} from "../../../shared/model";
import { formatCount, formatTypedPercent } from "../../ui/format";
import { moneyFormat } from "../../ui/money";
import type { SectionProps } from "./ExecutiveReport";
import { MoreRows } from "./MoreRows";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** Everything the numbers rest on, so a reader can check them or argue with them. */
export function AssumptionsSection({ roadmap, plan, options, layout }: SectionProps) {
  const money = moneyFormat(roadmap.currency, options.includeCosts);
  const phases = namesById(roadmap.phases);
  const clip = (text: string) => clipText(text, layout.limits.nameChars);
  const more = (count: number, what: string) => (
    <MoreRows count={count} what={what} appendix={options.includeAppendix} />
  );
  const pick = <T,>(items: readonly T[], indices: readonly number[]) => indices.flatMap((i) => items[i] ?? []);
  const segmentIndex = new Map(roadmap.segments.map((segment, i) => [segment.id, i]));
  // The layout ranks the plan's segments; the table lists the roadmap's, in that order.
  const segmentsShown = pick(plan.customers.bySegment, layout.segments.indices).flatMap(
    ({ segmentId }) => roadmap.segments[segmentIndex.get(segmentId) ?? -1] ?? [],
  );
  return (
    <section className="report-page report-assumptions">
      <ReportSectionTitle>Assumptions</ReportSectionTitle>
      <dl className="report-figures">
        <div>
          <dt>Plan</dt>
          <dd>
            {roadmap.horizonMonths} months from {roadmap.startMonth}
          </dd>
        </div>
        <div>
          <dt>Currency</dt>
          <dd>{roadmap.currency}</dd>
        </div>
        <div>
          <dt>Discount rate</dt>
          <dd>{formatTypedPercent(roadmap.annualDiscountRate)} a year</dd>
        </div>
        <div>
          <dt>Contact cap</dt>
          <dd>{roadmap.contactCap} a month</dd>
        </div>
      </dl>

      <h3>Segments</h3>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col" className="is-number">
              Customers at start
            </th>
            <th scope="col">Where they are at the start</th>
            {money && (
              <th scope="col" className="is-number">
                Yearly value of a customer
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {segmentsShown.map((segment) => (
            <tr key={segment.id}>
              <td>{clip(segment.name)}</td>
              <td className="is-number">{formatCount(segmentCustomersAtStart(roadmap, segment.id))}</td>
              <td>
                {clipText(
                  segmentCustomersByPhase(roadmap, segment.id)
                    .map(({ phaseId, customers }) => `${phases.get(phaseId)} ${formatCount(customers)}`)
                    .join(", "),
                  layout.limits.nameChars * 3,
                ) || "—"}
              </td>
              {money && <td className="is-number">{money.typed(segment.annualValue)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {more(roadmap.segments.length - segmentsShown.length, "segments")}

      <h3>Phases</h3>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col" className="is-number">
              Customers at start
            </th>
            <th scope="col" className="is-number">
              Arriving a month
            </th>
            <th scope="col" className="is-number">
              Churn a month
            </th>
          </tr>
        </thead>
        <tbody>
          {pick(roadmap.phases, layout.phases.indices).map((phase) => (
            <tr key={phase.id}>
              <td>{clip(phase.name)}</td>
              <td className="is-number">{formatCount(customersAtStart(phase))}</td>
              <td className="is-number">{formatCount(arrivalsPerMonth(phase))}</td>
              <td className="is-number">{formatTypedPercent(phase.churnRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more(layout.phases.more, "phases")}

      <h3>Transitions</h3>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col" className="is-number">
              Rate a month
            </th>
            <th scope="col">Trigger</th>
          </tr>
        </thead>
        <tbody>
          {pick(roadmap.transitions, layout.transitions.indices).map((transition) => (
            <tr key={transition.id}>
              <td>{clip(phases.get(transition.from) ?? "")}</td>
              <td>{clip(phases.get(transition.to) ?? "")}</td>
              <td className="is-number">
                {formatTypedPercent(transition.rate)}
                {Object.keys(transition.rateBySegment).length > 0 ? " (varies by segment)" : ""}
              </td>
              <td>{clip(transition.trigger) || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more(layout.transitions.more, "transitions")}

      <h3>Channels</h3>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Kind</th>
            {money && (
              <>
                <th scope="col" className="is-number">
                  Fixed cost a send
                </th>
                <th scope="col" className="is-number">
                  Cost per contact
                </th>
              </>
            )}
            <th scope="col" className="is-number">
              Most sends a month
            </th>
          </tr>
        </thead>
        <tbody>
          {pick(roadmap.channels, layout.channels.indices).map((channel) => (
            <tr key={channel.id}>
              <td>{clip(channel.name)}</td>
              <td>{CHANNEL_KIND_LABELS[channel.kind]}</td>
              {money && (
                <>
                  <td className="is-number">{money.typed(channel.fixedCost)}</td>
                  <td className="is-number">{money.typed(channel.costPerContact)}</td>
                </>
              )}
              <td className="is-number">{channel.contactCap ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more(layout.channels.more, "channels")}

      <h3>How the plan counts</h3>
      <ul className="report-rules">
        {planCountingRules(roadmap, options.includeCosts).map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>

      {roadmap.notes && (
        <>
          <h3>Notes</h3>
          <p className="report-notes">{clipText(roadmap.notes, layout.limits.textChars)}</p>
        </>
      )}
    </section>
  );
}
