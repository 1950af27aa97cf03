import type { Communication } from "../model/schema";
import type { CustomerFlow } from "./flow";
import type { CommunicationSchedule } from "./schedule";

/** A communication in a collision, and who sends it. */
export interface CollidingCommunication {
  readonly communicationId: string;
  readonly ownerId: string;
}

/** A segment, phase and month in which customers get more communications than the contact cap allows. */
export interface ContactCollision {
  readonly segmentId: string;
  readonly phaseId: string;
  /** Month of the horizon, from 0. */
  readonly month: number;
  /** Communications reaching a customer there that month; above the cap. */
  readonly count: number;
  /** The communications, in document order. */
  readonly communications: readonly CollidingCommunication[];
  /** Their owners, each once, in the order they first appear above. */
  readonly ownerIds: readonly string[];
}

/**
 * How many communications reach a customer of each segment in each phase each
 * month, summed over all owners (DOMAIN.md's contact pressure), and where that
 * exceeds the roadmap's contact cap.
 */
export interface ContactPressure {
  readonly contactCap: number;
  readonly segmentIds: readonly string[];
  readonly phaseIds: readonly string[];
  readonly months: number;
  /** Communications per segment, phase and month, at `[(s * P + p) * T + t]` as in the flow. */
  readonly counts: Uint32Array;
  readonly maxCount: number;
  /** Cells over the cap, ordered by segment, phase, then month. */
  readonly collisions: readonly ContactCollision[];
}

/**
 * Counts, for every segment, phase and month, the communications that fire
 * for that segment there: a communication counts when it reaches someone of
 * the segment in that phase that month. That is the pressure on a customer
 * who qualifies for everything: an on-entry communication only goes to those
 * who entered `offsetMonths` ago, and an audience share below 100 % only to
 * some, yet each still counts once, because the cap is about the worst-served
 * customer, not the average one.
 */
export function measureContactPressure(
  flow: CustomerFlow,
  communications: readonly Pick<Communication, "ownerId">[],
  schedules: readonly CommunicationSchedule[],
  contactCap: number,
): ContactPressure {
  const S = flow.segmentIds.length;
  const P = flow.phaseIds.length;
  const T = flow.months;
  const counts = new Uint32Array(S * P * T);
  const byPhase: number[][] = Array.from({ length: P }, () => []);

  schedules.forEach((schedule, c) => {
    const { segmentIndices, reachBySegment, phaseIndex } = schedule;
    if (segmentIndices.length === 0) return;
    byPhase[phaseIndex]?.push(c);
    const n = segmentIndices.length;
    for (let j = 0; j < n; j++) {
      const cell = ((segmentIndices[j] as number) * P + phaseIndex) * T;
      for (let t = 0; t < T; t++) {
        if ((reachBySegment[t * n + j] as number) > 0) counts[cell + t] = (counts[cell + t] as number) + 1;
      }
    }
  });

  let maxCount = 0;
  const collisions: ContactCollision[] = [];
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] as number;
    if (count > maxCount) maxCount = count;
    if (count <= contactCap) continue;
    const t = i % T;
    const p = Math.floor(i / T) % P;
    const s = Math.floor(i / (T * P));
    const colliding: CollidingCommunication[] = [];
    for (const c of byPhase[p] ?? []) {
      if (reachesSegment(schedules[c] as CommunicationSchedule, s, t)) {
        colliding.push({
          communicationId: (schedules[c] as CommunicationSchedule).communicationId,
          ownerId: communications[c]?.ownerId ?? "",
        });
      }
    }
    collisions.push({
      segmentId: flow.segmentIds[s] as string,
      phaseId: flow.phaseIds[p] as string,
      month: t,
      count,
      communications: colliding,
      ownerIds: [...new Set(colliding.map((item) => item.ownerId))],
    });
  }

  return {
    contactCap,
    segmentIds: flow.segmentIds,
    phaseIds: flow.phaseIds,
    months: T,
    counts,
    maxCount,
    collisions,
  };
}

function reachesSegment(schedule: CommunicationSchedule, s: number, t: number): boolean {
  const j = schedule.segmentIndices.indexOf(s);
  return j >= 0 && (schedule.reachBySegment[t * schedule.segmentIndices.length + j] as number) > 0;
}

/**
 * The most communications one customer gets in month `t`: of segment `index`
 * in whichever phase is worst (by "segment"), or in phase `index` whatever
 * their segment (by "phase"). What a heatmap row shows.
 */
export function worstContactPressure(
  pressure: ContactPressure,
  by: "segment" | "phase",
  index: number,
  t: number,
): number {
  const S = pressure.segmentIds.length;
  const P = pressure.phaseIds.length;
  const T = pressure.months;
  let max = 0;
  for (let other = 0; other < (by === "segment" ? P : S); other++) {
    const [s, p] = by === "segment" ? [index, other] : [other, index];
    max = Math.max(max, pressure.counts[(s * P + p) * T + t] ?? 0);
  }
  return max;
}
