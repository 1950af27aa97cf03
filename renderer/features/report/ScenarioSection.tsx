import { useMemo } from "react";
import { compareScenarios, type ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import { clipText } from "../../../shared/export/reportLayout";
import {
  type ComparedFigure,
  comparedBreakdown,
  comparedSegments,
  comparedTotals,
  defaultComparedScenarios,
  isAboutMoney,
} from "../../../shared/export/scenarioComparisonRows";
import { describeDifference } from "../../../shared/model/differenceText";
import { formatCount, plural } from "../../ui/format";
import { GroupedBarChart } from "../../ui/GroupedBarChart";
import { moneyFormat } from "../../ui/money";
import { ComparedFigureTable } from "../compare/ComparedFigureTable";
import type { SectionProps } from "./ExecutiveReport";
import { ReportSectionTitle } from "./ReportSectionTitle";

/** Segments the report compares: a portrait page holds this many blocks of figures. */
export const REPORT_SEGMENTS = 4;
/** Differences listed for each scenario against the base; the Compare view lists them all. */
export const REPORT_DIFFERENCES = 8;

/**
 * The base plan against the roadmap's other scenarios (up to three in all),
 * on two pages: the totals with each one's difference from the base, the
 * budget by year as a chart and a table; then each segment's figures and the
 * main things each scenario does differently. Printed only for a roadmap with
 * a scenario besides its base plan.
 */
export function ScenarioSection(props: SectionProps) {
  const { roadmap } = props;
  const comparison = useMemo(() => compareScenarios(roadmap, defaultComparedScenarios(roadmap)), [roadmap]);
  return <ScenarioPages {...props} comparison={comparison} />;
}

/** The section's pages for a comparison worked out already. */
export function ScenarioPages({
  roadmap,
  options,
  layout,
  comparison,
}: Pick<SectionProps, "roadmap" | "options" | "layout"> & { comparison: ScenarioComparison }) {
  const money = moneyFormat(roadmap.currency, options.includeCosts);
  const clip = (text: string) => clipText(text, layout.limits.nameChars);
  const names = comparison.scenarios.map((scenario) => clip(scenario.name));
  const [base, ...others] = names;
  const shown = (figures: readonly ComparedFigure[]) => (money ? figures : figures.filter((f) => !isAboutMoney(f)));
  // A segment's cost is left to the Compare view and the workbook: its value and ROI say what executives ask.
  const segmentFigures = (figures: readonly ComparedFigure[]) => shown(figures.filter((f) => f.key !== "cost"));
  const years = comparedBreakdown(comparison, "byYear");
  const segments = comparedSegments(comparison);
  const shownSegments = segments.slice(0, REPORT_SEGMENTS);
  const scenarioNames = new Map(comparison.scenarios.map((scenario, i) => [scenario.scenarioId, names[i] ?? ""]));
  return (
    <>
      <section className="report-page report-scenarios">
        <ReportSectionTitle>Scenario comparison</ReportSectionTitle>
        <p>
          “{base}” against {others.map((name) => `“${name}”`).join(" and ")}, each planned over the same{" "}
          {roadmap.horizonMonths} months; beside each figure of a scenario, how it differs from “{base}”.
        </p>
        <ComparedFigureTable
          className="report-table is-numeric report-scenario-table"
          label="Scenario totals"
          heading=""
          names={names}
          rows={shown(comparedTotals(comparison))}
          money={money}
        />
        {money ? (
          <>
            <h3>Budget by year</h3>
            <GroupedBarChart
              className="report-scenario-chart"
              title={`Budget by year: ${names.join(", ")}`}
              groups={years.map((row) => row.label)}
              series={names.map((name, i) => ({
                key: comparison.scenarios[i]?.scenarioId ?? name,
                label: name,
                values: years.map((row) => row.cost.values[i] ?? 0),
              }))}
              formatValue={money}
              formatAxis={money.short}
            />
            <ComparedFigureTable
              className="report-table is-numeric report-scenario-table"
              label="Budget by year"
              heading="Year"
              names={names}
              rows={years.map((row) => row.cost)}
              money={money}
            />
          </>
        ) : (
          <p className="muted">Costs are left out of this report, and with them the budget of each scenario.</p>
        )}
      </section>
      <section className="report-page report-scenarios-detail">
        <ReportSectionTitle>Scenarios by segment</ReportSectionTitle>
        {shownSegments.map((segment) => (
          <ComparedFigureTable
            className="report-table is-numeric report-scenario-table"
            key={segment.segmentId}
            label={`Segment ${segment.name}`}
            heading={clip(segment.name)}
            names={names}
            rows={segmentFigures(segment.figures)}
            money={money}
          />
        ))}
        {segments.length > shownSegments.length && (
          <p className="report-more">
            The app's Compare view shows every segment ({formatCount(segments.length - shownSegments.length)} more).
          </p>
        )}
        <h3>Main differences</h3>
        {comparison.differences.map(({ from, to, changes }) => (
          <div key={`${from}>${to}`} className="report-scenario-differences">
            <p>
              <strong>
                “{scenarioNames.get(to)}” against “{scenarioNames.get(from)}”
              </strong>
              : {changes.length === 0 ? "the same plan" : plural(changes.length, "difference")}.
            </p>
            {changes.length > 0 && (
              <ul className="report-alerts">
                {changes.slice(0, REPORT_DIFFERENCES).map((change) => (
                  <li key={`${change.collection}:${change.id}:${change.field}:${change.kind}`}>
                    {clipText(describeDifference(change, roadmap, { money }), layout.limits.textChars)}
                  </li>
                ))}
              </ul>
            )}
            {changes.length > REPORT_DIFFERENCES && (
              <p className="report-more">
                And {formatCount(changes.length - REPORT_DIFFERENCES)} more: the app's Compare view lists them all.
              </p>
            )}
          </div>
        ))}
      </section>
    </>
  );
}
