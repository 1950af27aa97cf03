import type { CustomerFlow } from "../engine/flow";
import { NO_COHORT, onEntryOffset, periodicCohorts } from "../engine/pressure";
import type { Roadmap } from "../model/schema";
import type { ScheduledCandidate } from "./optimisationOptions";
import type { ConstraintRef, ConstraintRow, OptimisationCandidate } from "./types";

/** How many cap rows a model was built with, before and after dropping and merging, for benchmarks. */
export interface ContactCapRowStats {
  /** Cohort, month and cap combinations with at least one send that could reach them. */
  cohorts: number;
  /** Those where more communications than the cap could reach the cohort. */
  overCap: number;
  /** Rows left once rows over the same options with the same cap are merged. */
  rows: number;
}

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
 * month and the send is one the cohort gets (`reachesCohort`): the cohort with
 * no on-entry send due gets the recurring and one-off sends, the cohort that
 * entered d months ago those and the on-entry sends of offset d, the cohort
 * entering during the month only on-entry sends of offset 0. Since a
 * communication sends at most one of its options, a row only matters where
 * more communications than the cap could reach the cohort; rows over the same
 * options with the same cap are one row (the first, in phase, segment, month
 * order, names it).
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
  const seen = new Set<string>();
  const counted: ContactCapRowStats = stats ?? { cohorts: 0, overCap: 0, rows: 0 };
  const alone = new Int32Array(T);
  const emit = (members: readonly number[], cap: Cap, s: number, p: number, t: number, entry: number) => {
    const reaching = cap.channelId === null ? members : members.filter((o) => channelOf[o] === cap.channelId);
    if (reaching.length === 0) return;
    counted.cohorts++;
    if (distinctCandidates(reaching) <= cap.cap) return;
    counted.overCap++;
    const indices = Int32Array.from(reaching).sort();
    const key = `${cap.cap}:${indices.join(",")}`;
    if (seen.has(key)) return;
    seen.add(key);
    const constraint: ConstraintRef = {
      kind: "contactCap",
      capOf: cap.capOf,
      cap: cap.cap,
      segmentId: flow.segmentIds[s] as string,
      phaseId: flow.phaseIds[p] as string,
      month: t,
      entryMonth: entry < 0 ? null : entry,
    };
    rows.push({
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
  const distinctCandidates = (members: readonly number[]) => {
    const seenCandidates = new Set<number>();
    for (const o of members) seenCandidates.add(optionCandidate[o] as number);
    return seenCandidates.size;
  };

  onPhase.forEach((phaseCandidates, p) => {
    if (phaseCandidates.length === 0) return;
    // The options firing for each segment and month: recurring and one-off together, on-entry by offset.
    const periodic: number[][] = Array.from({ length: S * T }, () => []);
    const onEntry = new Map<number, number[][]>();
    for (const c of phaseCandidates) {
      const candidate = scheduled[c] as ScheduledCandidate;
      const offset = onEntryOffset(candidate.communication);
      let cells = periodic;
      if (offset !== null) {
        cells = onEntry.get(offset) ?? Array.from({ length: S * T }, () => []);
        onEntry.set(offset, cells);
      }
      const optionIndices = (candidates[c] as OptimisationCandidate).optionIndices;
      candidate.schedules.forEach((schedule, k) => {
        const o = optionIndices[k] as number;
        const { segmentIndices, reachBySegment } = schedule;
        const n = segmentIndices.length;
        for (let j = 0; j < n; j++) {
          const s = segmentIndices[j] as number;
          for (let t = 0; t < T; t++) if ((reachBySegment[t * n + j] as number) > 0) cells[s * T + t]?.push(o);
        }
      });
    }
    const dueOffsets = [...onEntry.keys()].filter((offset) => offset > 0).sort((a, b) => a - b);
    const newcomers = onEntry.get(0);
    for (let s = 0; s < S; s++) {
      periodicCohorts(flow, s, p, alone);
      for (let t = 0; t < T; t++) {
        const cell = s * T + t;
        const alongside = periodic[cell] as number[];
        for (const cap of caps) {
          const cohort = alone[t] as number;
          if (cohort !== NO_COHORT) emit(alongside, cap, s, p, t, cohort);
          for (const offset of dueOffsets) {
            const due = (onEntry.get(offset) as number[][])[cell] as number[];
            if (due.length > 0) emit([...due, ...alongside], cap, s, p, t, t - offset);
          }
          const arriving = newcomers?.[cell];
          if (arriving && arriving.length > 0) emit(arriving, cap, s, p, t, t);
        }
      }
    }
  });
  counted.rows = rows.length;
  return rows;
}
