import type { FigureChange, FigureKind } from "../../../shared/export/scenarioComparisonRows";
import { formatCount, formatPercent } from "../../ui/format";
import type { MoneyFormat } from "../../ui/money";

/** A compared figure as the Compare view and the report write it; "—" where it is undefined. */
export function figureText(kind: FigureKind, value: number | null, money: MoneyFormat | null): string {
  if (value === null) return "—";
  switch (kind) {
    case "money":
      return money ? money(value) : "";
    case "roi":
      return formatPercent(value);
    case "count":
      return formatCount(value);
  }
}

const signed = (value: number, text: string) => (value > 0 ? `+${text}` : text);
const percentPoints = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: "exceptZero" });

/**
 * How a scenario's figure differs from the first scenario's: "+€1,200 (+11.1%)",
 * "−40 (−2%)"; an ROI by percentage points ("+4.5 pts"), since a share of a
 * share says little; "same" when nothing moved; "" when either is undefined.
 */
export function changeText(kind: FigureKind, change: FigureChange | null, money: MoneyFormat | null): string {
  if (change === null) return "";
  // Less than what the figures are written to (a whole unit, a tenth of a percentage point) reads as no change.
  if (Math.abs(change.absolute) < (kind === "roi" ? 0.0005 : 0.5)) return "same";
  if (kind === "roi") return `${percentPoints.format(change.absolute * 100)} pts`;
  const absolute = signed(
    change.absolute,
    kind === "money" && money ? money(change.absolute) : formatCount(change.absolute),
  );
  return change.relative === null
    ? absolute
    : `${absolute} (${signed(change.relative, formatPercent(change.relative))})`;
}
