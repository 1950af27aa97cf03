import { useMemo, useState } from "react";
import type { Roadmap } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { plural } from "../../ui/format";
import { DimensionBars } from "./DimensionBars";
import { RsiCurveChart } from "./RsiCurveChart";
import { type GridPosition, RsiGrid } from "./RsiGrid";
import { describeFigure } from "./rsiFormat";
import { rsiTable } from "./rsiTable";
import { useRsi, type WaveRsi } from "./useRsi";
import "./rsi.css";

/**
 * The RSI tab: the Relationship Strength Index of a survey wave by phase and
 * segment, the dimensions of the chosen cell, and the RSI along the lifecycle
 * as a chart. Without survey answers, what the RSI is and where to import them.
 */
export function RsiView({ roadmap }: { roadmap: Roadmap }) {
  const shown = useRsi();
  return (
    <div className="plan-view rsi-view">
      {shown ? <WaveView roadmap={roadmap} shown={shown} /> : <NoAnswers roadmap={roadmap} />}
    </div>
  );
}

function WaveView({ roadmap, shown }: { roadmap: Roadmap; shown: WaveRsi }) {
  const store = useAppStoreApi();
  const { wave, result } = shown;
  const table = useMemo(() => rsiTable(roadmap, result), [roadmap, result]);
  // Opened with a phase selected (on the canvas, say), the grid starts on that phase.
  const [picked, setPicked] = useState<GridPosition | null>(() => {
    const phaseId = store.getState().selection.phaseIds[0];
    return phaseId ? { phaseId, columnKey: "all" } : null;
  });
  const columnKeys = table.columns.map((column) => column.key);
  const rowIds = table.stages.flatMap((stage) => stage.phases.map((phase) => phase.id));
  // Otherwise the first phase with an RSI, so the dimensions have something to show.
  const firstRow = rowIds.find((id) => result.phases.some((cell) => cell.phaseId === id && cell.rsi !== null));
  // The pick survives a change of wave when its phase and column are still there.
  const selected: GridPosition =
    picked && rowIds.includes(picked.phaseId) && columnKeys.includes(picked.columnKey)
      ? picked
      : { phaseId: firstRow ?? rowIds[0] ?? "", columnKey: "all" };
  const column = table.columns.find((c) => c.key === selected.columnKey);
  const phaseName = roadmap.phases.find((phase) => phase.id === selected.phaseId)?.name ?? "";
  const waves = [...roadmap.survey.waves].sort((a, b) => b.date.localeCompare(a.date));
  const minimum = roadmap.survey.minimumRespondents;

  const answeredPhases = rowIds.filter((id) => result.phases.some((cell) => cell.phaseId === id));
  const names = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  const curves = table.columns.map((c) => ({
    key: c.key,
    label: c.label,
    color: c.color,
    band: c.all,
    figures: answeredPhases.map((phaseId) => table.cell(phaseId, c)),
  }));

  return (
    <>
      <div className="section-head rsi-head">
        <h2>Relationship Strength Index</h2>
        <label className="inline-field">
          Survey wave
          <select value={wave.id} onChange={(event) => store.getState().showRsiWave(event.target.value)}>
            {waves.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} — {w.date}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted rsi-summary">
        {plural(result.overall.n, "respondent")} counted: {describeFigure(result.overall, minimum)}.
        {result.excluded > 0 &&
          ` ${plural(result.excluded, "respondent")} left out for answering fewer than half the items.`}{" "}
        Cells with fewer than {minimum} respondents show “too few”. RSI runs from 0 (weak) to 100 (strong); each figure
        is a mean with its 95 % interval.
      </p>
      <div className="rsi-grid-area">
        <section className="plan-section" aria-labelledby="rsi-grid-title">
          <h2 id="rsi-grid-title">By phase and segment</h2>
          <RsiGrid
            table={table}
            minimum={minimum}
            selected={selected}
            onSelect={(position) => {
              setPicked(position);
              // The inspector follows, with the phase's breakdown and the change since the previous wave.
              store.getState().select({ phaseIds: [position.phaseId], transitionIds: [] });
            }}
          />
        </section>
        <section className="plan-section rsi-dimensions-panel" aria-labelledby="rsi-dimensions-title">
          <h2 id="rsi-dimensions-title">
            Dimensions: {phaseName}
            {column && !column.all ? ` · ${column.label}` : ""}
          </h2>
          {column && table.cell(selected.phaseId, column) ? (
            <DimensionBars
              label={`Dimension scores of ${phaseName}`}
              dimensions={roadmap.survey.dimensions}
              scores={table.dimensions(selected.phaseId, column)}
            />
          ) : (
            <p className="muted">No respondent of this wave is in this phase{column?.all ? "" : " and segment"}.</p>
          )}
        </section>
      </div>
      <section className="plan-section" aria-labelledby="rsi-curve-title">
        <h2 id="rsi-curve-title">The RSI along the lifecycle</h2>
        {answeredPhases.length > 0 ? (
          <RsiCurveChart
            title={`RSI along the lifecycle, by segment, survey ${wave.name} of ${wave.date}`}
            phases={answeredPhases.map((id) => names.get(id) ?? id)}
            curves={curves}
          />
        ) : (
          <p className="muted">No respondent of this wave is in a phase of the roadmap.</p>
        )}
      </section>
    </>
  );
}

function NoAnswers({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const { items, dimensions, scale } = roadmap.survey;
  return (
    <div className="empty-state rsi-empty">
      <h2>No survey answers yet</h2>
      <p>
        The Relationship Strength Index (RSI) shows how strong customers’ relationship with the company is in each phase
        of the lifecycle, from 0 (weak) to 100 (strong), per segment and along the lifecycle. It is computed from a
        relationship survey
        {items.length > 0 &&
          `: ${plural(items.length, "statement")} in ${plural(dimensions.length, "dimension")} answered on a ${scale} scale`}
        .
      </p>
      <p>Export the questionnaire from the Survey tab, run it in any survey tool, then import the answers there.</p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => store.getState().showView("survey")}>
          Go to the Survey tab
        </button>
      </div>
    </div>
  );
}
