import type { Roadmap } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { addPhaseAt } from "./canvasActions";
import { STAGE_DRAG_TYPE } from "./dragTypes";

/** The lifecycle stages as chips: drag one onto the canvas (or press it) to add a phase of that stage. */
export function StagePalette({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  return (
    <div className="stage-palette" role="toolbar" aria-label="Add a phase of a stage">
      {roadmap.stages.map((stage) => (
        <button
          key={stage.id}
          type="button"
          className="stage-chip"
          draggable
          style={{ "--stage-color": stage.color } as React.CSSProperties}
          title={`Drag onto the canvas, or press, to add a phase to the stage “${stage.name}”`}
          aria-label={`Add phase: ${stage.name}`}
          onDragStart={(event) => {
            event.dataTransfer.setData(STAGE_DRAG_TYPE, stage.id);
            event.dataTransfer.effectAllowed = "copy";
          }}
          onClick={() => addPhaseAt(store.getState(), undefined, stage.id)}
        >
          <span className="stage-dot" style={{ background: stage.color }} />
          {stage.name}
        </button>
      ))}
    </div>
  );
}
