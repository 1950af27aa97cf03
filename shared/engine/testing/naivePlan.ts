import type { Communication, Roadmap } from "../../model/schema";

/**
 * A deliberately plain second implementation of the plan's arithmetic, for
 * tests to check the engine against: maps keyed by id, nested loops, every
 * figure recomputed from the document, no typed arrays and no caching. It
 * follows DOMAIN.md and the engine's documented choices, but is written from
 * the customers' side (how much of each phase's customers goes where) rather
 * than the engine's (rates applied to whole populations); communications are
 * followed cohort by cohort (the customers who entered a phase in one month),
 * where the engine keeps running totals.
 */
export interface NaivePlan {
  /** Customers at the start of each month t = 0..T, by segment id, then phase id. */
  readonly population: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  /** Customers entering during each month t = 0..T−1. */
  readonly entries: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  readonly churned: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  /** Per communication id, per month. */
  readonly reach: ReadonlyMap<string, readonly number[]>;
  readonly customersReached: ReadonlyMap<string, readonly number[]>;
  readonly responses: ReadonlyMap<string, readonly number[]>;
  readonly cost: ReadonlyMap<string, readonly number[]>;
  readonly value: ReadonlyMap<string, readonly number[]>;
  /** Sends reaching the worst-served cohort, by segment id, then phase id, per month. */
  readonly pressure: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  /** When the worst-served cohort entered the phase (null: there at the start), as `pressure` is keyed. */
  readonly pressureEntry: ReadonlyMap<string, ReadonlyMap<string, readonly (number | null)[]>>;
  /** The same counting only each capped channel's sends, by channel id first. */
  readonly channelPressure: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>>;
  /** Lifetime value by segment id, then entry phase id. */
  readonly lifetimeValue: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

type Shares = Map<string, number>;

/** The plan of DOMAIN.md, the slow and obvious way. */
export function naivePlan(roadmap: Roadmap): NaivePlan {
  const T = roadmap.horizonMonths;
  const population = new Map<string, Map<string, number[]>>();
  const entries = new Map<string, Map<string, number[]>>();
  const churned = new Map<string, Map<string, number[]>>();

  for (const segment of roadmap.segments) {
    const people = new Map<string, number[]>();
    const entering = new Map<string, number[]>();
    const leaving = new Map<string, number[]>();
    for (const phase of roadmap.phases) {
      people.set(phase.id, [ownNumber(phase.initialCustomers, segment.id)]);
      entering.set(phase.id, []);
      leaving.set(phase.id, []);
    }
    for (let t = 0; t < T; t++) {
      const now: Shares = new Map(roadmap.phases.map((phase) => [phase.id, at(people.get(phase.id), t)]));
      const next = step(roadmap, segment.id, now);
      for (const phase of roadmap.phases) {
        const arrivals = ownNumber(phase.arrivalsPerMonth, segment.id);
        people.get(phase.id)?.push((next.moved.get(phase.id) ?? 0) + (next.stayed.get(phase.id) ?? 0) + arrivals);
        entering.get(phase.id)?.push((next.moved.get(phase.id) ?? 0) + arrivals);
        leaving.get(phase.id)?.push(next.churned.get(phase.id) ?? 0);
      }
    }
    population.set(segment.id, people);
    entries.set(segment.id, entering);
    churned.set(segment.id, leaving);
  }

  const reach = new Map<string, number[]>();
  const customersReached = new Map<string, number[]>();
  const responses = new Map<string, number[]>();
  const cost = new Map<string, number[]>();
  const value = new Map<string, number[]>();
  // Sends reaching each cohort, by segment id, phase id, then entry month ("start" or the month) and month.
  const cohortSends = new Map<string, Map<string, Map<string, Set<string>[]>>>();
  const sendsTo = (segmentId: string, phaseId: string, cohort: string, t: number): Set<string> => {
    const byPhase = cohortSends.get(segmentId) ?? new Map<string, Map<string, Set<string>[]>>();
    cohortSends.set(segmentId, byPhase);
    const byCohort = byPhase.get(phaseId) ?? new Map<string, Set<string>[]>();
    byPhase.set(phaseId, byCohort);
    const months = byCohort.get(cohort) ?? Array.from({ length: T }, () => new Set<string>());
    byCohort.set(cohort, months);
    return months[t] as Set<string>;
  };

  for (const communication of roadmap.communications) {
    const contacts = new Array<number>(T).fill(0);
    const firstTime = new Array<number>(T).fill(0);
    const answering = new Array<number>(T).fill(0);
    const { timing, phaseId, responseRate } = communication;
    const share = communication.audience.share;
    for (const segmentId of audienceOf(roadmap, communication)) {
      const stay = stayShare(roadmap, segmentId, phaseId);
      const entered = (e: number) => at(entries.get(segmentId)?.get(phaseId), e);
      const atStart = at(population.get(segmentId)?.get(phaseId), 0);
      // Every cohort in the phase: its entry month (-1 for the customers there at the start) and size.
      const cohorts = [
        { month: -1, size: atStart },
        ...Array.from({ length: T }, (_, e) => ({ month: e, size: entered(e) })),
      ];
      /** Members of a cohort still in the phase at the start of month t: entrants are there from the next month. */
      const stillThere = (cohort: { month: number; size: number }, t: number) =>
        cohort.month === -1 ? cohort.size * stay ** t : cohort.size * stay ** (t - cohort.month - 1);
      const segmentContacts = new Array<number>(T).fill(0);
      if (timing.kind === "onEntry") {
        for (const cohort of cohorts.filter((c) => c.month >= 0)) {
          const t = cohort.month + timing.offsetMonths;
          if (t >= T) continue;
          const reached = share * (timing.offsetMonths === 0 ? cohort.size : stillThere(cohort, t));
          segmentContacts[t] = (segmentContacts[t] ?? 0) + reached;
          firstTime[t] = (firstTime[t] ?? 0) + reached;
          answering[t] = (answering[t] ?? 0) + reached * responseRate;
        }
      } else {
        const sendMonths =
          timing.kind === "oneOff"
            ? [timing.month].filter((m) => m < T)
            : Array.from({ length: T }, (_, t) => t).filter((t) => t % timing.everyMonths === 0);
        for (const cohort of cohorts) {
          // A customer answers a send once: the k-th send a cohort gets reaches those who did not answer the others.
          let received = 0;
          for (const t of sendMonths.filter((m) => m > cohort.month)) {
            const reached = share * stillThere(cohort, t);
            segmentContacts[t] = (segmentContacts[t] ?? 0) + reached;
            if (received === 0) firstTime[t] = (firstTime[t] ?? 0) + reached;
            answering[t] = (answering[t] ?? 0) + reached * responseRate * (1 - responseRate) ** received;
            received++;
          }
        }
      }
      segmentContacts.forEach((reached, t) => {
        contacts[t] = (contacts[t] ?? 0) + reached;
        if (reached <= 0) return;
        if (timing.kind === "onEntry")
          sendsTo(segmentId, phaseId, String(t - timing.offsetMonths), t).add(communication.id);
        else {
          for (const cohort of cohorts) {
            // There at the start of month t: entered before it, and not all gone (none stay when the stay share is 0).
            if (cohort.month < t && cohort.size > 0 && (t - cohort.month === 1 || stay > 0)) {
              sendsTo(segmentId, phaseId, cohort.month === -1 ? "start" : String(cohort.month), t).add(
                communication.id,
              );
            }
          }
        }
      });
    }
    const costs = costsOf(roadmap, communication);
    reach.set(communication.id, contacts);
    customersReached.set(
      communication.id,
      firstTime.map((reached, t) => ((contacts[t] ?? 0) > 0 ? reached : 0)),
    );
    responses.set(
      communication.id,
      answering.map((answered, t) => ((contacts[t] ?? 0) > 0 ? answered : 0)),
    );
    cost.set(
      communication.id,
      contacts.map((r) => (r > 0 ? costs.fixedCost + costs.costPerContact * r : 0)),
    );
    value.set(
      communication.id,
      answering.map((answered, t) => ((contacts[t] ?? 0) > 0 ? answered * communication.valuePerResponse : 0)),
    );
  }

  /** The cohort with the most sends each month, the earliest-entered on a tie ("start" before every month). */
  const worstOf = (sends: (ids: Set<string>) => number) =>
    new Map(
      roadmap.segments.map((segment) => [
        segment.id,
        new Map(
          roadmap.phases.map((phase) => {
            const byCohort = cohortSends.get(segment.id)?.get(phase.id) ?? new Map<string, Set<string>[]>();
            const entered = ["start", ...Array.from({ length: T }, (_, e) => String(e))].filter((e) => byCohort.has(e));
            return [
              phase.id,
              Array.from({ length: T }, (_, t) =>
                entered.reduce(
                  (worst, cohort) => {
                    const count = sends(byCohort.get(cohort)?.[t] ?? new Set());
                    return count > worst.count ? { count, cohort } : worst;
                  },
                  { count: 0, cohort: "start" },
                ),
              ),
            ];
          }),
        ),
      ]),
    );
  const counted = (worst: ReturnType<typeof worstOf>) =>
    new Map(
      [...worst].map(([segmentId, byPhase]) => [
        segmentId,
        new Map([...byPhase].map(([phaseId, months]) => [phaseId, months.map((month) => month.count)])),
      ]),
    );
  const worstCohorts = worstOf((ids) => ids.size);
  const pressure = counted(worstCohorts);
  const pressureEntry = new Map(
    [...worstCohorts].map(([segmentId, byPhase]) => [
      segmentId,
      new Map(
        [...byPhase].map(([phaseId, months]) => [
          phaseId,
          months.map((month) => (month.cohort === "start" ? null : Number(month.cohort))),
        ]),
      ),
    ]),
  );
  const channelOf = new Map(roadmap.communications.map((c) => [c.id, c.channelId]));
  const channelPressure = new Map(
    roadmap.channels
      .filter((channel) => channel.contactCap !== null)
      .map((channel) => [
        channel.id,
        counted(worstOf((ids) => [...ids].filter((id) => channelOf.get(id) === channel.id).length)),
      ]),
  );

  return {
    population,
    entries,
    churned,
    reach,
    customersReached,
    responses,
    cost,
    value,
    pressure,
    pressureEntry,
    channelPressure,
    lifetimeValue: naiveLifetimeValue(roadmap),
  };
}

/** The share of a phase's customers of one segment still in it a month later. */
function stayShare(roadmap: Roadmap, segmentId: string, phaseId: string): number {
  return step(roadmap, segmentId, new Map([[phaseId, 1]])).stayed.get(phaseId) ?? 0;
}

/** A communication's own costs, else its channel's. */
function costsOf(roadmap: Roadmap, communication: Communication): { fixedCost: number; costPerContact: number } {
  const channel = roadmap.channels.find((c) => c.id === communication.channelId);
  return {
    fixedCost: communication.fixedCost ?? channel?.fixedCost ?? 0,
    costPerContact: communication.costPerContact ?? channel?.costPerContact ?? 0,
  };
}

/** One month for one segment: where each phase's customers go. */
function step(roadmap: Roadmap, segmentId: string, now: Shares): { stayed: Shares; moved: Shares; churned: Shares } {
  const stayed: Shares = new Map();
  const moved: Shares = new Map();
  const churned: Shares = new Map();
  for (const phase of roadmap.phases) {
    const customers = now.get(phase.id) ?? 0;
    const outgoing = roadmap.transitions.filter((transition) => transition.from === phase.id);
    const rates = outgoing.map((transition) =>
      Object.hasOwn(transition.rateBySegment, segmentId)
        ? (transition.rateBySegment[segmentId] ?? transition.rate)
        : transition.rate,
    );
    const drawn = rates.reduce((sum, rate) => sum + rate, phase.churnRate);
    // Within a hair of 100 % counts as 100 %, as the engine documents (OUTFLOW_TOLERANCE).
    const full = drawn > 1 - 1e-9;
    const scale = full ? 1 / drawn : 1;
    let left = 0;
    outgoing.forEach((transition, i) => {
      const going = customers * (rates[i] ?? 0) * scale;
      left += going;
      moved.set(transition.to, (moved.get(transition.to) ?? 0) + going);
    });
    const lost = customers * phase.churnRate * scale;
    churned.set(phase.id, lost);
    stayed.set(phase.id, full ? 0 : customers - left - lost);
  }
  return { stayed, moved, churned };
}

function naiveLifetimeValue(roadmap: Roadmap): Map<string, Map<string, number>> {
  const monthlyDiscount = (1 + roadmap.annualDiscountRate) ** (1 / 12) - 1;
  const result = new Map<string, Map<string, number>>();
  for (const segment of roadmap.segments) {
    const byPhase = new Map<string, number>();
    for (const start of roadmap.phases) {
      let where: Shares = new Map(roadmap.phases.map((phase) => [phase.id, phase.id === start.id ? 1 : 0]));
      let value = 0;
      for (let t = 0; t < roadmap.horizonMonths; t++) {
        const stillCustomer = [...where.values()].reduce((sum, share) => sum + share, 0);
        value += ((segment.annualValue / 12) * stillCustomer) / (1 + monthlyDiscount) ** t;
        const next = step(roadmap, segment.id, where);
        where = new Map(
          roadmap.phases.map((phase) => [phase.id, (next.stayed.get(phase.id) ?? 0) + (next.moved.get(phase.id) ?? 0)]),
        );
      }
      byPhase.set(start.id, value);
    }
    result.set(segment.id, byPhase);
  }
  return result;
}

function audienceOf(roadmap: Roadmap, communication: Communication): string[] {
  if (communication.status === "retired") return [];
  if (!roadmap.phases.some((phase) => phase.id === communication.phaseId)) return [];
  const named = communication.audience.segmentIds;
  return roadmap.segments.filter((segment) => named.length === 0 || named.includes(segment.id)).map((s) => s.id);
}

function at(values: readonly number[] | undefined, t: number): number {
  return values?.[t] ?? 0;
}

function ownNumber(record: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;
}
