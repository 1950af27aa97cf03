/** A stretch of the planning horizon: one month, a calendar quarter or a calendar year. */
export interface Period {
  /** "2027-01", "2027 Q1" or "2027". */
  readonly label: string;
  /** Month of the horizon the period starts in, counted from 0 at the roadmap's start month. */
  readonly firstMonth: number;
  /** Months of the horizon inside the period; the first and last quarter or year may be partial. */
  readonly monthCount: number;
}

/** The horizon cut three ways, each list in time order and covering every month once. */
export interface PlanCalendar {
  readonly months: readonly Period[];
  readonly quarters: readonly Period[];
  readonly years: readonly Period[];
}

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Months, calendar quarters and calendar years of the planning horizon.
 * Quarters and years follow the calendar, not the plan start, because that is
 * how a client's finance team budgets; a plan starting in December therefore
 * opens with a one-month quarter.
 */
export function planCalendar(startMonth: string, horizonMonths: number): PlanCalendar {
  const match = YEAR_MONTH.exec(startMonth);
  // The schema only lets "YYYY-MM" through, so anything else is a bug upstream.
  if (!match) throw new Error(`planCalendar: start month "${startMonth}" is not "YYYY-MM"`);
  const startYear = Number(match[1]);
  const startMonthOfYear = Number(match[2]) - 1;
  const months: Period[] = [];
  const quarters: Period[] = [];
  const years: Period[] = [];
  for (let t = 0; t < horizonMonths; t++) {
    const absolute = startMonthOfYear + t;
    const year = startYear + Math.floor(absolute / 12);
    const monthOfYear = absolute % 12;
    months.push({ label: `${year}-${String(monthOfYear + 1).padStart(2, "0")}`, firstMonth: t, monthCount: 1 });
    extendOrOpen(quarters, `${year} Q${Math.floor(monthOfYear / 3) + 1}`, t);
    extendOrOpen(years, String(year), t);
  }
  return { months, quarters, years };
}

/** Adds month `t` to the last period when it has the same label, else opens a new one. */
function extendOrOpen(periods: Period[], label: string, t: number): void {
  const last = periods.at(-1);
  if (last && last.label === label) {
    periods[periods.length - 1] = { ...last, monthCount: last.monthCount + 1 };
  } else {
    periods.push({ label, firstMonth: t, monthCount: 1 });
  }
}
