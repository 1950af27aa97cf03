import type { Channel, Communication, Roadmap } from "./schema";

/** Where a communication's cost figure comes from: its channel's default, or set on the communication. */
export type CostSource = "channel" | "communication";

/** The costs a communication is planned with, and where each comes from. */
export interface CommunicationCosts {
  readonly fixedCost: number;
  readonly costPerContact: number;
  readonly fixedCostFrom: CostSource;
  readonly costPerContactFrom: CostSource;
}

/**
 * A communication's costs: its own where it sets them, else its channel's
 * defaults (DOMAIN.md: channels have default costs "which its communications
 * inherit unless they set their own"). A channel that does not exist costs nothing.
 */
export function communicationCosts(
  communication: Pick<Communication, "fixedCost" | "costPerContact">,
  channel: Pick<Channel, "fixedCost" | "costPerContact"> | undefined,
): CommunicationCosts {
  return {
    fixedCost: communication.fixedCost ?? channel?.fixedCost ?? 0,
    costPerContact: communication.costPerContact ?? channel?.costPerContact ?? 0,
    fixedCostFrom: communication.fixedCost === null ? "channel" : "communication",
    costPerContactFrom: communication.costPerContact === null ? "channel" : "communication",
  };
}

/** The costs of every communication of a roadmap, in document order. */
export function costsOfCommunications(roadmap: Pick<Roadmap, "channels" | "communications">): CommunicationCosts[] {
  const channels = new Map(roadmap.channels.map((channel) => [channel.id, channel]));
  return roadmap.communications.map((communication) =>
    communicationCosts(communication, channels.get(communication.channelId)),
  );
}
