import type { PlanResult } from "../engine/planEngine";
import { plainDecimal } from "../format/localeNumber";
import { STATUS_LABELS } from "../model/labels";
import type { Communication, Roadmap } from "../model/schema";
import { formatTimingText } from "../model/timingText";
import { neutraliseFormula } from "./formulaInjection";
import { type CommunicationRow, describeCommunications, listSendOccasions } from "./sendOccasions";

/** Excel reads a CSV file as the system's code page unless it starts with a byte order mark. */
const BYTE_ORDER_MARK = "\uFEFF";
const LINE_END = "\r\n";

/**
 * The communication plan as CSV (RFC 4180), one row per send occasion: what
 * the client's teams paste into their own planning sheets. Text that a
 * spreadsheet would run as a formula is defused; numbers are plain, with a
 * "." and no thousands separator, so any locale's spreadsheet reads them the
 * same. Without `includeCosts` the cost columns are left out, for a plan
 * shared with people who must not see what things cost.
 *
 * The file also imports back as the same communications (the communication
 * inventory import, `shared/import/inventoryImport.ts`): each row carries its
 * communication's timing, status, response rate, own costs (empty where it
 * follows its channel's) and id, by which the import groups a communication's
 * sends into one; a communication that sends nothing in the horizon (retired,
 * or in a phase nobody reaches) gets one row without a date, after the rest.
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
    "Timing",
    "Status",
    "Response rate (%)",
    ...(costs ? [`Fixed cost (${roadmap.currency})`, `Cost per contact (${roadmap.currency})`] : []),
    "ID",
  ].map(textCell);
  const communications = new Map(roadmap.communications.map((c) => [c.id, c]));
  const settings = (id: string) => {
    const communication = communications.get(id);
    return communication ? communicationCells(communication, costs) : [];
  };
  const row = (
    occasion: CommunicationRow,
    when: { date: string; monthLabel: string; reach: number; cost: number },
  ): string[] => [
    textCell(when.date),
    textCell(when.monthLabel),
    textCell(occasion.phaseName),
    textCell(occasion.stageName),
    textCell(occasion.communicationName),
    textCell(occasion.purpose),
    textCell(occasion.channelName),
    textCell(occasion.ownerName),
    textCell(occasion.audience),
    when.reach.toFixed(2),
    ...(costs ? [when.cost.toFixed(2)] : []),
    ...settings(occasion.communicationId),
  ];
  const sending = listSendOccasions(roadmap, plan).map((occasion) => row(occasion, occasion));
  const silent = describeCommunications(roadmap)
    .filter((_, c) => (plan.communications[c]?.sends ?? 0) === 0)
    .map((communication) => row(communication, { date: "", monthLabel: "", reach: 0, cost: 0 }));
  return BYTE_ORDER_MARK + [header, ...sending, ...silent].map((cells) => cells.join(",") + LINE_END).join("");
}

/** What the communication is set to, as the inventory import reads it back. */
function communicationCells(communication: Communication, costs: boolean): string[] {
  const own = (value: number | null) => (value === null ? "" : plainDecimal(value));
  return [
    textCell(formatTimingText(communication.timing)),
    textCell(STATUS_LABELS[communication.status]),
    plainDecimal(communication.responseRate, { percent: true }),
    ...(costs ? [own(communication.fixedCost), own(communication.costPerContact)] : []),
    textCell(communication.id),
  ];
}

/** A quoted cell when it must be, its text defused first. */
function textCell(text: string): string {
  const defused = neutraliseFormula(text);
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}
