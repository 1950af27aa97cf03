import { useCallback, useEffect, useRef, useState } from "react";
import { truncateText, wrapText } from "../../../shared/export/svgText";
import { customersAtStart, loopTransitionIds, type Roadmap } from "../../../shared/model";
import { formatCount } from "../../ui/format";
import {
  type Box,
  boundsOf,
  CARD,
  CARD_TYPE,
  type Camera,
  fitCamera,
  focusCamera,
  isLegible,
  MIN_TEXT_PX,
  type Size,
} from "./camera";

const PADDING_X = 14;
const TEXT_WIDTH = CARD.width - 2 * PADDING_X;
const UNKNOWN_STAGE_COLOR = "#888888";

/**
 * The roadmap drawn for the room: read-only cards at their canvas places, the
 * phase on show in the middle and the others faded; with no phase on show,
 * the whole roadmap fitted to the view. Type too small to read at the camera's
 * scale is left out rather than shown small.
 */
export function PresentationDiagram({
  roadmap,
  currentPhaseId,
  walk,
}: {
  roadmap: Roadmap;
  currentPhaseId: string | null;
  /** Phase ids in walk order, for the numbers on the cards. */
  walk: readonly string[];
}) {
  const [view, ref] = useViewSize();
  const boxes = new Map(roadmap.phases.map((p) => [p.id, cardBox(p.position)]));
  const current = currentPhaseId === null ? undefined : boxes.get(currentPhaseId);
  const loops = loopTransitionIds(roadmap);
  const camera: Camera = current
    ? focusCamera(current, view)
    : fitCamera(boundsOf([...boxes.values(), ...loopSwings(roadmap, boxes, loops)]), view, 72, 1.6);
  const stages = new Map(roadmap.stages.map((s) => [s.id, s]));
  const walkNumber = new Map(walk.map((id, i) => [id, i + 1]));
  const touches = (t: Roadmap["transitions"][number]) => t.from === currentPhaseId || t.to === currentPhaseId;

  return (
    <div className="present-diagram" ref={ref}>
      {currentPhaseId === null && (
        <ul className="present-legend" aria-label="Stages">
          {roadmap.stages
            .filter((stage) => roadmap.phases.some((p) => p.stageId === stage.id))
            .map((stage) => (
              <li key={stage.id}>
                <span className="present-legend-swatch" style={{ background: stage.color }} />
                {stage.name}
              </li>
            ))}
        </ul>
      )}
      {view.width > 0 && (
        <svg width={view.width} height={view.height} role="img" aria-label="The roadmap">
          <defs>
            <marker
              id="present-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0 0 10 5 0 10z" fill="context-stroke" />
            </marker>
          </defs>
          <g transform={`translate(${camera.x} ${camera.y}) scale(${camera.scale})`}>
            {roadmap.transitions.map((t) => {
              const from = boxes.get(t.from);
              const to = boxes.get(t.to);
              if (!from || !to) return null;
              const emphasised = currentPhaseId === null || touches(t);
              const classes = ["present-edge", loops.has(t.id) && "is-loop", emphasised && "is-emphasised"];
              return (
                <path
                  key={t.id}
                  className={classes.filter(Boolean).join(" ")}
                  d={edgePath(from, to, loops.has(t.id))}
                  markerEnd="url(#present-arrow)"
                />
              );
            })}
            {roadmap.phases.map((phase) => {
              const box = boxes.get(phase.id) as Box;
              const stage = stages.get(phase.stageId);
              const isCurrent = phase.id === currentPhaseId;
              return (
                <PhaseCard
                  key={phase.id}
                  box={box}
                  name={phase.name}
                  stageName={stage?.name ?? ""}
                  color={stage?.color ?? UNKNOWN_STAGE_COLOR}
                  customers={customersAtStart(phase)}
                  number={walkNumber.get(phase.id)}
                  scale={camera.scale}
                  state={currentPhaseId === null ? "shown" : isCurrent ? "current" : "faded"}
                />
              );
            })}
          </g>
        </svg>
      )}
    </div>
  );
}

function PhaseCard({
  box,
  name,
  stageName,
  color,
  customers,
  number,
  scale,
  state,
}: {
  box: Box;
  name: string;
  stageName: string;
  color: string;
  customers: number;
  number: number | undefined;
  scale: number;
  state: "current" | "faded" | "shown";
}) {
  // The whole card where all its type reads; its name alone where only the largest type does; else a number.
  const detail = isLegible(Math.min(...Object.values(CARD_TYPE)), scale)
    ? "full"
    : isLegible(CARD_TYPE.name, scale)
      ? "name"
      : "number";
  const nameLines = wrapText(name, TEXT_WIDTH, 2, { fontSize: CARD_TYPE.name, bold: true });
  const [firstLine, secondLine] = nameLines;
  // Letter-spaced capitals run about a tenth wider than the same text set tight.
  const stageLine = truncateText(stageName.toUpperCase(), TEXT_WIDTH - 36, {
    fontSize: CARD_TYPE.stage * 1.1,
    bold: true,
  });
  // A card too small for words still shows where it comes in the walk, in a number that reads if the card is big enough.
  const numberSize = (MIN_TEXT_PX * 1.4) / scale;
  const nameTop = detail === "full" ? 62 : CARD.height / 2 + 8 - ((nameLines.length - 1) * 26) / 2;
  return (
    <g
      className={`present-card is-${state}`}
      transform={`translate(${box.x} ${box.y})`}
      data-phase-name={name}
      style={{ "--stage-color": color } as React.CSSProperties}
      aria-current={state === "current" ? "step" : undefined}
    >
      <rect className="present-card-body" width={CARD.width} height={CARD.height} rx={10} />
      <rect width={CARD.width} height={8} rx={4} fill={color} />
      {detail === "full" && number !== undefined && (
        <g transform={`translate(${CARD.width - 26} 28)`}>
          <circle r={15} fill={color} />
          <text className="present-card-badge" fontSize={CARD_TYPE.badge} textAnchor="middle" dy="0.35em">
            {number}
          </text>
        </g>
      )}
      {detail === "number" && number !== undefined && numberSize <= CARD.height * 0.6 && (
        <text
          className="present-card-number"
          x={CARD.width / 2}
          y={CARD.height / 2}
          fontSize={numberSize}
          textAnchor="middle"
          dy="0.35em"
          fill={color}
        >
          {number}
        </text>
      )}
      {detail === "full" && (
        <text className="present-card-stage" x={PADDING_X} y={34} fontSize={CARD_TYPE.stage}>
          {stageLine}
        </text>
      )}
      {detail !== "number" && (
        <text className="present-card-name" x={PADDING_X} y={nameTop} fontSize={CARD_TYPE.name}>
          {firstLine}
          {secondLine !== undefined && (
            <tspan x={PADDING_X} dy={26}>
              {secondLine}
            </tspan>
          )}
        </text>
      )}
      {detail === "full" && (
        <text className="present-card-stats" x={PADDING_X} y={CARD.height - 14} fontSize={CARD_TYPE.stats}>
          {formatCount(customers)} customers
        </text>
      )}
    </g>
  );
}

function cardBox(position: { x: number; y: number }): Box {
  return { x: position.x, y: position.y, width: CARD.width, height: CARD.height };
}

/**
 * A transition from the right side of one card to the left side of the other,
 * or straight down (or up) to a card in the same column; a loop back, or one
 * to a card further left, leaves from below its phase and comes up into the
 * other, swinging below both, so it never runs through the cards between.
 */
function edgePath(from: Box, to: Box, loop: boolean): string {
  const swing = loopSwing(from, to, loop);
  if (swing !== null) {
    const start = { x: from.x + from.width / 2, y: from.y + from.height };
    const end = { x: to.x + to.width / 2, y: to.y + to.height };
    return `M${start.x} ${start.y} C${start.x} ${swing} ${end.x} ${swing} ${end.x} ${end.y}`;
  }
  if (to.x < from.x + from.width) {
    // One above the other: from the facing edges, straight across the gap.
    const down = to.y > from.y;
    const start = { x: from.x + from.width / 2, y: down ? from.y + from.height : from.y };
    const end = { x: to.x + to.width / 2, y: down ? to.y : to.y + to.height };
    return `M${start.x} ${start.y} L${end.x} ${end.y}`;
  }
  const start = { x: from.x + from.width, y: from.y + from.height / 2 };
  const end = { x: to.x, y: to.y + to.height / 2 };
  const reach = Math.max(40, (end.x - start.x) / 2);
  return `M${start.x} ${start.y} C${start.x + reach} ${start.y} ${end.x - reach} ${end.y} ${end.x} ${end.y}`;
}

/** How far below the cards a transition that swings under them reaches with its control points; null for the others. */
function loopSwing(from: Box, to: Box, loop: boolean): number | null {
  const sameColumn = to.x < from.x + from.width && from.x < to.x + to.width;
  if (!loop && (sameColumn || to.x >= from.x)) return null;
  return Math.max(from.y + from.height, to.y + to.height) + 60 + Math.abs(to.x - from.x) / 8;
}

/** The lowest points the transitions swinging under the cards reach, for the overview to keep them in the picture. */
function loopSwings(roadmap: Roadmap, boxes: ReadonlyMap<string, Box>, loops: ReadonlySet<string>): Box[] {
  return roadmap.transitions.flatMap((t) => {
    const from = boxes.get(t.from);
    const to = boxes.get(t.to);
    const swing = from && to ? loopSwing(from, to, loops.has(t.id)) : null;
    if (!from || !to || swing === null) return [];
    // A cubic curve with both control points at the swing's depth reaches three quarters of the way down to it.
    const bottom = Math.max(from.y + from.height, to.y + to.height);
    return [{ x: from.x, y: bottom, width: 1, height: (swing - bottom) * 0.75 }];
  });
}

/** The size of the element the ref is on, kept up to date as the window (or the full screen) changes size. */
function useViewSize(): [Size, (element: HTMLDivElement | null) => void] {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const ref = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    };
    measure();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(element);
  }, []);
  return [size, ref];
}
