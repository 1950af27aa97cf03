import type { Channel, Communication } from "../model/schema";
import type { CustomerFlow } from "./flow";
import type { CommunicationSchedule } from "./schedule";

/** A communication reaching a cohort, and who sends it. */
export interface CollidingCommunication {
  readonly communicationId: string;
  readonly ownerId: string;
}

/**
 * A cohort — customers of one segment who entered one phase in the same
 * month — getting more sends in a calendar month than a cap allows: the
 * roadmap's cap over all communications, or a channel's cap over that
 * channel's. One per segment, phase, month and cap: the worst cohort there.
 */
export interface ContactCollision {
  readonly segmentId: string;
  readonly phaseId: string;
  /** Month of the horizon the cohort entered the phase in; null for customers in it at the plan's start. */
  readonly entryMonth: number | null;
  /** Month of the horizon, from 0. */
  readonly month: number;
  /** Sends reaching one customer of the cohort that month (of the channel, for a channel's cap); above the cap. */
  readonly count: number;
  readonly cap: number;
  /** Whose cap it is over: the roadmap's, or a channel's (its id). */
  readonly capOf: "roadmap" | string;
  /** The communications reaching the cohort that month, in document order. */
  readonly communications: readonly CollidingCommunication[];
  /** Their owners, each once, in the order they first appear above. */
  readonly ownerIds: readonly string[];
}

/**
 * How many communications one customer receives a month (DOMAIN.md's contact
 * pressure). It is counted per cohort: the customers of a segment who entered
 * a phase in the same month get the same sends, from every owner — the phase's
 * recurring and one-off sends while they are in it, and each on-entry send
 * once, `offsetMonths` after they entered, if they are still there. So a
 * series of five monthly on-entry emails is one email a month, never five.
 * Customers in the phase at the plan's start are a cohort of their own.
 */
export interface ContactPressure {
  readonly contactCap: number;
  readonly segmentIds: readonly string[];
  readonly phaseIds: readonly string[];
  readonly months: number;
  /** Sends reaching the worst-served cohort of each segment, phase and month, at `[(s * P + p) * T + t]`. */
  readonly counts: Uint32Array;
  /**
   * The month that cohort entered the phase, at the same index; `AT_START` for the customers there at the
   * plan's start. The earliest-entered cohort on a tie; meaningless where the count is 0.
   */
  readonly worstEntry: Int32Array;
  readonly maxCount: number;
  /** Ordered by segment, phase, month, then the roadmap's cap before channels' (in document order). */
  readonly collisions: readonly ContactCollision[];
}

/** The cohort of one segment, phase and month that gets the most sends, and what they are. */
export interface WorstCohort {
  /** Null for customers in the phase at the plan's start. */
  readonly entryMonth: number | null;
  readonly count: number;
  readonly communications: readonly CollidingCommunication[];
  readonly ownerIds: readonly string[];
}

type PressureCommunication = Pick<Communication, "id" | "ownerId" | "channelId" | "timing">;

/** `worstEntry` of the customers in a phase at the plan's start, who entered before it. */
export const AT_START = -1;

/**
 * Counts, for every segment, phase and month, the sends reaching the
 * worst-served cohort there, and lists the cohorts over the roadmap's cap or a
 * channel's `contactCap` (a channel's cap counts only that channel's sends).
 * A send reaches a cohort when it reaches someone of the segment that month:
 * an audience share below 100 % still counts once, because a cap is about the
 * customer who qualifies for everything, not the average one.
 */
export function measureContactPressure(
  flow: CustomerFlow,
  communications: readonly PressureCommunication[],
  schedules: readonly CommunicationSchedule[],
  contactCap: number,
  channels: readonly Pick<Channel, "id" | "contactCap">[] = [],
): ContactPressure {
  const S = flow.segmentIds.length;
  const P = flow.phaseIds.length;
  const T = flow.months;
  const counts = new Uint32Array(S * P * T);
  const worstEntry = new Int32Array(S * P * T);
  const collisions: { collision: ContactCollision; order: number }[] = [];
  const channelCaps = channels.filter((channel) => channel.contactCap !== null);
  const tally = createCohortTally(flow, communications, schedules);
  // A channel's counts are only read for its collisions: one phase's worth of cells, reused.
  const channelCells = {
    counts: new Uint32Array(S * T),
    entries: new Int32Array(S * T),
    firstCell: (s: number) => s * T,
  };

  communicationsByPhase(schedules, P).forEach((onPhase, p) => {
    if (onPhase.length === 0) return;
    const collide = (cohorts: CohortCells, subset: readonly number[], cap: number, capOf: string, rank: number) => {
      for (let s = 0; s < S; s++) {
        if (cohorts.reached[s] === 0) continue;
        const first = cohorts.firstCell(s);
        for (let t = 0; t < T; t++) {
          if ((cohorts.counts[first + t] as number) <= cap) continue;
          const entry = cohorts.entries[first + t] as number;
          collisions.push({
            // Segment, phase, month, then the roadmap's cap before the channels': the order the report lists them in.
            order: ((s * P + p) * T + t) * (channelCaps.length + 1) + rank,
            collision: {
              segmentId: flow.segmentIds[s] as string,
              phaseId: flow.phaseIds[p] as string,
              month: t,
              cap,
              capOf,
              ...cohortAt(communications, schedules, subset, s, t, entry),
            },
          });
        }
      }
    };

    collide(
      tally(p, onPhase, { counts, entries: worstEntry, firstCell: (s) => (s * P + p) * T }),
      onPhase,
      contactCap,
      "roadmap",
      0,
    );
    channelCaps.forEach((channel, i) => {
      const cap = channel.contactCap as number;
      const ofChannel = onPhase.filter((c) => communications[c]?.channelId === channel.id);
      // A channel can only go over its cap on a phase where more of its communications than that send.
      if (ofChannel.length > cap) collide(tally(p, ofChannel, channelCells), ofChannel, cap, channel.id, i + 1);
    });
  });

  let maxCount = 0;
  for (let i = 0; i < counts.length; i++) if ((counts[i] as number) > maxCount) maxCount = counts[i] as number;
  return {
    contactCap,
    segmentIds: flow.segmentIds,
    phaseIds: flow.phaseIds,
    months: T,
    counts,
    worstEntry,
    maxCount,
    collisions: collisions.sort((a, b) => a.order - b.order).map(({ collision }) => collision),
  };
}

/**
 * The worst-served cohort of one segment and phase in month `t`, with the
 * communications reaching it: what the heatmap shows for a cell.
 */
export function worstCohortOf(
  pressure: ContactPressure,
  communications: readonly PressureCommunication[],
  schedules: readonly CommunicationSchedule[],
  segment: number,
  phase: number,
  t: number,
): WorstCohort {
  const at = (segment * pressure.phaseIds.length + phase) * pressure.months + t;
  const entry = (pressure.counts[at] ?? 0) > 0 ? (pressure.worstEntry[at] as number) : AT_START;
  const onPhase = schedules.flatMap((schedule, c) => (schedule.phaseIndex === phase ? [c] : []));
  return cohortAt(communications, schedules, onPhase, segment, t, entry);
}

/**
 * The most sends one customer gets in month `t`: of segment `index` in
 * whichever phase is worst (by "segment"), or in phase `index` whatever their
 * segment (by "phase"). What a heatmap row shows.
 */
export function worstContactPressure(
  pressure: ContactPressure,
  by: "segment" | "phase",
  index: number,
  t: number,
): number {
  return worstCellOf(pressure, by, index, t).count;
}

/** The cell (segment and phase) behind `worstContactPressure`: the first with the most sends. */
export function worstCellOf(
  pressure: ContactPressure,
  by: "segment" | "phase",
  index: number,
  t: number,
): { segment: number; phase: number; count: number } {
  const S = pressure.segmentIds.length;
  const P = pressure.phaseIds.length;
  const T = pressure.months;
  let worst = by === "segment" ? { segment: index, phase: 0, count: 0 } : { segment: 0, phase: index, count: 0 };
  for (let other = 0; other < (by === "segment" ? P : S); other++) {
    const [s, p] = by === "segment" ? [index, other] : [other, index];
    const count = pressure.counts[(s * P + p) * T + t] ?? 0;
    if (count > worst.count) worst = { segment: s, phase: p, count };
  }
  return worst;
}

/** Each segment's worst month: the most sends one of its customers gets, and the first month it happens. */
export function worstPressureBySegment(
  pressure: ContactPressure,
): { segmentId: string; month: number; contacts: number }[] {
  const P = pressure.phaseIds.length;
  const T = pressure.months;
  return pressure.segmentIds.map((segmentId, s) => {
    let worst = { segmentId, month: 0, contacts: 0 };
    for (let t = 0; t < T; t++) {
      for (let p = 0; p < P; p++) {
        const contacts = pressure.counts[(s * P + p) * T + t] ?? 0;
        if (contacts > worst.contacts) worst = { segmentId, month: t, contacts };
      }
    }
    return worst;
  });
}

/** Indices of the communications that can reach anyone, per phase, in document order. */
function communicationsByPhase(schedules: readonly CommunicationSchedule[], P: number): number[][] {
  const byPhase: number[][] = Array.from({ length: P }, () => []);
  schedules.forEach((schedule, c) => {
    if (schedule.segmentIndices.length > 0) byPhase[schedule.phaseIndex]?.push(c);
  });
  return byPhase;
}

/** Where a tally writes each segment's worst cohorts: `counts` and `entries` from `firstCell(s)`, a month apart. */
interface CohortTarget {
  readonly counts: Uint32Array;
  /** When the worst cohort entered: `AT_START` or a month. */
  readonly entries: Int32Array;
  firstCell(s: number): number;
}

/** A tally's cells, and which segments some communication of the phase reaches (1) or none (0). */
interface CohortCells extends CohortTarget {
  readonly reached: Uint8Array;
}

/**
 * Counts the cohorts of one phase, segment by segment. A send reaches the
 * cohort that entered in month `e` in month `t`:
 * - an on-entry send, when `t − e` is its offset and it fires at `t` (it fires
 *   only when someone of that cohort is still there);
 * - a recurring or one-off send firing at `t`, when the cohort is there at the
 *   start of `t`: it entered before `t` and has not all left.
 * So month `t` gives the cohort of `e` the on-entry sends of offset `t − e`
 * plus every other send firing then, except the cohort entering during `t`,
 * which gets only the on-entry sends of offset 0 (`reachesCohort`); cohorts
 * with no on-entry send due all get the same, counted once for the cohort
 * `periodicCohorts` names. The worst cohort is the one with the most sends,
 * the earliest-entered on a tie. It writes only the segments some
 * communication of the subset reaches. The optimiser's contact-cap rows
 * (optimise/contactCapRows.ts) enumerate the same cohorts.
 */
function createCohortTally(
  flow: CustomerFlow,
  communications: readonly PressureCommunication[],
  schedules: readonly CommunicationSchedule[],
): (p: number, subset: readonly number[], target: CohortTarget) => CohortCells {
  const S = flow.segmentIds.length;
  const T = flow.months;
  // Sends per segment and month, periodic and per on-entry offset: left all 0 after each tally, as they are read.
  const periodic = new Uint32Array(S * T);
  const onEntry = new Map<number, Uint32Array>();
  const reached = new Uint8Array(S);
  const alone = new Int32Array(T);

  return (p, subset, target) => {
    reached.fill(0);
    const offsets = new Set<number>();
    for (const c of subset) {
      const schedule = schedules[c] as CommunicationSchedule;
      const offset = onEntryOffset(communications[c] as PressureCommunication);
      let sends: Uint32Array = periodic;
      if (offset !== null) {
        sends = onEntry.get(offset) ?? new Uint32Array(S * T);
        onEntry.set(offset, sends);
        offsets.add(offset);
      }
      const { segmentIndices, reachBySegment } = schedule;
      const n = segmentIndices.length;
      for (let j = 0; j < n; j++) {
        const s = segmentIndices[j] as number;
        reached[s] = 1;
        for (let t = 0; t < T; t++) {
          if ((reachBySegment[t * n + j] as number) > 0) sends[s * T + t] = (sends[s * T + t] as number) + 1;
        }
      }
    }
    // Later entry months for larger offsets come last, so on a tie the earlier cohort stays the worst.
    const dueOffsets = [...offsets].filter((offset) => offset > 0).sort((a, b) => b - a);
    const dueSends = dueOffsets.map((offset) => onEntry.get(offset) as Uint32Array);
    const newcomers = offsets.has(0) ? (onEntry.get(0) as Uint32Array) : null;
    const { counts, entries } = target;

    for (let s = 0; s < S; s++) {
      if (reached[s] === 0) continue;
      const first = target.firstCell(s);
      periodicCohorts(flow, s, p, alone);
      for (let t = 0; t < T; t++) {
        const i = s * T + t;
        const alongside = periodic[i] as number;
        periodic[i] = 0;
        let most = 0;
        let entry = AT_START;
        const cohort = alone[t] as number;
        if (cohort !== NO_COHORT && alongside > most) {
          most = alongside;
          entry = cohort;
        }
        for (let d = 0; d < dueOffsets.length; d++) {
          const sends = dueSends[d] as Uint32Array;
          const due = sends[i] as number;
          sends[i] = 0;
          if (due > 0 && due + alongside > most) {
            most = due + alongside;
            entry = t - (dueOffsets[d] as number);
          }
        }
        if (newcomers) {
          const arriving = newcomers[i] as number;
          newcomers[i] = 0;
          if (arriving > most) {
            most = arriving;
            entry = t;
          }
        }
        counts[first + t] = most;
        entries[first + t] = entry;
      }
    }
    return { ...target, reached };
  };
}

/**
 * The cohort that entered in month `entry` (or was there at the start) in
 * month `t`, with the communications of `subset` reaching it, in document
 * order. The cohort is known to be there: this only picks the sends.
 */
function cohortAt(
  communications: readonly PressureCommunication[],
  schedules: readonly CommunicationSchedule[],
  subset: readonly number[],
  s: number,
  t: number,
  entry: number,
): WorstCohort {
  const reaching = subset.filter(
    (c) =>
      firesFor(schedules[c] as CommunicationSchedule, s, t) &&
      reachesCohort(onEntryOffset(communications[c] as PressureCommunication), entry, t),
  );
  const colliding = reaching.map((c) => ({
    communicationId: (communications[c] as PressureCommunication).id,
    ownerId: (communications[c] as PressureCommunication).ownerId,
  }));
  return {
    entryMonth: entry === AT_START ? null : entry,
    count: colliding.length,
    communications: colliding,
    ownerIds: [...new Set(colliding.map((item) => item.ownerId))],
  };
}

/** Whether the schedule reaches someone of segment `s` in month `t`. */
function firesFor(schedule: CommunicationSchedule, s: number, t: number): boolean {
  const j = schedule.segmentIndices.indexOf(s);
  return j >= 0 && (schedule.reachBySegment[t * schedule.segmentIndices.length + j] as number) > 0;
}

/**
 * Whether a send firing in month `t` reaches the cohort that entered in month
 * `entry` (`AT_START`: was there at the plan's start), given it is there: an
 * on-entry send (its offset) only the cohort it is due to, the cohort entering
 * during `t` only on-entry sends of offset 0, every other cohort every
 * recurring and one-off send (offset null).
 */
function reachesCohort(offset: number | null, entry: number, t: number): boolean {
  if (entry === t) return offset === 0;
  return offset === null || (entry !== AT_START && offset === t - entry);
}

/** `periodicCohorts` of a month where no cohort of the segment is in the phase. */
export const NO_COHORT = -2;

/**
 * For each month, the cohort of segment `s` in phase `p` that gets the
 * phase's recurring and one-off sends with no on-entry send due: the
 * customers there at the plan's start while they can still be there
 * (`AT_START`), else the earliest-entered cohort still there (customers who
 * entered in a month with no stay rate are there the month after only);
 * `NO_COHORT` when none is. Later cohorts with nothing due get the same sends,
 * so this one stands for them all. Written into `into`, one entry a month.
 */
export function periodicCohorts(
  flow: CustomerFlow,
  s: number,
  p: number,
  into: Int32Array = new Int32Array(flow.months),
): Int32Array {
  const P = flow.phaseIds.length;
  const T = flow.months;
  const stay = flow.stayRate[s * P + p] as number;
  const startThere = (flow.population[s * (T + 1) * P + p] as number) > 0;
  let firstEntered = -1;
  let enteredLastMonth = false;
  for (let t = 0; t < T; t++) {
    const earliestThere = stay > 0 ? firstEntered : enteredLastMonth ? t - 1 : -1;
    into[t] = startThere && (t === 0 || stay > 0) ? AT_START : earliestThere >= 0 ? earliestThere : NO_COHORT;
    const enteredThisMonth = (flow.entries[(s * T + t) * P + p] as number) > 0;
    if (firstEntered < 0 && enteredThisMonth) firstEntered = t;
    enteredLastMonth = enteredThisMonth;
  }
  return into;
}

/** The on-entry offset of a communication's sends; null for recurring and one-off sends. */
export function onEntryOffset(communication: Pick<Communication, "timing">): number | null {
  return communication.timing.kind === "onEntry" ? communication.timing.offsetMonths : null;
}
