import { namesById, type Phase, type Roadmap, updatePhase } from "../../../shared/model";
import type { RsiCell } from "../../../shared/survey/rsi";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { plural } from "../../ui/format";
import { DimensionBars } from "./DimensionBars";
import { formatInterval, formatRsi, formatRsiChange, formatRsiPrecise } from "./rsiFormat";
import { usePreviousRsi, type WaveRsi } from "./useRsi";
import "./rsi.css";

/**
 * A phase's relationship strength from the survey wave shown: its RSI with
 * n and the 95 % interval, each dimension's score, each segment's RSI, and
 * the change since the wave before. Shown instead of the hand-typed RSI while
 * the roadmap has survey answers.
 */
export function PhaseRsiSection({ roadmap, phase, shown }: { roadmap: Roadmap; phase: Phase; shown: WaveRsi }) {
  const store = useAppStoreApi();
  const previous = usePreviousRsi();
  const { wave, result } = shown;
  const figure = result.phases.find((cell) => cell.phaseId === phase.id);
  const minimum = roadmap.survey.minimumRespondents;
  const typed = phase.relationshipStrength;
  return (
    <section className="rsi-phase" aria-label="Relationship strength">
      <h3 className="inspector-section">Relationship strength</h3>
      <p className="muted rsi-phase-source">
        From the survey “{wave.name}” of {wave.date}.{" "}
        <button type="button" className="link-button" onClick={() => store.getState().showView("rsi")}>
          All phases in the RSI tab
        </button>
      </p>
      {!figure ? (
        <p className="muted">No respondent of this survey is in this phase.</p>
      ) : figure.rsi === null ? (
        <p className="rsi-too-few">
          Too few answers: {plural(figure.n, "respondent")}, at least {minimum} needed for an RSI.
        </p>
      ) : (
        <>
          <div className="rsi-headline">
            <span className="rsi-headline-value" data-testid="phase-rsi">
              {formatRsiPrecise(figure.rsi)}
            </span>
            <span className="rsi-headline-label">RSI (0–100)</span>
          </div>
          <p className="rsi-headline-detail">
            n = {figure.n}
            {formatInterval(figure) && ` · 95 % interval ${formatInterval(figure)}`}
          </p>
          <p className="rsi-change">{changeSince(figure, previous)}</p>
        </>
      )}
      {figure && (
        <>
          <h4 className="rsi-subhead">Dimensions</h4>
          <DimensionBars
            label="Dimension scores"
            dimensions={roadmap.survey.dimensions}
            scores={result.phaseDimensions.filter((score) => score.phaseId === phase.id)}
          />
          <SegmentRows roadmap={roadmap} cells={result.cells.filter((cell) => cell.phaseId === phase.id)} />
        </>
      )}
      <p className="muted rsi-typed-note">
        Computed from the survey answers; the RSI typed by hand is used only for roadmaps without a survey.
        {typed && ` This phase has one typed (${formatRsi(typed.score)}, ${plural(typed.respondents, "respondent")}).`}
      </p>
      {typed && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => store.getState().edit((r) => updatePhase(r, phase.id, { relationshipStrength: null }))}
        >
          Clear the typed RSI
        </button>
      )}
    </section>
  );
}

/** "+4.2 since 2026-03-01", or why there is nothing to compare with. */
function changeSince(figure: RsiCell, previous: WaveRsi | null): string {
  if (!previous) return "No earlier wave to compare with.";
  const before = previous.result.phases.find((cell) => cell.phaseId === figure.phaseId);
  if (figure.rsi === null || before?.rsi === null || before?.rsi === undefined) {
    return `No RSI for this phase in the wave of ${previous.wave.date} to compare with.`;
  }
  return `${formatRsiChange(figure.rsi - before.rsi)} since ${previous.wave.date} (was ${formatRsiPrecise(before.rsi)}).`;
}

/** Each segment's RSI in the phase, when the wave had a segment column. */
function SegmentRows({ roadmap, cells }: { roadmap: Roadmap; cells: readonly RsiCell[] }) {
  if (!cells.some((cell) => cell.segmentId !== null)) return null;
  const names = namesById(roadmap.segments);
  return (
    <>
      <h4 className="rsi-subhead">By segment</h4>
      <table className="data-table rsi-segment-table">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col" className="numeric">
              RSI
            </th>
            <th scope="col" className="numeric">
              n
            </th>
            <th scope="col" className="numeric">
              95 % interval
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <tr key={cell.segmentId ?? ""}>
              <th scope="row">{cell.segmentId === null ? "No segment given" : names.get(cell.segmentId)}</th>
              <td className={cell.rsi === null ? "numeric muted" : "numeric"}>
                {cell.rsi === null ? "too few" : formatRsiPrecise(cell.rsi)}
              </td>
              <td className="numeric">{cell.n}</td>
              <td className="numeric">{formatInterval(cell) ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
