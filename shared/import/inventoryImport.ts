import { startsLikeFormula } from "../export/formulaInjection";
import { createId } from "../model/ids";
import { CHANNEL_KIND_LABELS, PURPOSE_LABELS, STATUS_LABELS } from "../model/labels";
import { formatLimit, LIMITS } from "../model/limits";
import {
  CHANNEL_KINDS,
  type Channel,
  type ChannelKind,
  COMMUNICATION_STATUSES,
  type Communication,
  type ImportMapping,
  type Owner,
  PURPOSES,
  type Roadmap,
} from "../model/schema";
import { parseTimingText } from "../model/timingText";
import { err, ok } from "../result";
import { type NumberColumn, numberColumns } from "./inventoryNumbers";
import {
  bestMatch,
  CREATE_FROM_VALUE,
  cellText,
  type ImportKind,
  type ImportPreview,
  type ImportProblem,
  type ImportTarget,
  normaliseLabel,
  splitValues,
  type ValueOption,
} from "./mapping";
import { fileRowNumber, isEmptyRow, type Table, type TableCell } from "./table";

/**
 * The client's communication inventory: the spreadsheet every marketing
 * department keeps of what it sends, imported as communications of the
 * roadmap with status "existing" unless a Status column says otherwise.
 *
 * How cells are read (each rule is what a real inventory or the app's own
 * Plan CSV writes):
 * - Owners and channels are matched by name (channels also by id, and by kind
 *   when the roadmap has one channel of that kind). An unknown one mapped to
 *   `CREATE_FROM_VALUE` is created on apply, only if a row that is imported
 *   uses it: an owner of the kind its name suggests ("Partner desk" is a
 *   partner channel, "Inside sales" sales, "Customer care" service, "PM – Core"
 *   product management), else marketing, whose spreadsheet an inventory
 *   usually is; a channel of the kind its name suggests ("Webinars" is an
 *   event), else "other", with zero costs either way so no made-up figure
 *   enters the budget (the communications' own cost columns carry theirs).
 * - A row that names no owner or channel (no such column, or an empty cell)
 *   gets the ones quick-add would use, else the roadmap's first.
 * - Purpose: the app's purposes by label or a common word ("Onboarding" is
 *   welcome, "Reactivation" win-back); with no Purpose column, "service".
 * - Segments: several per cell ("Enterprise; SMB"); empty, or "All segments",
 *   means every segment. The Plan CSV's Audience cell adds roles and a share
 *   after " · ", which `splitValues` leaves out: roles and share are not imported.
 * - Timing: the capture table's grammar (`parseTimingText`) and what
 *   spreadsheets write: "monthly", "quarterly", "yearly", "month 5", "2027-06",
 *   "on entry + 2 months", "Every 3 months", "Once, 2027-06". Empty is "on entry".
 * - Costs: money in the roadmap's currency in the user's locale, or with a dot
 *   for decimals when the column is written so (`inventoryNumbers`). Empty
 *   follows the channel's costs.
 * - Response rate: "12 %" is 12 %. A number without "%" is a percentage when
 *   the header says so ("Response rate (%)") or any number in the column is
 *   above 1 ("12", "4.5"); otherwise it is a share ("0.12" is 12 %). Empty is 0.
 * - Status: existing, proposed or retired (with spellings like "live",
 *   "planned", "stopped"); empty, or no Status column, is "existing".
 * - Rows that describe the same communication are one communication: the Plan
 *   CSV lists a communication once per month it sends. With an ID column,
 *   rows with the same ID are one communication (and must agree); without,
 *   rows that agree in every mapped column are.
 * - Text a spreadsheet export defused with a leading apostrophe ("'=SUM…")
 *   is read back without it.
 */

/** The value mapping that means "every segment" in a Segments column. */
export const ALL_SEGMENTS = "*all";

/** An owner the import creates, named as the inventory writes it. */
export interface NewOwner {
  /** The value's normalised spelling, by which communications refer to it. */
  key: string;
  name: string;
  kind: Owner["kind"];
  partnerType: Owner["partnerType"];
}

/** A channel the import creates: zero costs, the kind its name suggests. */
export interface NewChannel {
  key: string;
  name: string;
  kind: ChannelKind;
}

/** An owner or channel the roadmap has (`id`), or one the import creates (`create`: its key). */
export type InventoryRef = { id: string } | { create: string };

/** One communication the import adds, before it gets its id. */
export interface InventoryCommunication extends Omit<Communication, "id" | "ownerId" | "channelId"> {
  owner: InventoryRef;
  channel: InventoryRef;
  /** The file rows it was read from (several when the file lists it once per send). */
  rows: number[];
}

/** What applying an inventory adds: owners and channels to create, then the communications. */
export interface InventoryImportChange {
  owners: NewOwner[];
  channels: NewChannel[];
  communications: InventoryCommunication[];
}

const GROUP = "Communication";

const PURPOSE_ALIASES: Record<Communication["purpose"], readonly string[]> = {
  welcome: ["onboarding", "welcome pack"],
  education: ["information", "informational", "how to", "tips", "training"],
  crossSell: ["cross selling", "cross sell"],
  upSell: ["upsell", "upselling", "upgrade"],
  retention: ["renewal", "retain"],
  loyalty: ["rewards", "reward", "vip"],
  survey: ["feedback", "nps", "research", "questionnaire"],
  service: ["transactional", "support", "notification", "reminder"],
  winBack: ["win back", "reactivation", "reactivate"],
  newsletter: ["news"],
};

const STATUS_ALIASES: Record<Communication["status"], readonly string[]> = {
  existing: ["live", "active", "running", "current", "in use", "ongoing", "today"],
  proposed: ["planned", "new", "idea", "proposal", "draft", "future", "pilot", "to do"],
  retired: ["stopped", "ended", "discontinued", "inactive", "paused", "archived", "cancelled", "canceled"],
};

/** Words in a new channel's name that say its kind; "WhatsApp" says none and is "other". */
const CHANNEL_KIND_ALIASES: Record<ChannelKind, readonly string[]> = {
  email: ["e-mail", "emailing", "edm"],
  directMail: ["mail", "mailing", "post", "postal", "letter", "print", "mailer"],
  phone: ["call", "calls", "telephone", "call centre", "call center", "telemarketing"],
  fieldSales: ["visit", "field sales", "sales visit"],
  event: ["webinar", "webinars", "events", "conference", "fair", "trade show", "seminar"],
  newsletter: ["magazine"],
  webInApp: ["web", "in-app", "app", "website", "portal", "push", "push notification"],
  sms: ["text message", "text"],
  social: ["social media", "linkedin", "facebook", "instagram"],
  survey: ["questionnaire"],
  other: [],
};

/** The targets an inventory's columns can map to, with their values where they name the roadmap's things. */
export function inventoryTargets(roadmap: Roadmap): ImportTarget[] {
  const target = (
    id: string,
    label: string,
    headerNames: readonly string[],
    extra: Partial<ImportTarget> = {},
  ): ImportTarget => ({ id, label, group: GROUP, required: false, headerNames, ...extra });
  return [
    target(
      "name",
      "Name",
      ["Communication", "Communication name", "Campaign", "Campaign name", "Touchpoint", "Activity", "Programme"],
      { required: true },
    ),
    target("phase", "Phase", ["Lifecycle phase", "Lifecycle stage", "Customer phase", "Journey phase", "Stage"], {
      required: true,
      values: { options: roadmap.phases.map(({ id, name }) => ({ id, name })), creatable: false },
    }),
    target("owner", "Owner", ["Team", "Department", "Responsible", "Owned by", "Sender", "Business owner"], {
      values: { options: roadmap.owners.map(({ id, name }) => ({ id, name })), creatable: true },
    }),
    target("channel", "Channel", ["Medium", "Media", "Channel type"], {
      values: { options: channelOptions(roadmap.channels), creatable: true },
    }),
    target(
      "segments",
      "Segments",
      ["Segment", "Audience", "Target audience", "Target group", "Customer segment", "Audience segments"],
      {
        values: {
          options: [
            { id: ALL_SEGMENTS, name: "All segments", aliases: ["all", "everyone", "every segment", "all customers"] },
            ...roadmap.segments.map(({ id, name }) => ({ id, name })),
          ],
          creatable: false,
        },
      },
    ),
    target("purpose", "Purpose", ["Objective", "Goal", "Type", "Communication type", "Campaign type"], {
      values: {
        options: PURPOSES.map((id) => ({ id, name: PURPOSE_LABELS[id], aliases: PURPOSE_ALIASES[id] })),
        creatable: false,
      },
    }),
    target("timing", "Timing", ["Frequency", "When", "Cadence", "Schedule", "Send timing"]),
    target("fixedCost", "Fixed cost", ["Fixed costs", "Setup cost", "Set-up cost", "Production cost", "Creative cost"]),
    target("costPerContact", "Cost per contact", [
      "Cost per send",
      "Cost per piece",
      "Cost per recipient",
      "Cost per customer",
      "Unit cost",
      "Variable cost",
    ]),
    target("responseRate", "Response rate", ["Response", "Conversion rate", "Take-up rate", "Uptake"]),
    target("status", "Status", ["State", "Existing or proposed"], {
      values: {
        options: COMMUNICATION_STATUSES.map((id) => ({ id, name: STATUS_LABELS[id], aliases: STATUS_ALIASES[id] })),
        creatable: false,
      },
    }),
    target("notes", "Notes", ["Note", "Comments", "Comment", "Remarks", "Description"]),
    target("communicationId", "ID", ["Communication ID", "Ref", "Reference", "Key"]),
  ];
}

/**
 * Channels by name and id, and by kind ("email", "Direct mail") where the
 * roadmap has only one channel of that kind and no other channel is named so.
 */
function channelOptions(channels: readonly Channel[]): ValueOption[] {
  const ofKind = new Map<ChannelKind, number>();
  for (const channel of channels) ofKind.set(channel.kind, (ofKind.get(channel.kind) ?? 0) + 1);
  const names = new Set(channels.map((channel) => normaliseLabel(channel.name)));
  return channels.map(({ id, name, kind }) => ({
    id,
    name,
    aliases:
      ofKind.get(kind) === 1 && kind !== "other"
        ? [kind, CHANNEL_KIND_LABELS[kind]].filter(
            (alias) => normaliseLabel(alias) === normaliseLabel(name) || !names.has(normaliseLabel(alias)),
          )
        : [],
  }));
}

type TargetId =
  | "name"
  | "phase"
  | "owner"
  | "channel"
  | "segments"
  | "purpose"
  | "timing"
  | "fixedCost"
  | "costPerContact"
  | "responseRate"
  | "status"
  | "notes"
  | "communicationId";

/** Which column of the table each mapped target reads, by position. */
function columnsOf(table: Table, mapping: ImportMapping): Map<TargetId, number> {
  const found = new Map<TargetId, number>();
  const aligned =
    mapping.columns.length === table.headers.length &&
    mapping.columns.every((column, i) => column.header === table.headers[i]);
  mapping.columns.forEach((column, i) => {
    if (column.target === "" || found.has(column.target as TargetId)) return;
    const index = aligned ? i : table.headers.indexOf(column.header);
    if (index >= 0) found.set(column.target as TargetId, index);
  });
  return found;
}

/** Text a spreadsheet export defused with a leading apostrophe, as it was written. */
function undefused(text: string): string {
  return text.startsWith("'") && startsLikeFormula(text.slice(1)) ? text.slice(1) : text;
}

/** How the values of one mapped column resolve: the user's mapping, else what the guess would say. */
class ValueResolver {
  private readonly chosen: Map<string, string | null>;
  private readonly optionIds: Set<string>;
  private readonly cache = new Map<string, string | null | undefined>();

  constructor(
    private readonly target: ImportTarget,
    mapping: ImportMapping,
  ) {
    this.optionIds = new Set(target.values?.options.map((option) => option.id) ?? []);
    this.chosen = new Map(
      mapping.values.filter((value) => value.target === target.id).map((value) => [compactKey(value.value), value.id]),
    );
  }

  /**
   * The option's id or `CREATE_FROM_VALUE`; null when the user mapped a value
   * that names an option to nothing; undefined when nothing is named so and
   * nothing is chosen (the guess leaves such values unmapped for the user).
   */
  resolve(value: string): string | null | undefined {
    if (this.cache.has(value)) return this.cache.get(value);
    const key = compactKey(value);
    const chosen = this.chosen.get(key);
    const guess = bestMatch(value, this.target.values?.options ?? []) ?? undefined;
    let id: string | null | undefined;
    if (chosen === null) id = guess === undefined ? undefined : null;
    else if (chosen !== undefined && (this.optionIds.has(chosen) || this.creatable(chosen))) id = chosen;
    else id = guess;
    this.cache.set(value, id);
    return id;
  }

  private creatable(id: string): boolean {
    return id === CREATE_FROM_VALUE && this.target.values?.creatable === true;
  }
}

/** Spellings that differ only in case, accents, spaces or punctuation are one value. */
function compactKey(value: string): string {
  return normaliseLabel(undefused(value.trim())).replace(/ /g, "");
}

interface RowReading {
  communication: InventoryCommunication | null;
  problems: ImportProblem[];
  /** The ID cell, when the file has an ID column. */
  id: string | null;
}

interface ReadContext {
  roadmap: Roadmap;
  table: Table;
  columns: Map<TargetId, number>;
  targets: Map<string, ImportTarget>;
  resolvers: Map<string, ValueResolver>;
  numbers: Map<string, NumberColumn>;
  /** The owner and channel of a row that names none: quick-add's, else the roadmap's first. */
  defaults: { owner: string | null; channel: string | null };
  newOwners: Map<string, NewOwner>;
  newChannels: Map<string, NewChannel>;
}

/** What a value of each target names, in problems: "“Limbo” is not a phase of this roadmap". */
const NOUNS: Partial<Record<TargetId, string>> = {
  phase: "phase",
  owner: "owner",
  channel: "channel",
  segments: "segment",
  purpose: "purpose",
  status: "status",
};

const article = (noun: string) => (/^[aeiou]/.test(noun) ? "an" : "a");

/** Reads one row: the communication it describes, or every problem it has. */
function readRow(context: ReadContext, index: number): RowReading {
  const { roadmap, table, columns } = context;
  const cells = table.rows[index] ?? [];
  const row = fileRowNumber(index);
  const problems: ImportProblem[] = [];
  const header = (target: TargetId) => table.headers[columns.get(target) ?? -1] ?? null;
  const cell = (target: TargetId): TableCell | undefined => {
    const at = columns.get(target);
    return at === undefined ? undefined : cells[at];
  };
  const text = (target: TargetId) => undefused(cellText(cell(target)).trim());
  const problem = (target: TargetId, message: string) =>
    problems.push({ row, column: header(target), value: cellText(cell(target)), problem: message });

  if (isEmptyRow(cells)) {
    return {
      communication: null,
      id: null,
      problems: [{ row, column: null, value: null, problem: "The row is empty." }],
    };
  }

  const name = text("name");
  if (name === "") problem("name", "A communication needs a name.");
  else if (name.length > 200) problem("name", `The name is longer than 200 characters.`);

  const lookUp = (target: TargetId, value: string): string | null => {
    const id = context.resolvers.get(target)?.resolve(value);
    const noun = NOUNS[target] ?? target;
    if (id === undefined) {
      const whose = target === "purpose" || target === "status" ? "" : " of this roadmap";
      const create = context.targets.get(target)?.values?.creatable ? " or create it" : "";
      problem(target, `“${value}” is not ${article(noun)} ${noun}${whose}: map it to one${create}.`);
      return null;
    }
    if (id === null) {
      problem(target, `“${value}” is mapped to no ${noun}, so the row is left out.`);
      return null;
    }
    return id;
  };

  const phaseText = text("phase");
  let phaseId: string | null = null;
  if (phaseText === "") problem("phase", "A communication needs a phase.");
  else phaseId = lookUp("phase", phaseText);

  const owner = readRef(context, "owner", text("owner"), problem, lookUp);
  const channel = readRef(context, "channel", text("channel"), problem, lookUp);

  const segmentIds: string[] = [];
  let everySegment = false;
  for (const value of splitValues(cell("segments"), "segments")) {
    const id = lookUp("segments", undefused(value));
    if (id === ALL_SEGMENTS) everySegment = true;
    else if (id !== null && !segmentIds.includes(id)) segmentIds.push(id);
  }

  let purpose: Communication["purpose"] | null = null;
  const purposeText = text("purpose");
  if (columns.has("purpose") && purposeText === "") problem("purpose", "A communication needs a purpose.");
  else if (purposeText !== "") purpose = lookUp("purpose", purposeText) as Communication["purpose"] | null;

  let status: Communication["status"] | null = "existing";
  const statusText = text("status");
  if (statusText !== "") status = lookUp("status", statusText) as Communication["status"] | null;

  const timing = readTiming(cell("timing"), roadmap);
  if (!timing.ok) problem("timing", timing.error);

  const money = (target: "fixedCost" | "costPerContact", label: string): number | null => {
    const read = context.numbers.get(target)?.read(cell(target));
    if (!read) return null;
    if (!read.ok) {
      problem(target, `The ${label} is not an amount of money: ${read.error}.`);
      return null;
    }
    if (read.value === null) return null;
    if (read.value < 0) problem(target, `The ${label} is negative.`);
    else if (read.value > LIMITS.money) problem(target, `The ${label} is more than ${formatLimit(LIMITS.money)}.`);
    return read.value;
  };
  const fixedCost = money("fixedCost", "fixed cost");
  const costPerContact = money("costPerContact", "cost per contact");

  let responseRate = 0;
  const rate = context.numbers.get("responseRate")?.read(cell("responseRate"));
  if (rate && !rate.ok) problem("responseRate", `The response rate is not a percentage: ${rate.error}.`);
  else if (rate?.ok && rate.value !== null) {
    if (rate.value < 0) problem("responseRate", "The response rate is negative.");
    else if (rate.value > 1) problem("responseRate", "The response rate is above 100 %.");
    else responseRate = rate.value;
  }

  const notes = text("notes");
  if (notes.length > 10_000) problem("notes", "The notes are longer than 10,000 characters.");

  const id = columns.has("communicationId") ? text("communicationId") || null : null;
  if (problems.length > 0 || phaseId === null || owner === null || channel === null || !timing.ok) {
    return { communication: null, problems, id };
  }
  return {
    id,
    problems,
    communication: {
      phaseId,
      name,
      purpose: purpose ?? "service",
      owner,
      channel,
      audience: { segmentIds: everySegment ? [] : segmentIds, roleIds: [], share: 1 },
      timing: timing.value,
      personalisation: "mass",
      fixedCost,
      costPerContact,
      responseRate,
      valuePerResponse: 0,
      status: status ?? "existing",
      notes,
      rows: [row],
    },
  };
}

/** An owner or channel: the one the value maps to, or a new one named as the value. */
function readRef(
  context: ReadContext,
  target: "owner" | "channel",
  value: string,
  problem: (target: TargetId, message: string) => void,
  lookUp: (target: TargetId, value: string) => string | null,
): InventoryRef | null {
  if (value === "") {
    const fallback = context.defaults[target];
    if (fallback !== null) return { id: fallback };
    problem(
      target,
      `A communication needs ${target === "owner" ? "an owner" : "a channel"}, and the roadmap has none.`,
    );
    return null;
  }
  const id = lookUp(target, value);
  if (id === null) return null;
  if (id !== CREATE_FROM_VALUE) return { id };
  if (value.length > 200) {
    problem(target, `A new ${target}'s name can be at most 200 characters.`);
    return null;
  }
  const key = compactKey(value);
  if (target === "owner" && !context.newOwners.has(key)) context.newOwners.set(key, newOwner(key, value));
  if (target === "channel" && !context.newChannels.has(key)) {
    context.newChannels.set(key, { key, name: value, kind: channelKindOf(value) });
  }
  return { create: key };
}

/** The remembered choice while it exists, else the first. */
function defaultOf(items: readonly { id: string }[], remembered: string | null): string | null {
  return items.find((item) => item.id === remembered)?.id ?? items[0]?.id ?? null;
}

/** A new owner of the kind its name suggests; marketing when it suggests none. */
function newOwner(key: string, name: string): NewOwner {
  const words = normaliseLabel(name);
  const partner = /\b(dealer|broker|agent|franchise|reseller)s?\b/.exec(words)?.[1] as Owner["partnerType"] | undefined;
  if (partner || /\bpartner/.test(words)) return { key, name, kind: "partnerChannel", partnerType: partner ?? "other" };
  if (/\b(sales|account)/.test(words)) return { key, name, kind: "sales", partnerType: null };
  if (/\b(service|support|care|success)/.test(words)) return { key, name, kind: "service", partnerType: null };
  if (/\b(product|pm)\b/.test(words)) return { key, name, kind: "productManagement", partnerType: null };
  return { key, name, kind: "marketing", partnerType: null };
}

const KIND_OPTIONS: ValueOption[] = CHANNEL_KINDS.filter((kind) => kind !== "other").map((kind) => ({
  id: kind,
  name: CHANNEL_KIND_LABELS[kind],
  aliases: CHANNEL_KIND_ALIASES[kind],
}));

/** The kind a new channel's name says ("Webinars" → event), else "other". */
export function channelKindOf(name: string): ChannelKind {
  return (bestMatch(name, KIND_OPTIONS) as ChannelKind | null) ?? "other";
}

const RECURRING_WORDS: ReadonlyMap<string, number> = new Map([
  ["monthly", 1],
  ["each month", 1],
  ["per month", 1],
  ["every month", 1],
  ["quarterly", 3],
  ["every quarter", 3],
  ["each quarter", 3],
  ["half yearly", 6],
  ["semi annually", 6],
  ["semiannually", 6],
  ["twice a year", 6],
  ["yearly", 12],
  ["annually", 12],
  ["annual", 12],
  ["every year", 12],
  ["once a year", 12],
]);

/**
 * A timing as inventories write it, read with the capture table's grammar
 * once the spreadsheet's words are put in its terms. The error names the
 * value and says what would do.
 */
export function readTiming(cell: TableCell | undefined, horizon: Pick<Roadmap, "startMonth" | "horizonMonths">) {
  const written = cellText(cell).trim();
  const value = written
    .toLowerCase()
    .replace(/[-_]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^at entry|^entry/, "on entry");
  const every = RECURRING_WORDS.get(value);
  if (every !== undefined) return ok({ kind: "recurring", everyMonths: every } as const);
  const years = /^every (\d+) years?$/.exec(value);
  if (years) return parseTimingText(`every ${Number(years[1]) * 12} months`, horizon);
  if (/\b(daily|weekly|week|weeks|days?)\b/.test(value)) {
    return err(
      `Timing “${written}” is more often than monthly: the plan counts sends by month, so write "every month".`,
    );
  }
  const month = /^(?:in )?month (\d+)$/.exec(value);
  if (month) return parseTimingText(`once in month ${month[1]}`, horizon);
  const calendar = /^(?:once,? )?(?:in )?(\d{4} \d{1,2})(?: \d{1,2})?$/.exec(value);
  if (calendar) return parseTimingText(`once in ${calendar[1]?.replace(" ", "-")}`, horizon);
  const parsed = parseTimingText(value, horizon);
  return parsed.ok ? parsed : err(parsed.error.replace(`“${value}”`, `“${written}”`));
}

/** The rows' communications, grouped where several rows describe one, and every problem. */
function previewInventory(
  roadmap: Roadmap,
  table: Table,
  mapping: ImportMapping,
  locale?: string,
): ImportPreview<InventoryImportChange> {
  const targets = inventoryTargets(roadmap);
  const columns = columnsOf(table, mapping);
  const empty: InventoryImportChange = { owners: [], channels: [], communications: [] };
  const missing = targets.filter((target) => target.required && !columns.has(target.id as TargetId));
  if (missing.length > 0) {
    const names = missing.map((target) => target.label).join(" and ");
    return {
      change: empty,
      problems: [
        { row: null, column: null, value: null, problem: `Map a column to ${names}: a communication needs it.` },
      ],
      accepted: 0,
      refused: table.rows.length,
      summary: `Nothing can be imported until a column is mapped to ${names}.`,
    };
  }
  const context: ReadContext = {
    roadmap,
    table,
    columns,
    targets: new Map(targets.map((target) => [target.id, target])),
    resolvers: new Map(
      targets.filter((target) => target.values).map((target) => [target.id, new ValueResolver(target, mapping)]),
    ),
    numbers: numberColumns(table, columns, { currency: roadmap.currency, locale }),
    defaults: {
      owner: defaultOf(roadmap.owners, roadmap.captureDefaults.ownerId),
      channel: defaultOf(roadmap.channels, roadmap.captureDefaults.channelId),
    },
    newOwners: new Map(),
    newChannels: new Map(),
  };

  const problems: ImportProblem[] = [];
  const communications: InventoryCommunication[] = [];
  const byKey = new Map<string, InventoryCommunication>();
  let refused = 0;
  for (let index = 0; index < table.rows.length; index++) {
    const reading = readRow(context, index);
    if (!reading.communication) {
      refused++;
      problems.push(...reading.problems);
      continue;
    }
    const { rows, ...content } = reading.communication;
    const signature = JSON.stringify(content);
    const key = reading.id === null ? `content:${signature}` : `id:${reading.id}`;
    const earlier = byKey.get(key);
    if (!earlier) {
      byKey.set(key, reading.communication);
      communications.push(reading.communication);
      continue;
    }
    const { rows: earlierRows, ...earlierContent } = earlier;
    if (JSON.stringify(earlierContent) === signature) {
      earlierRows.push(...rows);
      continue;
    }
    refused++;
    problems.push({
      row: fileRowNumber(index),
      column: table.headers[columns.get("communicationId") ?? -1] ?? null,
      value: reading.id,
      problem: `ID “${reading.id}” is already row ${earlierRows[0]}'s, which describes a different communication.`,
    });
  }

  const used = (kind: "owner" | "channel") =>
    new Set(
      communications
        .flatMap((c) => (kind === "owner" ? c.owner : c.channel))
        .flatMap((ref) => ("create" in ref ? [ref.create] : [])),
    );
  const owners = [...context.newOwners.values()].filter((owner) => used("owner").has(owner.key));
  const channels = [...context.newChannels.values()].filter((channel) => used("channel").has(channel.key));

  const limit = limitProblem(roadmap, communications.length, owners.length, channels.length);
  if (limit) {
    return {
      change: empty,
      problems: [limit, ...problems],
      accepted: 0,
      refused: table.rows.length,
      summary: limit.problem,
    };
  }
  const accepted = table.rows.length - refused;
  return {
    change: { owners, channels, communications },
    problems,
    accepted,
    refused,
    summary: summarise(communications.length, accepted, refused, owners, channels),
  };
}

/** What would take the roadmap over a limit of its file format, as a problem of the whole file. */
function limitProblem(
  roadmap: Roadmap,
  communications: number,
  owners: number,
  channels: number,
): ImportProblem | null {
  const whole = (problem: string): ImportProblem => ({ row: null, column: null, value: null, problem });
  const total = roadmap.communications.length + communications;
  if (total > LIMITS.communications) {
    return whole(
      `The roadmap would have ${formatLimit(total)} communications, more than the ${formatLimit(LIMITS.communications)} it may have.`,
    );
  }
  if (total * roadmap.horizonMonths > LIMITS.communicationMonths) {
    return whole(
      `${formatLimit(total)} communications over ${roadmap.horizonMonths} months is more than the ${formatLimit(LIMITS.communicationMonths)} sends a roadmap may plan; shorten the horizon or import fewer rows.`,
    );
  }
  if (roadmap.owners.length + owners > LIMITS.owners) {
    return whole(`The roadmap would have more than the ${formatLimit(LIMITS.owners)} owners it may have.`);
  }
  if (roadmap.channels.length + channels > LIMITS.channels) {
    return whole(`The roadmap would have more than the ${formatLimit(LIMITS.channels)} channels it may have.`);
  }
  return null;
}

/** "Adds 12 communications from 40 rows. Creates 2 owners: Field marketing, Partner desk; 1 channel: WhatsApp. 3 rows are refused." */
function summarise(
  communications: number,
  accepted: number,
  refused: number,
  owners: readonly NewOwner[],
  channels: readonly NewChannel[],
): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    communications === accepted
      ? `Adds ${count(communications, "communication")}.`
      : `Adds ${count(communications, "communication")} from ${count(accepted, "row")} (rows that repeat a communication are its further sends).`,
  ];
  const creates = [
    owners.length > 0 ? `${count(owners.length, "owner")}: ${owners.map((o) => o.name).join(", ")}` : "",
    channels.length > 0 ? `${count(channels.length, "channel")}: ${channels.map((c) => c.name).join(", ")}` : "",
  ].filter((part) => part !== "");
  if (creates.length > 0) parts.push(`Creates ${creates.join("; ")}.`);
  if (refused > 0) parts.push(`${count(refused, "row is", "rows are")} refused for the problems listed.`);
  return parts.join(" ");
}

/**
 * The roadmap with the owners, channels and communications added, each with a
 * new id, and the mapping remembered. A communication whose phase, owner,
 * channel or segment was removed since the preview is left out rather than
 * left pointing at nothing.
 */
function applyInventory(roadmap: Roadmap, change: InventoryImportChange, mapping: ImportMapping): Roadmap {
  const owners: Owner[] = change.owners.map(({ name, kind, partnerType }) => ({
    id: createId(),
    name,
    kind,
    partnerType,
  }));
  const channels: Channel[] = change.channels.map(({ name, kind }) => ({
    id: createId(),
    name,
    kind,
    fixedCost: 0,
    costPerContact: 0,
    contactCap: null,
  }));
  const ownerIds = new Map(change.owners.map((owner, i) => [owner.key, owners[i]?.id]));
  const channelIds = new Map(change.channels.map((channel, i) => [channel.key, channels[i]?.id]));
  const known = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id));
  const phases = known(roadmap.phases);
  const ownerSet = known([...roadmap.owners, ...owners]);
  const channelSet = known([...roadmap.channels, ...channels]);
  const segments = known(roadmap.segments);
  const communications = change.communications.flatMap(
    ({ owner, channel, rows: _rows, ...communication }): Communication[] => {
      const ownerId = "id" in owner ? owner.id : ownerIds.get(owner.create);
      const channelId = "id" in channel ? channel.id : channelIds.get(channel.create);
      const present =
        phases.has(communication.phaseId) &&
        ownerId !== undefined &&
        ownerSet.has(ownerId) &&
        channelId !== undefined &&
        channelSet.has(channelId) &&
        communication.audience.segmentIds.every((id) => segments.has(id));
      return present ? [{ id: createId(), ...communication, ownerId, channelId }] : [];
    },
  );
  return {
    ...roadmap,
    owners: [...roadmap.owners, ...owners],
    channels: [...roadmap.channels, ...channels],
    communications: [...roadmap.communications, ...communications],
    importMappings: { ...roadmap.importMappings, inventory: mapping },
  };
}

/** The communication inventory as an import kind, for the import wizard and the CLI. */
export const inventoryImportKind: ImportKind<InventoryImportChange> = {
  mappingKey: "inventory",
  targets: inventoryTargets,
  preview: previewInventory,
  apply: applyInventory,
};
