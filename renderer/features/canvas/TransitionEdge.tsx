import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from "@xyflow/react";
import { memo } from "react";
import { formatTypedPercent } from "../../ui/format";
import { NoteBadge } from "../notes/NoteBadge";
import type { TransitionFlowEdge } from "./canvasModel";
import { useZoomedOut } from "./levelOfDetail";
import { renderProbe } from "./renderProbe";

/**
 * A transition: an arrow labelled with its monthly rate and trigger. An
 * arrow that runs backwards (a win-back loop) bows below the phases so it
 * does not cross them.
 */
export const TransitionEdge = memo(function TransitionEdge(props: EdgeProps<TransitionFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const zoomedOut = useZoomedOut();
  renderProbe.onRender?.("transition", id);
  const backwards = targetX < sourceX;
  const [path, labelX, labelY] = backwards
    ? loopPath(sourceX, sourceY, targetX, targetY)
    : getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const rate = data ? `${formatTypedPercent(data.rate)}/mo${data.hasSegmentRates ? "*" : ""}` : "";
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={backwards ? "transition-path is-loop" : "transition-path"}
        interactionWidth={16}
      />
      {!zoomedOut && (
        <EdgeLabelRenderer>
          <div
            className={`transition-label nodrag nopan${selected ? " is-selected" : ""}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            <strong>{rate}</strong>
            {data?.trigger && <span>{data.trigger}</span>}
            <NoteBadge anchor={{ kind: "transition", transitionId: id }} elementId={id} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/** A curve that leaves right, dips under both phases and comes back in from the left. */
function loopPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const dip = Math.max(sy, ty) + 90 + Math.min(160, Math.abs(sx - tx) * 0.08);
  const path = `M ${sx} ${sy} C ${sx + 80} ${sy}, ${sx + 80} ${dip}, ${sx} ${dip} L ${tx} ${dip} C ${tx - 80} ${dip}, ${tx - 80} ${ty}, ${tx} ${ty}`;
  return [path, (sx + tx) / 2, dip];
}
