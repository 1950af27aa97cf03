import { useState } from "react";
import type { Communication, Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { formatCount } from "../../ui/format";
import { useMoneyFormat } from "../../ui/money";
import { PlanGate } from "./PlanGate";
import type { PlanSummary } from "./planService";

type GroupBy = "phase" | "owner";
type Scale = "month" | "quarter";

/**
 * The planning horizon as columns, a row per communication, grouped by phase
 * or owner: a mark in each month (or quarter) it sends, with reach and cost.
 */
export function CalendarView({ roadmap }: { roadmap: Roadmap }) {
  return <PlanGate>{(plan) => <Calendar roadmap={roadmap} plan={plan} />}</PlanGate>;
}

function Calendar({ roadmap, plan }: { roadmap: Roadmap; plan: PlanSummary }) {
  const store = useAppStoreApi();
  const selectedId = useAppState((state) => state.selectedCommunicationId);
  const [groupBy, setGroupBy] = useState<GroupBy>("phase");
  const [scale, setScale] = useState<Scale>("month");
  const periods = scale === "month" ? plan.calendar.months : plan.calendar.quarters;
  const schedules = new Map(plan.communications.map((s) => [s.communicationId, s]));
  const groups =
    groupBy === "phase"
      ? roadmap.phases.map((p) => ({
          id: p.id,
          name: p.name,
          items: roadmap.communications.filter((c) => c.phaseId === p.id),
        }))
      : roadmap.owners.map((o) => ({
          id: o.id,
          name: o.name,
          items: roadmap.communications.filter((c) => c.ownerId === o.id),
        }));
  const money = useMoneyFormat(roadmap.currency);

  const cell = (communication: Communication, first: number, count: number) => {
    const schedule = schedules.get(communication.id);
    let sends = 0;
    let reach = 0;
    let cost = 0;
    for (let t = first; t < first + count; t++) {
      if (schedule?.fires[t]) {
        sends++;
        reach += schedule.reach[t] ?? 0;
        cost += schedule.cost[t] ?? 0;
      }
    }
    return { sends, reach, cost };
  };

  return (
    <div className="plan-view">
      <section className="plan-section" aria-labelledby="calendar-title">
        <div className="section-head">
          <h2 id="calendar-title">Communication calendar</h2>
          <div className="toolbar">
            <label className="inline-field">
              group by
              <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
                <option value="phase">Phase</option>
                <option value="owner">Owner</option>
              </select>
            </label>
            <label className="inline-field">
              show
              <select value={scale} onChange={(e) => setScale(e.target.value as Scale)}>
                <option value="month">Months</option>
                <option value="quarter">Quarters</option>
              </select>
            </label>
          </div>
        </div>
        <div className="table-scroll calendar-scroll">
          <table className="calendar">
            <thead>
              <tr>
                <th scope="col">Communication</th>
                {periods.map((period) => (
                  <th key={period.label} scope="col">
                    {scale === "month" ? period.label.slice(2) : period.label}
                  </th>
                ))}
              </tr>
            </thead>
            {groups
              .filter((group) => group.items.length > 0)
              .map((group) => (
                <tbody key={group.id}>
                  <tr className="calendar-group">
                    <th scope="rowgroup" colSpan={periods.length + 1}>
                      {group.name}
                    </th>
                  </tr>
                  {group.items.map((communication) => (
                    <tr
                      key={communication.id}
                      aria-label={`Calendar row ${communication.name}`}
                      className={communication.id === selectedId ? "is-selected" : undefined}
                    >
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => store.getState().selectCommunication(communication.id)}
                        >
                          {communication.name}
                        </button>
                      </th>
                      {periods.map((period) => {
                        const { sends, reach, cost } = cell(communication, period.firstMonth, period.monthCount);
                        return (
                          <td key={period.label} className={sends > 0 ? "calendar-cell is-sent" : "calendar-cell"}>
                            {sends > 0 && (
                              <span
                                className="calendar-mark"
                                role="img"
                                title={`${period.label}: ${sends > 1 ? `${sends} sends, ` : ""}${formatCount(reach)} contacts${money ? `, ${money(cost)}` : ""}`}
                                aria-label={`${communication.name} sends in ${period.label}`}
                              >
                                {sends > 1 ? sends : ""}
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              ))}
          </table>
        </div>
      </section>
    </div>
  );
}
