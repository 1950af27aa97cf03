import type { CustomerFlow } from "../engine/flow";
import { NO_COHORT, onEntryOffset, periodicCohorts } from "../engine/pressure";
import type { Roadmap } from "../model/schema";
import type { ScheduledCandidate } from "./optimisationOptions";
import type { ConstraintRef, ConstraintRow, OptimisationCandidate } from "./types";

/** How many cap rows a model was built with, before and after dropping and merging, for benchmarks. */
export interface ContactCapRowStats {
  /** Cohort, month and cap combinations with at least one send that could reach them. */
  cohorts: number;
  /** Those where more communications than the cap could reach the cohort: a row each, before merging. */
  overCap: number;
  /** Rows over different options or caps, once identical rows are one. */
  distinct: number;
  /** Rows left once those another row implies are dropped: what the model gets. */
  rows: number;
}

/** Options of communications sending alike (recurring and one-off, or on entry at one offset), side by side. */
interface SendClass {
  readonly options: number[];
  /** Per option: 1 at `[s * T + t]` when it reaches someone of segment s in month t. */
  readonly fires: Uint8Array[];
}

const NO_SENDS: SendClass = { options: [], fires: [] };

interface Cap {
  readonly capOf: "roadmap" | string;
  readonly cap: number;
  /** Null for the roadmap's cap, which counts every channel's sends. */
  readonly channelId: string | null;
}

/**
 * The contact caps as rows, counted as the contact-pressure view counts them
 * (`measureContactPressure`): for every segment, phase and month, each cohort
 * of customers who entered the phase in the same month must get no more sends
 * than the cap — the roadmap's over every communication, a channel's over its
 * own. An option reaches a cohort when its schedule reaches the segment that
 * month and the send is one the cohort gets (pressure.ts's cohort tally): the cohort with
 * no on-entry send due gets the recurring and one-off sends, the cohort that
 * entered d months ago those and the on-entry sends of offset d, the cohort
 * entering during the month only on-entry sends of offset 0. Since a
 * communication sends at most one of its options, a row only matters where
 * more communications than the cap could reach the cohort. Rows over the same
 * options with the same cap are one row (the first, in phase, segment, month
 * order, names it), and a row over some of another row's options with a cap
 * no lower is dropped, since that row already holds them to less (the
 * cohort without on-entry sends due is held by the cohort that also gets
 * one, most months).
 */
export function contactCapRows(
  flow: CustomerFlow,
  viewed: Pick<Roadmap, "contactCap" | "channels">,
  scheduled: readonly ScheduledCandidate[],
  candidates: readonly OptimisationCandidate[],
  extraContacts: number,
  stats?: ContactCapRowStats,
): ConstraintRow[] {
  const S = flow.segmentIds.length;
  const P = flow.phaseIds.length;
  const T = flow.months;
  const caps: Cap[] = [
    { capOf: "roadmap", cap: viewed.contactCap + extraContacts, channelId: null },
    ...viewed.channels.flatMap((channel) =>
      channel.contactCap === null
        ? []
        : [{ capOf: channel.id, cap: channel.contactCap + extraContacts, channelId: channel.id }],
    ),
  ];
  const onPhase: number[][] = Array.from({ length: P }, () => []);
  scheduled.forEach((candidate, c) => {
    const p = candidate.schedules[0]?.phaseIndex ?? -1;
    if (p >= 0) onPhase[p]?.push(c);
  });

  const rows: ConstraintRow[] = [];
  // One phase's rows by options and cap: rows of different phases never share an option.
  const phaseRows = new Map<string, ConstraintRow>();
  const counted: ContactCapRowStats = stats ?? { cohorts: 0, overCap: 0, distinct: 0, rows: 0 };
  const alone = new Int32Array(T);
  /**
   * A row for the cohort of segment `s` getting, in month `t`, the sends of
   * `due` (none for the cohort with no on-entry send due) and `alongside`.
   */
  const emit = (due: SendClass, alongside: SendClass, cap: Cap, s: number, p: number, t: number, entry: number) => {
    const cell = s * T + t;
    const dueNow = communicationsIn(due, cell, cap.channelId);
    // The cohort an on-entry send is due to is counted only in months it is (else it gets what the others get).
    if (due !== NO_SENDS && dueNow === 0) return;
    const reaching = dueNow + communicationsIn(alongside, cell, cap.channelId);
    if (reaching === 0) return;
    counted.cohorts++;
    if (reaching <= cap.cap) return;
    counted.overCap++;
    const options: number[] = [];
    for (const sends of [due, alongside]) {
      sends.options.forEach((o, k) => {
        if ((sends.fires[k] as Uint8Array)[cell] === 1 && (cap.channelId === null || channelOf[o] === cap.channelId)) {
          options.push(o);
        }
      });
    }
    const indices = Int32Array.from(options).sort();
    const key = `${cap.cap}:${indices.join(",")}`;
    if (phaseRows.has(key)) return;
    const constraint: ConstraintRef = {
      kind: "contactCap",
      capOf: cap.capOf,
      cap: cap.cap,
      segmentId: flow.segmentIds[s] as string,
      phaseId: flow.phaseIds[p] as string,
      month: t,
      entryMonth: entry < 0 ? null : entry,
    };
    phaseRows.set(key, {
      constraint,
      lower: -Infinity,
      upper: cap.cap,
      indices,
      values: new Float64Array(indices.length).fill(1),
    });
  };

  // Per option: its candidate and channel, so a row can count communications rather than options.
  const optionCandidate: number[] = [];
  const channelOf: string[] = [];
  candidates.forEach((candidate, c) => {
    for (const i of candidate.optionIndices) {
      optionCandidate[i] = c;
      channelOf[i] = (scheduled[c] as ScheduledCandidate).communication.channelId;
    }
  });
  /** The communications of a class with an option firing in the cell (of the channel, unless null). */
  const communicationsIn = (sends: SendClass, cell: number, channelId: string | null) => {
    const { options, fires } = sends;
    let count = 0;
    let last = -1;
    for (let k = 0; k < options.length; k++) {
      const o = options[k] as number;
      const c = optionCandidate[o] as number;
      if (c !== last && (fires[k] as Uint8Array)[cell] === 1 && (channelId === null || channelOf[o] === channelId)) {
        count++;
        last = c;
      }
    }
    return count;
  };

  onPhase.forEach((phaseCandidates, p) => {
    if (phaseCandidates.length === 0) return;
    // Recurring and one-off sends together, on-entry sends by offset: each option with the cells it fires in.
    const periodic: SendClass = { options: [], fires: [] };
    const onEntry = new Map<number, SendClass>();
    for (const c of phaseCandidates) {
      const candidate = scheduled[c] as ScheduledCandidate;
      const offset = onEntryOffset(candidate.communication);
      let sends = periodic;
      if (offset !== null) {
        sends = onEntry.get(offset) ?? { options: [], fires: [] };
        onEntry.set(offset, sends);
      }
      const optionIndices = (candidates[c] as OptimisationCandidate).optionIndices;
      candidate.schedules.forEach((schedule, k) => {
        const fires = new Uint8Array(S * T);
        const { segmentIndices, reachBySegment } = schedule;
        const n = segmentIndices.length;
        for (let j = 0; j < n; j++) {
          const s = segmentIndices[j] as number;
          for (let t = 0; t < T; t++) if ((reachBySegment[t * n + j] as number) > 0) fires[s * T + t] = 1;
        }
        sends.options.push(optionIndices[k] as number);
        sends.fires.push(fires);
      });
    }
    const dueOffsets = [...onEntry.keys()].filter((offset) => offset > 0).sort((a, b) => a - b);
    const due = dueOffsets.map((offset) => onEntry.get(offset) as SendClass);
    const newcomers = onEntry.get(0) ?? NO_SENDS;
    for (let s = 0; s < S; s++) {
      periodicCohorts(flow, s, p, alone);
      for (let t = 0; t < T; t++) {
        const cohort = alone[t] as number;
        for (const cap of caps) {
          if (cohort !== NO_COHORT) emit(NO_SENDS, periodic, cap, s, p, t, cohort);
          for (let d = 0; d < due.length; d++)
            emit(due[d] as SendClass, periodic, cap, s, p, t, t - (dueOffsets[d] as number));
          if (newcomers !== NO_SENDS) emit(newcomers, NO_SENDS, cap, s, p, t, t);
        }
      }
    }
    counted.distinct += phaseRows.size;
    rows.push(...withoutImplied([...phaseRows.values()]));
    phaseRows.clear();
  });
  counted.rows = rows.length;
  return rows;
}

/**
 * The rows no other row implies, in their order. Σ over a set ≤ its cap
 * implies the same for every subset with a cap no lower, so a row goes when a
 * kept row covers its options with such a cap; rows over more options (then
 * the lower cap) are looked at first, so every row that implies another is
 * kept or itself implied by a kept one.
 */
function withoutImplied(rows: readonly ConstraintRow[]): ConstraintRow[] {
  const order = rows
    .map((_, r) => r)
    .sort((a, b) => {
      const [ra, rb] = [rows[a] as ConstraintRow, rows[b] as ConstraintRow];
      return rb.indices.length - ra.indices.length || ra.upper - rb.upper || a - b;
    });
  const kept: ConstraintRow[] = [];
  const keep = new Uint8Array(rows.length);
  for (const r of order) {
    const row = rows[r] as ConstraintRow;
    if (kept.some((other) => other.upper <= row.upper && covers(other.indices, row.indices))) continue;
    kept.push(row);
    keep[r] = 1;
  }
  return rows.filter((_, r) => keep[r] === 1);
}

/** Whether sorted `outer` holds every index of sorted `inner`. */
function covers(outer: Int32Array, inner: Int32Array): boolean {
  if (inner.length > outer.length) return false;
  let i = 0;
  for (let o = 0; o < outer.length && i < inner.length; o++) {
    if (outer[o] === inner[i]) i++;
    else if ((outer[o] as number) > (inner[i] as number)) return false;
  }
  return i === inner.length;
}
