import { useState } from "react";
import type { Roadmap } from "../../../shared/model";
import { useAppState } from "../../app/AppStoreContext";
import { InspectorResizer } from "./InspectorResizer";
import { MultiSelectionInspector } from "./MultiSelectionInspector";
import { PhaseInspector } from "./PhaseInspector";
import { RoadmapSettings } from "./RoadmapSettings";
import { TransitionInspector } from "./TransitionInspector";

/**
 * The panel beside the canvas: everything about what is selected, or about the
 * roadmap when nothing is. Its width is the user's, dragged on its left edge.
 */
export function Inspector({ roadmap }: { roadmap: Roadmap }) {
  const selection = useAppState((state) => state.selection);
  const storedWidth = useAppState((state) => state.preferences.inspectorWidth);
  const [dragWidth, setDragWidth] = useState<number | null>(null);
  const width = dragWidth ?? storedWidth;
  const count = selection.phaseIds.length + selection.transitionIds.length;
  const phase = count === 1 ? roadmap.phases.find((p) => p.id === selection.phaseIds[0]) : undefined;
  const transition = count === 1 ? roadmap.transitions.find((t) => t.id === selection.transitionIds[0]) : undefined;
  return (
    <>
      <InspectorResizer width={width} onPreview={setDragWidth} />
      <aside className="inspector" aria-label="Inspector" style={{ width }}>
        {phase ? (
          <PhaseInspector key={phase.id} roadmap={roadmap} phase={phase} />
        ) : transition ? (
          <TransitionInspector key={transition.id} roadmap={roadmap} transition={transition} />
        ) : count > 1 ? (
          <MultiSelectionInspector
            phaseCount={selection.phaseIds.length}
            transitionCount={selection.transitionIds.length}
          />
        ) : (
          <RoadmapSettings roadmap={roadmap} />
        )}
      </aside>
    </>
  );
}
