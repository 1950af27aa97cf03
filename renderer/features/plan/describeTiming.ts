import type { Timing } from "../../../shared/model";

/** "On entry", "3 months after entry", "Every 3 months", "Once, 2027-06". */
export function describeTiming(timing: Timing, months: readonly { label: string }[]): string {
  switch (timing.kind) {
    case "onEntry":
      return timing.offsetMonths === 0 ? "On entry" : `${timing.offsetMonths} months after entry`;
    case "recurring":
      return timing.everyMonths === 1 ? "Every month" : `Every ${timing.everyMonths} months`;
    case "oneOff":
      return `Once, ${months[timing.month]?.label ?? `month ${timing.month}`}`;
  }
}
