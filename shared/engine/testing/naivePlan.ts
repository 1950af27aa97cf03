import type { Communication, Roadmap } from "../../model/schema";

/**
 * A deliberately plain second implementation of the plan's arithmetic, for
 * tests to check the engine against: maps keyed by id, nested loops, every
 * figure recomputed from the document, no typed arrays and no caching. It
 * follows DOMAIN.md and the engine's documented choices, but is written from
 * the customers' side (how much of each phase's customers goes where) rather
 * than the engine's (rates applied to whole populations).
 */
export interface NaivePlan {
  /** Customers at the start of each month t = 0..T, by segment id, then phase id. */
  readonly population: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  /** Customers entering during each month t = 0..T−1. */
  readonly entries: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  readonly churned: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  /** Per communication id, per month. */
  readonly reach: ReadonlyMap<string, readonly number[]>;
  readonly cost: ReadonlyMap<string, readonly number[]>;
  readonly value: ReadonlyMap<string, readonly number[]>;
  /** Communications reaching a customer, by segment id, then phase id, per month. */
  readonly pressure: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
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
  const cost = new Map<string, number[]>();
  const value = new Map<string, number[]>();
  const pressure = new Map<string, Map<string, number[]>>(
    roadmap.segments.map((segment) => [
      segment.id,
      new Map(roadmap.phases.map((phase) => [phase.id, new Array<number>(T).fill(0)])),
    ]),
  );
  for (const communication of roadmap.communications) {
    const monthlyReach: number[] = [];
    for (let t = 0; t < T; t++) {
      let reached = 0;
      for (const segment of audienceOf(roadmap, communication)) {
        const here = communication.audience.share * baseAudience(communication, t, population, entries, segment);
        reached += here;
        const cell = pressure.get(segment)?.get(communication.phaseId);
        if (cell && here > 0) cell[t] = (cell[t] ?? 0) + 1;
      }
      monthlyReach.push(reached);
    }
    reach.set(communication.id, monthlyReach);
    cost.set(
      communication.id,
      monthlyReach.map((r) => (r > 0 ? communication.fixedCost + communication.costPerContact * r : 0)),
    );
    value.set(
      communication.id,
      monthlyReach.map((r) => r * communication.responseRate * communication.valuePerResponse),
    );
  }

  return {
    population,
    entries,
    churned,
    reach,
    cost,
    value,
    pressure,
    lifetimeValue: naiveLifetimeValue(roadmap),
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

function baseAudience(
  communication: Communication,
  t: number,
  population: Map<string, Map<string, number[]>>,
  entries: Map<string, Map<string, number[]>>,
  segmentId: string,
): number {
  const { timing, phaseId } = communication;
  switch (timing.kind) {
    case "onEntry":
      return t >= timing.offsetMonths ? at(entries.get(segmentId)?.get(phaseId), t - timing.offsetMonths) : 0;
    case "recurring":
      return t % timing.everyMonths === 0 ? at(population.get(segmentId)?.get(phaseId), t) : 0;
    case "oneOff":
      return t === timing.month ? at(population.get(segmentId)?.get(phaseId), t) : 0;
  }
}

function at(values: readonly number[] | undefined, t: number): number {
  return values?.[t] ?? 0;
}

function ownNumber(record: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;
}
