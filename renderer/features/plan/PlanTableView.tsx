import { type UIEvent, useMemo, useState } from "react";
import { figurePeriods, reachAndCostIn, totalReachAndCost } from "../../../shared/engine";
import {
  COMMUNICATION_STATUSES,
  type Communication,
  type CommunicationCosts,
  communicationCosts,
  costsOfCommunications,
  describeTiming,
  namesById,
  PERSONALISATION_LABELS,
  PURPOSE_LABELS,
  PURPOSES,
  type Roadmap,
  STATUS_LABELS,
  updateCommunication,
} from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { formatCount, formatTypedPercent, plural } from "../../ui/format";
import { type MoneyFormat, useMoneyFormat, useShowCosts } from "../../ui/money";
import { LeftOutCommunications } from "../scenarios/ScenarioValues";

const ROW_HEIGHT = 34;
const VIEWPORT_ROWS = 22;

type SortKey = "name" | "phase" | "owner" | "channel" | "reach" | "cost";
type GroupBy = "none" | "phase" | "owner" | "status";

interface Filters {
  owner: string;
  channel: string;
  segment: string;
  stage: string;
  status: string;
  purpose: string;
}

const NO_FILTERS: Filters = { owner: "", channel: "", segment: "", stage: "", status: "", purpose: "" };

interface Row {
  communication: Communication;
  phase: string;
  stage: string;
  stageId: string;
  owner: string;
  channel: string;
  audience: string;
  /** What it pays, its own or its channel's. */
  costs: CommunicationCosts;
  /** Contacts and cost in the period the table shows. */
  reach: number;
  cost: number;
}

type Item = { kind: "group"; label: string; count: number } | { kind: "row"; row: Row };

interface Option {
  value: string;
  label: string;
}

const GROUP_BY_OPTIONS: Option[] = [
  { value: "none", label: "Nothing" },
  { value: "phase", label: "Phase" },
  { value: "owner", label: "Owner" },
  { value: "status", label: "Status" },
];

/** A labelled drop-down of the table's controls. */
function choice(label: string, value: string, onChange: (value: string) => void, options: readonly Option[]) {
  return (
    <label className="inline-field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Every communication of the roadmap in one table: sort, filter, group,
 * search, change owner, channel or status in place, and change the owner of
 * many at once; its contacts and cost in a calendar year of the plan or over
 * all of it, with the total of what is shown. Only the rows on screen are
 * drawn, so thousands stay smooth.
 */
export function PlanTableView({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const plan = useAppState((state) => state.plan);
  const selectedId = useAppState((state) => state.selectedCommunicationId);
  const showCosts = useShowCosts();
  const [search, setSearch] = useState("");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [groupBy, setGroupBy] = useState<GroupBy>("none");
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "phase", descending: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkOwner, setBulkOwner] = useState(roadmap.owners[0]?.id ?? "");
  const [scrollTop, setScrollTop] = useState(0);
  const [periodLabel, setPeriodLabel] = useState("");
  const periods = useMemo(() => (plan ? figurePeriods(plan.calendar) : []), [plan]);
  // The first year until the user picks another; a pick the plan no longer has (a shorter horizon) falls back too.
  const period = periods.find((p) => p.label === periodLabel) ?? periods[0];

  const rows = useMemo<Row[]>(() => {
    const phases = new Map(roadmap.phases.map((p) => [p.id, p]));
    const stages = namesById(roadmap.stages);
    const owners = namesById(roadmap.owners);
    const channels = namesById(roadmap.channels);
    const segments = namesById(roadmap.segments);
    const schedules = new Map(plan?.communications.map((s) => [s.communicationId, s]) ?? []);
    const costs = costsOfCommunications(roadmap);
    return roadmap.communications.map((c, i) => {
      const phase = phases.get(c.phaseId);
      const schedule = schedules.get(c.id);
      return {
        ...(schedule && period ? reachAndCostIn(schedule, period) : { reach: 0, cost: 0 }),
        communication: c,
        phase: phase?.name ?? "",
        stageId: phase?.stageId ?? "",
        stage: stages.get(phase?.stageId ?? "") ?? "",
        owner: owners.get(c.ownerId) ?? "",
        channel: channels.get(c.channelId) ?? "",
        audience:
          c.audience.segmentIds.length === 0
            ? "All segments"
            : c.audience.segmentIds.map((id) => segments.get(id) ?? id).join(", "),
        costs: costs[i] ?? communicationCosts(c, undefined),
      };
    });
  }, [roadmap, plan, period]);

  const visibleRows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const matches = rows.filter(({ communication: c, stageId, phase, owner, channel }) => {
      if (filters.owner && c.ownerId !== filters.owner) return false;
      if (filters.channel && c.channelId !== filters.channel) return false;
      if (filters.segment && c.audience.segmentIds.length > 0 && !c.audience.segmentIds.includes(filters.segment))
        return false;
      if (filters.stage && stageId !== filters.stage) return false;
      if (filters.status && c.status !== filters.status) return false;
      if (filters.purpose && c.purpose !== filters.purpose) return false;
      return !needle || [c.name, phase, owner, channel, c.notes].some((text) => text.toLowerCase().includes(needle));
    });
    // Sorted by cost while costs are hidden, the order alone would tell which sends cost most.
    const key = sort.key === "cost" && !showCosts ? "phase" : sort.key;
    const value = (row: Row): string | number => (key === "name" ? row.communication.name : row[key]);
    return [...matches].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return sort.descending ? -order : order;
    });
  }, [rows, search, filters, sort, showCosts]);
  const totals = useMemo(() => totalReachAndCost(visibleRows), [visibleRows]);

  const items = useMemo<Item[]>(() => {
    if (groupBy === "none") return visibleRows.map((row) => ({ kind: "row", row }));
    const groups = new Map<string, Row[]>();
    // By status, today's plan comes first, then what is proposed, then what is retired.
    if (groupBy === "status") for (const status of COMMUNICATION_STATUSES) groups.set(STATUS_LABELS[status], []);
    for (const row of visibleRows) {
      const key =
        groupBy === "phase" ? row.phase : groupBy === "owner" ? row.owner : STATUS_LABELS[row.communication.status];
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const [key, rows] of groups) if (rows.length === 0) groups.delete(key);
    return [...groups].flatMap(([label, groupRows]) => [
      { kind: "group" as const, label, count: groupRows.length },
      ...groupRows.map((row) => ({ kind: "row" as const, row })),
    ]);
  }, [visibleRows, groupBy]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 5);
  const shown = items.slice(first, first + VIEWPORT_ROWS + 10);
  const money = useMoneyFormat(roadmap.currency);
  const columns = money ? 14 : 12;
  const change = (id: string, patch: Partial<Omit<Communication, "id">>) =>
    store.getState().edit((r) => updateCommunication(r, id, patch));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const visibleIds = visibleRows.map((r) => r.communication.id);
  const allVisibleSelected = visibleIds.length > 0 && visibleIds.every((id) => selected.has(id));
  const applyBulkOwner = () => {
    const ids = new Set(selected);
    store.getState().edit((r) => ({
      ...r,
      communications: r.communications.map((c) => (ids.has(c.id) ? { ...c, ownerId: bulkOwner } : c)),
    }));
    setSelected(new Set());
  };
  const filter = (key: keyof Filters, label: string, options: Option[]) =>
    choice(label, filters[key], (value) => setFilters({ ...filters, [key]: value }), [
      { value: "", label: "All" },
      ...options,
    ]);
  const header = (key: SortKey, label: string, numeric = false) => (
    <th
      scope="col"
      className={numeric ? "numeric" : undefined}
      aria-sort={sort.key === key ? (sort.descending ? "descending" : "ascending") : "none"}
    >
      <button
        type="button"
        className="link-button sort-button"
        onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : false })}
      >
        {label}
        {sort.key === key ? (sort.descending ? " ▼" : " ▲") : ""}
      </button>
    </th>
  );

  return (
    <div className="plan-view plan-table-view">
      <section className="plan-section" aria-label="Plan table">
        <div className="plan-table-controls">
          <input
            className="search"
            aria-label="Search communications"
            placeholder="Search name, phase, owner, channel, notes"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {filter(
            "owner",
            "owner",
            roadmap.owners.map((o) => ({ value: o.id, label: o.name })),
          )}
          {filter(
            "channel",
            "channel",
            roadmap.channels.map((c) => ({ value: c.id, label: c.name })),
          )}
          {filter(
            "segment",
            "segment",
            roadmap.segments.map((s) => ({ value: s.id, label: s.name })),
          )}
          {filter(
            "stage",
            "stage",
            roadmap.stages.map((s) => ({ value: s.id, label: s.name })),
          )}
          {filter(
            "status",
            "status",
            COMMUNICATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          )}
          {filter(
            "purpose",
            "purpose",
            PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] })),
          )}
          {choice(
            "figures for",
            period?.label ?? "",
            setPeriodLabel,
            periods.map((p) => ({ value: p.label, label: p.label })),
          )}
          {choice("group by", groupBy, (value) => setGroupBy(value as GroupBy), GROUP_BY_OPTIONS)}
        </div>
        <fieldset className="bulk-bar">
          <legend className="visually-hidden">Change many at once</legend>
          <span>
            {visibleRows.length} of {rows.length} communications · {selected.size} selected
          </span>
          <label className="inline-field">
            set owner to
            <select value={bulkOwner} onChange={(e) => setBulkOwner(e.target.value)}>
              {roadmap.owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-small"
            disabled={selected.size === 0 || !bulkOwner}
            onClick={applyBulkOwner}
          >
            Apply to {selected.size} selected
          </button>
        </fieldset>
        <div
          className="plan-table-scroll"
          // The header, the rows in view and the totals row; a short table takes only the room it needs.
          style={{ maxHeight: VIEWPORT_ROWS * ROW_HEIGHT + 2 * ROW_HEIGHT }}
          onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <table className="data-table plan-table" aria-rowcount={items.length + 2}>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all shown communications"
                    checked={allVisibleSelected}
                    onChange={(e) => setSelected(e.target.checked ? new Set(visibleIds) : new Set())}
                  />
                </th>
                {header("name", "Communication")}
                {header("phase", "Phase")}
                <th scope="col">Stage</th>
                {header("owner", "Owner")}
                {header("channel", "Channel")}
                <th scope="col">Audience</th>
                <th scope="col">Timing</th>
                <th scope="col">Personalisation</th>
                {money && (
                  <th scope="col" className="numeric">
                    Fixed / per contact
                  </th>
                )}
                <th scope="col" className="numeric">
                  Response
                </th>
                <th scope="col">Status</th>
                {header("reach", period ? `Contacts, ${period.label}` : "Contacts", true)}
                {money && header("cost", period ? `Cost, ${period.label}` : "Cost", true)}
              </tr>
            </thead>
            <tbody>
              {first > 0 && <tr className="spacer-row" style={{ height: first * ROW_HEIGHT }} />}
              {shown.map((item) =>
                item.kind === "group" ? (
                  <tr key={`group:${item.label}`} className="plan-table-group" style={{ height: ROW_HEIGHT }}>
                    <th scope="rowgroup" colSpan={columns}>
                      {item.label} <span className="muted">{item.count}</span>
                    </th>
                  </tr>
                ) : (
                  <tr
                    key={item.row.communication.id}
                    style={{ height: ROW_HEIGHT }}
                    aria-label={`Plan row ${item.row.communication.name}`}
                    className={item.row.communication.id === selectedId ? "is-selected" : undefined}
                  >
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${item.row.communication.name}`}
                        checked={selected.has(item.row.communication.id)}
                        onChange={(e) => toggle(item.row.communication.id, e.target.checked)}
                      />
                    </td>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => store.getState().selectCommunication(item.row.communication.id)}
                      >
                        {item.row.communication.name}
                      </button>
                    </th>
                    <td>{item.row.phase}</td>
                    <td>{item.row.stage}</td>
                    <td>
                      <select
                        aria-label={`Owner of ${item.row.communication.name}`}
                        value={item.row.communication.ownerId}
                        onChange={(e) => change(item.row.communication.id, { ownerId: e.target.value })}
                      >
                        {roadmap.owners.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select
                        aria-label={`Channel of ${item.row.communication.name}`}
                        value={item.row.communication.channelId}
                        onChange={(e) => change(item.row.communication.id, { channelId: e.target.value })}
                      >
                        {roadmap.channels.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{item.row.audience}</td>
                    <td>{plan ? describeTiming(item.row.communication.timing, plan.calendar.months) : ""}</td>
                    <td>{PERSONALISATION_LABELS[item.row.communication.personalisation]}</td>
                    {money && (
                      <td className="numeric">
                        <CostFigure row={item.row} field="fixedCost" money={money} /> /{" "}
                        <CostFigure row={item.row} field="costPerContact" money={money} />
                      </td>
                    )}
                    <td className="numeric">{formatTypedPercent(item.row.communication.responseRate)}</td>
                    <td>
                      <select
                        aria-label={`Status of ${item.row.communication.name}`}
                        value={item.row.communication.status}
                        onChange={(e) =>
                          change(item.row.communication.id, { status: e.target.value as Communication["status"] })
                        }
                      >
                        {COMMUNICATION_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {STATUS_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="numeric">{formatCount(item.row.reach)}</td>
                    {money && <td className="numeric">{money(item.row.cost)}</td>}
                  </tr>
                ),
              )}
              {first + shown.length < items.length && (
                <tr className="spacer-row" style={{ height: (items.length - first - shown.length) * ROW_HEIGHT }} />
              )}
            </tbody>
            <tfoot>
              <tr style={{ height: ROW_HEIGHT }} aria-label="Plan totals">
                <td />
                <th scope="row">Total of {plural(visibleRows.length, "communication")} shown</th>
                <td colSpan={columns - 4} />
                <td className="numeric">{formatCount(totals.reach)}</td>
                {money && <td className="numeric">{money(totals.cost)}</td>}
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <LeftOutCommunications />
    </div>
  );
}

/** One cost of a communication, marked when it is the channel's default rather than its own. */
function CostFigure({ row, field, money }: { row: Row; field: "fixedCost" | "costPerContact"; money: MoneyFormat }) {
  const figure = money.typed(row.costs[field]);
  return row.communication[field] === null ? (
    <span className="from-channel" title="The channel's default">
      {figure}
    </span>
  ) : (
    <span title="Set on this communication">{figure}</span>
  );
}
