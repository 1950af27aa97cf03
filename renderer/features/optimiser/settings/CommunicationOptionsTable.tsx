import { useId, useMemo, useState } from "react";
import {
  type Communication,
  type CommunicationOptions,
  LIMITS,
  type OptimiserSettings,
  PERSONALISATION_LABELS,
  PERSONALISATION_LEVELS,
  type PersonalisationLevel,
  type PersonalisationOption,
  PURPOSE_LABELS,
  type Roadmap,
} from "../../../../shared/model";
import {
  DEFAULT_PERSONALISATION_FACTORS,
  derivedPersonalisation,
  optionsOf,
  withCommunicationLock,
  withCommunicationOptions,
} from "../../../../shared/optimise/optionPresets";
import { Dialog } from "../../../ui/Dialog";
import { formatCount } from "../../../ui/format";
import { useVirtualRows } from "../../../ui/grid/useVirtualRows";
import { NumberField } from "../../inspector/fields";
import { LOCK_OPTIONS, useEditOptimiser } from "./optimiserEdit";

const ROW_HEIGHT = 44;
const VIEWPORT_ROWS = 10;
/** The intervals a recurring send's chips offer; any other the settings hold is shown too. */
const CHIP_INTERVALS = [1, 2, 3, 6];
const ANY = "";

/**
 * The shown scenario's communications with what the optimiser may do with
 * each: its lock, other intervals for a recurring send, other personalisation
 * levels (in a small dialog). Thousands of rows: only those in view are drawn.
 */
export function CommunicationOptionsTable({ roadmap, settings }: { roadmap: Roadmap; settings: OptimiserSettings }) {
  const [text, setText] = useState("");
  const [phaseId, setPhaseId] = useState(ANY);
  const [ownerId, setOwnerId] = useState(ANY);
  const [levelsOf, setLevelsOf] = useState<string | null>(null);
  const ids = { text: useId(), phase: useId(), owner: useId() };
  const phaseNames = useMemo(() => new Map(roadmap.phases.map((p) => [p.id, p.name])), [roadmap.phases]);
  const candidates = useMemo(
    () => roadmap.communications.filter((c) => c.status !== "retired"),
    [roadmap.communications],
  );
  const shown = useMemo(() => {
    const words = text.trim().toLowerCase();
    return candidates.filter(
      (c) =>
        (words === "" || c.name.toLowerCase().includes(words)) &&
        (phaseId === ANY || c.phaseId === phaseId) &&
        (ownerId === ANY || c.ownerId === ownerId),
    );
  }, [candidates, text, phaseId, ownerId]);
  const rows = useVirtualRows(shown.length, { rowHeight: ROW_HEIGHT, viewportRows: VIEWPORT_ROWS });
  const opened = levelsOf === null ? undefined : candidates.find((c) => c.id === levelsOf);

  return (
    <section className="optimiser-section" aria-labelledby="optimiser-communications">
      <h3 id="optimiser-communications">Communications</h3>
      <div className="field">
        <label htmlFor={ids.text}>Find</label>
        <input id={ids.text} value={text} placeholder="Name" onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={ids.phase}>Phase</label>
          <select id={ids.phase} value={phaseId} onChange={(event) => setPhaseId(event.target.value)}>
            <option value={ANY}>Every phase</option>
            {roadmap.phases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.owner}>Owner</label>
          <select id={ids.owner} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
            <option value={ANY}>Every owner</option>
            {roadmap.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted" aria-live="polite">
        {shown.length === candidates.length
          ? `${formatCount(candidates.length)} communications`
          : `${formatCount(shown.length)} of ${formatCount(candidates.length)} communications`}
      </p>
      <div className="optimiser-table-scroll" {...rows.scrollProps}>
        <table
          className="optimiser-table"
          aria-label="Communications for the optimiser"
          aria-rowcount={shown.length + 1}
        >
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Lock</th>
              <th scope="col" title="Other intervals it may be sent at">
                Every … mo.
              </th>
              <th scope="col">Levels</th>
            </tr>
          </thead>
          <tbody>
            {rows.topSpace > 0 && <tr className="spacer-row" style={{ height: rows.topSpace }} />}
            {shown.slice(rows.first, rows.last).map((communication, i) => (
              <CommunicationRow
                key={communication.id}
                index={rows.first + i}
                communication={communication}
                phaseName={phaseNames.get(communication.phaseId) ?? ""}
                options={optionsOf(settings, communication.id)}
                onLevels={() => setLevelsOf(communication.id)}
              />
            ))}
            {rows.bottomSpace > 0 && <tr className="spacer-row" style={{ height: rows.bottomSpace }} />}
          </tbody>
        </table>
      </div>
      {opened && (
        <PersonalisationDialog
          roadmap={roadmap}
          communication={opened}
          options={optionsOf(settings, opened.id)}
          onClose={() => setLevelsOf(null)}
        />
      )}
    </section>
  );
}

function CommunicationRow({
  index,
  communication,
  phaseName,
  options,
  onLevels,
}: {
  index: number;
  communication: Communication;
  phaseName: string;
  options: CommunicationOptions;
  onLevels: () => void;
}) {
  const edit = useEditOptimiser();
  const { id, name, timing } = communication;
  const toggleInterval = (months: number, on: boolean) =>
    edit((s) => {
      const current = optionsOf(s, id);
      const everyMonths = on
        ? [...current.everyMonths, months].sort((a, b) => a - b)
        : current.everyMonths.filter((m) => m !== months);
      return withCommunicationOptions(s, id, { ...current, everyMonths });
    });
  return (
    <tr aria-rowindex={index + 2} aria-label={name} style={{ height: ROW_HEIGHT }}>
      <td className="optimiser-name">
        <span className="optimiser-name-text" title={name}>
          {name}
        </span>
        <span className="muted optimiser-name-meta">
          {phaseName} · {PURPOSE_LABELS[communication.purpose]}
        </span>
      </td>
      <td>
        <select
          aria-label={`Optimiser's lock on ${name}`}
          value={options.lock}
          onChange={(event) => {
            const lock = event.target.value as CommunicationOptions["lock"];
            edit((s) => withCommunicationLock(s, id, lock));
          }}
        >
          {LOCK_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        {timing.kind === "recurring" ? (
          <span className="optimiser-chips">
            {[...new Set([...CHIP_INTERVALS, ...options.everyMonths, timing.everyMonths])]
              .sort((a, b) => a - b)
              .map((months) => {
                const own = months === timing.everyMonths;
                const on = own || options.everyMonths.includes(months);
                return (
                  <button
                    key={months}
                    type="button"
                    className={on ? "optimiser-chip is-on" : "optimiser-chip"}
                    aria-pressed={on}
                    disabled={own}
                    aria-label={own ? `${name}: every ${months} months, its own` : `${name}: every ${months} months`}
                    title={own ? "Its own interval, always an option" : undefined}
                    onClick={() => toggleInterval(months, !on)}
                  >
                    {months}
                  </button>
                );
              })}
          </span>
        ) : (
          <span className="muted">not recurring</span>
        )}
      </td>
      <td>
        <button
          type="button"
          className="button button-small"
          aria-label={`Personalisation options of ${name}`}
          onClick={onLevels}
        >
          {options.personalisation.length === 0 ? "Add" : `+${options.personalisation.length}`}
        </button>
      </td>
    </tr>
  );
}

/**
 * The other levels one communication may be sent at: each switched on with
 * costs and response derived from its own (the presets' factors), then
 * edited. An empty cost means the communication's own.
 */
function PersonalisationDialog({
  roadmap,
  communication,
  options,
  onClose,
}: {
  roadmap: Roadmap;
  communication: Communication;
  options: CommunicationOptions;
  onClose: () => void;
}) {
  const edit = useEditOptimiser();
  const { id, name } = communication;
  const channel = roadmap.channels.find((c) => c.id === communication.channelId);
  const levels = PERSONALISATION_LEVELS.filter((level) => level !== communication.personalisation);
  const setLevels = (change: (personalisation: PersonalisationOption[]) => PersonalisationOption[]) =>
    edit((s) => {
      const current = optionsOf(s, id);
      const personalisation = change(current.personalisation).sort(
        (a, b) => PERSONALISATION_LEVELS.indexOf(a.level) - PERSONALISATION_LEVELS.indexOf(b.level),
      );
      return withCommunicationOptions(s, id, { ...current, personalisation });
    });
  const switchOn = (level: PersonalisationLevel) => {
    const derived = derivedPersonalisation(communication, channel, DEFAULT_PERSONALISATION_FACTORS).find(
      (o) => o.level === level,
    );
    if (derived) setLevels((all) => [...all.filter((o) => o.level !== level), derived]);
  };
  const change = (level: PersonalisationLevel, patch: Partial<PersonalisationOption>) =>
    setLevels((all) => all.map((o) => (o.level === level ? { ...o, ...patch } : o)));
  return (
    <Dialog
      title={`Personalisation options of ${name}`}
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      }
    >
      <p className="muted">
        It is sent {PERSONALISATION_LABELS[communication.personalisation].toLowerCase()} now; that stays an option.
      </p>
      {levels.map((level) => {
        const option = options.personalisation.find((o) => o.level === level);
        const label = PERSONALISATION_LABELS[level];
        return (
          <fieldset key={level} className="optimiser-level">
            <legend>
              <label className="choice-option">
                <input
                  type="checkbox"
                  checked={option !== undefined}
                  onChange={(event) =>
                    event.target.checked ? switchOn(level) : setLevels((all) => all.filter((o) => o.level !== level))
                  }
                />
                Offer {label.toLowerCase()}
              </label>
            </legend>
            {option && (
              <div className="field-pair optimiser-level-fields">
                <NumberField
                  label={`${label}: fixed cost per send`}
                  currency={roadmap.currency}
                  min={0}
                  max={LIMITS.money}
                  optional
                  value={option.fixedCost}
                  hint="Empty: its own."
                  onCommit={(fixedCost) => change(level, { fixedCost })}
                />
                <NumberField
                  label={`${label}: cost per contact`}
                  currency={roadmap.currency}
                  min={0}
                  max={LIMITS.money}
                  optional
                  value={option.costPerContact}
                  hint="Empty: its own."
                  onCommit={(costPerContact) => change(level, { costPerContact })}
                />
                <NumberField
                  label={`${label}: response rate`}
                  percent
                  min={0}
                  max={1}
                  value={option.responseRate}
                  onCommit={(responseRate) => responseRate !== null && change(level, { responseRate })}
                />
              </div>
            )}
          </fieldset>
        );
      })}
    </Dialog>
  );
}
