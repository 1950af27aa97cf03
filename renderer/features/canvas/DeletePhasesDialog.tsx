import { useId, useState } from "react";
import { communicationsOnPhases, namesById, transitionsDeletedWith } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { CancelOrConfirm, Dialog } from "../../ui/Dialog";
import { formatPercent, plural } from "../../ui/format";
import { HandOverChoice } from "../../ui/HandOverChoice";
import { useViewedRoadmap } from "../editor/viewedRoadmap";
import { deletePhasesResolved } from "./canvasActions";

/**
 * Phases about to be deleted carry transitions or communications: the
 * transitions that go with them are listed, and their communications are
 * deleted too or moved to a phase that stays. One undo brings all of it back.
 */
export function DeletePhasesDialog({ phaseIds, transitionIds }: { phaseIds: string[]; transitionIds: string[] }) {
  const store = useAppStoreApi();
  const roadmap = useViewedRoadmap();
  const remaining = roadmap?.phases.filter((p) => !phaseIds.includes(p.id)) ?? [];
  const [choice, setChoice] = useState<"delete" | "move">("delete");
  const [target, setTarget] = useState(remaining[0]?.id ?? "");
  const listId = useId();
  if (!roadmap) return null;
  const count = communicationsOnPhases(roadmap, phaseIds).length;
  const transitions = transitionsDeletedWith(roadmap, { phaseIds, transitionIds });
  const phaseNames = namesById(roadmap.phases);
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
      footer={<CancelOrConfirm onCancel={close} confirmLabel="Delete" onConfirm={confirm} destructive />}
    >
      {transitions.length > 0 && (
        <>
          <p id={listId}>
            {plural(transitions.length, "transition")} {transitions.length === 1 ? "goes" : "go"} with{" "}
            {names.join(", ")}:
          </p>
          <ul className="deleted-transitions" aria-labelledby={listId}>
            {transitions.map((t) => (
              <li key={t.id}>
                “{phaseNames.get(t.from)}” → “{phaseNames.get(t.to)}”{" "}
                <span className="muted">
                  {formatPercent(t.rate)} a month{t.trigger ? ` · ${t.trigger}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {count > 0 && (
        <>
          <p>
            {names.join(", ")} {phaseIds.length === 1 ? "has" : "have"} {count} communication{count === 1 ? "" : "s"}.
            What should happen to {count === 1 ? "it" : "them"}?
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
        </>
      )}
      <p className="muted">Undo brings back everything deleted here.</p>
    </Dialog>
  );
}
