import type { PlanResult } from "../engine/planEngine";
import type { Roadmap } from "../model/schema";
import { neutraliseFormula } from "./formulaInjection";
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
 * `now` is the export's time stamp (DTSTAMP). Without `includeCosts` the
 * events say nothing of what a send costs.
 */
export function communicationPlanCalendar(
  roadmap: Roadmap,
  plan: PlanResult,
  options: { ownerId?: string; now: Date; includeCosts?: boolean },
): string {
  const { ownerId, now } = options;
  const ownerName =
    ownerId === undefined ? undefined : (roadmap.owners.find((owner) => owner.id === ownerId)?.name ?? ownerId);
  const event = eventLines(roadmap, utcTimestamp(now), options.includeCosts ?? true);
  const header = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(neutraliseFormula(ownerName === undefined ? roadmap.name : `${roadmap.name} — ${ownerName}`))}`,
  ];
  // One string per event, joined once at the end: a plan has tens of thousands of events.
  const chunks = [contentLines(header)];
  for (const occasion of listSendOccasions(roadmap, plan, { ownerId })) chunks.push(event(occasion));
  chunks.push(contentLines(["END:VCALENDAR"]));
  return chunks.join("");
}

/** Lines folded and each ended with CRLF, as RFC 5545 writes them. */
function contentLines(lines: readonly string[]): string {
  let text = "";
  for (const line of lines) text += fold(line) + LINE_END;
  return text;
}

/** What the events of one communication share, escaped once rather than per send. */
interface EventTemplate {
  readonly uidPrefix: string;
  readonly summary: string;
  readonly descriptionStart: string;
  readonly categories: string;
}

function eventLines(roadmap: Roadmap, timestamp: string, costs: boolean): (occasion: SendOccasion) => string {
  const money = new Intl.NumberFormat("en", {
    style: "currency",
    currency: roadmap.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const customers = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
  const templates = new Map<string, EventTemplate>();
  const templateOf = (occasion: SendOccasion): EventTemplate => {
    let template = templates.get(occasion.communicationId);
    if (!template) {
      const described = [
        `Purpose: ${occasion.purpose}`,
        `Channel: ${occasion.channelName}`,
        `Owner: ${occasion.ownerName}`,
        `Audience: ${occasion.audience}`,
      ];
      template = {
        uidPrefix: escapeText(`${occasion.communicationId}-`),
        summary: escapeText(neutraliseFormula(`${occasion.communicationName} — ${occasion.phaseName}`)),
        descriptionStart: `${described.map(escapeText).join("\\n")}\\n`,
        categories: [occasion.stageName, occasion.channelName]
          .filter((name) => name !== "")
          .map((name) => escapeText(neutraliseFormula(name)))
          .join(","),
      };
      templates.set(occasion.communicationId, template);
    }
    return template;
  };
  const uidSuffix = escapeText(`@${roadmap.id}.relationship-roadmap`);
  return (occasion) => {
    const template = templateOf(occasion);
    const yearMonth = occasion.monthLabel.replace("-", "");
    const reach = escapeText(`Expected reach: ${customers.format(occasion.reach)}`);
    const figures = costs ? `${reach}\\n${escapeText(`Cost: ${money.format(occasion.cost)}`)}` : reach;
    return contentLines([
      "BEGIN:VEVENT",
      `UID:${template.uidPrefix}${occasion.monthLabel}${uidSuffix}`,
      `DTSTAMP:${timestamp}`,
      // Every occasion falls on the 1st, so the day after is the 2nd of the same month.
      `DTSTART;VALUE=DATE:${yearMonth}01`,
      `DTEND;VALUE=DATE:${yearMonth}02`,
      `SUMMARY:${template.summary}`,
      `DESCRIPTION:${template.descriptionStart}${figures}`,
      `CATEGORIES:${template.categories}`,
      // A planned send is a reminder, not a meeting: it must not show the owner as busy.
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    ]);
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
  if (PRINTABLE_ASCII.test(line)) {
    if (line.length <= MAX_LINE_OCTETS) return line;
    // One octet per character: cut every 75, then every 74 after the continuation's space.
    const parts = [line.slice(0, MAX_LINE_OCTETS)];
    for (let start = MAX_LINE_OCTETS; start < line.length; start += MAX_LINE_OCTETS - 1) {
      parts.push(line.slice(start, start + MAX_LINE_OCTETS - 1));
    }
    return parts.join(`${LINE_END} `);
  }
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i) ?? 0;
    const size = utf8Length(codePoint);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(line.slice(start, i));
      start = i;
      // The continuation's leading space is its first octet.
      octets = 1;
    }
    octets += size;
    i += codePoint > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join(`${LINE_END} `);
}

const PRINTABLE_ASCII = /^[ -~]*$/;

/** Octets of one code point in UTF-8; a lone surrogate is written as U+FFFD, three octets. */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
