import {
  CHANNEL_KIND_LABELS,
  OWNER_KIND_LABELS,
  PARTNER_TYPE_LABELS,
  PERSONALISATION_LABELS,
  PURPOSE_LABELS,
  STATUS_LABELS,
} from "./labels";
import type {
  DiffCollection,
  OptimisationSummary,
  OptionsSummary,
  OptionsValue,
  QuestionnaireSummary,
  RoadmapDifference,
  StickyNotesSummary,
  SurveyWavesSummary,
} from "./roadmapDiff";
import type {
  CommunicationLock,
  ExclusiveGroup,
  OwnerBudget,
  PurposeCoverage,
  Roadmap,
  Timing,
  YearBudget,
} from "./schema";
import { formatTimingText } from "./timingText";

/**
 * Settings a comparison reports, with their labels. Left out on purpose: the
 * file's bookkeeping (type, schemaVersion, id, createdAt, updatedAt) and what
 * the app remembers for the user's convenience (captureDefaults,
 * importMappings), which no one decided and no one would look for in a comparison.
 */
export const SETTING_LABELS: Readonly<Record<string, string>> = {
  name: "Name",
  client: "Client",
  preparedBy: "Prepared by",
  currency: "Currency",
  startMonth: "Start month",
  horizonMonths: "Horizon",
  annualDiscountRate: "Annual discount rate",
  contactCap: "Contact cap",
  notes: "Notes",
  "presentation.walkOrder": "Presentation order",
  "baseScenario.name": "Base scenario's name",
  "baseScenario.notes": "Base scenario's notes",
  "baseScenario.excludedCommunicationIds": "Communications left out of the base scenario",
  "survey.scale": "Survey answer scale",
  "survey.minimumRespondents": "Fewest respondents for an RSI",
  "survey.questionnaire": "Survey questionnaire",
  "survey.waves": "Survey waves",
  stickyNotes: "Sticky notes",
  "optimiser.objective": "Optimiser's objective",
  "optimiser.budget": "Optimiser's budget",
  "optimiser.yearBudgets": "Optimiser's budgets per year",
  "optimiser.ownerBudgets": "Optimiser's budgets per owner",
  "optimiser.respectContactCaps": "Optimiser's contact caps",
  "optimiser.options": "Optimiser's options",
  "optimiser.purposeCoverage": "Optimiser's purpose coverage",
  "optimiser.exclusiveGroups": "Optimiser's alternatives",
  "optimiser.timeLimitSeconds": "Optimiser's time limit",
  "optimiser.gapTolerance": "Optimiser's gap tolerance",
};

/** How a value of a field is written for the user. */
type ValueKind =
  | "text"
  | "number"
  | "rate"
  | "money"
  | "months"
  | "yesNo"
  | "timing"
  | "offsetMonths"
  | "everyMonths"
  | "oneOffMonth"
  | "texts"
  | "phase"
  | "phases"
  | "stage"
  | "segments"
  | "roles"
  | "channel"
  | "owner"
  | "communications"
  | "purpose"
  | "personalisation"
  | "status"
  | "ownerKind"
  | "partnerType"
  | "channelKind"
  | "channelCap"
  | "channelCost"
  | "kpis"
  | "strength"
  | "questionnaire"
  | "waves"
  | "notes"
  | "objective"
  | "budget"
  | "yearBudgets"
  | "ownerBudgets"
  | "caps"
  | "lock"
  | "options"
  | "optionsSummary"
  | "coverage"
  | "groups"
  | "seconds"
  | "optimisation";

/** Kinds whose words carry amounts of money: left out while the user hides costs. */
const MONEY_KINDS: ReadonlySet<ValueKind> = new Set([
  "money",
  "channelCost",
  "budget",
  "yearBudgets",
  "ownerBudgets",
  "optimisation",
]);

type FieldTable = Readonly<Record<string, readonly [label: string, kind: ValueKind]>>;

const COMMUNICATION_FIELDS: FieldTable = {
  phaseId: ["phase", "phase"],
  name: ["name", "text"],
  purpose: ["purpose", "purpose"],
  channelId: ["channel", "channel"],
  ownerId: ["owner", "owner"],
  "audience.segmentIds": ["segments reached", "segments"],
  "audience.roleIds": ["roles reached", "roles"],
  "audience.share": ["share of the audience reached", "rate"],
  timing: ["timing", "timing"],
  "timing.offsetMonths": ["timing", "offsetMonths"],
  "timing.everyMonths": ["timing", "everyMonths"],
  "timing.month": ["timing", "oneOffMonth"],
  personalisation: ["personalisation", "personalisation"],
  fixedCost: ["fixed cost", "channelCost"],
  costPerContact: ["cost per contact", "channelCost"],
  responseRate: ["response rate", "rate"],
  valuePerResponse: ["value per response", "money"],
  status: ["status", "status"],
  notes: ["notes", "text"],
};

const FIELDS: Readonly<Record<Exclude<DiffCollection, "settings">, FieldTable>> = {
  stages: {
    name: ["name", "text"],
    kind: ["kind", "text"],
    color: ["colour", "text"],
    description: ["description", "text"],
  },
  phases: {
    name: ["name", "text"],
    stageId: ["stage", "stage"],
    description: ["description", "text"],
    objectives: ["objectives", "texts"],
    productsHeld: ["products held", "texts"],
    customerLifestage: ["customer lifestage", "text"],
    kpis: ["KPIs", "kpis"],
    "initialCustomers.*": ["customers at the start in *", "number"],
    "arrivalsPerMonth.*": ["arrivals per month in *", "number"],
    churnRate: ["churn rate", "rate"],
    relationshipStrength: ["relationship strength", "strength"],
    "relationshipStrength.score": ["RSI", "number"],
    "relationshipStrength.respondents": ["RSI respondents", "number"],
    "position.x": ["position on the canvas (x)", "number"],
    "position.y": ["position on the canvas (y)", "number"],
  },
  transitions: {
    from: ["starting phase", "phase"],
    to: ["phase it leads to", "phase"],
    rate: ["rate", "rate"],
    "rateBySegment.*": ["rate for *", "rate"],
    trigger: ["trigger", "text"],
    markedAsLoop: ["drawn as a loop", "yesNo"],
  },
  segments: {
    name: ["name", "text"],
    annualValue: ["annual value", "money"],
    color: ["colour", "text"],
    "strategy.whatItIs": ["strategy: what it is", "text"],
    "strategy.whatItIsNot": ["strategy: what it is not", "text"],
    "strategy.differenceFromToday": ["strategy: difference from today", "text"],
    "strategy.pathToValue": ["strategy: path to value", "text"],
    "strategy.capabilitiesNeeded": ["strategy: capabilities needed", "text"],
    "strategy.timeframe": ["strategy: timeframe", "text"],
  },
  owners: { name: ["name", "text"], kind: ["kind", "ownerKind"], partnerType: ["partner type", "partnerType"] },
  channels: {
    name: ["name", "text"],
    kind: ["kind", "channelKind"],
    fixedCost: ["fixed cost", "money"],
    costPerContact: ["cost per contact", "money"],
    contactCap: ["contact cap", "channelCap"],
  },
  roles: { name: ["name", "text"] },
  communications: COMMUNICATION_FIELDS,
  scenarios: {
    name: ["name", "text"],
    notes: ["notes", "text"],
    excludedCommunicationIds: ["communications left out", "communications"],
    ...Object.fromEntries(
      Object.entries(COMMUNICATION_FIELDS).map(([path, [label, kind]]) => [
        `communications.*.${path}`,
        [`${label} of *`, kind] as const,
      ]),
    ),
    "transitions.*.rate": ["rate of *", "rate"],
    "transitions.*.rateBySegment.*": ["rate of * for *", "rate"],
    "phases.*.churnRate": ["churn rate of *", "rate"],
    optimisation: ["how it was optimised", "optimisation"],
  },
};

const SETTING_KINDS: Readonly<Record<string, ValueKind>> = {
  horizonMonths: "months",
  annualDiscountRate: "rate",
  contactCap: "number",
  "presentation.walkOrder": "phases",
  "baseScenario.excludedCommunicationIds": "communications",
  "survey.minimumRespondents": "number",
  "survey.questionnaire": "questionnaire",
  "survey.waves": "waves",
  stickyNotes: "notes",
  "optimiser.objective": "objective",
  "optimiser.budget": "budget",
  "optimiser.yearBudgets": "yearBudgets",
  "optimiser.ownerBudgets": "ownerBudgets",
  "optimiser.respectContactCaps": "caps",
  "optimiser.options": "optionsSummary",
  "optimiser.purposeCoverage": "coverage",
  "optimiser.exclusiveGroups": "groups",
  "optimiser.timeLimitSeconds": "seconds",
  "optimiser.gapTolerance": "rate",
};

/** A communication's lock or options for the optimiser: "optimiser.communications.<id>.lock". */
const OPTIMISER_COMMUNICATION_FIELD = /^optimiser\.communications\.(.+)\.(lock|options)$/;

function settingKind(field: string): ValueKind {
  const communicationField = OPTIMISER_COMMUNICATION_FIELD.exec(field);
  if (communicationField) return communicationField[2] === "lock" ? "lock" : "options";
  return SETTING_KINDS[field] ?? "text";
}

const OBJECTIVE_WORDS: Readonly<Record<OptimisationSummary["objective"], string>> = {
  net: "most net value",
  value: "most value within the budget",
};

const LOCK_WORDS: Readonly<Record<CommunicationLock, string>> = { free: "free", in: "locked in", out: "left out" };

/** Headings of a list of differences grouped by collection. */
export const DIFF_COLLECTION_TITLES: Readonly<Record<DiffCollection, string>> = {
  settings: "Settings",
  stages: "Lifecycle stages",
  phases: "Phases",
  transitions: "Transitions",
  segments: "Segments",
  owners: "Owners",
  channels: "Channels",
  roles: "Roles",
  communications: "Communications",
  scenarios: "Scenarios",
};

/** Which kind of item each collection holds, as a sentence names it. */
const ITEM_NOUNS: Readonly<Record<DiffCollection, string>> = {
  settings: "setting",
  stages: "stage",
  phases: "phase",
  transitions: "transition",
  segments: "segment",
  owners: "owner",
  channels: "channel",
  roles: "role",
  communications: "communication",
  scenarios: "scenario",
};

/** How a difference's amounts are written. */
export interface DifferenceFormat {
  /**
   * Money the user's way. Null while the user hides costs: the sentence says
   * what changed but not the amounts. Absent: the number with the roadmap's
   * currency code.
   */
  readonly money?: ((value: number) => string) | null;
}

/** A difference in words, for a list that lays them out in columns: "Changed · Welcome email · Response rate: 10 % → 12 %". */
export interface DifferenceParts {
  readonly verb: "Added" | "Removed" | "Changed";
  /** "phase", "communication"…: what kind of item it is. */
  readonly noun: string;
  /** The item's name, or the setting's label. */
  readonly label: string;
  /** The field in words, starting in lower case ("response rate of Welcome email"); null for an added or removed item and for a setting. */
  readonly field: string | null;
  /** Old and new values in words; null when there is none (a field set for the first time) or the amount is hidden. */
  readonly before: string | null;
  readonly after: string | null;
  /** A money amount left out because the user hides costs. */
  readonly hidden: boolean;
}

/** Names of a roadmap's items by id, looked up lazily: most differences name one or two. */
interface Names {
  of(
    collection: "phases" | "stages" | "segments" | "roles" | "channels" | "owners" | "communications",
    id: string,
  ): string;
  transition(id: string): string;
}

function namesIn(roadmap: Roadmap | undefined): Names {
  const find = (items: readonly { id: string; name: string }[] | undefined, id: string) =>
    items?.find((item) => item.id === id)?.name ?? id;
  return {
    of: (collection, id) => find(roadmap?.[collection], id),
    transition: (id) => {
      const transition = roadmap?.transitions.find((t) => t.id === id);
      if (!transition) return id;
      return `${find(roadmap?.phases, transition.from)} → ${find(roadmap?.phases, transition.to)}`;
    },
  };
}

/** The label and value kind of a field path, with the names its ids stand for filled in. */
function fieldOf(difference: RoadmapDifference, names: Names): { label: string; kind: ValueKind } {
  const field = difference.field ?? "";
  if (difference.collection === "settings") {
    return { label: lowerFirst(SETTING_LABELS[field] ?? field), kind: settingKind(field) };
  }
  const parts = field.split(".");
  for (const [pattern, [label, kind]] of Object.entries(FIELDS[difference.collection])) {
    const patternParts = pattern.split(".");
    if (patternParts.length !== parts.length) continue;
    if (!patternParts.every((part, i) => part === "*" || part === parts[i])) continue;
    const ids = patternParts.flatMap((part, i) => (part === "*" ? [parts[i] ?? ""] : []));
    const wildcardNames = ids.map((id, i) => wildcardName(difference.collection, pattern, i, id, names));
    let n = 0;
    return { label: label.replace(/\*/g, () => wildcardNames[n++] ?? ""), kind };
  }
  return { label: field, kind: "text" };
}

/** What the id at the i-th wildcard of a path stands for: a segment in a rate by segment, an item in a scenario. */
function wildcardName(collection: DiffCollection, pattern: string, i: number, id: string, names: Names): string {
  if (collection === "scenarios" && i === 0) {
    if (pattern.startsWith("communications.")) return names.of("communications", id);
    if (pattern.startsWith("transitions.")) return names.transition(id);
    return names.of("phases", id);
  }
  return names.of("segments", id);
}

const decimal = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en", { maximumFractionDigits: 2, useGrouping: false });
const MAX_TEXT = 60;

/** A value as the user reads it; null for none, so the sentence can say "Set" or "Cleared". */
function valueText(
  value: unknown,
  kind: ValueKind,
  names: Names,
  roadmap: Roadmap | undefined,
  format: DifferenceFormat,
): string | null {
  if (value === undefined) return null;
  const ids = (collection: Parameters<Names["of"]>[0], none: string) => {
    const list = value as readonly string[];
    return list.length === 0 ? none : list.map((id) => names.of(collection, id)).join(", ");
  };
  switch (kind) {
    case "rate":
      return `${percent.format((value as number) * 100)} %`;
    case "money":
    case "channelCost":
      if (value === null) return "the channel's default";
      if (format.money) return format.money(value as number);
      return roadmap ? `${decimal.format(value as number)} ${roadmap.currency}` : decimal.format(value as number);
    case "number":
      return value === null ? "none" : decimal.format(value as number);
    case "months":
      return `${decimal.format(value as number)} months`;
    case "yesNo":
      return value ? "yes" : "no";
    case "timing":
      return formatTimingText(value as Timing);
    case "offsetMonths":
      return formatTimingText({ kind: "onEntry", offsetMonths: value as number });
    case "everyMonths":
      return formatTimingText({ kind: "recurring", everyMonths: value as number });
    case "oneOffMonth":
      return formatTimingText({ kind: "oneOff", month: value as number });
    case "texts": {
      const list = value as readonly string[];
      return list.length === 0 ? "none" : list.map(quoted).join(", ");
    }
    case "phase":
      return names.of("phases", value as string);
    case "phases":
      return ids("phases", "lifecycle order");
    case "stage":
      return names.of("stages", value as string);
    case "segments":
      return ids("segments", "all segments");
    case "roles":
      return ids("roles", "all roles");
    case "communications":
      return ids("communications", "none");
    case "channel":
      return names.of("channels", value as string);
    case "owner":
      return names.of("owners", value as string);
    case "purpose":
      return PURPOSE_LABELS[value as keyof typeof PURPOSE_LABELS] ?? String(value);
    case "personalisation":
      return PERSONALISATION_LABELS[value as keyof typeof PERSONALISATION_LABELS] ?? String(value);
    case "status":
      return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? String(value);
    case "ownerKind":
      return OWNER_KIND_LABELS[value as keyof typeof OWNER_KIND_LABELS] ?? String(value);
    case "partnerType":
      return value === null
        ? "none"
        : (PARTNER_TYPE_LABELS[value as keyof typeof PARTNER_TYPE_LABELS] ?? String(value));
    case "channelKind":
      return CHANNEL_KIND_LABELS[value as keyof typeof CHANNEL_KIND_LABELS] ?? String(value);
    case "channelCap":
      return value === null ? "no cap" : `${decimal.format(value as number)} a month`;
    case "kpis":
      return count((value as readonly unknown[]).length, "KPI");
    case "strength": {
      if (value === null) return "none";
      const strength = value as { score: number; respondents: number };
      return `RSI ${decimal.format(strength.score)} (${count(strength.respondents, "respondent")})`;
    }
    case "questionnaire": {
      const summary = value as QuestionnaireSummary;
      return `${count(summary.items, "item")} in ${count(summary.dimensions, "dimension")}`;
    }
    case "waves": {
      const summary = value as SurveyWavesSummary;
      return `${count(summary.waves, "wave")} (${count(summary.respondents, "respondent")})`;
    }
    case "notes": {
      const summary = value as StickyNotesSummary;
      return `${count(summary.notes, "note")} (${decimal.format(summary.open)} open)`;
    }
    case "text":
      return typeof value === "string" ? (value === "" ? "empty" : quoted(value)) : JSON.stringify(value);
    case "objective":
      return OBJECTIVE_WORDS[value as OptimisationSummary["objective"]] ?? String(value);
    case "budget":
      return value === null ? "no limit" : moneyText(value as number, roadmap, format);
    case "yearBudgets": {
      const budgets = [...(value as readonly YearBudget[])].sort((a, b) => a.year - b.year);
      if (budgets.length === 0) return "none";
      return budgets.map((b) => `year ${b.year + 1}: ${moneyText(b.budget, roadmap, format)}`).join(", ");
    }
    case "ownerBudgets": {
      const budgets = value as readonly OwnerBudget[];
      if (budgets.length === 0) return "none";
      return budgets.map((b) => `${names.of("owners", b.ownerId)}: ${moneyText(b.budget, roadmap, format)}`).join(", ");
    }
    case "caps":
      return value ? "kept" : "not kept";
    case "lock":
      return LOCK_WORDS[value as CommunicationLock] ?? String(value);
    case "options":
      return optionsText(value as OptionsValue, roadmap, format);
    case "optionsSummary": {
      const summary = value as OptionsSummary;
      return `${decimal.format(summary.frequencies)} with other frequencies and ${decimal.format(summary.personalisation)} with other personalisation`;
    }
    case "coverage": {
      const rules = value as readonly PurposeCoverage[];
      if (rules.length === 0) return "none";
      return rules
        .map((rule) => {
          const purposes = rule.purposes.map((p) => PURPOSE_LABELS[p] ?? p).join(" or ");
          const phases =
            rule.phaseIds.length === 0 ? "every phase" : rule.phaseIds.map((id) => names.of("phases", id)).join(", ");
          return `${purposes} in ${phases}`;
        })
        .join("; ");
    }
    case "groups": {
      const groups = value as readonly ExclusiveGroup[];
      if (groups.length === 0) return "none";
      return groups
        .map(
          (group) =>
            `${quoted(group.name)}: ${group.communicationIds.map((id) => names.of("communications", id)).join(", ")}`,
        )
        .join("; ");
    }
    case "seconds":
      return count(value as number, "second");
    case "optimisation": {
      const summary = value as OptimisationSummary;
      const budget =
        summary.budget === null ? "no budget limit" : `a budget of ${moneyText(summary.budget, roadmap, format)}`;
      const stopped =
        summary.status === "optimal" ? "" : `, stopped early within ${percent.format(summary.gap * 100)} % of the best`;
      return `with ${budget}, for the ${OBJECTIVE_WORDS[summary.objective]}${stopped}`;
    }
  }
}

function moneyText(value: number, roadmap: Roadmap | undefined, format: DifferenceFormat): string {
  if (format.money) return format.money(value);
  return roadmap ? `${decimal.format(value)} ${roadmap.currency}` : decimal.format(value);
}

/** "every 2 or 3 months; by segment (€225 a send, €0.03 a contact, 13 % response)"; costs only while they are shown. */
function optionsText(options: OptionsValue, roadmap: Roadmap | undefined, format: DifferenceFormat): string {
  const parts: string[] = [];
  if (options.everyMonths.length > 0) parts.push(`every ${orList(options.everyMonths.map(String))} months`);
  for (const option of options.personalisation) {
    const figures: string[] = [];
    if (format.money !== null) {
      figures.push(
        option.fixedCost === null ? "its own fixed cost" : `${moneyText(option.fixedCost, roadmap, format)} a send`,
      );
      figures.push(
        option.costPerContact === null
          ? "its own cost per contact"
          : `${moneyText(option.costPerContact, roadmap, format)} a contact`,
      );
    }
    figures.push(`${percent.format(option.responseRate * 100)} % response`);
    parts.push(`${lowerFirst(PERSONALISATION_LABELS[option.level])} (${figures.join(", ")})`);
  }
  return parts.length === 0 ? "none" : parts.join("; ");
}

/** "1", "1 or 2", "1, 2 or 3". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

function quoted(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return `“${line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line}”`;
}

function count(n: number, one: string): string {
  return `${decimal.format(n)} ${n === 1 ? one : `${one}s`}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A difference split into the words a list shows in columns; `roadmap` names the ids it mentions. */
export function differenceParts(
  difference: RoadmapDifference,
  roadmap?: Roadmap,
  format: DifferenceFormat = {},
): DifferenceParts {
  const noun = ITEM_NOUNS[difference.collection];
  if (difference.kind !== "changed") {
    const verb = difference.kind === "added" ? "Added" : "Removed";
    return { verb, noun, label: difference.label, field: null, before: null, after: null, hidden: false };
  }
  const names = namesIn(roadmap);
  const { label, kind } = fieldOf(difference, names);
  const hidden = MONEY_KINDS.has(kind) && format.money === null;
  const text = (value: unknown) => (hidden ? null : valueText(value, kind, names, roadmap, format));
  return {
    verb: "Changed",
    noun,
    label: difference.label,
    field: difference.collection === "settings" ? null : label,
    before: text(difference.before),
    after: text(difference.after),
    hidden,
  };
}

/**
 * A difference as a sentence for the user: "Added the phase Onboarding",
 * "Changed the response rate of Welcome email from 10 % to 12 %", "Changed
 * the contact cap from 4 to 5". Ids are named from `roadmap` when given.
 */
export function describeDifference(
  difference: RoadmapDifference,
  roadmap?: Roadmap,
  format?: DifferenceFormat,
): string {
  const parts = differenceParts(difference, roadmap, format);
  const optimiserSentence = optimiserDifferenceText(difference, parts, roadmap);
  if (optimiserSentence !== null) return optimiserSentence;
  if (parts.field === null && difference.collection !== "settings") {
    return `${parts.verb} the ${parts.noun} ${parts.label}`;
  }
  const subject =
    difference.collection === "settings"
      ? `the ${lowerFirst(parts.label)}`
      : difference.collection === "scenarios"
        ? `the ${parts.field} in the scenario ${parts.label}`
        : `the ${parts.field} of ${parts.label}`;
  if (parts.hidden) return `Changed ${subject}`;
  if (parts.before === null) return `Set ${subject} to ${parts.after ?? "nothing"}`;
  if (parts.after === null) return `Cleared ${subject} (was ${parts.before})`;
  return `Changed ${subject} from ${parts.before} to ${parts.after}`;
}

/**
 * The sentences a lock and an optimisation need, which the "Changed … from …
 * to …" pattern would say badly: "Locked Welcome email in for the optimiser",
 * "Optimised the scenario Lean with a budget of €800,000…". Null for any
 * other difference.
 */
function optimiserDifferenceText(
  difference: RoadmapDifference,
  parts: DifferenceParts,
  roadmap: Roadmap | undefined,
): string | null {
  if (difference.kind !== "changed") return null;
  if (difference.collection === "scenarios" && difference.field === "optimisation") {
    const how = parts.hidden || parts.after === null ? "" : ` ${parts.after}`;
    if (difference.after === undefined) return `Forgot how the scenario ${parts.label} was optimised`;
    return difference.before === undefined
      ? `Optimised the scenario ${parts.label}${how}`
      : `Optimised the scenario ${parts.label} again${how}`;
  }
  const lock = difference.collection === "settings" ? OPTIMISER_COMMUNICATION_FIELD.exec(difference.field ?? "") : null;
  if (lock?.[2] !== "lock") return null;
  const name = namesIn(roadmap).of("communications", lock[1] ?? "");
  switch (difference.after as CommunicationLock) {
    case "in":
      return `Locked ${name} in for the optimiser`;
    case "out":
      return `Locked ${name} out for the optimiser`;
    case "free":
      return `Let the optimiser decide on ${name} again`;
  }
}
