import type { Roadmap, SurveyWave } from "../../../shared/model";
import { redateWave, renameWave, scaleLabel } from "../../../shared/survey/surveyEdits";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { formatCount, formatDateTime } from "../../ui/format";
import { TextField } from "../inspector/fields";
import type { SurveyQuestion } from "./SurveyView";

const importedDay = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** Why a wave cannot take this date, or null: each wave is a date of its own. */
function dateProblem(roadmap: Roadmap, wave: SurveyWave, date: string): string | null {
  const result = redateWave(roadmap, wave.id, date.trim());
  return result.ok ? null : result.error;
}

/** The waves of answers imported, newest first: each can be renamed, re-dated or removed. */
export function WaveList({ roadmap, onAsk }: { roadmap: Roadmap; onAsk: (question: SurveyQuestion) => void }) {
  const store = useAppStoreApi();
  const waves = [...roadmap.survey.waves].sort((a, b) => b.date.localeCompare(a.date));
  if (waves.length === 0) {
    return (
      <p className="survey-empty">
        No answers yet. Export the questionnaire, run it in any survey tool, then import the answers file — or try
        sample answers to see the RSI in a minute.
      </p>
    );
  }
  return (
    <table className="survey-waves">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Name</th>
          <th scope="col">Source file</th>
          <th scope="col" className="numeric">
            Respondents
          </th>
          <th scope="col" className="numeric">
            Excluded
          </th>
          <th scope="col">Imported</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {waves.map((wave) => (
          <tr key={wave.id} aria-label={`Wave ${wave.name}`}>
            <td className="survey-wave-date">
              <TextField
                label={`Date of ${wave.name}`}
                value={wave.date}
                maxLength={10}
                validate={(date) => dateProblem(roadmap, wave, date)}
                onCommit={(date) =>
                  store.getState().edit((r) => {
                    const result = redateWave(r, wave.id, date.trim());
                    return result.ok ? result.value : r;
                  })
                }
              />
            </td>
            <td className="survey-wave-name">
              <TextField
                label={`Name of ${wave.name}`}
                value={wave.name}
                maxLength={200}
                validate={(name) => (name.trim() === "" ? "A wave needs a name." : null)}
                onCommit={(name) => store.getState().edit((r) => renameWave(r, wave.id, name))}
              />
            </td>
            <td className="survey-wave-source">
              {wave.source || <span className="muted">—</span>}
              {wave.scale !== roadmap.survey.scale && (
                <span className="survey-scale-tag">answered on {scaleLabel(wave.scale)}</span>
              )}
            </td>
            <td className="numeric">{formatCount(wave.respondents.length)}</td>
            <td className="numeric" title="Left out for answering fewer than half of the statements">
              {formatCount(wave.excluded)}
            </td>
            <td className="survey-wave-imported" title={formatDateTime(wave.importedAt)}>
              {importedDay.format(new Date(wave.importedAt))}
            </td>
            <td>
              <button
                type="button"
                className="button button-small button-danger"
                aria-label={`Remove wave ${wave.name}`}
                onClick={() => onAsk({ kind: "removeWave", waveId: wave.id })}
              >
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
