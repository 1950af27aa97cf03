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
  const collisions: ContactCollision[] = [];
  const channelCaps = channels.filter((channel) => channel.contactCap !== null);
  const byPhase = communicationsByPhase(schedules, P);

  for (let s = 0; s < S; s++) {
    for (let p = 0; p < P; p++) {
      const cell = cohortCell(flow, communications, schedules, byPhase[p] ?? [], s, p);
      if (cell.reaching.length === 0) continue;
      const worst = cell.worstCohorts(cell.reaching);
      counts.set(worst.counts, (s * P + p) * T);
      worstEntry.set(worst.entries, (s * P + p) * T);
      const capped = channelCaps
        .map((channel) => ({
          channel,
          reaching: cell.reaching.filter((c) => communications[c]?.channelId === channel.id),
        }))
        // A channel can only go over its cap on a phase where more of its communications than that reach the segment.
        .filter(({ channel, reaching }) => reaching.length > (channel.contactCap ?? Infinity))
        .map(({ channel, reaching }) => ({ channel, reaching, worst: cell.worstCohorts(reaching) }));
      const collide = (reaching: readonly number[], cohorts: Cohorts, t: number, cap: number, capOf: string) => {
        const entry = cohorts.entries[t] as number;
        const cohort = describeCohort(
          communications,
          sendsToCohort(communications, schedules, reaching, s, t, entry),
          entry,
        );
        collisions.push({
          segmentId: flow.segmentIds[s] as string,
          phaseId: flow.phaseIds[p] as string,
          month: t,
          cap,
          capOf,
          ...cohort,
        });
      };
      for (let t = 0; t < T; t++) {
        if ((worst.counts[t] as number) > contactCap) collide(cell.reaching, worst, t, contactCap, "roadmap");
        for (const { channel, reaching, worst: channelWorst } of capped) {
          const cap = channel.contactCap as number;
          if ((channelWorst.counts[t] as number) > cap) collide(reaching, channelWorst, t, cap, channel.id);
        }
      }
    }
  }

  let maxCount = 0;
  for (const count of counts) if (count > maxCount) maxCount = count;
  return {
    contactCap,
    segmentIds: flow.segmentIds,
    phaseIds: flow.phaseIds,
    months: T,
    counts,
    worstEntry,
    maxCount,
    collisions,
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
  return describeCohort(communications, sendsToCohort(communications, schedules, onPhase, segment, t, entry), entry);
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

/** The worst-served cohort of every month: how many sends it gets, and when it entered (`AT_START` or a month). */
interface Cohorts {
  readonly counts: Uint32Array;
  readonly entries: Int32Array;
}

/**
 * The cohorts of one segment in one phase. A send reaches the cohort that
 * entered in month `e` in month `t`:
 * - an on-entry send, when `t − e` is its offset and it fires at `t` (it fires
 *   only when someone of that cohort is still there);
 * - a recurring or one-off send firing at `t`, when the cohort is there at the
 *   start of `t`: it entered before `t` and has not all left.
 * So month `t` gives the cohort of `e` the on-entry sends of offset `t − e`
 * plus every other send firing then, except the cohort entering during `t`,
 * which gets only the on-entry sends of offset 0.
 */
function cohortCell(
  flow: CustomerFlow,
  communications: readonly PressureCommunication[],
  schedules: readonly CommunicationSchedule[],
  onPhase: readonly number[],
  s: number,
  p: number,
) {
  const T = flow.months;
  const P = flow.phaseIds.length;
  const stay = flow.stayRate[s * P + p] as number;
  const atStart = flow.population[s * (T + 1) * P + p] as number;
  const entered = (e: number) => flow.entries[(s * T + e) * P + p] as number;
  const reaching = onPhase.filter((c) => (schedules[c] as CommunicationSchedule).segmentIndices.includes(s));

  return {
    reaching,

    /** The worst cohort of every month, counting only the given communications. */
    worstCohorts(subset: readonly number[]): Cohorts {
      const periodic = new Uint32Array(T);
      const byOffset = new Map<number, Uint32Array>();
      for (const c of subset) {
        const offset = onEntryOffset(communications[c] as PressureCommunication);
        const counts = offset === null ? periodic : (byOffset.get(offset) ?? new Uint32Array(T));
        if (offset !== null) byOffset.set(offset, counts);
        for (let t = 0; t < T; t++)
          if (firesFor(schedules[c] as CommunicationSchedule, s, t)) counts[t] = (counts[t] as number) + 1;
      }
      const offsets = [...byOffset.keys()].sort((a, b) => b - a);
      const counts = new Uint32Array(T);
      const entries = new Int32Array(T);
      let firstEntered = -1;
      for (let t = 0; t < T; t++) {
        // Candidates in the order they entered, the earliest winning a tie: those there at the start, the
        // earliest cohort still there (it gets the periodic sends alone), and each cohort an on-entry send is due to.
        let most = 0;
        let entry = AT_START;
        const consider = (sends: number, e: number) => {
          if (sends > most) {
            most = sends;
            entry = e;
          }
        };
        if (atStart > 0 && (t === 0 || stay > 0)) consider(periodic[t] as number, AT_START);
        const earliestThere = stay > 0 ? firstEntered : t > 0 && entered(t - 1) > 0 ? t - 1 : -1;
        if (earliestThere >= 0) consider(periodic[t] as number, earliestThere);
        for (const offset of offsets) {
          const due = (byOffset.get(offset) as Uint32Array)[t] as number;
          if (due > 0 && offset > 0) consider(due + (periodic[t] as number), t - offset);
        }
        consider((byOffset.get(0)?.[t] as number | undefined) ?? 0, t);
        counts[t] = most;
        entries[t] = entry;
        if (firstEntered < 0 && entered(t) > 0) firstEntered = t;
      }
      return { counts, entries };
    },
  };
}

/**
 * The communications of `subset` reaching the cohort that entered in month
 * `entry` (or was there at the start) in month `t`, in document order. The
 * cohort is known to be there: this only picks the sends.
 */
function sendsToCohort(
  communications: readonly PressureCommunication[],
  schedules: readonly CommunicationSchedule[],
  subset: readonly number[],
  s: number,
  t: number,
  entry: number,
): number[] {
  return subset.filter((c) => {
    if (!firesFor(schedules[c] as CommunicationSchedule, s, t)) return false;
    const offset = onEntryOffset(communications[c] as PressureCommunication);
    if (entry === t) return offset === 0;
    return offset === null || (entry !== AT_START && offset === t - entry);
  });
}

function describeCohort(
  communications: readonly PressureCommunication[],
  sends: readonly number[],
  entry: number,
): WorstCohort {
  const colliding = sends.map((c) => ({
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

function onEntryOffset(communication: PressureCommunication): number | null {
  return communication.timing.kind === "onEntry" ? communication.timing.offsetMonths : null;
}
