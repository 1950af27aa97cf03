import type { Channel, Communication, Roadmap } from "./schema";

/**
 * The costs a communication is planned with. Where each comes from is the
 * communication's own field: `null` there means its channel's.
 */
export interface CommunicationCosts {
  readonly fixedCost: number;
  readonly costPerContact: number;
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
  };
}

/** The costs of every communication of a roadmap, in document order. */
export function costsOfCommunications(roadmap: Pick<Roadmap, "channels" | "communications">): CommunicationCosts[] {
  const channels = new Map(roadmap.channels.map((channel) => [channel.id, channel]));
  return roadmap.communications.map((communication) =>
    communicationCosts(communication, channels.get(communication.channelId)),
  );
}
