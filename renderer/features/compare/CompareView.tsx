import { useId, useState } from "react";
import type { ScenarioComparison } from "../../../shared/engine/scenarioComparison";
import {
  COMPARED_BREAKDOWNS,
  type ComparedFigure,
  comparedBreakdown,
  comparedSegments,
  comparedTotals,
  defaultComparedScenarios,
  hasScenariosToCompare,
  isAboutMoney,
  MAX_COMPARED_SCENARIOS,
} from "../../../shared/export/scenarioComparisonRows";
import { type Roadmap, scenarioChoices } from "../../../shared/model";
import { useAppState } from "../../app/AppStoreContext";
import { formatCount } from "../../ui/format";
import { GroupedBarChart } from "../../ui/GroupedBarChart";
import { type MoneyFormat, useMoneyFormat } from "../../ui/money";
import { ComparedFigureTable } from "./ComparedFigureTable";
import { ComparedOptimisations } from "./ComparedOptimisations";
import { ScenarioDifferences } from "./ScenarioDifferences";
import { type CompareScenarios, useScenarioComparison } from "./useScenarioComparison";

/** The Compare tab: the open document's scenarios (whichever one the editor is in), compared in the comparison worker. */
export function CompareTab() {
  const document = useAppState((state) => state.document);
  const compare = useAppState((state) => state.compareScenarios);
  const requested = useAppState((state) => state.comparedScenarioIds);
  // Keyed by the scenarios asked for, so a new request (an optimisation just written) replaces the user's picks.
  return (
    document && (
      <CompareView
        key={requested?.join(" ")}
        roadmap={document}
        compare={compare}
        initialScenarioIds={requested ?? undefined}
      />
    )
  );
}

/**
 * Two or three of the roadmap's scenarios side by side: their totals with
 * each one's difference from the first, the budget by year, stage, owner and
 * channel, each segment's figures, a chart, and what each scenario says
 * differently. Without a scenario to compare, how to make one.
 */
export function CompareView({
  roadmap,
  compare,
  initialScenarioIds,
}: {
  roadmap: Roadmap;
  compare: CompareScenarios;
  /** The scenarios to show first; the roadmap's usual choice without them. */
  initialScenarioIds?: readonly string[];
}) {
  if (!hasScenariosToCompare(roadmap)) return <NoScenarios roadmap={roadmap} />;
  return <Comparison roadmap={roadmap} compare={compare} initialScenarioIds={initialScenarioIds} />;
}

function NoScenarios({ roadmap }: { roadmap: Roadmap }) {
  return (
    <div className="plan-view compare-view">
      <section className="plan-section compare-empty" aria-labelledby="compare-empty-title">
        <h2 id="compare-empty-title">Nothing to compare yet</h2>
        <p>
          This roadmap has one plan, “{roadmap.baseScenario.name}”. A scenario is a variant of it: the same lifecycle,
          with its own choice of communications, their timing, costs and response rates, and its own transition and
          churn rates — today’s communications (“As-is”) against the proposed plan (“To-be”), or a leaner variant.
        </p>
        <p>
          Make one from the scenario switcher above the canvas (“New scenario”), then come back here to see the
          scenarios side by side.
        </p>
      </section>
    </div>
  );
}

/** What stands before each scenario picker: "Compare [Plan] with [As-is] and [To-be]". */
const PICKER_WORDS = ["Compare", "with", "and"];

function Comparison({
  roadmap,
  compare,
  initialScenarioIds,
}: {
  roadmap: Roadmap;
  compare: CompareScenarios;
  initialScenarioIds: readonly string[] | undefined;
}) {
  const money = useMoneyFormat(roadmap.currency);
  const choices = scenarioChoices(roadmap);
  const [picked, setPicked] = useState<readonly string[]>(
    () => initialScenarioIds ?? defaultComparedScenarios(roadmap),
  );
  // A scenario removed since it was picked drops out; fewer than two left, the comparison starts over.
  const known = picked.filter((id) => choices.some((choice) => choice.id === id));
  const scenarioIds = known.length >= 2 ? known : defaultComparedScenarios(roadmap);
  const { comparison, computing, error } = useScenarioComparison(compare, roadmap, scenarioIds);

  const pick = (slot: number, id: string) => {
    const next = [...scenarioIds];
    if (id === "") next.splice(slot, 1);
    else next[slot] = id;
    setPicked(next);
  };

  return (
    <div className="plan-view compare-view">
      <section className="plan-section compare-pickers" aria-label="Scenarios compared">
        {PICKER_WORDS.slice(0, Math.min(MAX_COMPARED_SCENARIOS, choices.length)).map((words, slot) => (
          <label key={words} className="inline-field">
            {words}
            <select
              aria-label={`Scenario ${slot + 1}`}
              value={scenarioIds[slot] ?? ""}
              onChange={(event) => pick(slot, event.target.value)}
            >
              {slot === 2 && <option value="">(none)</option>}
              {choices.map((choice) => (
                <option
                  key={choice.id}
                  value={choice.id}
                  disabled={scenarioIds.includes(choice.id) && scenarioIds[slot] !== choice.id}
                >
                  {choice.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        {computing && (
          <span role="status" className="muted compare-progress">
            Comparing scenarios…
          </span>
        )}
      </section>
      {error && (
        <p className="plan-message" role="alert">
          The scenarios could not be compared: {error}
        </p>
      )}
      {comparison && (
        <div className={computing ? "compare-figures is-stale" : "compare-figures"} aria-busy={computing}>
          <ComparisonFigures comparison={comparison} roadmap={roadmap} money={money} />
        </div>
      )}
    </div>
  );
}

function ComparisonFigures({
  comparison,
  roadmap,
  money,
}: {
  comparison: ScenarioComparison;
  roadmap: Roadmap;
  money: MoneyFormat | null;
}) {
  const shown = (figures: readonly ComparedFigure[]) => (money ? figures : figures.filter((f) => !isAboutMoney(f)));
  const names = comparison.scenarios.map((scenario) => scenario.name);
  return (
    <>
      <section className="plan-section" aria-labelledby="compare-totals-title">
        <h2 id="compare-totals-title">Totals</h2>
        <ComparedFigureTable
          className="data-table"
          label="Totals"
          heading=""
          names={names}
          rows={shown(comparedTotals(comparison))}
          money={money}
        />
      </section>
      <ComparedOptimisations comparison={comparison} roadmap={roadmap} />
      <ComparisonChart comparison={comparison} money={money} />
      {money &&
        COMPARED_BREAKDOWNS.map(({ key, title, heading }) => (
          <section key={key} className="plan-section" aria-labelledby={`compare-${key}-title`}>
            <h2 id={`compare-${key}-title`}>{title}</h2>
            <ComparedFigureTable
              className="data-table"
              label={title}
              heading={heading}
              names={names}
              rows={comparedBreakdown(comparison, key).map((row) => row.cost)}
              money={money}
            />
          </section>
        ))}
      <section className="plan-section" aria-labelledby="compare-segments-title">
        <h2 id="compare-segments-title">By segment</h2>
        {comparedSegments(comparison).map((segment) => (
          <ComparedFigureTable
            className="data-table"
            key={segment.segmentId}
            label={`Segment ${segment.name}`}
            heading={segment.name}
            names={names}
            rows={shown(segment.figures)}
            money={money}
          />
        ))}
      </section>
      <ScenarioDifferences comparison={comparison} roadmap={roadmap} />
    </>
  );
}

/**
 * Budget and expected value of each scenario by year, or without costs the
 * customers each keeps by segment; the table beside it has the same figures.
 */
function ComparisonChart({ comparison, money }: { comparison: ScenarioComparison; money: MoneyFormat | null }) {
  const tableId = useId();
  const names = comparison.scenarios.map((scenario) => scenario.name);
  const chart = money
    ? {
        title: "Budget by year",
        rows: comparedBreakdown(comparison, "byYear").map((row) => row.cost),
        format: (value: number) => money(value),
        axis: money.short,
      }
    : {
        title: "Customers kept by segment",
        rows: comparedSegments(comparison).flatMap((segment) =>
          segment.figures
            .filter((figure) => figure.key === "customersKept")
            .map((figure) => ({ ...figure, label: segment.name })),
        ),
        format: formatCount,
        axis: formatCount,
      };
  return (
    <section className="plan-section" aria-labelledby="compare-chart-title">
      <h2 id="compare-chart-title">{chart.title}, scenario by scenario</h2>
      <GroupedBarChart
        title={`${chart.title}: ${names.join(", ")}`}
        groups={chart.rows.map((row) => row.label)}
        series={names.map((name, i) => ({
          key: comparison.scenarios[i]?.scenarioId ?? name,
          label: name,
          values: chart.rows.map((row) => row.values[i] ?? 0),
        }))}
        formatValue={chart.format}
        formatAxis={chart.axis}
        tableId={tableId}
      />
      <details className="compare-chart-table">
        <summary>The chart’s figures as a table</summary>
        <ComparedFigureTable
          className="data-table"
          id={tableId}
          label={`${chart.title} (chart figures)`}
          heading=""
          names={names}
          rows={chart.rows}
          money={money}
        />
      </details>
    </section>
  );
}
