import type { Period, PlanCalendar } from "./calendar";
import type { CommunicationSchedule } from "./schedule";

/** A stretch of the plan its table can show figures for, with the words that name it. */
export interface FigurePeriod extends Period {
  /** "2027", "2029 (6 months)" for a year the plan only partly covers, "Whole plan (24 months)". */
  readonly label: string;
}

/**
 * What the Plan table can show figures for: each calendar year of the plan,
 * then the whole plan. A year the plan covers only partly says how many of its
 * months it holds, so its smaller figures are not read as a full year's.
 */
export function figurePeriods(calendar: PlanCalendar): FigurePeriod[] {
  const months = calendar.months.length;
  return [
    ...calendar.years.map((year) => ({
      ...year,
      label: year.monthCount < 12 ? `${year.label} (${monthCount(year.monthCount)})` : year.label,
    })),
    { label: `Whole plan (${monthCount(months)})`, firstMonth: 0, monthCount: months },
  ];
}

const monthCount = (n: number) => `${n} ${n === 1 ? "month" : "months"}`;

/** Contacts and cost of a communication, or of several added up. */
export interface ReachAndCost {
  readonly reach: number;
  readonly cost: number;
}

/** A communication's contacts and cost in the months of the period, from its month-by-month schedule. */
export function reachAndCostIn(schedule: Pick<CommunicationSchedule, "reach" | "cost">, period: Period): ReachAndCost {
  let reach = 0;
  let cost = 0;
  for (let t = period.firstMonth; t < period.firstMonth + period.monthCount; t++) {
    reach += schedule.reach[t] ?? 0;
    cost += schedule.cost[t] ?? 0;
  }
  return { reach, cost };
}

/** The figures added up, as a totals row shows them. */
export function totalReachAndCost(figures: readonly ReachAndCost[]): ReachAndCost {
  let reach = 0;
  let cost = 0;
  for (const f of figures) {
    reach += f.reach;
    cost += f.cost;
  }
  return { reach, cost };
}
