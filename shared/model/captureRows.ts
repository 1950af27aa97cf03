import { err, ok, type Result } from "../result";
import { formatLimit, LIMITS } from "./limits";
import type { CapturedCommunication } from "./organisation";
import type { Roadmap } from "./schema";
import { parseTimingText } from "./timingText";

/** The columns of the capture table, in the order a pasted row gives them. */
export const CAPTURE_COLUMNS = ["Name", "Owner", "Channel", "Timing"] as const;
export type CaptureColumn = (typeof CAPTURE_COLUMNS)[number];

const HEADER_WORDS = new Set(["name", "communication", "owner", "channel", "timing", "when"]);
const MAX_NAME = 200;

/** A row as the user typed it: four texts, read by `readCaptureRow`. */
export type CaptureRowText = Record<CaptureColumn, string>;

/**
 * Finds an owner or channel by name, case and surrounding spaces aside. An
 * empty text is "the remembered one" (undefined); a name the roadmap does not
 * have is null.
 */
export function findByName(items: readonly { id: string; name: string }[], text: string): string | undefined | null {
  const wanted = text.trim().toLocaleLowerCase();
  if (wanted === "") return undefined;
  return items.find((item) => item.name.trim().toLocaleLowerCase() === wanted)?.id ?? null;
}

/**
 * One typed or pasted row as a communication to add, or what is wrong with it,
 * each problem naming the row, the column and the value.
 */
export function readCaptureRow(
  roadmap: Roadmap,
  row: CaptureRowText,
  rowLabel: string,
): Result<CapturedCommunication, string[]> {
  const problems: string[] = [];
  const name = row.Name.trim();
  if (name === "") problems.push(`${rowLabel}, column Name: a communication needs a name.`);
  else if (name.length > MAX_NAME) {
    problems.push(`${rowLabel}, column Name: “${name.slice(0, 40)}…” is longer than ${MAX_NAME} characters.`);
  }
  const ownerId = findByName(roadmap.owners, row.Owner);
  if (ownerId === null) problems.push(unknown(rowLabel, "Owner", row.Owner, roadmap.owners));
  const channelId = findByName(roadmap.channels, row.Channel);
  if (channelId === null) problems.push(unknown(rowLabel, "Channel", row.Channel, roadmap.channels));
  const timing = parseTimingText(row.Timing, roadmap);
  if (!timing.ok) problems.push(`${rowLabel}, column Timing: ${timing.error}`);
  if (problems.length > 0 || !timing.ok || ownerId === null || channelId === null) return err(problems);
  return ok({ name, ownerId, channelId, timing: timing.value });
}

function unknown(rowLabel: string, column: CaptureColumn, value: string, items: readonly { name: string }[]): string {
  const known = items.map((item) => `“${item.name}”`).join(", ");
  return `${rowLabel}, column ${column}: there is no ${column.toLowerCase()} named “${value.trim()}” on this roadmap (it has ${known}). Add it in the Audiences view, or correct the name.`;
}

/**
 * Rows copied from a spreadsheet (Excel, Numbers, Google Sheets): one row per
 * line, cells separated by tabs, in the order name, owner, channel, timing. A
 * first row of column titles is skipped, blank lines are ignored, owners and
 * channels are matched by name whatever their case. Either every row is read
 * or none is: the error lists each problem with its row (counted as in the
 * pasted text), column and value, so nothing is ever dropped silently.
 */
export function parseCaptureRows(text: string, roadmap: Roadmap): Result<CapturedCommunication[], string[]> {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const rows: CapturedCommunication[] = [];
  const problems: string[] = [];
  for (const [index, line] of lines.entries()) {
    const cells = line.split("\t").map((cell) => cell.trim());
    if (cells.every((cell) => cell === "")) continue;
    if (index === 0 && isHeader(cells)) continue;
    const rowLabel = `Row ${index + 1}`;
    const extra = cells.slice(CAPTURE_COLUMNS.length).filter((cell) => cell !== "");
    if (extra.length > 0) {
      problems.push(
        `${rowLabel} has ${cells.length} columns, with “${extra[0]}” after the timing: paste four columns, name, owner, channel and timing.`,
      );
      continue;
    }
    const [Name = "", Owner = "", Channel = "", Timing = ""] = cells;
    const read = readCaptureRow(roadmap, { Name, Owner, Channel, Timing }, rowLabel);
    if (read.ok) rows.push(read.value);
    else problems.push(...read.error);
  }
  if (problems.length > 0) return err(problems);
  if (rows.length === 0) return err(["The pasted text has no rows: copy rows of name, owner, channel and timing."]);
  const total = roadmap.communications.length + rows.length;
  if (total > LIMITS.communications) {
    return err([
      `Pasting ${formatLimit(rows.length)} rows would make ${formatLimit(total)} communications, more than the ${formatLimit(LIMITS.communications)} a roadmap may have.`,
    ]);
  }
  if (total * roadmap.horizonMonths > LIMITS.communicationMonths) {
    return err([
      `Pasting ${formatLimit(rows.length)} rows would make the plan too large: ${formatLimit(total)} communications × ${roadmap.horizonMonths} months is more than the ${formatLimit(LIMITS.communicationMonths)} a roadmap may have.`,
    ]);
  }
  return ok(rows);
}

function isHeader(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell !== "");
  return filled.length > 0 && filled.every((cell) => HEADER_WORDS.has(cell.toLowerCase()));
}
