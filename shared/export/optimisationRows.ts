import { PURPOSE_LABELS } from "../model/labels";
import { findScenario, resolveScenario } from "../model/scenarios";
import {
  BASE_SCENARIO_ID,
  type FrontierPoint,
  type MarginalValue,
  type OptimisationRecord,
  type OptimiserSettings,
  type Roadmap,
} from "../model/schema";
import { type OptimisationChange, optimisationChanges } from "../optimise/optimisationChanges";

/** An optimisation record and the scenario it made, as the document names it now. */
export interface OptimisationSource {
  readonly scenarioId: string;
  readonly scenarioName: string;
  readonly record: OptimisationRecord;
}

/** What the report and the Compare tab write in place of an amount while costs are hidden. */
export const OPTIMISATION_COSTS_HIDDEN = "costs hidden";

/** Writes an amount of money in the roadmap's currency; null while costs are hidden. */
export type MoneyText = ((value: number) => string) | null;

/** Every scenario of the document the optimiser made (the base plan too, when an optimised scenario was made the base). */
export function optimisationsOf(document: Roadmap): OptimisationSource[] {
  const base = document.baseScenario.optimisation;
  return [
    ...(base ? [{ scenarioId: BASE_SCENARIO_ID, scenarioName: document.baseScenario.name, record: base }] : []),
    ...document.scenarios.flatMap((scenario) =>
      scenario.optimisation
        ? [{ scenarioId: scenario.id, scenarioName: scenario.name, record: scenario.optimisation }]
        : [],
    ),
  ];
}

/**
 * The optimisation a report is about: the shown scenario's (an export makes the
 * shown scenario the base), else the newest one; null when nothing was optimised.
 */
export function reportedOptimisation(document: Roadmap, shownScenarioId = BASE_SCENARIO_ID): OptimisationSource | null {
  const all = optimisationsOf(document);
  const shown = all.find((source) => source.scenarioId === shownScenarioId);
  if (shown) return shown;
  return all.reduce<OptimisationSource | null>(
    (newest, source) => (newest === null || source.record.createdAt > newest.record.createdAt ? source : newest),
    null,
  );
}

export interface SettingRow {
  readonly label: string;
  readonly value: string;
}

/** A headline figure of the plan and of the optimised scenario. */
export interface HeadlineRow {
  readonly label: string;
  readonly kind: "money" | "roi";
  readonly plan: number | null;
  readonly optimised: number | null;
  /** Optimised − plan; null where either is undefined (an ROI with nothing spent). */
  readonly difference: number | null;
}

export interface FrontierRow extends FrontierPoint {
  /** The point at the budget the optimised scenario was made with. */
  readonly chosen: boolean;
}

export interface MarginalRow {
  readonly label: string;
  /** In words with its amount, or "costs hidden". */
  readonly value: string;
  /** "LP dual" or "slope between solves": how it was measured. */
  readonly method: string;
}

export interface ChangeRow {
  readonly communicationId: string;
  readonly name: string;
  readonly kind: "dropped" | "changed";
  /** What changed, in words ("every 3 months → every 6 months"); empty when not known. */
  readonly what: string;
  /** Why, from the record; null when it gives none. */
  readonly reason: string | null;
}

/** The report's content about one optimisation, in rows. */
export interface OptimisationRows {
  readonly scenarioName: string;
  readonly fromScenarioName: string;
  /** False when the scenario it was optimised from has been deleted: the changes then come from the reasons alone. */
  readonly fromFound: boolean;
  readonly createdAt: string;
  readonly settings: readonly SettingRow[];
  readonly headline: readonly HeadlineRow[];
  /** The solver's status and gap in words. */
  readonly status: string;
  readonly frontier: readonly FrontierRow[];
  readonly plan: { readonly cost: number; readonly value: number; readonly onFrontier: boolean | null };
  readonly marginals: readonly MarginalRow[];
  readonly binding: readonly string[];
  readonly changes: readonly ChangeRow[];
}

const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 2 });
const count = new Intl.NumberFormat("en");

/**
 * Everything the executive report and the Compare tab say about an optimised
 * scenario, from the record it keeps: the settings in words, its figures
 * against the plan it was made from, the solver's status, the frontier, the
 * marginal values, the constraints that bind, and each change with its reason.
 * `money` null hides every amount (the frontier's numbers stay, for a chart in shares).
 */
export function optimisationRows(document: Roadmap, source: OptimisationSource, money: MoneyText): OptimisationRows {
  const { record } = source;
  const fromFound = record.fromScenarioId === BASE_SCENARIO_ID || !!findScenario(document, record.fromScenarioId);
  const chosen = chosenPoint(record);
  return {
    scenarioName: source.scenarioName,
    fromScenarioName: fromFound ? scenarioName(document, record.fromScenarioId) : record.fromScenarioName,
    fromFound,
    createdAt: record.createdAt,
    settings: settingRows(document, record.settings, money),
    headline: headlineRows(record),
    status: statusText(record),
    frontier: record.frontier.map((point, i) => ({ ...point, chosen: i === chosen })),
    plan: { cost: record.planCost, value: record.planValue, onFrontier: record.planOnFrontier?.onFrontier ?? null },
    marginals: marginalRows(record, money),
    binding: money ? record.binding : record.binding.filter((sentence) => !mentionsMoney(sentence, document.currency)),
    changes: changeRows(document, source, fromFound, money),
  };
}

function scenarioName(document: Roadmap, scenarioId: string): string {
  return scenarioId === BASE_SCENARIO_ID
    ? document.baseScenario.name
    : (findScenario(document, scenarioId)?.name ?? scenarioId);
}

function settingRows(document: Roadmap, settings: OptimiserSettings, money: MoneyText): SettingRow[] {
  const amount = (value: number) => (money ? money(value) : OPTIMISATION_COSTS_HIDDEN);
  const ownerName = new Map(document.owners.map((owner) => [owner.id, owner.name]));
  const phaseName = new Map(document.phases.map((phase) => [phase.id, phase.name]));
  const locks = Object.values(settings.communications);
  const lockedIn = locks.filter((options) => options.lock === "in").length;
  const lockedOut = locks.filter((options) => options.lock === "out").length;
  const list = (items: readonly string[]) => (items.length === 0 ? "none" : items.join("; "));
  return [
    {
      label: "Objective",
      value:
        settings.objective === "net"
          ? "the most net value: expected value − cost, both discounted"
          : "the most expected value within the budget, discounted",
    },
    {
      label: "Budget",
      value:
        settings.budget !== null
          ? `${amount(settings.budget)} over the ${document.horizonMonths} months`
          : settings.objective === "net"
            ? "no limit"
            : "what the plan cost",
    },
    {
      label: "Budget by year",
      value: list(settings.yearBudgets.map(({ year, budget }) => `year ${year + 1}: ${amount(budget)}`)),
    },
    {
      label: "Budget by owner",
      value: list(
        settings.ownerBudgets.map(({ ownerId, budget }) => `${ownerName.get(ownerId) ?? ownerId}: ${amount(budget)}`),
      ),
    },
    {
      label: "Contact caps",
      value: settings.respectContactCaps
        ? `respected: ${plural(document.contactCap, "contact")} a month per customer, and each channel's own cap`
        : "not respected",
    },
    {
      label: "Locks",
      value:
        lockedIn + lockedOut === 0
          ? "none"
          : `${count.format(lockedIn)} locked in, ${count.format(lockedOut)} locked out`,
    },
    {
      label: "Coverage rules",
      value: list(
        settings.purposeCoverage.map((rule) => {
          const purposes = rule.purposes.map((purpose) => PURPOSE_LABELS[purpose]).join(" or ");
          const phases =
            rule.phaseIds.length === 0
              ? "every phase that has one"
              : rule.phaseIds.map((id) => phaseName.get(id) ?? id).join(", ");
          return `${purposes} in ${phases}`;
        }),
      ),
    },
    {
      label: "Alternatives",
      value: list(
        settings.exclusiveGroups.map(
          (group) => `${group.name} (one of ${count.format(group.communicationIds.length)})`,
        ),
      ),
    },
    {
      label: "Solver",
      value: `stops after ${plural(settings.timeLimitSeconds, "second")} or within ${percent.format(settings.gapTolerance)} of the best possible`,
    },
  ];
}

function plural(n: number, noun: string): string {
  return `${count.format(n)} ${noun}${n === 1 ? "" : "s"}`;
}

const roi = (value: number, cost: number) => (cost === 0 ? null : (value - cost) / cost);

function headlineRows(record: OptimisationRecord): HeadlineRow[] {
  const row = (label: string, kind: HeadlineRow["kind"], plan: number | null, optimised: number | null) => ({
    label,
    kind,
    plan,
    optimised,
    difference: plan === null || optimised === null ? null : optimised - plan,
  });
  return [
    row("Expected value", "money", record.planValue, record.value),
    row("Cost", "money", record.planCost, record.cost),
    row("Net value", "money", record.planValue - record.planCost, record.value - record.cost),
    row("ROI", "roi", roi(record.planValue, record.planCost), roi(record.value, record.cost)),
  ];
}

function statusText(record: OptimisationRecord): string {
  const within = `at most ${percent.format(record.gap)} below the best possible`;
  switch (record.status) {
    case "optimal":
      return record.gap === 0 ? "Proven best." : `Best within the gap asked for: ${within}.`;
    case "timeLimit":
      return `Stopped at the time limit of ${plural(record.settings.timeLimitSeconds, "second")}: ${within}.`;
    case "stopped":
      return `Stopped by the user, keeping the best plan found so far: ${within}.`;
  }
}

/** The frontier point at the budget the scenario was made with (or nearest its cost, with no budget). */
function chosenPoint(record: OptimisationRecord): number | null {
  const target = record.settings.budget ?? record.cost;
  const key = (point: FrontierPoint) => (record.settings.budget !== null ? point.budget : point.cost);
  let best: number | null = null;
  record.frontier.forEach((point, i) => {
    if (!point.feasible) return;
    const bestPoint = best === null ? undefined : record.frontier[best];
    if (!bestPoint || Math.abs(key(point) - target) < Math.abs(key(bestPoint) - target)) best = i;
  });
  return best;
}

const METHODS: Record<MarginalValue["method"], string> = { dual: "LP dual", slope: "slope between solves" };

function marginalRows(record: OptimisationRecord, money: MoneyText): MarginalRow[] {
  const gain = record.settings.objective === "net" ? "net value" : "expected value";
  const rows: MarginalRow[] = [];
  if (record.marginalBudget) {
    rows.push({
      label: "One more unit of budget",
      value: money
        ? `${money(record.marginalBudget.perUnit)} more ${gain} for each ${money(1)} more`
        : OPTIMISATION_COSTS_HIDDEN,
      method: METHODS[record.marginalBudget.method],
    });
  }
  if (record.marginalContact) {
    rows.push({
      label: "One more allowed contact a month",
      value: money ? `${money(record.marginalContact.perUnit)} more ${gain}` : OPTIMISATION_COSTS_HIDDEN,
      method: METHODS[record.marginalContact.method],
    });
  }
  return rows;
}

/** Whether a sentence names an amount in the roadmap's currency (its symbol or its code). */
/** Whether a sentence names an amount: the currency's symbol or code. */
export function mentionsMoney(sentence: string, currency: string): boolean {
  const symbol =
    new Intl.NumberFormat("en", { style: "currency", currency })
      .formatToParts(0)
      .find((part) => part.type === "currency")?.value ?? currency;
  return sentence.includes(symbol) || sentence.includes(currency);
}

/**
 * Each communication the optimised scenario drops or sends differently from
 * the scenario it was made from (`optimisationChanges`), dropped ones first,
 * each part in the roadmap's order, with the record's reason. Without that
 * scenario (deleted since), the communications the record gives a reason for.
 */
function changeRows(document: Roadmap, source: OptimisationSource, fromFound: boolean, money: MoneyText): ChangeRow[] {
  const { record } = source;
  const reasonOf = (id: string) => {
    const reason = record.reasons[id];
    if (reason === undefined) return null;
    return money || !mentionsMoney(reason, document.currency) ? reason : OPTIMISATION_COSTS_HIDDEN;
  };
  if (!fromFound) {
    const kept = new Set(resolveScenario(document, source.scenarioId).communications.map((c) => c.id));
    const named = new Map(document.communications.map((c) => [c.id, c.name]));
    return Object.keys(record.reasons).map((id) => ({
      communicationId: id,
      name: named.get(id) ?? id,
      kind: kept.has(id) ? "changed" : "dropped",
      what: "",
      reason: reasonOf(id),
    }));
  }
  const changes = optimisationChanges(document, source.scenarioId, record.fromScenarioId);
  const dropped: ChangeRow[] = changes.dropped.map((change) => ({
    communicationId: change.communicationId,
    name: change.name,
    kind: "dropped",
    what: "left out",
    reason: reasonOf(change.communicationId),
  }));
  // A communication sent less often and made more personal is one row, its two changes joined.
  const changed = new Map<string, OptimisationChange[]>();
  for (const change of [
    ...changes.lessFrequent,
    ...changes.moreFrequent,
    ...changes.morePersonal,
    ...changes.lessPersonal,
  ]) {
    changed.set(change.communicationId, [...(changed.get(change.communicationId) ?? []), change]);
  }
  const order = new Map(document.communications.map((c, i) => [c.id, i]));
  const changedRows: ChangeRow[] = [...changed.values()]
    .sort((a, b) => (order.get(a[0]?.communicationId ?? "") ?? 0) - (order.get(b[0]?.communicationId ?? "") ?? 0))
    .map((parts) => {
      const [first] = parts as [OptimisationChange, ...OptimisationChange[]];
      return {
        communicationId: first.communicationId,
        name: first.name,
        kind: "changed",
        what: parts.map((part) => `${part.before} → ${part.after}`).join("; "),
        reason: reasonOf(first.communicationId),
      };
    });
  return [...dropped, ...changedRows];
}
