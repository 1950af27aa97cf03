import { useId, useState } from "react";
import { planCalendar } from "../../../shared/engine";
import {
  addCommunication,
  COMMUNICATION_STATUSES,
  type Communication,
  captureDefaultsFor,
  deleteCommunication,
  duplicateCommunication,
  moveCommunication,
  namesById,
  PERSONALISATION_LABELS,
  PERSONALISATION_LEVELS,
  type Phase,
  PURPOSE_LABELS,
  PURPOSES,
  type Roadmap,
  RoadmapObjectSchema,
  STATUS_LABELS,
  type Timing,
  updateCommunication,
} from "../../../shared/model";
import { communicationCosts } from "../../../shared/model/costs";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { CommandButton } from "../../app/CommandButton";
import { formatCount, plural } from "../../ui/format";
import { CostsHidden, type MoneyFormat, useMoneyFormat } from "../../ui/money";
import { COMMUNICATION_DRAG_TYPE } from "../canvas/dragTypes";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";
import { CommunicationNotes } from "../notes/NoteBadge";
import { ScenarioValues } from "../scenarios/ScenarioValues";
import { NumberField, SelectField, TextField } from "./fields";
import { OptimiserLockField } from "./OptimiserLockField";

const TIMING_LABELS: Record<Timing["kind"], string> = {
  onEntry: "On entry to the phase",
  recurring: "Recurring while in the phase",
  oneOff: "Once, in a given month",
};

const nameProblem = (value: string) => {
  const checked = RoadmapObjectSchema.shape.name.safeParse(value);
  return checked.success ? null : `Name ${checked.error.issues[0]?.message ?? "is not valid"}.`;
};

/** The phase's communications: quick-add, every field, duplicate, reorder, delete, and what each costs over the plan. */
export function PhaseCommunications({ roadmap, phase }: { roadmap: Roadmap; phase: Phase }) {
  const store = useAppStoreApi();
  const plan = useAppState((state) => state.plan);
  const selectedId = useAppState((state) => state.selectedCommunicationId);
  const [newName, setNewName] = useState("");
  const quickAddId = useId();
  const communications = roadmap.communications.filter((c) => c.phaseId === phase.id);
  const channels = namesById(roadmap.channels);
  const owners = namesById(roadmap.owners);
  const schedules = new Map(plan?.communications.map((s) => [s.communicationId, s]) ?? []);
  const defaults = captureDefaultsFor(roadmap);
  const money = useMoneyFormat(roadmap.currency);

  const quickAdd = () => {
    const name = newName.trim();
    if (!name) return;
    const added = addCommunication(selectViewedRoadmap(store.getState()) ?? roadmap, phase.id, name);
    if ("problem" in added) {
      store.getState().notify({ tone: "error", message: added.problem });
      return;
    }
    store.getState().edit(() => added.roadmap);
    setNewName("");
  };

  return (
    <>
      <div className="quick-add">
        <label htmlFor={quickAddId}>New communication</label>
        <input
          id={quickAddId}
          placeholder="Type its name, press Enter"
          value={newName}
          maxLength={200}
          onChange={(event) => setNewName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") quickAdd();
          }}
        />
        <div className="quick-add-footer">
          {defaults && (
            <span className="muted" data-testid="quick-add-defaults">
              From {owners.get(defaults.ownerId)} · on {channels.get(defaults.channelId)}
            </span>
          )}
          <CommandButton id="phase.captureTable" className="button button-small" />
        </div>
      </div>
      {communications.length === 0 ? (
        <p className="muted">No communications on this phase yet.</p>
      ) : (
        <ul className="communication-list">
          {communications.map((communication) => {
            const schedule = schedules.get(communication.id);
            return (
              <li
                key={communication.id}
                className={communication.id === selectedId ? "communication-item is-selected" : "communication-item"}
                ref={
                  communication.id === selectedId
                    ? (element) => element?.scrollIntoView({ block: "nearest" })
                    : undefined
                }
                aria-label={`Communication ${communication.name}`}
                draggable
                title="Drag onto a phase on the canvas to move it there"
                onDragStart={(event) => {
                  event.dataTransfer.setData(COMMUNICATION_DRAG_TYPE, communication.id);
                  event.dataTransfer.effectAllowed = "move";
                }}
              >
                <button
                  type="button"
                  className="link-button communication-name"
                  title="Select it in every view"
                  onClick={() => store.getState().selectCommunication(communication.id)}
                >
                  {communication.name}
                </button>
                <div className="muted communication-meta">
                  {channels.get(communication.channelId)} · {owners.get(communication.ownerId)} ·{" "}
                  {STATUS_LABELS[communication.status].toLowerCase()}
                </div>
                <CommunicationNotes communicationId={communication.id} />
                {money ? <CostFields roadmap={roadmap} communication={communication} money={money} /> : <CostsHidden />}
                {schedule && (
                  <div
                    className="communication-plan"
                    data-testid={`plan-${communication.id}`}
                    data-total-reach={schedule.totalReach}
                  >
                    {formatCount(schedule.totalReach)} contacts to {formatCount(schedule.totalCustomersReached)}{" "}
                    customers in {plural(schedule.sends, "send")} · {formatCount(schedule.totalResponses)} responses
                    {money && ` · ${money(schedule.totalCost)} over the plan`}
                  </div>
                )}
                <details className="communication-details" open={communication.id === selectedId || undefined}>
                  <summary>All fields</summary>
                  <ScenarioValues target={{ kind: "communication", id: communication.id }} />
                  <CommunicationFields roadmap={roadmap} communication={communication} />
                </details>
                <CommunicationActions communication={communication} />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function useChange(communication: Communication) {
  const store = useAppStoreApi();
  return (patch: Partial<Omit<Communication, "id">>) =>
    store.getState().edit((r) => updateCommunication(r, communication.id, patch));
}

/**
 * A communication's two costs. Each is its channel's default until the user
 * types one of its own ("set here"); Reset makes it follow the channel again,
 * so a change of channel or of the channel's costs carries it along.
 */
function CostFields({
  roadmap,
  communication,
  money,
}: {
  roadmap: Roadmap;
  communication: Communication;
  money: MoneyFormat;
}) {
  const change = useChange(communication);
  const channel = roadmap.channels.find((c) => c.id === communication.channelId);
  const costs = communicationCosts(communication, channel);
  const field = (key: "fixedCost" | "costPerContact", label: string) => {
    const fromChannel = communication[key] === null;
    const channelFigure = money.typed(channel?.[key] ?? 0);
    return (
      <NumberField
        label={`${label} — ${communication.name}`}
        min={0}
        currency={roadmap.currency}
        value={costs[key]}
        // Only a figure other than the one shown commits: typing the channel's own keeps it following the channel.
        onCommit={(v) => change({ [key]: v ?? 0 })}
        hint={
          fromChannel ? (
            <span className="cost-source">From channel “{channel?.name}”</span>
          ) : (
            <span className="cost-source">
              Set here{" "}
              <button
                type="button"
                className="link-button"
                aria-label={`${label}: use the channel's ${channelFigure}`}
                onClick={() => change({ [key]: null })}
              >
                Reset to channel ({channelFigure})
              </button>
            </span>
          )
        }
      />
    );
  };
  return (
    <div className="field-pair">
      {field("fixedCost", "Fixed cost per send")}
      {field("costPerContact", "Cost per contact")}
    </div>
  );
}

function CommunicationFields({ roadmap, communication }: { roadmap: Roadmap; communication: Communication }) {
  const change = useChange(communication);
  const { timing, audience } = communication;
  const months = planCalendar(roadmap.startMonth, roadmap.horizonMonths).months;
  const toggle = (ids: readonly string[], id: string, on: boolean) => (on ? [...ids, id] : ids.filter((x) => x !== id));
  const setTimingKind = (kind: Timing["kind"]) =>
    change({
      timing:
        kind === "onEntry"
          ? { kind, offsetMonths: 0 }
          : kind === "recurring"
            ? { kind, everyMonths: 3 }
            : { kind, month: 0 },
    });

  return (
    <div className="communication-fields">
      <TextField
        label="Name"
        value={communication.name}
        maxLength={200}
        validate={nameProblem}
        onCommit={(name) => change({ name: name.trim() })}
      />
      <div className="field-pair">
        <SelectField
          label="Purpose"
          value={communication.purpose}
          options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))}
          onCommit={(purpose) => change({ purpose })}
        />
        <SelectField
          label="Status"
          value={communication.status}
          options={COMMUNICATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          onCommit={(status) => change({ status })}
        />
      </div>
      <div className="field-pair">
        <SelectField
          label="Channel"
          value={communication.channelId}
          options={roadmap.channels.map((c) => ({ value: c.id, label: c.name }))}
          onCommit={(channelId) => change({ channelId })}
        />
        <SelectField
          label="Owner"
          value={communication.ownerId}
          options={roadmap.owners.map((o) => ({ value: o.id, label: o.name }))}
          onCommit={(ownerId) => change({ ownerId })}
        />
      </div>
      <SelectField
        label="Timing"
        value={timing.kind}
        options={(["onEntry", "recurring", "oneOff"] as const).map((kind) => ({
          value: kind,
          label: TIMING_LABELS[kind],
        }))}
        onCommit={setTimingKind}
      />
      {timing.kind === "onEntry" && (
        <NumberField
          label="Months after entry"
          integer
          min={0}
          max={120}
          value={timing.offsetMonths}
          onCommit={(v) => change({ timing: { kind: "onEntry", offsetMonths: v ?? 0 } })}
        />
      )}
      {timing.kind === "recurring" && (
        <NumberField
          label="Every (months)"
          integer
          min={1}
          max={120}
          value={timing.everyMonths}
          onCommit={(v) => v !== null && change({ timing: { kind: "recurring", everyMonths: v } })}
        />
      )}
      {timing.kind === "oneOff" && (
        <SelectField
          label="Month"
          value={String(timing.month)}
          options={months.map((m, i) => ({ value: String(i), label: m.label }))}
          onCommit={(v) => change({ timing: { kind: "oneOff", month: Number(v) } })}
        />
      )}
      <fieldset className="field checkbox-group">
        <legend>Segments (none ticked: every segment)</legend>
        {roadmap.segments.map((segment) => (
          <label key={segment.id} className="choice-option">
            <input
              type="checkbox"
              checked={audience.segmentIds.includes(segment.id)}
              onChange={(event) =>
                change({
                  audience: { ...audience, segmentIds: toggle(audience.segmentIds, segment.id, event.target.checked) },
                })
              }
            />
            {segment.name}
          </label>
        ))}
      </fieldset>
      {roadmap.roles.length > 0 && (
        <fieldset className="field checkbox-group">
          <legend>Roles addressed</legend>
          {roadmap.roles.map((role) => (
            <label key={role.id} className="choice-option">
              <input
                type="checkbox"
                checked={audience.roleIds.includes(role.id)}
                onChange={(event) =>
                  change({
                    audience: { ...audience, roleIds: toggle(audience.roleIds, role.id, event.target.checked) },
                  })
                }
              />
              {role.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="field-pair">
        <NumberField
          label="Share of the audience reached"
          percent
          min={0}
          max={1}
          value={audience.share}
          onCommit={(share) => change({ audience: { ...audience, share: share ?? 0 } })}
        />
        <SelectField
          label="Personalisation"
          value={communication.personalisation}
          options={PERSONALISATION_LEVELS.map((p) => ({ value: p, label: PERSONALISATION_LABELS[p] }))}
          onCommit={(personalisation) => change({ personalisation })}
        />
      </div>
      <OptimiserLockField communicationId={communication.id} />
      <div className="field-pair">
        <NumberField
          label="Response rate"
          percent
          min={0}
          max={1}
          value={communication.responseRate}
          onCommit={(responseRate) => change({ responseRate: responseRate ?? 0 })}
        />
        <NumberField
          label="Value per response"
          min={0}
          currency={roadmap.currency}
          value={communication.valuePerResponse}
          onCommit={(v) => change({ valuePerResponse: v ?? 0 })}
        />
      </div>
      <TextField label="Notes" multiline value={communication.notes} onCommit={(notes) => change({ notes })} />
    </div>
  );
}

function CommunicationActions({ communication }: { communication: Communication }) {
  const store = useAppStoreApi();
  const edit = (change: (r: Roadmap) => Roadmap) => store.getState().edit(change);
  return (
    <div className="communication-actions">
      <button
        type="button"
        className="button button-small"
        onClick={() => edit((r) => duplicateCommunication(r, communication.id)?.roadmap ?? r)}
      >
        Duplicate
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label={`Move ${communication.name} up`}
        onClick={() => edit((r) => moveCommunication(r, communication.id, "up"))}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label={`Move ${communication.name} down`}
        onClick={() => edit((r) => moveCommunication(r, communication.id, "down"))}
      >
        ↓
      </button>
      <button
        type="button"
        className="button button-small button-danger"
        aria-label={`Delete ${communication.name}`}
        onClick={() => edit((r) => deleteCommunication(r, communication.id))}
      >
        Delete
      </button>
    </div>
  );
}
