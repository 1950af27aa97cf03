import type { PlanResult } from "../engine/planEngine";
import type { Roadmap } from "../model/schema";
import { listSendOccasions, type SendOccasion } from "./sendOccasions";

const PRODUCT_ID = "-//Relationship Roadmap//Communication plan//EN";
const LINE_END = "\r\n";
/** RFC 5545 §3.1: content lines are folded so that none is longer than 75 octets, line break excluded. */
const MAX_LINE_OCTETS = 75;

/**
 * The communication plan as an iCalendar file (RFC 5545): one all-day event
 * on the first of each month a communication sends, so every owner sees their
 * sends in their own calendar; only that owner's when `ownerId` is given. An
 * event's UID depends on the roadmap, the communication and the month only,
 * so importing a newer export updates the events instead of doubling them.
 * `now` is the export's time stamp (DTSTAMP).
 */
export function communicationPlanCalendar(
  roadmap: Roadmap,
  plan: PlanResult,
  options: { ownerId?: string; now: Date },
): string {
  const { ownerId, now } = options;
  const ownerName =
    ownerId === undefined ? undefined : (roadmap.owners.find((owner) => owner.id === ownerId)?.name ?? ownerId);
  const event = eventLines(roadmap, utcTimestamp(now));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(ownerName === undefined ? roadmap.name : `${roadmap.name} — ${ownerName}`)}`,
    ...listSendOccasions(roadmap, plan, { ownerId }).flatMap(event),
    "END:VCALENDAR",
  ];
  return lines.map((line) => fold(line) + LINE_END).join("");
}

function eventLines(roadmap: Roadmap, timestamp: string): (occasion: SendOccasion) => string[] {
  const money = new Intl.NumberFormat("en", {
    style: "currency",
    currency: roadmap.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const customers = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
  return (occasion) => {
    const yearMonth = occasion.monthLabel.replace("-", "");
    const description = [
      `Purpose: ${occasion.purpose}`,
      `Channel: ${occasion.channelName}`,
      `Owner: ${occasion.ownerName}`,
      `Audience: ${occasion.audience}`,
      `Expected reach: ${customers.format(occasion.reach)}`,
      `Cost: ${money.format(occasion.cost)}`,
    ].join("\n");
    const categories = [occasion.stageName, occasion.channelName].filter((name) => name !== "");
    return [
      "BEGIN:VEVENT",
      `UID:${escapeText(`${occasion.communicationId}-${occasion.monthLabel}@${roadmap.id}.relationship-roadmap`)}`,
      `DTSTAMP:${timestamp}`,
      // Every occasion falls on the 1st, so the day after is the 2nd of the same month.
      `DTSTART;VALUE=DATE:${yearMonth}01`,
      `DTEND;VALUE=DATE:${yearMonth}02`,
      `SUMMARY:${escapeText(`${occasion.communicationName} — ${occasion.phaseName}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${categories.map(escapeText).join(",")}`,
      // A planned send is a reminder, not a meeting: it must not show the owner as busy.
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    ];
  };
}

/** "20261123T100000Z" */
function utcTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(/[-:]/g, "");
}

/**
 * A TEXT value (RFC 5545 §3.3.11). Ids are free text too (model/fields.ts),
 * so UIDs go through here as well. Control characters other than tab are not
 * allowed in TEXT at all and cannot be escaped, so they are dropped.
 */
function escapeText(text: string): string {
  return text.replaceAll(/\r\n|[\\;,\r\n]|(?!\t)\p{Cc}/gu, (match) => {
    if (match === "\\" || match === ";" || match === ",") return `\\${match}`;
    if (match === "\r\n" || match === "\r" || match === "\n") return "\\n";
    return "";
  });
}

/** Breaks a content line before any character that would take it past 75 octets; a continuation starts with a space. */
function fold(line: string): string {
  if (line.length <= MAX_LINE_OCTETS && /^[ -~]*$/.test(line)) return line;
  let folded = "";
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      folded += `${LINE_END} `;
      octets = 1;
    }
    folded += character;
    octets += size;
  }
  return folded;
}

/** Octets of one code point in UTF-8; a lone surrogate is written as U+FFFD, three octets. */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
