import { useId, useState } from "react";
import { communicationsOnlyIn } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { CancelOrConfirm, Dialog } from "../../ui/Dialog";
import { plural } from "../../ui/format";
import { createScenario, deleteShownScenario, renameShownScenario, shownScenarioName } from "./scenarioActions";

const TITLES = {
  new: "New scenario",
  duplicate: "Duplicate scenario",
  rename: "Rename scenario",
  delete: "Delete scenario",
} as const;

/**
 * Names a scenario (new: a copy of the base plan; duplicate: a copy of the
 * one shown; rename: the one shown), or confirms deleting the one shown. A
 * refused name is said in the dialog, which stays open to correct it.
 */
export function ScenarioDialog({ action }: { action: keyof typeof TITLES }) {
  const store = useAppStoreApi();
  const shownName = useAppState(shownScenarioName);
  const [name, setName] = useState(() =>
    action === "rename" ? shownName : action === "duplicate" ? `${shownName} (copy)` : "",
  );
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const problemId = useId();
  const close = () => store.getState().closeDialog();

  if (action === "delete") {
    const state = store.getState();
    const own = state.document ? communicationsOnlyIn(state.document, state.activeScenarioId).length : 0;
    return (
      <Dialog
        title={TITLES.delete}
        role="alertdialog"
        onClose={close}
        footer={
          <CancelOrConfirm
            onCancel={close}
            confirmLabel="Delete scenario"
            destructive
            onConfirm={() => {
              close();
              deleteShownScenario(store.getState());
            }}
          />
        }
      >
        <p>
          Delete the scenario “{shownName}”? Its own values go with it
          {own > 0 ? `, and so do the ${plural(own, "communication")} no other scenario has` : ""}. Undo brings it back.
        </p>
      </Dialog>
    );
  }

  const confirm = () => {
    const state = store.getState();
    const refusal =
      action === "rename" ? renameShownScenario(state, name) : createScenario(state, name, action === "duplicate");
    if (refusal === null) close();
    else setProblem(refusal);
  };

  return (
    <Dialog
      title={TITLES[action]}
      onClose={close}
      footer={
        <CancelOrConfirm
          onCancel={close}
          confirmLabel={action === "rename" ? "Rename" : "Create"}
          onConfirm={confirm}
        />
      }
    >
      {action !== "rename" && (
        <p className="muted">
          {action === "new"
            ? "It starts as a copy of the base plan. What you change in it stays in it."
            : `It starts as a copy of “${shownName}”.`}
        </p>
      )}
      <div className="field">
        <label htmlFor={inputId}>Name</label>
        <input
          id={inputId}
          value={name}
          maxLength={200}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              confirm();
            }
          }}
        />
        {problem && (
          <p id={problemId} className="field-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
