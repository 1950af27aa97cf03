import type { CustomerFlow } from "../engine/flow";
import { type CommunicationSchedule, type FlowIndex, scheduleCommunication } from "../engine/schedule";
import { communicationCosts } from "../model/costs";
import type {
  Channel,
  Communication,
  CommunicationOptions,
  OptimisationObjective,
  PersonalisationLevel,
} from "../model/schema";
import type { OptimisationOption } from "./types";

/** One communication the optimiser may choose for, with the schedule of each of its options. */
export interface ScheduledCandidate {
  readonly communication: Communication;
  readonly options: readonly OptimisationOption[];
  /** Same order as `options`: what each sends, month by month (the contact caps read it). */
  readonly schedules: readonly CommunicationSchedule[];
}

/** Months from the plan's start discounted at the roadmap's yearly rate, as `customerLifetimeValue` does. */
export function monthlyDiscountFactors(months: number, annualDiscountRate: number): Float64Array {
  const perMonth = (1 + annualDiscountRate) ** (-1 / 12);
  const factors = new Float64Array(months);
  let factor = 1;
  for (let t = 0; t < months; t++) {
    factors[t] = factor;
    factor *= perMonth;
  }
  return factors;
}

interface Setting {
  readonly everyMonths: number | null;
  readonly personalisation: PersonalisationLevel;
  readonly fixedCost: number | null;
  readonly costPerContact: number | null;
  readonly responseRate: number;
}

/**
 * A communication's options: as it is now first, then every interval the
 * settings allow (recurring sends only) with every personalisation level, each
 * pair once. An option's costs are what the communication would then have:
 * a level's null cost keeps the communication's own, which may itself be null
 * (its channel's). Options that would reach no one are left out, except the
 * communication as it is.
 */
export function scheduleCandidate(
  flow: CustomerFlow,
  index: FlowIndex,
  communication: Communication,
  channel: Channel | undefined,
  allowed: CommunicationOptions | undefined,
  objective: OptimisationObjective,
  discount: Float64Array,
): ScheduledCandidate {
  const { timing } = communication;
  const current: Setting = {
    everyMonths: timing.kind === "recurring" ? timing.everyMonths : null,
    personalisation: communication.personalisation,
    fixedCost: communication.fixedCost,
    costPerContact: communication.costPerContact,
    responseRate: communication.responseRate,
  };
  const intervals = [current.everyMonths];
  if (timing.kind === "recurring") intervals.push(...(allowed?.everyMonths ?? []));
  const levels: Setting[] = [
    current,
    ...(allowed?.personalisation ?? []).map((level) => ({
      everyMonths: current.everyMonths,
      personalisation: level.level,
      fixedCost: level.fixedCost ?? communication.fixedCost,
      costPerContact: level.costPerContact ?? communication.costPerContact,
      responseRate: level.responseRate,
    })),
  ];
  const seen = new Set<string>();
  const options: OptimisationOption[] = [];
  const schedules: CommunicationSchedule[] = [];
  for (const everyMonths of intervals) {
    for (const level of levels) {
      const key = `${everyMonths}\u0000${level.personalisation}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const setting = { ...level, everyMonths };
      const isCurrent = options.length === 0;
      const sent = withSetting(communication, setting);
      const schedule = scheduleCommunication(flow, sent, { costs: communicationCosts(sent, channel), index });
      if (!isCurrent && schedule.sends === 0) continue;
      options.push(optionOf(communication.id, setting, isCurrent, schedule, objective, discount));
      schedules.push(schedule);
    }
  }
  return { communication, options, schedules };
}

/** The communication as one option would send it. */
export function withSetting(
  communication: Communication,
  setting: Pick<
    OptimisationOption,
    "everyMonths" | "personalisation" | "fixedCost" | "costPerContact" | "responseRate"
  >,
): Communication {
  return {
    ...communication,
    timing:
      setting.everyMonths === null ? communication.timing : { kind: "recurring", everyMonths: setting.everyMonths },
    personalisation: setting.personalisation,
    fixedCost: setting.fixedCost,
    costPerContact: setting.costPerContact,
    responseRate: setting.responseRate,
  };
}

function optionOf(
  communicationId: string,
  setting: Setting,
  isCurrent: boolean,
  schedule: CommunicationSchedule,
  objective: OptimisationObjective,
  discount: Float64Array,
): OptimisationOption {
  const T = discount.length;
  const costByYear = new Float64Array(Math.ceil(T / 12));
  let discountedCost = 0;
  let discountedValue = 0;
  for (let t = 0; t < T; t++) {
    const cost = schedule.cost[t] as number;
    costByYear[Math.floor(t / 12)] = (costByYear[Math.floor(t / 12)] as number) + cost;
    discountedCost += cost * (discount[t] as number);
    discountedValue += (schedule.value[t] as number) * (discount[t] as number);
  }
  return {
    communicationId,
    ...setting,
    isCurrent,
    cost: schedule.totalCost,
    value: schedule.totalValue,
    discountedCost,
    discountedValue,
    costByYear: Array.from(costByYear),
    contacts: schedule.totalReach,
    objective: objective === "net" ? discountedValue - discountedCost : discountedValue,
  };
}
