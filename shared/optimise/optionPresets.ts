import { communicationCosts } from "../model/costs";
import type {
  Channel,
  Communication,
  CommunicationLock,
  CommunicationOptions,
  OptimiserSettings,
  PersonalisationLevel,
  PersonalisationOption,
  Roadmap,
} from "../model/schema";

/** How a personalisation level costs and answers compared with a mass send of the same communication. */
export interface PersonalisationFactors {
  readonly level: PersonalisationLevel;
  /** Its fixed cost and cost per contact are the mass send's times this. */
  readonly costFactor: number;
  /** Its response rate is the mass send's times this, at most 100 %. */
  readonly responseFactor: number;
}

/** What the panel offers until the user sets other factors: segment ×1.5 cost ×1.3 response, one-to-one ×4 and ×2. */
export const DEFAULT_PERSONALISATION_FACTORS: readonly PersonalisationFactors[] = [
  { level: "mass", costFactor: 1, responseFactor: 1 },
  { level: "segment", costFactor: 1.5, responseFactor: 1.3 },
  { level: "oneToOne", costFactor: 4, responseFactor: 2 },
];

/** What the panel offers recurring sends until the user picks other intervals. */
export const DEFAULT_OFFERED_INTERVALS: readonly number[] = [1, 2, 3, 6];

const NO_OPTIONS: CommunicationOptions = { everyMonths: [], personalisation: [], lock: "free" };

/**
 * The settings with one communication's options replaced by `next`. A
 * communication left free with no other options has no entry: the file then
 * says nothing about it, as for one never touched.
 */
export function withCommunicationOptions(
  settings: OptimiserSettings,
  communicationId: string,
  next: CommunicationOptions,
): OptimiserSettings {
  const communications = { ...settings.communications };
  if (isPlain(next)) delete communications[communicationId];
  else communications[communicationId] = next;
  return { ...settings, communications };
}

/** A communication's options as the settings have them, or none (free, only its own timing and level). */
export function optionsOf(settings: OptimiserSettings, communicationId: string): CommunicationOptions {
  return settings.communications[communicationId] ?? NO_OPTIONS;
}

/** Sets one communication's lock, forgetting the communication once it is free with no other options. */
export function withCommunicationLock(
  settings: OptimiserSettings,
  communicationId: string,
  lock: CommunicationLock,
): OptimiserSettings {
  const options = optionsOf(settings, communicationId);
  return options.lock === lock ? settings : withCommunicationOptions(settings, communicationId, { ...options, lock });
}

function isPlain(options: CommunicationOptions): boolean {
  return options.lock === "free" && options.everyMonths.length === 0 && options.personalisation.length === 0;
}

/**
 * Every recurring communication of `roadmap` (the scenario shown) may also be
 * sent at each of `everyMonths` other than its own interval; this replaces
 * whatever other intervals it had. Other communications keep theirs (they are
 * ignored for sends that do not recur).
 */
export function offerFrequencies(
  settings: OptimiserSettings,
  roadmap: Pick<Roadmap, "communications">,
  everyMonths: readonly number[],
): OptimiserSettings {
  const offered = [...new Set(everyMonths)].sort((a, b) => a - b);
  let next = settings;
  for (const communication of candidatesOf(roadmap)) {
    if (communication.timing.kind !== "recurring") continue;
    const own = communication.timing.everyMonths;
    const options = optionsOf(next, communication.id);
    next = withCommunicationOptions(next, communication.id, {
      ...options,
      everyMonths: offered.filter((months) => months !== own),
    });
  }
  return next;
}

/**
 * Every communication of `roadmap` (the scenario shown) may also be sent at
 * each of `levels` other than its own, replacing the levels it had. Each
 * level's costs and response rate come from the communication's own: the
 * factors are against a mass send, so a communication already sent by
 * segment is first brought back to mass (its figures divided by the segment
 * factors, when `levels` gives them) and then up to each level.
 */
export function offerPersonalisation(
  settings: OptimiserSettings,
  roadmap: Pick<Roadmap, "communications" | "channels">,
  levels: readonly PersonalisationFactors[],
): OptimiserSettings {
  const channels = new Map(roadmap.channels.map((channel) => [channel.id, channel]));
  let next = settings;
  for (const communication of candidatesOf(roadmap)) {
    const personalisation = derivedPersonalisation(communication, channels.get(communication.channelId), levels);
    next = withCommunicationOptions(next, communication.id, { ...optionsOf(next, communication.id), personalisation });
  }
  return next;
}

/**
 * The options of one communication at each of `levels` other than its own,
 * with costs and response rates from its own as `offerPersonalisation` says.
 */
export function derivedPersonalisation(
  communication: Pick<Communication, "personalisation" | "fixedCost" | "costPerContact" | "responseRate">,
  channel: Pick<Channel, "fixedCost" | "costPerContact"> | undefined,
  levels: readonly PersonalisationFactors[],
): PersonalisationOption[] {
  const own = levels.find((factor) => factor.level === communication.personalisation) ?? {
    costFactor: 1,
    responseFactor: 1,
  };
  const costs = communicationCosts(communication, channel);
  return levels
    .filter((factor) => factor.level !== communication.personalisation)
    .map((factor) => {
      const cost = factor.costFactor / own.costFactor;
      return {
        level: factor.level,
        fixedCost: round(costs.fixedCost * cost, 2),
        costPerContact: round(costs.costPerContact * cost, 4),
        responseRate: Math.min(1, round((communication.responseRate * factor.responseFactor) / own.responseFactor, 4)),
      };
    });
}

/** No communication has other frequencies or levels any more; locks stay as they were. */
export function clearOptions(settings: OptimiserSettings): OptimiserSettings {
  let next = settings;
  for (const [communicationId, options] of Object.entries(settings.communications)) {
    next = withCommunicationOptions(next, communicationId, { ...options, everyMonths: [], personalisation: [] });
  }
  return next;
}

/** The communications the optimiser chooses among: a retired one is not sent in any plan. */
function candidatesOf(roadmap: Pick<Roadmap, "communications">): Communication[] {
  return roadmap.communications.filter((communication) => communication.status !== "retired");
}

/**
 * Derived figures are shown in fields a person edits, so they are rounded as
 * one would type them: cents for a send, a hundredth of a cent per contact,
 * a hundredth of a percent for a rate.
 */
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
