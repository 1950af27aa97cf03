import { useState } from "react";
import type { Roadmap } from "../../../shared/model";
import {
  type DimensionItemsPolicy,
  itemsOfDimension,
  removeDimension,
  removeWave,
  restoreBuiltInQuestionnaire,
} from "../../../shared/survey/surveyEdits";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { CancelOrConfirm, Dialog } from "../../ui/Dialog";
import { plural } from "../../ui/format";
import { HandOverChoice } from "../../ui/HandOverChoice";
import type { SurveyQuestion } from "./SurveyView";

/** Asks before a survey change that takes something away; the change, once confirmed, is one undo step. */
export function SurveyDialog({
  roadmap,
  question,
  onClose,
}: {
  roadmap: Roadmap;
  question: SurveyQuestion;
  onClose: () => void;
}) {
  switch (question.kind) {
    case "removeDimension":
      return <RemoveDimension roadmap={roadmap} dimensionId={question.dimensionId} onClose={onClose} />;
    case "removeWave":
      return <RemoveWave roadmap={roadmap} waveId={question.waveId} onClose={onClose} />;
    case "restoreBuiltIn":
      return <RestoreBuiltIn onClose={onClose} />;
  }
}

function useConfirm(onClose: () => void) {
  const store = useAppStoreApi();
  return (change: (r: Roadmap) => Roadmap) => {
    onClose();
    store.getState().edit(change);
  };
}

function RemoveDimension({
  roadmap,
  dimensionId,
  onClose,
}: {
  roadmap: Roadmap;
  dimensionId: string;
  onClose: () => void;
}) {
  const confirm = useConfirm(onClose);
  const { survey } = roadmap;
  const others = survey.dimensions.filter((d) => d.id !== dimensionId);
  const [choice, setChoice] = useState<DimensionItemsPolicy["kind"]>(others.length > 0 ? "move" : "remove");
  const [target, setTarget] = useState(others[0]?.id ?? "");
  const dimension = survey.dimensions.find((d) => d.id === dimensionId);
  if (!dimension) return null;
  const items = itemsOfDimension(survey, dimensionId).length;
  const policy: DimensionItemsPolicy = choice === "move" && target ? { kind: "move", to: target } : { kind: "remove" };
  return (
    <Dialog
      title={`Remove dimension “${dimension.name}”`}
      role="alertdialog"
      onClose={onClose}
      footer={
        <CancelOrConfirm
          onCancel={onClose}
          confirmLabel="Remove"
          destructive
          onConfirm={() => confirm((r) => removeDimension(r, dimensionId, policy))}
        />
      }
    >
      {items === 0 ? (
        <p>It has no statements.</p>
      ) : (
        <fieldset className="field choice-list">
          <legend>Its {plural(items, "statement")}:</legend>
          <HandOverChoice
            group="dimension-items"
            chosen={choice === "move"}
            onChoose={() => setChoice("move")}
            label="Move to"
            selectLabel="Dimension to move them to"
            options={others}
            target={target}
            onTarget={setTarget}
            disabled={others.length === 0}
          />
          <label className="choice-option">
            <input
              type="radio"
              name="dimension-items"
              checked={choice === "remove"}
              onChange={() => setChoice("remove")}
            />
            Remove them too
          </label>
          <p className="field-hint">Answers to removed statements stay in the waves and count again if you undo.</p>
        </fieldset>
      )}
    </Dialog>
  );
}

function RemoveWave({ roadmap, waveId, onClose }: { roadmap: Roadmap; waveId: string; onClose: () => void }) {
  const confirm = useConfirm(onClose);
  const wave = roadmap.survey.waves.find((w) => w.id === waveId);
  if (!wave) return null;
  return (
    <Dialog
      title={`Remove wave “${wave.name}”`}
      role="alertdialog"
      onClose={onClose}
      footer={
        <CancelOrConfirm
          onCancel={onClose}
          confirmLabel="Remove wave"
          destructive
          onConfirm={() => confirm((r) => removeWave(r, waveId))}
        />
      }
    >
      <p>
        The answers of its {plural(wave.respondents.length, "respondent")} (from {wave.source || "the file imported"},
        dated {wave.date}) leave the roadmap. Undo brings them back.
      </p>
    </Dialog>
  );
}

function RestoreBuiltIn({ onClose }: { onClose: () => void }) {
  const confirm = useConfirm(onClose);
  return (
    <Dialog
      title="Reset to the built-in questionnaire"
      role="alertdialog"
      onClose={onClose}
      footer={
        <CancelOrConfirm
          onCancel={onClose}
          confirmLabel="Reset questionnaire"
          destructive
          onConfirm={() => confirm(restoreBuiltInQuestionnaire)}
        />
      }
    >
      <p>
        The dimensions, statements and scale go back to the built-in ones; your changes to them are replaced. The waves
        keep every answer: answers to statements no longer asked stay in the waves. Undo brings your questionnaire back.
      </p>
    </Dialog>
  );
}
