import type { Roadmap } from "../model/schema";
import type { CommunicationSchedule } from "./schedule";

/** Who a part of the plan reaches: contacts made, customers reached and send occasions. */
export interface ReachFigures {
  /** Contacts: one customer sent three communications is three contacts. */
  readonly contacts: number;
  /** Customers reached, summed over communications: one reached by two communications counts twice. */
  readonly customersReached: number;
  readonly sends: number;
}

export interface ReachRow extends ReachFigures {
  /** A phase's or owner's id. */
  readonly key: string;
}

/** The plan's reach without a word about money: for a room that must not see costs. */
export interface ReachSummary {
  readonly total: ReachFigures;
  /** Per month of the horizon, in order. */
  readonly byMonth: readonly ReachFigures[];
  /** Per phase with communications, in document order. */
  readonly byPhase: readonly ReachRow[];
  /** Per owner with communications, in document order. */
  readonly byOwner: readonly ReachRow[];
  /** Contacts per owner and month, at `[o * months + t]` for `byOwner[o]`: the chart's series. */
  readonly ownerMonthContacts: Float64Array;
}

/**
 * Sums the communications' schedules by month, phase and owner. `schedules`
 * are the plan's, one per communication; a schedule whose communication is
 * not in the roadmap counts only in the totals and months.
 */
export function summariseReach(
  roadmap: Pick<Roadmap, "phases" | "owners" | "communications">,
  schedules: readonly CommunicationSchedule[],
  months: number,
): ReachSummary {
  const communications = new Map(roadmap.communications.map((c) => [c.id, c]));
  const byMonth = Array.from({ length: months }, () => ({ contacts: 0, customersReached: 0, sends: 0 }));
  const phaseRows = new Map(
    roadmap.phases.map((p) => [p.id, { key: p.id, contacts: 0, customersReached: 0, sends: 0 }]),
  );
  const ownerRows = new Map(
    roadmap.owners.map((o) => [o.id, { key: o.id, contacts: 0, customersReached: 0, sends: 0 }]),
  );
  const ownerIndex = new Map(roadmap.owners.map((o, i) => [o.id, i]));
  const ownerMonth = new Float64Array(roadmap.owners.length * months);
  const usedPhases = new Set<string>();
  const usedOwners = new Set<string>();

  for (const schedule of schedules) {
    const communication = communications.get(schedule.communicationId);
    for (let t = 0; t < months; t++) {
      const month = byMonth[t];
      if (!month) continue;
      month.contacts += schedule.reach[t] ?? 0;
      month.customersReached += schedule.customersReached[t] ?? 0;
      month.sends += schedule.fires[t] ?? 0;
    }
    if (!communication) continue;
    usedPhases.add(communication.phaseId);
    usedOwners.add(communication.ownerId);
    for (const row of [phaseRows.get(communication.phaseId), ownerRows.get(communication.ownerId)]) {
      if (!row) continue;
      row.contacts += schedule.totalReach;
      row.customersReached += schedule.totalCustomersReached;
      row.sends += schedule.sends;
    }
    const o = ownerIndex.get(communication.ownerId);
    if (o === undefined) continue;
    for (let t = 0; t < months; t++)
      ownerMonth[o * months + t] = (ownerMonth[o * months + t] ?? 0) + (schedule.reach[t] ?? 0);
  }

  const owners = roadmap.owners.flatMap((owner, o) => (usedOwners.has(owner.id) ? [o] : []));
  const ownerMonthContacts = new Float64Array(owners.length * months);
  owners.forEach((o, row) => {
    ownerMonthContacts.set(ownerMonth.subarray(o * months, (o + 1) * months), row * months);
  });
  return {
    total: byMonth.reduce(
      (sum, month) => ({
        contacts: sum.contacts + month.contacts,
        customersReached: sum.customersReached + month.customersReached,
        sends: sum.sends + month.sends,
      }),
      { contacts: 0, customersReached: 0, sends: 0 },
    ),
    byMonth,
    byPhase: [...phaseRows.values()].filter((row) => usedPhases.has(row.key)),
    byOwner: owners.flatMap((o) => {
      const row = ownerRows.get(roadmap.owners[o]?.id ?? "");
      return row ? [row] : [];
    }),
    ownerMonthContacts,
  };
}
