import {
  type Roadmap,
  SURVEY_SCALES,
  type SurveyDimension,
  SurveyDimensionSchema,
  SurveyItemSchema,
} from "../../../shared/model";
import {
  addDimension,
  addItem,
  dimensionShares,
  isBuiltInQuestionnaire,
  itemsOfDimension,
  MAX_DIMENSION_WEIGHT,
  moveItem,
  removeItem,
  renameDimension,
  scaleLabel,
  setDimensionWeight,
  setMinimumRespondents,
  setSurveyScale,
  updateItem,
  wavesOnOtherScale,
} from "../../../shared/survey/surveyEdits";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { plural } from "../../ui/format";
import { useNumberLocale } from "../../ui/numberLocale";
import { NumberField, SelectField, TextField } from "../inspector/fields";
import { SurveySection } from "./SurveySection";
import type { SurveyQuestion } from "./SurveyView";

const SCALE_OPTIONS = SURVEY_SCALES.map((scale) => ({ value: scale, label: `${scaleLabel(scale)} agreement` }));

/** A name or statement within the file format's rule, or why not, as a sentence naming the field. */
const textRule =
  (label: string, schema: typeof SurveyItemSchema.shape.text | typeof SurveyDimensionSchema.shape.name) =>
  (value: string): string | null => {
    const checked = schema.safeParse(value);
    return checked.success ? null : `${label} ${checked.error.issues[0]?.message ?? "is not valid"}.`;
  };

const statementRule = textRule("The statement", SurveyItemSchema.shape.text);
const dimensionNameRule = textRule("The dimension's name", SurveyDimensionSchema.shape.name);

/** The questionnaire: its scale and minimum, its dimensions and their weights, and its items by dimension. */
export function QuestionnaireEditor({
  roadmap,
  onAsk,
}: {
  roadmap: Roadmap;
  onAsk: (question: SurveyQuestion) => void;
}) {
  const store = useAppStoreApi();
  const edit = (change: (r: Roadmap) => Roadmap) => store.getState().edit(change);
  const { survey } = roadmap;
  const otherScale = wavesOnOtherScale(survey);

  return (
    <>
      <SurveySection
        title="Questionnaire"
        lead="The statements respondents rate, in dimensions that together make the Relationship Strength Index."
        action={<QuestionnaireFiles />}
      >
        <div className="survey-settings">
          <div className="survey-setting">
            <SelectField
              label="Scale"
              value={survey.scale}
              options={SCALE_OPTIONS}
              onCommit={(scale) => edit((r) => setSurveyScale(r, scale))}
            />
            {otherScale.length > 0 ? (
              <p className="survey-note" role="status">
                {otherScale.length === 1 ? "The wave" : "The waves"} {otherScale.map((w) => `“${w.name}”`).join(", ")}{" "}
                {otherScale.length === 1 ? "was" : "were"} answered on{" "}
                {[...new Set(otherScale.map((w) => scaleLabel(w.scale)))].join(" and ")}: those answers keep their scale
                and still count, so nothing is lost. New imports are read on {scaleLabel(survey.scale)}.
              </p>
            ) : (
              <p className="field-hint">How strongly respondents agree with each statement.</p>
            )}
          </div>
          <div className="survey-setting">
            <NumberField
              label="Minimum respondents per cell"
              integer
              min={1}
              max={1000}
              value={survey.minimumRespondents}
              onCommit={(n) => n !== null && edit((r) => setMinimumRespondents(r, n))}
              hint="A phase and segment with fewer answers shows “too few answers” instead of an RSI."
            />
          </div>
        </div>
      </SurveySection>

      <SurveySection
        title="Dimensions"
        lead="Weights are relative: a dimension's share of the RSI is its weight over the sum of all weights."
        action={
          <button type="button" className="button button-small" onClick={() => edit((r) => addDimension(r).roadmap)}>
            Add dimension
          </button>
        }
      >
        <DimensionList roadmap={roadmap} onAsk={onAsk} />
      </SurveySection>

      <SurveySection
        title="Statements"
        lead="Respondents rate how much they agree. A reversed statement is worded against the relationship (“I am often disappointed”), so agreeing lowers the RSI."
        action={
          !isBuiltInQuestionnaire(survey) && (
            <button type="button" className="button button-small" onClick={() => onAsk({ kind: "restoreBuiltIn" })}>
              Reset to built-in…
            </button>
          )
        }
      >
        {survey.dimensions.length === 0 ? (
          <p className="muted">Add a dimension first: every statement belongs to one.</p>
        ) : (
          survey.dimensions.map((dimension) => <ItemGroup key={dimension.id} roadmap={roadmap} dimension={dimension} />)
        )}
      </SurveySection>
    </>
  );
}

/** The files that take the questionnaire to another survey tool; exceljs loads on the first export. */
function QuestionnaireFiles() {
  const store = useAppStoreApi();
  const exporting = useAppState((state) => state.exportingSurveyFile);
  return (
    <div className="survey-section-actions">
      <button
        type="button"
        className="button button-small"
        disabled={exporting !== null}
        onClick={() => void store.getState().exportSurveyFile("questionnaire")}
      >
        Export questionnaire (XLSX)
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={exporting !== null}
        onClick={() => void store.getState().exportSurveyFile("blankAnswers")}
      >
        Blank answers file (CSV)
      </button>
    </div>
  );
}

function DimensionList({ roadmap, onAsk }: { roadmap: Roadmap; onAsk: (question: SurveyQuestion) => void }) {
  const store = useAppStoreApi();
  const locale = useNumberLocale();
  const edit = (change: (r: Roadmap) => Roadmap) => store.getState().edit(change);
  const { survey } = roadmap;
  const shares = dimensionShares(survey);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  if (survey.dimensions.length === 0) return <p className="muted">No dimensions yet.</p>;
  return (
    <div className="survey-dimensions">
      {/* The columns' names, once; each row's fields keep their own labels for screen readers. */}
      <div className="survey-dimension survey-dimension-head" aria-hidden="true">
        <span>Name</span>
        <span>Weight</span>
        <span>Share of the RSI</span>
      </div>
      {survey.dimensions.map((dimension) => {
        const share = shares.get(dimension.id) ?? null;
        const items = itemsOfDimension(survey, dimension.id).length;
        return (
          <article key={dimension.id} className="survey-dimension" aria-label={`Dimension ${dimension.name}`}>
            <TextField
              label="Name"
              value={dimension.name}
              maxLength={200}
              validate={dimensionNameRule}
              onCommit={(name) => edit((r) => renameDimension(r, dimension.id, name))}
            />
            <NumberField
              label="Weight"
              min={0}
              max={MAX_DIMENSION_WEIGHT}
              value={dimension.weight}
              onCommit={(weight) => weight !== null && edit((r) => setDimensionWeight(r, dimension.id, weight))}
            />
            <div className="survey-share">
              <span className="survey-share-bar" aria-hidden="true">
                <span style={{ width: `${(share ?? 0) * 100}%` }} />
              </span>
              <output className="survey-share-value" aria-label={`Share of ${dimension.name} in the RSI`}>
                {share === null ? "—" : percent.format(share)}
              </output>
            </div>
            <span className="muted survey-count">{plural(items, "statement")}</span>
            <button
              type="button"
              className="button button-small button-danger"
              aria-label={`Remove dimension ${dimension.name}`}
              onClick={() => onAsk({ kind: "removeDimension", dimensionId: dimension.id })}
            >
              Remove
            </button>
          </article>
        );
      })}
    </div>
  );
}

function ItemGroup({ roadmap, dimension }: { roadmap: Roadmap; dimension: SurveyDimension }) {
  const store = useAppStoreApi();
  const edit = (change: (r: Roadmap) => Roadmap) => store.getState().edit(change);
  const { survey } = roadmap;
  const items = itemsOfDimension(survey, dimension.id);
  const dimensionOptions = survey.dimensions.map((d) => ({ value: d.id, label: d.name }));
  const removeStatement = (itemId: string) => {
    edit((r) => removeItem(r, itemId));
    const removed = store.getState().document;
    store.getState().notify({
      tone: "info",
      message: `Removed the statement ${itemId}. Answers to this item stay in the waves and count again if you undo.`,
      // Only while nothing else has changed since: a later Undo would take back another edit.
      action: {
        label: "Undo",
        run: () => {
          if (store.getState().document === removed) store.getState().undo();
        },
      },
    });
  };
  return (
    <section className="survey-item-group" aria-label={`Statements of ${dimension.name}`}>
      <div className="survey-item-group-head">
        <h3>{dimension.name}</h3>
        <span className="muted">{plural(items.length, "statement")}</span>
      </div>
      {items.length === 0 ? (
        <p className="muted survey-empty-group">No statements in this dimension yet.</p>
      ) : (
        <ol className="survey-items">
          {items.map((item, i) => (
            <li key={item.id} className="survey-item" aria-label={`Statement ${item.id}`}>
              <code className="survey-item-id">{item.id}</code>
              <div className="survey-item-text">
                <TextField
                  label="Statement"
                  value={item.text}
                  maxLength={200}
                  validate={statementRule}
                  onCommit={(text) => edit((r) => updateItem(r, item.id, { text }))}
                />
              </div>
              <div className="survey-item-dimension">
                <SelectField
                  label="Dimension"
                  value={item.dimensionId}
                  options={dimensionOptions}
                  onCommit={(dimensionId) => edit((r) => updateItem(r, item.id, { dimensionId }))}
                />
              </div>
              <label className="survey-item-reversed">
                <input
                  type="checkbox"
                  checked={item.reversed}
                  onChange={(event) => {
                    const reversed = event.target.checked;
                    edit((r) => updateItem(r, item.id, { reversed }));
                  }}
                />
                Reversed
              </label>
              <div className="survey-item-actions">
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`Move ${item.id} up`}
                  title="Move up"
                  disabled={i === 0}
                  onClick={() => edit((r) => moveItem(r, item.id, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`Move ${item.id} down`}
                  title="Move down"
                  disabled={i === items.length - 1}
                  onClick={() => edit((r) => moveItem(r, item.id, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button-small button-quiet button-danger"
                  aria-label={`Remove statement ${item.id}`}
                  title="Answers to this item stay in the waves and count again if you undo"
                  onClick={() => removeStatement(item.id)}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button button-small survey-add-item"
        onClick={() => edit((r) => addItem(r, dimension.id).roadmap)}
      >
        Add statement to {dimension.name}
      </button>
    </section>
  );
}
