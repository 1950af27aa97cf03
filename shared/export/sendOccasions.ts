import type { PlanResult } from "../engine/planEngine";
import { describeAudience, PURPOSE_LABELS } from "../model/labels";
import { namesById } from "../model/queries";
import type { Roadmap } from "../model/schema";

/** One month in which one communication fires: a row of the plan, an event of the calendar. */
export interface SendOccasion {
  readonly communicationId: string;
  /** Month of the horizon, counted from 0 at the roadmap's start month. */
  readonly month: number;
  /** "2027-03" */
  readonly monthLabel: string;
  /** "2027-03-01", the first day of that month. */
  readonly date: string;
  readonly phaseName: string;
  readonly stageName: string;
  readonly communicationName: string;
  readonly purpose: string;
  readonly channelName: string;
  readonly ownerId: string;
  readonly ownerName: string;
  /** "All segments", or the segments' names; then the roles, and the share when not everyone is reached. */
  readonly audience: string;
  readonly reach: number;
  readonly cost: number;
}

type Names = ReadonlyMap<string, string>;

/** What the occasions of one communication have in common. */
export type CommunicationRow = Omit<SendOccasion, "month" | "monthLabel" | "date" | "reach" | "cost">;

/**
 * What each communication's rows say whenever it sends, in document order:
 * its phase, stage, purpose, channel, owner and audience by name. The schema
 * forbids dangling ids, but an export must not fail because of one, so an
 * object that cannot be found is named by its id.
 */
export function describeCommunications(roadmap: Roadmap): CommunicationRow[] {
  const names = {
    phases: namesById(roadmap.phases),
    stages: namesById(roadmap.stages),
    channels: namesById(roadmap.channels),
    owners: namesById(roadmap.owners),
    segments: namesById(roadmap.segments),
    roles: namesById(roadmap.roles),
  };
  const stageIdOfPhase = new Map(roadmap.phases.map((phase) => [phase.id, phase.stageId]));
  return roadmap.communications.map((communication) => {
    const stageId = stageIdOfPhase.get(communication.phaseId);
    return {
      communicationId: communication.id,
      phaseName: nameOf(names.phases, communication.phaseId),
      stageName: stageId === undefined ? "" : nameOf(names.stages, stageId),
      communicationName: communication.name,
      purpose: PURPOSE_LABELS[communication.purpose],
      channelName: nameOf(names.channels, communication.channelId),
      ownerId: communication.ownerId,
      ownerName: nameOf(names.owners, communication.ownerId),
      audience: describeAudience(communication.audience, names),
    };
  });
}

/**
 * Every send occasion of the plan, by month and, within a month, in document
 * order; only one owner's when `ownerId` is given. `plan` must be the plan of
 * `roadmap`.
 */
export function listSendOccasions(
  roadmap: Roadmap,
  plan: PlanResult,
  options: { ownerId?: string } = {},
): SendOccasion[] {
  const rows = describeCommunications(roadmap);
  const sending = plan.communications.flatMap((schedule, c) => {
    const communication = roadmap.communications[c];
    const row = rows[c];
    if (!communication || !row || schedule.sends === 0) return [];
    if (options.ownerId !== undefined && communication.ownerId !== options.ownerId) return [];
    return [{ row, schedule }];
  });

  const occasions: SendOccasion[] = [];
  plan.calendar.months.forEach(({ label }, month) => {
    for (const { row, schedule } of sending) {
      if (schedule.fires[month] !== 1) continue;
      // Spelled out rather than spread: tens of thousands of these, and a literal of fixed shape is much faster.
      occasions.push({
        communicationId: row.communicationId,
        phaseName: row.phaseName,
        stageName: row.stageName,
        communicationName: row.communicationName,
        purpose: row.purpose,
        channelName: row.channelName,
        ownerId: row.ownerId,
        ownerName: row.ownerName,
        audience: row.audience,
        month,
        monthLabel: label,
        date: `${label}-01`,
        reach: schedule.reach[month] ?? 0,
        cost: schedule.cost[month] ?? 0,
      });
    }
  });
  return occasions;
}

function nameOf(names: Names, id: string): string {
  return names.get(id) ?? id;
}
