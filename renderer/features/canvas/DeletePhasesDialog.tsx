import { useState } from "react";
import { communicationsOnPhases } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";
import { HandOverChoice } from "../../ui/HandOverChoice";
import { deletePhasesResolved } from "./canvasActions";

/** Phases about to be deleted carry communications: delete those too, or move them to a phase that stays. */
export function DeletePhasesDialog({ phaseIds, transitionIds }: { phaseIds: string[]; transitionIds: string[] }) {
  const store = useAppStoreApi();
  const roadmap = useAppState((state) => state.document);
  const remaining = roadmap?.phases.filter((p) => !phaseIds.includes(p.id)) ?? [];
  const [choice, setChoice] = useState<"delete" | "move">("delete");
  const [target, setTarget] = useState(remaining[0]?.id ?? "");
  if (!roadmap) return null;
  const count = communicationsOnPhases(roadmap, phaseIds).length;
  const names = roadmap.phases.filter((p) => phaseIds.includes(p.id)).map((p) => `“${p.name}”`);
  const close = () => store.getState().closeDialog();
  const confirm = () =>
    deletePhasesResolved(
      store.getState(),
      phaseIds,
      transitionIds,
      choice === "move" && target ? { kind: "moveTo", phaseId: target } : { kind: "delete" },
    );

  return (
    <Dialog
      title={phaseIds.length === 1 ? "Delete phase" : `Delete ${phaseIds.length} phases`}
      role="alertdialog"
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="button button-danger" onClick={confirm}>
            Delete
          </button>
        </>
      }
    >
      <p>
        {names.join(", ")} {phaseIds.length === 1 ? "has" : "have"} {count} communication{count === 1 ? "" : "s"}. What
        should happen to {count === 1 ? "it" : "them"}?
      </p>
      <fieldset className="field choice-list">
        <legend className="visually-hidden">Communications of the deleted phases</legend>
        <label className="choice-option">
          <input type="radio" name="orphans" checked={choice === "delete"} onChange={() => setChoice("delete")} />
          Delete {count === 1 ? "it" : "them"} with the phase
        </label>
        <HandOverChoice
          group="orphans"
          chosen={choice === "move"}
          disabled={remaining.length === 0}
          onChoose={() => setChoice("move")}
          label={`Move ${count === 1 ? "it" : "them"} to`}
          selectLabel="Phase to move the communications to"
          options={remaining}
          target={target}
          onTarget={setTarget}
        />
      </fieldset>
    </Dialog>
  );
}
