import type { Alignment } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { align, deleteSelection, distribute, duplicateSelection } from "../canvas/canvasActions";

const ALIGNMENTS: { alignment: Alignment; label: string }[] = [
  { alignment: "left", label: "Align left edges" },
  { alignment: "centerX", label: "Align centres vertically" },
  { alignment: "right", label: "Align right edges" },
  { alignment: "top", label: "Align top edges" },
  { alignment: "middle", label: "Align middles horizontally" },
  { alignment: "bottom", label: "Align bottom edges" },
];

export function MultiSelectionInspector({
  phaseCount,
  transitionCount,
}: {
  phaseCount: number;
  transitionCount: number;
}) {
  const store = useAppStoreApi();
  return (
    <div className="inspector-body">
      <h2 className="inspector-title">
        {phaseCount} phase{phaseCount === 1 ? "" : "s"}
        {transitionCount > 0 && `, ${transitionCount} transition${transitionCount === 1 ? "" : "s"}`} selected
      </h2>
      {phaseCount >= 2 && (
        <>
          <h3 className="inspector-section">Align</h3>
          <div className="button-grid">
            {ALIGNMENTS.map(({ alignment, label }) => (
              <button
                key={alignment}
                type="button"
                className="button"
                onClick={() => align(store.getState(), alignment)}
              >
                {label}
              </button>
            ))}
          </div>
        </>
      )}
      {phaseCount >= 3 && (
        <>
          <h3 className="inspector-section">Distribute</h3>
          <div className="button-grid">
            <button type="button" className="button" onClick={() => distribute(store.getState(), "horizontal")}>
              Space evenly across
            </button>
            <button type="button" className="button" onClick={() => distribute(store.getState(), "vertical")}>
              Space evenly down
            </button>
          </div>
        </>
      )}
      <h3 className="inspector-section">Selection</h3>
      <div className="button-grid">
        {phaseCount > 0 && (
          <button type="button" className="button" onClick={() => duplicateSelection(store.getState())}>
            Duplicate
          </button>
        )}
        <button type="button" className="button button-danger" onClick={() => deleteSelection(store.getState())}>
          Delete
        </button>
      </div>
    </div>
  );
}
