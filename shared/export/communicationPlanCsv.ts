import type { PlanResult } from "../engine/planEngine";
import type { Roadmap } from "../model/schema";
import { neutraliseFormula } from "./formulaInjection";
import { listSendOccasions } from "./sendOccasions";

/** Excel reads a CSV file as the system's code page unless it starts with a byte order mark. */
const BYTE_ORDER_MARK = "\uFEFF";
const LINE_END = "\r\n";

/**
 * The communication plan as CSV (RFC 4180), one row per send occasion: what
 * the client's teams paste into their own planning sheets. Text that a
 * spreadsheet would run as a formula is defused; numbers are plain, with a
 * "." and two decimals, so any locale's spreadsheet reads them the same.
 * Without `includeCosts` the cost column is left out, for a plan shared with
 * people who must not see what things cost.
 */
export function communicationPlanCsv(
  roadmap: Roadmap,
  plan: PlanResult,
  options: { includeCosts?: boolean } = {},
): string {
  const costs = options.includeCosts ?? true;
  const header = [
    "Date",
    "Month",
    "Phase",
    "Stage",
    "Communication",
    "Purpose",
    "Channel",
    "Owner",
    "Audience",
    "Reach",
    ...(costs ? [`Cost (${roadmap.currency})`] : []),
  ].map(textCell);
  const rows = listSendOccasions(roadmap, plan).map((occasion) => [
    textCell(occasion.date),
    textCell(occasion.monthLabel),
    textCell(occasion.phaseName),
    textCell(occasion.stageName),
    textCell(occasion.communicationName),
    textCell(occasion.purpose),
    textCell(occasion.channelName),
    textCell(occasion.ownerName),
    textCell(occasion.audience),
    occasion.reach.toFixed(2),
    ...(costs ? [occasion.cost.toFixed(2)] : []),
  ]);
  return BYTE_ORDER_MARK + [header, ...rows].map((cells) => cells.join(",") + LINE_END).join("");
}

/** A quoted cell when it must be, its text defused first. */
function textCell(text: string): string {
  const defused = neutraliseFormula(text);
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}
