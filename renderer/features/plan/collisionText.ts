import type { ContactCollision, Period } from "../../../shared/engine";

/** Names by id, for the sentences below. */
export interface CollisionNames {
  readonly segments: ReadonlyMap<string, string>;
  readonly phases: ReadonlyMap<string, string>;
  readonly channels: ReadonlyMap<string, string>;
}

/** A collision is one per segment, phase, month and cap: the same cell can be over the roadmap's and a channel's. */
export function collisionKey(collision: ContactCollision): string {
  return `${collision.segmentId}:${collision.phaseId}:${collision.month}:${collision.capOf}`;
}

/** Who the cohort is: "Small business customers who entered Onboarding in 2027-03". */
export function describeCohort(
  cohort: Pick<ContactCollision, "segmentId" | "phaseId" | "entryMonth">,
  names: CollisionNames,
  months: readonly Period[],
): string {
  const segment = names.segments.get(cohort.segmentId) ?? cohort.segmentId;
  const phase = names.phases.get(cohort.phaseId) ?? cohort.phaseId;
  return cohort.entryMonth === null
    ? `${segment} customers in ${phase} since before the plan's start`
    : `${segment} customers who entered ${phase} in ${months[cohort.entryMonth]?.label ?? "the plan"}`;
}

/** What is over which cap: "5 communications, over the roadmap's cap of 4" or "3 sends by Phone, over its limit of 2". */
export function describeOverCap(collision: ContactCollision, names: CollisionNames): string {
  return collision.capOf === "roadmap"
    ? `${collision.count} communications, over the roadmap's cap of ${collision.cap}`
    : `${collision.count} sends by ${names.channels.get(collision.capOf) ?? collision.capOf}, over its limit of ${collision.cap}`;
}
