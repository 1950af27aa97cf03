import { clipText, kpiRows } from "../../../shared/export/reportLayout";
import { isMoneyKpi } from "../../../shared/model/kpiUnits";
import type { Kpi } from "../../../shared/model/schema";
import { formatDecimal } from "../../ui/format";
import { COSTS_HIDDEN } from "../../ui/money";
import type { SectionProps } from "./ExecutiveReport";
import { MoreRows } from "./MoreRows";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** The value-capture plan: every phase's KPIs with their targets and timeframes, in one table. */
export function KpiSection({ roadmap, options, layout }: SectionProps) {
  const all = kpiRows(roadmap);
  const rows = layout.kpis.indices.flatMap((i) => all[i] ?? []);
  const clip = (text: string) => clipText(text, layout.limits.nameChars);
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
                <td>{clip(phase.name)}</td>
                <td>{clip(kpi.name)}</td>
                <td className="is-number">{kpiTarget(kpi, roadmap.currency, options.includeCosts)}</td>
                <td>{clip(kpi.unit)}</td>
                <td>{clip(kpi.timeframe) || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreRows count={layout.kpis.more} what="KPIs" appendix={options.includeAppendix} />
    </section>
  );
}

/** A KPI's target as the report prints it: none, the number, or, for money while costs are left out, that it is hidden. */
export function kpiTarget(kpi: Kpi, currency: string, includeCosts: boolean, unit = ""): string {
  if (kpi.target === null) return "—";
  if (!includeCosts && isMoneyKpi(kpi, currency)) return COSTS_HIDDEN;
  return `${formatDecimal(kpi.target)} ${unit}`.trim();
}
