import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo, useRef, useState } from "react";
import { RoadmapObjectSchema } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { formatCount, formatPercent } from "../../ui/format";
import { useMoneyFormat } from "../../ui/money";
import { NoteBadge } from "../notes/NoteBadge";
import { RsiBadge, rsiTintOf } from "../rsi/RsiBadge";
import { renamePhase } from "./canvasActions";
import { canvasController } from "./canvasController";
import type { PhaseFlowNode } from "./canvasModel";
import { useZoomedOut } from "./levelOfDetail";
import { renderProbe } from "./renderProbe";

/** A phase on the canvas: its stage colour and name, customers, communications, and a flag when outflow passes 100 %. */
export const PhaseNode = memo(function PhaseNode({ id, data, selected }: NodeProps<PhaseFlowNode>) {
  const renaming = useAppState((state) => state.renamingPhaseId === id);
  const zoomedOut = useZoomedOut();
  const money = useMoneyFormat(data.currency);
  renderProbe.onRender?.("phase", id);
  const problem = data.overflow !== null ? " has-problem" : "";
  const tint = rsiTintOf(data);
  const style = { "--stage-color": data.color, ...tint.style } as React.CSSProperties;
  if (zoomedOut && !renaming) {
    return (
      <div
        className={`phase-node is-compact${selected ? " is-selected" : ""}${problem}${data.overContactCap ? " is-over-cap" : ""}${tint.className}`}
        style={style}
      >
        <Handle type="target" position={Position.Left} className="phase-handle" />
        <NoteBadge anchor={{ kind: "phase", phaseId: id }} elementId={id} />
        <div className="phase-node-name">{data.name}</div>
        <div className="phase-node-stats">
          {formatCount(data.customers)} · {data.communicationCount} {data.communicationCount === 1 ? "comm." : "comms."}
        </div>
        <RsiBadge data={data} compact />
        <Handle type="source" position={Position.Right} className="phase-handle" />
      </div>
    );
  }
  return (
    <div className={`phase-node${selected ? " is-selected" : ""}${problem}${tint.className}`} style={style}>
      <Handle type="target" position={Position.Left} className="phase-handle" aria-label={`Into ${data.name}`} />
      <div className="phase-node-stage">{data.stageName}</div>
      <NoteBadge anchor={{ kind: "phase", phaseId: id }} elementId={id} />
      {renaming ? <RenameInput id={id} name={data.name} /> : <div className="phase-node-name">{data.name}</div>}
      <div className="phase-node-stats">
        <span title="Customers at plan start">{formatCount(data.customers)} customers</span>
        <span title="Communications on this phase">
          {data.communicationCount} {data.communicationCount === 1 ? "comm." : "comms."}
        </span>
      </div>
      <RsiBadge data={data} />
      {data.channels && (
        <div className="phase-node-channels" title="Channels its communications use">
          {data.channels}
        </div>
      )}
      {data.overContactCap && (
        <div className="phase-node-pressure" role="img" aria-label="Over the contact cap">
          Over the contact cap in some months
        </div>
      )}
      {money && data.monthlyCost !== null && data.monthlyCost > 0 && (
        <div className="phase-node-cost" title="Average cost a month, from the plan">
          {money(data.monthlyCost)} a month
        </div>
      )}
      {data.overflow !== null && (
        <div className="phase-node-problem" role="img" aria-label="Outflow over 100 %">
          ⚠ Outflow {formatPercent(data.overflow)} a month
        </div>
      )}
      <Handle type="source" position={Position.Right} className="phase-handle" aria-label={`Out of ${data.name}`} />
    </div>
  );
});

function RenameInput({ id, name }: { id: string; name: string }) {
  const store = useAppStoreApi();
  const [value, setValue] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  // Moving the focus away after Enter or Esc blurs the box, which must not end (or commit) the renaming twice.
  const ended = useRef(false);
  /** Ends renaming, keeping the name when `commit`; says whether it ended (a name that is not valid stays open). */
  const finish = (commit: boolean): boolean => {
    if (ended.current) return true;
    if (commit) {
      const checked = RoadmapObjectSchema.shape.name.safeParse(value);
      if (!checked.success) {
        setProblem(`Name ${checked.error.issues[0]?.message ?? "is not valid"}`);
        return false;
      }
      if (checked.data !== name) renamePhase(store.getState(), id, checked.data);
    }
    ended.current = true;
    store.getState().setRenamingPhase(null);
    return true;
  };
  return (
    <>
      <input
        className="phase-node-rename nodrag"
        // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this phase.
        autoFocus
        aria-label="Phase name"
        aria-invalid={problem !== null}
        value={value}
        maxLength={200}
        onFocus={(event) => event.target.select()}
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          event.stopPropagation();
          // Ended by keyboard, the keyboard goes back to the canvas, so its keys (arrows, Delete, F2) work at once.
          if ((event.key === "Enter" || event.key === "Escape") && finish(event.key === "Enter")) {
            canvasController()?.focus();
          }
        }}
        onBlur={() => finish(true)}
      />
      {problem && <div className="phase-node-problem">{problem}</div>}
    </>
  );
}
