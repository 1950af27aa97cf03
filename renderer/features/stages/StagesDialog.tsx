import { useState } from "react";
import { createId, type LifecycleStage, LifecycleStageSchema, replaceStages } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";

/** Rename, recolour, reorder, add and remove the roadmap's lifecycle stages; applied as one undo step. */
export function StagesDialog() {
  const store = useAppStoreApi();
  const roadmap = useAppState((state) => state.document);
  const [stages, setStages] = useState<LifecycleStage[]>(() => roadmap?.stages ?? []);
  if (!roadmap) return null;
  const close = () => store.getState().closeDialog();
  const used = (id: string) => roadmap.phases.filter((p) => p.stageId === id).length;
  const problems = stages.map((stage) => {
    const checked = LifecycleStageSchema.safeParse(stage);
    return checked.success ? null : `${checked.error.issues[0]?.path.join(".")} ${checked.error.issues[0]?.message}`;
  });
  const removed = roadmap.stages.filter((s) => !stages.some((t) => t.id === s.id));
  const movedPhases = removed.reduce((sum, s) => sum + used(s.id), 0);
  const update = (index: number, patch: Partial<LifecycleStage>) =>
    setStages(stages.map((stage, i) => (i === index ? { ...stage, ...patch } : stage)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...stages];
    const [stage] = next.splice(index, 1);
    if (stage) next.splice(index + by, 0, stage);
    setStages(next);
  };
  const apply = () => {
    const fallback = stages[0];
    if (!fallback || problems.some(Boolean)) return;
    store.getState().edit((r) => replaceStages(r, stages, fallback.id));
    close();
  };

  return (
    <Dialog
      title="Lifecycle stages"
      wide
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={stages.length === 0 || problems.some(Boolean)}
            onClick={apply}
          >
            Apply
          </button>
        </>
      }
    >
      <p className="muted">
        The order here is the order of the lifecycle: auto-arrange lays phases out left to right by it.
      </p>
      <ol className="stage-editor">
        {stages.map((stage, index) => (
          <li key={stage.id}>
            <input
              type="color"
              aria-label={`Colour of ${stage.name}`}
              value={stage.color}
              onChange={(event) => update(index, { color: event.target.value })}
            />
            <input
              aria-label={`Name of stage ${index + 1}`}
              aria-invalid={problems[index] !== null}
              value={stage.name}
              maxLength={200}
              onChange={(event) => update(index, { name: event.target.value })}
            />
            <span className="muted stage-use">{used(stage.id)} phases</span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${stage.name} earlier`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${stage.name} later`}
              disabled={index === stages.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${stage.name}`}
              disabled={stages.length === 1}
              onClick={() => setStages(stages.filter((_, i) => i !== index))}
            >
              ×
            </button>
            {problems[index] && (
              <p className="field-problem" role="alert">
                Stage {problems[index]}
              </p>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          setStages([
            ...stages,
            { id: createId(), name: "New stage", kind: "custom", color: "#607d8b", description: "" },
          ])
        }
      >
        Add stage
      </button>
      {movedPhases > 0 && stages[0] && (
        <p className="field-hint" role="status">
          {movedPhases} phase{movedPhases === 1 ? "" : "s"} of removed stages will move to “{stages[0].name}”.
        </p>
      )}
    </Dialog>
  );
}
