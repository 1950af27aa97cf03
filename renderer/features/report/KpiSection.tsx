import { formatDecimal } from "../../ui/format";
import type { ReportProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** The value-capture plan: every phase's KPIs with their targets and timeframes, in one table. */
export function KpiSection({ roadmap }: ReportProps) {
  const rows = roadmap.phases.flatMap((phase) => phase.kpis.map((kpi) => ({ phase, kpi })));
  return (
    <section className="report-page report-kpis">
      <ReportSectionTitle>KPIs and targets</ReportSectionTitle>
      {rows.length === 0 ? (
        <p className="muted">No KPIs have been set yet.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">KPI</th>
              <th scope="col" className="is-number">
                Target
              </th>
              <th scope="col">Unit</th>
              <th scope="col">Timeframe</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ phase, kpi }) => (
              <tr key={kpi.id}>
                <td>{phase.name}</td>
                <td>{kpi.name}</td>
                <td className="is-number">{kpi.target === null ? "—" : formatDecimal(kpi.target)}</td>
                <td>{kpi.unit}</td>
                <td>{kpi.timeframe || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
