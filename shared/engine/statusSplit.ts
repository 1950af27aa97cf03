import { COMMUNICATION_STATUSES, type Communication, type Roadmap } from "../model/schema";
import type { CommunicationSchedule } from "./schedule";

/** What the communications of one status add up to over the horizon. */
export interface StatusFigures {
  readonly status: Communication["status"];
  readonly communications: number;
  readonly sends: number;
  readonly contacts: number;
  readonly cost: number;
  readonly value: number;
}

/**
 * Today's plan against the proposed one: the plan's figures for the existing,
 * the proposed and the retired communications (retired ones never send, so
 * only their count shows), in that order. `schedules` are the plan's; one
 * whose communication is not in the roadmap counts nowhere.
 */
export function splitByStatus(
  roadmap: Pick<Roadmap, "communications">,
  schedules: readonly CommunicationSchedule[],
): StatusFigures[] {
  const statusOf = new Map(roadmap.communications.map((c) => [c.id, c.status]));
  const rows = new Map(
    COMMUNICATION_STATUSES.map((status) => [
      status,
      { status, communications: 0, sends: 0, contacts: 0, cost: 0, value: 0 },
    ]),
  );
  for (const communication of roadmap.communications) {
    const row = rows.get(communication.status);
    if (row) row.communications++;
  }
  for (const schedule of schedules) {
    const status = statusOf.get(schedule.communicationId);
    const row = status === undefined ? undefined : rows.get(status);
    if (!row) continue;
    row.sends += schedule.sends;
    row.contacts += schedule.totalReach;
    row.cost += schedule.totalCost;
    row.value += schedule.totalValue;
  }
  return [...rows.values()];
}
