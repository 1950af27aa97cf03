import { useId } from "react";
import {
  addListItem,
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  communicationsUsing,
  type OrganisationList,
  OWNER_KIND_LABELS,
  OWNER_KINDS,
  PARTNER_TYPE_LABELS,
  PARTNER_TYPES,
  type Roadmap,
  RoadmapObjectSchema,
  type Segment,
  type SegmentStrategy,
  segmentCustomersAtStart,
  segmentCustomersByPhase,
  updateListItem,
} from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { formatCount } from "../../ui/format";
import { NumberField, SelectField, TextField } from "../inspector/fields";

const nameRule = (label: string) => (value: string) => {
  const checked = RoadmapObjectSchema.shape.name.safeParse(value);
  return checked.success ? null : `${label} ${checked.error.issues[0]?.message ?? "is not valid"}.`;
};

const STRATEGY_FIELDS: { key: keyof SegmentStrategy; label: string }[] = [
  { key: "whatItIs", label: "What it is" },
  { key: "whatItIsNot", label: "What it is not" },
  { key: "differenceFromToday", label: "How it differs from today" },
  { key: "pathToValue", label: "Path to value" },
  { key: "capabilitiesNeeded", label: "Capabilities needed" },
  { key: "timeframe", label: "Timeframe" },
];

/**
 * A segment's customers at the plan's start: not a figure of its own but the
 * sum of the phases' customers, which are set on each phase.
 */
function SegmentCustomers({ roadmap, segment }: { roadmap: Roadmap; segment: Segment }) {
  const labelId = useId();
  return (
    <div className="field segment-customers">
      <span className="field-label" id={labelId}>
        Customers at start
      </span>
      <output className="segment-customers-total" aria-labelledby={labelId}>
        {formatCount(segmentCustomersAtStart(roadmap, segment.id))}
      </output>
    </div>
  );
}

/** Where a segment's customers are at the start, so the total above can be checked against the phases. */
function SegmentWhere({ roadmap, segment }: { roadmap: Roadmap; segment: Segment }) {
  const where = segmentCustomersByPhase(roadmap, segment.id);
  const phases = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  return (
    <p className="field-hint segment-where">
      {where.length === 0
        ? "No customers at the start yet: set them on the phases, in the inspector."
        : `At the start in ${where.map(({ phaseId, customers }) => `${phases.get(phaseId)} ${formatCount(customers)}`).join(" · ")}`}
    </p>
  );
}

/** Who the roadmap talks to and who in the client's organisation does the talking, through which channels. */
export function AudiencesView({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const change = <K extends OrganisationList>(list: K, id: string, patch: Parameters<typeof updateListItem<K>>[3]) =>
    store.getState().edit((r) => updateListItem(r, list, id, patch));
  const add = (list: OrganisationList) => store.getState().edit((r) => addListItem(r, list).roadmap);
  const remove = (list: OrganisationList, id: string) =>
    store.getState().openDialog({ kind: "removeListItem", list, id });

  return (
    <div className="plan-view audiences">
      <Section title="Segments" onAdd={() => add("segments")} addLabel="Add segment">
        {roadmap.segments.map((segment: Segment) => (
          <article key={segment.id} className="org-item" aria-label={`Segment ${segment.name}`}>
            <div className="org-row">
              <label className="color-field">
                <span className="visually-hidden">Colour of {segment.name}</span>
                <input
                  type="color"
                  value={segment.color}
                  onChange={(e) =>
                    // The picker reports every shade passed over while dragging: together they are one undo step.
                    store.getState().edit((r) => updateListItem(r, "segments", segment.id, { color: e.target.value }), {
                      coalesceKey: `segments:${segment.id}:color`,
                    })
                  }
                />
              </label>
              <TextField
                label="Segment"
                value={segment.name}
                maxLength={200}
                validate={nameRule("Segment name")}
                onCommit={(name) => change("segments", segment.id, { name: name.trim() })}
              />
              <SegmentCustomers roadmap={roadmap} segment={segment} />
              <NumberField
                label="Annual value per customer"
                min={0}
                currency={roadmap.currency}
                value={segment.annualValue}
                onCommit={(v) => change("segments", segment.id, { annualValue: v ?? 0 })}
              />
              <RemoveButton
                name={segment.name}
                disabled={roadmap.segments.length === 1}
                onRemove={() => remove("segments", segment.id)}
              />
            </div>
            <SegmentWhere roadmap={roadmap} segment={segment} />
            <details className="strategy">
              <summary>Strategy</summary>
              {STRATEGY_FIELDS.map(({ key, label }) => (
                <TextField
                  key={key}
                  label={label}
                  multiline={key !== "timeframe"}
                  maxLength={key === "timeframe" ? 200 : 10_000}
                  value={segment.strategy[key]}
                  onCommit={(text) =>
                    change("segments", segment.id, {
                      strategy: { ...segment.strategy, [key]: text },
                    })
                  }
                />
              ))}
            </details>
          </article>
        ))}
      </Section>

      <Section title="Owners" onAdd={() => add("owners")} addLabel="Add owner">
        {roadmap.owners.map((owner) => (
          <article key={owner.id} className="org-item" aria-label={`Owner ${owner.name}`}>
            <div className="org-row">
              <TextField
                label="Owner"
                value={owner.name}
                maxLength={200}
                validate={nameRule("Owner name")}
                onCommit={(name) => change("owners", owner.id, { name: name.trim() })}
              />
              <SelectField
                label="Kind"
                value={owner.kind}
                options={OWNER_KINDS.map((kind) => ({ value: kind, label: OWNER_KIND_LABELS[kind] }))}
                onCommit={(kind) =>
                  change("owners", owner.id, {
                    kind,
                    partnerType: kind === "partnerChannel" ? (owner.partnerType ?? "reseller") : null,
                  })
                }
              />
              {owner.kind === "partnerChannel" && (
                <SelectField
                  label="Partner type"
                  value={owner.partnerType ?? "other"}
                  options={PARTNER_TYPES.map((type) => ({ value: type, label: PARTNER_TYPE_LABELS[type] }))}
                  onCommit={(partnerType) => change("owners", owner.id, { partnerType })}
                />
              )}
              <UsageCount count={communicationsUsing(roadmap, "owner", owner.id).length} />
              <RemoveButton name={owner.name} onRemove={() => remove("owners", owner.id)} />
            </div>
          </article>
        ))}
      </Section>

      <Section title="Channels" onAdd={() => add("channels")} addLabel="Add channel">
        {roadmap.channels.map((channel) => (
          <article key={channel.id} className="org-item" aria-label={`Channel ${channel.name}`}>
            <div className="org-row">
              <TextField
                label="Channel"
                value={channel.name}
                maxLength={200}
                validate={nameRule("Channel name")}
                onCommit={(name) => change("channels", channel.id, { name: name.trim() })}
              />
              <SelectField
                label="Kind"
                value={channel.kind}
                options={CHANNEL_KINDS.map((kind) => ({ value: kind, label: CHANNEL_KIND_LABELS[kind] }))}
                onCommit={(kind) => change("channels", channel.id, { kind })}
              />
              <NumberField
                label="Fixed cost per send"
                min={0}
                currency={roadmap.currency}
                value={channel.fixedCost}
                onCommit={(v) => change("channels", channel.id, { fixedCost: v ?? 0 })}
              />
              <NumberField
                label="Cost per contact"
                min={0}
                currency={roadmap.currency}
                value={channel.costPerContact}
                onCommit={(v) => change("channels", channel.id, { costPerContact: v ?? 0 })}
              />
              <NumberField
                label="Contact cap a month"
                min={1}
                max={1000}
                integer
                optional
                value={channel.contactCap}
                onCommit={(contactCap) => change("channels", channel.id, { contactCap })}
              />
              <UsageCount count={communicationsUsing(roadmap, "channel", channel.id).length} />
              <RemoveButton name={channel.name} onRemove={() => remove("channels", channel.id)} />
            </div>
          </article>
        ))}
      </Section>

      <Section title="Roles in customer organisations" onAdd={() => add("roles")} addLabel="Add role">
        {roadmap.roles.map((role) => (
          <article key={role.id} className="org-item" aria-label={`Role ${role.name}`}>
            <div className="org-row">
              <TextField
                label="Role"
                value={role.name}
                maxLength={200}
                validate={nameRule("Role name")}
                onCommit={(name) => change("roles", role.id, { name: name.trim() })}
              />
              <UsageCount count={communicationsUsing(roadmap, "role", role.id).length} />
              <RemoveButton name={role.name} onRemove={() => remove("roles", role.id)} />
            </div>
          </article>
        ))}
      </Section>
    </div>
  );
}

function Section({
  title,
  onAdd,
  addLabel,
  children,
}: {
  title: string;
  onAdd: () => void;
  addLabel: string;
  children: React.ReactNode;
}) {
  return (
    <section className="plan-section" aria-label={title}>
      <div className="section-head">
        <h2>{title}</h2>
        <button type="button" className="button button-small" onClick={onAdd}>
          {addLabel}
        </button>
      </div>
      <div className="org-list">{children}</div>
    </section>
  );
}

function UsageCount({ count }: { count: number }) {
  return (
    <span className="muted org-usage">
      {count} communication{count === 1 ? "" : "s"}
    </span>
  );
}

function RemoveButton({ name, onRemove, disabled }: { name: string; onRemove: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      className="button button-small button-danger"
      aria-label={`Remove ${name}`}
      disabled={disabled}
      title={disabled ? "A roadmap needs at least one segment" : undefined}
      onClick={onRemove}
    >
      Remove
    </button>
  );
}
