import { formatLocaleAmount } from "../format/localeNumber";
import { PURPOSE_LABELS } from "../model/labels";
import type { Roadmap } from "../model/schema";
import type { ConstraintRef, ConstraintRow, OptimisationModel } from "./types";

/** The most constraints a sentence lists before it says how many more there are. */
const LISTED = 5;

const MONTH = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });

/** Money as the exports write it: the roadmap's currency, cents only where there are some. */
function money(amount: number, roadmap: Roadmap): string {
  return formatLocaleAmount(Math.round(amount * 100) / 100, "en", { currency: roadmap.currency });
}

/** Month `month` of the horizon as a calendar month: "Mar 2027". */
function monthName(month: number, roadmap: Roadmap): string {
  const [year, monthOfYear] = roadmap.startMonth.split("-").map(Number) as [number, number];
  return MONTH.format(new Date(Date.UTC(year, monthOfYear - 1 + month, 1)));
}

function nameOf(items: readonly { id: string; name: string }[], id: string, missing: string): string {
  return items.find((item) => item.id === id)?.name ?? missing;
}

function communicationName(roadmap: Roadmap, id: string): string {
  return nameOf(roadmap.communications, id, "a removed communication");
}

/** "a", "a and b", "a, b and c"; past a few, "a, b, c, d, e and 3 more". */
function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length > LISTED) return `${names.slice(0, LISTED).join(", ")} and ${names.length - LISTED} more`;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** "a, b, c", or the first few and how many more: "a, b, … and 12 more". */
function shortList(names: readonly string[]): string {
  const shown = names.slice(0, LISTED);
  return names.length > LISTED ? `${shown.join(", ")} and ${names.length - LISTED} more` : shown.join(", ");
}

/** "a or b", "a, b or c". */
function eitherOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One constraint of the optimisation in words, as a result or a conflict
 * names it: "the budget of €1,200,000", "Sales's budget of €300,000", "the
 * contact cap of 4 a month for SMB customers who entered Onboarding in Mar
 * 2027, in May 2027", "Welcome email is locked in".
 */
export function describeConstraint(ref: ConstraintRef, roadmap: Roadmap): string {
  switch (ref.kind) {
    case "budget":
      return `the budget of ${money(ref.budget, roadmap)}`;
    case "yearBudget": {
      const first = ref.year * 12;
      const last = Math.min(first + 11, roadmap.horizonMonths - 1);
      return `the budget of ${money(ref.budget, roadmap)} for year ${ref.year + 1} of the plan (${monthName(first, roadmap)} to ${monthName(last, roadmap)})`;
    }
    case "ownerBudget":
      return `${nameOf(roadmap.owners, ref.ownerId, "a removed owner")}'s budget of ${money(ref.budget, roadmap)}`;
    case "contactCap":
      return `${capName(ref, roadmap)} of ${ref.cap} a month for ${cohortName(ref, roadmap)}, in ${monthName(ref.month, roadmap)}`;
    case "oneOption":
      return ref.lock === "in"
        ? `${communicationName(roadmap, ref.communicationId)} is locked in`
        : ref.lock === "out"
          ? `${communicationName(roadmap, ref.communicationId)} is locked out`
          : `${communicationName(roadmap, ref.communicationId)} is sent in one way at most`;
    case "purposeCoverage":
      return `the rule that ${nameOf(roadmap.phases, ref.phaseId, "a removed phase")} keeps ${coverageWhat(ref.ruleId, roadmap)}`;
    case "exclusiveGroup": {
      const group = roadmap.optimiser.exclusiveGroups.find((g) => g.id === ref.groupId);
      if (!group) return "a removed group of alternatives";
      const members = group.communicationIds.map((id) => communicationName(roadmap, id));
      return `the alternatives “${group.name}” (at most one of ${listed(members)})`;
    }
  }
}

function capName(ref: Extract<ConstraintRef, { kind: "contactCap" }>, roadmap: Roadmap): string {
  return ref.capOf === "roadmap"
    ? "the contact cap"
    : `the ${nameOf(roadmap.channels, ref.capOf, "removed channel")} contact cap`;
}

/** "SMB customers who entered Onboarding in Mar 2027", or "… in Onboarding at the plan's start". */
function cohortName(ref: Extract<ConstraintRef, { kind: "contactCap" }>, roadmap: Roadmap): string {
  const segment = nameOf(roadmap.segments, ref.segmentId, "removed-segment");
  const phase = nameOf(roadmap.phases, ref.phaseId, "a removed phase");
  return ref.entryMonth === null
    ? `${segment} customers in ${phase} at the plan's start`
    : `${segment} customers who entered ${phase} in ${monthName(ref.entryMonth, roadmap)}`;
}

/** "at least one Retention or Loyalty communication". */
function coverageWhat(ruleId: string, roadmap: Roadmap): string {
  const rule = roadmap.optimiser.purposeCoverage.find((r) => r.id === ruleId);
  if (!rule) return "at least one communication of a removed rule's purposes";
  return `at least one ${eitherOf(rule.purposes.map((purpose) => PURPOSE_LABELS[purpose]))} communication`;
}

/**
 * Why no plan keeps to the settings, in a sentence that names the
 * constraints that clash and what to change: "The communications locked in
 * cost €52,000, more than the budget of €40,000. Raise the budget or unlock
 * one of: Welcome call, Renewal visit." `conflict` is the outcome's: a small
 * set of rows that cannot all hold.
 */
export function describeConflict(
  conflict: readonly ConstraintRef[],
  model: OptimisationModel,
  roadmap: Roadmap,
): string {
  const lockedIn = conflict.flatMap((ref) =>
    ref.kind === "oneOption" && ref.lock === "in" ? [ref.communicationId] : [],
  );
  const lockedOut = conflict.flatMap((ref) =>
    ref.kind === "oneOption" && ref.lock === "out" ? [ref.communicationId] : [],
  );
  const others = conflict.filter((ref) => ref.kind !== "oneOption");
  const [only] = others;
  if (others.length === 1 && only) {
    const row = model.rows.find((r) => sameConstraint(r.constraint, only));
    const sentence = row && explainOne(only, row, lockedIn, lockedOut, model, roadmap);
    if (sentence) return sentence;
  }
  return clashSentence(conflict, roadmap);
}

function explainOne(
  ref: ConstraintRef,
  row: ConstraintRow,
  lockedIn: readonly string[],
  lockedOut: readonly string[],
  model: OptimisationModel,
  roadmap: Roadmap,
): string | null {
  const names = (ids: readonly string[]) => ids.map((id) => communicationName(roadmap, id));
  switch (ref.kind) {
    case "budget":
    case "yearBudget":
    case "ownerBudget": {
      const over = lockedOver(row, model);
      if (!over) return null;
      const what = ref.kind === "budget" ? "the budget" : "that budget";
      const least = over.choices ? "at least " : "";
      return `The communications locked in cost ${least}${money(over.total, roadmap)}, more than ${describeConstraint(ref, roadmap)}. Raise ${what} or unlock ${over.unlock}: ${shortList(names(over.ids))}.`;
    }
    case "contactCap": {
      const over = lockedOver(row, model);
      if (!over) return null;
      const { ids } = over;
      const reach =
        ids.length === 1 ? "is locked in but reaches" : `are locked in but ${ids.length === 2 ? "both" : "all"} reach`;
      const segment = nameOf(roadmap.segments, ref.segmentId, "removed-segment");
      const phase = nameOf(roadmap.phases, ref.phaseId, "a removed phase");
      const whom =
        ref.entryMonth === ref.month
          ? `${segment} customers in their first month in ${phase} (${monthName(ref.month, roadmap)})`
          : `${cohortName(ref, roadmap)}, in ${monthName(ref.month, roadmap)}`;
      const them = ids.length === 1 ? "it" : `${over.unlock === "one of" ? "one" : "some"} of them`;
      return `${listed(names(ids))} ${reach} ${whom}: ${over.total} sends, over ${capName(ref, roadmap)} of ${ref.cap} a month. Raise the cap, stop respecting contact caps or unlock ${them}.`;
    }
    case "purposeCoverage": {
      const rule = describeConstraint(ref, roadmap);
      if (lockedOut.length === 0) {
        return `${capitalised(rule)} cannot hold: no communication there has that purpose. Add one or take the phase out of the rule.`;
      }
      return `${capitalised(rule)} cannot hold: every such communication there is locked out (${listed(names(lockedOut))}). Unlock one of them or take the phase out of the rule.`;
    }
    case "exclusiveGroup": {
      if (lockedIn.length < 2) return null;
      const group = roadmap.optimiser.exclusiveGroups.find((g) => g.id === ref.groupId);
      const are = lockedIn.length === 2 ? "are both" : "are all";
      return `${listed(names(lockedIn))} ${are} locked in, but they are alternatives in “${group?.name ?? "a removed group"}”, which keeps at most one. Unlock all but one of them or take them out of the group.`;
    }
    case "oneOption":
      return null;
  }
}

/**
 * The locked-in communications that add to a row whichever option they take,
 * when together they exceed its limit: who they are, the least they add
 * together, whether unlocking any one of them is enough, and whether they have
 * cheaper options than the least (so the total is "at least").
 */
function lockedOver(
  row: ConstraintRow,
  model: OptimisationModel,
): { ids: string[]; total: number; unlock: "one of" | "some of"; choices: boolean } | null {
  const adding = model.candidates
    .filter((candidate) => candidate.lock === "in")
    .map((candidate) => ({ candidate, least: leastIn(row, candidate.communicationId, model) }))
    .filter(({ least }) => least > 0);
  const total = adding.reduce((sum, { least }) => sum + least, 0);
  if (adding.length === 0 || total <= row.upper) return null;
  const excess = total - row.upper;
  return {
    ids: adding.map(({ candidate }) => candidate.communicationId),
    total,
    unlock: adding.every(({ least }) => least >= excess) ? "one of" : "some of",
    choices: adding.some(({ candidate }) => candidate.optionIndices.length > 1),
  };
}

/** The least a communication adds to a row in any of its options: its cheapest cost, its fewest sends. */
function leastIn(row: ConstraintRow, communicationId: string, model: OptimisationModel): number {
  const candidate = model.candidates.find((c) => c.communicationId === communicationId);
  let least = Number.POSITIVE_INFINITY;
  for (const option of candidate?.optionIndices ?? []) {
    const at = row.indices.indexOf(option);
    least = Math.min(least, at >= 0 ? (row.values[at] as number) : 0);
  }
  return Number.isFinite(least) ? least : 0;
}

function clashSentence(conflict: readonly ConstraintRef[], roadmap: Roadmap): string {
  if (conflict.length === 0) {
    return "No plan keeps to these settings, and the solver could not tell which of them clash. Relax a budget, a cap or a lock.";
  }
  const described = conflict.map((ref) => describeConstraint(ref, roadmap));
  const shown = described.slice(0, LISTED);
  const more = described.length - shown.length;
  const list = more > 0 ? `${shown.join("; ")}; and ${more} more` : listed(shown);
  return `No plan keeps to all of these at once: ${list}. Relax one of them.`;
}

function sameConstraint(a: ConstraintRef, b: ConstraintRef): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
