import { useState } from "react";
import type { Roadmap } from "../../../shared/model";
import { RESPONDENT_COLUMNS, type RespondentColumnTarget } from "../../../shared/survey/responseColumns";
import { restoreBuiltInQuestionnaire } from "../../../shared/survey/surveyEdits";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { CommandButton } from "../../app/CommandButton";
import { plural } from "../../ui/format";
import { QuestionnaireEditor } from "./QuestionnaireEditor";
import { SurveyDialog } from "./SurveyDialog";
import { SurveySection } from "./SurveySection";
import { WaveList } from "./WaveList";
import "./survey.css";

/** What the Survey tab asks before a change that takes something away. */
export type SurveyQuestion =
  | { kind: "removeDimension"; dimensionId: string }
  | { kind: "restoreBuiltIn" }
  | { kind: "removeWave"; waveId: string };

/**
 * The relationship survey of the open roadmap: the questionnaire the
 * consultant runs with the client's customers, and the waves of answers
 * imported from it. Every change here is one undo step.
 */
export function SurveyView({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const [question, setQuestion] = useState<SurveyQuestion | null>(null);
  const { survey } = roadmap;
  const empty = survey.dimensions.length === 0 && survey.items.length === 0;
  const reversed = survey.items.filter((item) => item.reversed).length;

  return (
    <div className="plan-view survey-view">
      <header className="survey-head">
        <div>
          <h1>Relationship survey</h1>
          <p className="survey-summary">
            {empty
              ? "No questionnaire yet."
              : `${plural(survey.items.length, "statement")} in ${plural(survey.dimensions.length, "dimension")}, ${reversed} reversed · ${plural(survey.waves.length, "wave")} of answers`}
          </p>
        </div>
        <div className="survey-actions">
          <CommandButton id="import.surveyAnswers" className="button button-primary">
            Import answers…
          </CommandButton>
          <button
            type="button"
            className="button"
            disabled={empty}
            title={
              empty ? "Sample answers answer a questionnaire: start one first" : "Fictional answers for this roadmap"
            }
            onClick={() => void store.getState().trySampleAnswers()}
          >
            Try sample answers
          </button>
        </div>
      </header>

      {empty ? (
        <section className="plan-section survey-section survey-start" aria-label="Questionnaire">
          <h2>Start from the built-in questionnaire</h2>
          <p>
            Twenty agreement statements in six dimensions — trust, satisfaction, commitment, perceived value, relevance
            of communications and ease of doing business — five of them reverse-worded, on a 1–5 scale. Edit them to
            suit the client afterwards.
          </p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => store.getState().edit(restoreBuiltInQuestionnaire)}
          >
            Use the built-in questionnaire
          </button>
        </section>
      ) : (
        <QuestionnaireEditor roadmap={roadmap} onAsk={setQuestion} />
      )}

      <SurveySection
        title="Also asked"
        lead="Every respondent answers these besides the statements; they are not edited."
      >
        <dl className="survey-extra">
          {EXTRA_QUESTIONS.map(({ target, answer }) => (
            <div key={target}>
              <dt>{respondentColumn(target)?.question}</dt>
              <dd>
                {answer(roadmap)} <span className="muted">Column “{respondentColumn(target)?.header}”.</span>
              </dd>
            </div>
          ))}
        </dl>
      </SurveySection>

      <SurveySection
        title="Waves"
        lead="Each import of answers is a wave, dated; importing a file with the date of a wave replaces it."
      >
        <WaveList roadmap={roadmap} onAsk={setQuestion} />
      </SurveySection>

      {question && <SurveyDialog roadmap={roadmap} question={question} onClose={() => setQuestion(null)} />}
    </div>
  );
}

const respondentColumn = (target: RespondentColumnTarget) => RESPONDENT_COLUMNS.find((c) => c.target === target);

/** A list of names as a sentence lists them: "A, B or C". */
function either(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** How each question the questionnaire always asks is answered, in this roadmap's words. */
const EXTRA_QUESTIONS: {
  target: RespondentColumnTarget;
  answer: (roadmap: Roadmap) => string;
}[] = [
  {
    target: "phase",
    answer: (r) => `One of the roadmap's phases: ${either(r.phases.map((p) => p.name))}.`,
  },
  {
    target: "segment",
    answer: (r) => `One of the segments: ${either(r.segments.map((s) => s.name))}.`,
  },
  {
    target: "recommend",
    answer: () => "0 (not at all likely) to 10 (extremely likely).",
  },
  {
    target: "preferredChannels",
    answer: (r) => `Any of the channels: ${r.channels.map((c) => c.name).join(", ") || "none yet"}.`,
  },
  {
    target: "preferredContactsPerMonth",
    answer: () => "A number of contacts a month, such as 2.",
  },
];
