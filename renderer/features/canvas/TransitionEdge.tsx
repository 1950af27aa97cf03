import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from "@xyflow/react";
import { Fragment, type KeyboardEvent, memo, useRef, useState } from "react";
import { type Box, type Point, routePath } from "../../../shared/layout/transitionGeometry";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { formatTypedPercent } from "../../ui/format";
import { useNumberLocale } from "../../ui/numberLocale";
import { showNumber } from "../inspector/numberInput";
import { NoteBadge } from "../notes/NoteBadge";
import type { TransitionFlowEdge } from "./canvasModel";
import { useZoomedOut } from "./levelOfDetail";
import { RATE_RULES, setRateFromText } from "./rateEdit";
import { renderProbe } from "./renderProbe";

/** How far React Flow's handle points may stand from the route's ends (the handles stick out of the phase) before the route is stale. */
const HANDLE_SLACK = { x: 8, y: 1.5 };

/**
 * A transition: an arrow labelled with its monthly rate and trigger, along the
 * route `routeTransitions` found for the whole roadmap, so its label keeps
 * clear of phases and other labels as it does in the exported diagram. A loop
 * back is drawn in the "back" style because of what it means. While a phase
 * is being dragged, the arrows on it follow with a plain route until it lands.
 * Double-clicking the label edits the rate in place.
 */
export const TransitionEdge = memo(function TransitionEdge(props: EdgeProps<TransitionFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, data, selected, markerEnd } = props;
  const zoomedOut = useZoomedOut();
  const store = useAppStoreApi();
  const [editing, setEditingState] = useState(false);
  // The rate being typed is the selected transition's, so the inspector shows what it becomes.
  const setEditing = (on: boolean) => {
    if (on) store.getState().select({ phaseIds: [], transitionIds: [id] });
    setEditingState(on);
  };
  renderProbe.onRender?.("transition", id);
  const route = data?.route;
  const start = route?.points[0];
  const end = route?.points[route.points.length - 1];
  const current =
    route &&
    start &&
    end &&
    Math.abs(start.x - sourceX) <= HANDLE_SLACK.x &&
    Math.abs(end.x - targetX) <= HANDLE_SLACK.x &&
    Math.abs(start.y - sourceY) <= HANDLE_SLACK.y &&
    Math.abs(end.y - targetY) <= HANDLE_SLACK.y;
  const points = current ? route.points : plainRoute({ x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  const labelBox: Box | null = current ? route.label.box : null;
  const middle = points[Math.floor(points.length / 2)] ?? { x: sourceX, y: sourceY };
  const loop = data?.loop ?? false;
  return (
    <>
      <BaseEdge
        id={id}
        path={routePath(points)}
        markerEnd={markerEnd}
        className={loop ? "transition-path is-loop" : "transition-path"}
        interactionWidth={16}
      />
      {!zoomedOut && data && (
        <EdgeLabelRenderer>
          <div
            className={`transition-label nodrag nopan${selected ? " is-selected" : ""}${loop ? " is-loop" : ""}`}
            data-transition-id={id}
            style={
              labelBox
                ? {
                    transform: `translate(${labelBox.x}px, ${labelBox.y}px)`,
                    width: labelBox.width,
                    height: editing ? "auto" : labelBox.height,
                  }
                : { transform: `translate(-50%, -50%) translate(${middle.x}px, ${middle.y}px)` }
            }
          >
            {editing ? (
              <RateInput transitionId={id} rate={data.rate} onDone={() => setEditing(false)} />
            ) : (
              <button
                type="button"
                className="transition-rate"
                title="Double-click to change the rate"
                onDoubleClick={(event) => {
                  event.stopPropagation();
                  setEditing(true);
                }}
                onKeyDown={(event) => {
                  if (event.key !== "Enter" && event.key !== "F2") return;
                  event.preventDefault();
                  event.stopPropagation();
                  setEditing(true);
                }}
              >
                {route?.label.rate ?? `${formatTypedPercent(data.rate)}/mo`}
              </button>
            )}
            {(route?.label.triggerLines ?? (data.trigger ? [data.trigger] : [])).map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one trigger, in order; two can read the same.
              <Fragment key={index}>
                {/* A space between lines, so the trigger reads (and is found) as the words it is. */}{" "}
                <span>{line}</span>
              </Fragment>
            ))}
            <NoteBadge anchor={{ kind: "transition", transitionId: id }} elementId={id} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/** The rate typed in place: Enter or leaving the field takes it, Esc keeps the rate as it was. */
function RateInput({ transitionId, rate, onDone }: { transitionId: string; rate: number; onDone: () => void }) {
  const store = useAppStoreApi();
  const locale = useNumberLocale();
  const [text, setText] = useState(() => showNumber(rate, RATE_RULES, locale));
  // Enter closes the field, and a field that closes loses the focus: the rate is taken once.
  const finished = useRef(false);
  const finish = (commit: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (commit) setRateFromText(store.getState(), transitionId, text, locale);
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === "Enter") finish(true);
    else if (event.key === "Escape") finish(false);
  };
  return (
    <input
      className="transition-rate-input"
      aria-label="Monthly rate"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      // biome-ignore lint/a11y/noAutofocus: the user double-clicked the rate to type a new one.
      autoFocus
      value={text}
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}

/** A route while a phase is dragged: out of the source, one turn halfway, into the target. */
function plainRoute(start: Point, end: Point): Point[] {
  const middle = (start.x + end.x) / 2;
  return [start, { x: middle, y: start.y }, { x: middle, y: end.y }, end];
}
