import { PERSONALISATION_LABELS } from "../model/labels";
import { addScenario, editInScenario, freeScenarioName } from "../model/scenarioEdits";
import { resolveScenario, scenarioChoices } from "../model/scenarios";
import type { OptimisationRecord, OptimiserSettings, Roadmap } from "../model/schema";
import { formatTimingText } from "../model/timingText";
import { err, ok, type Result } from "../result";
import { describeConstraint } from "./constraintText";
import { columnEntries, outsideRow, rowActivity } from "./highsModel";
import { choiceAsRoadmap } from "./optimisationModel";
import { optimisedScenarioName } from "./scenarioName";
import type {
  ConstraintRef,
  ConstraintRow,
  OptimisationCandidate,
  OptimisationModel,
  OptimisationOption,
  OptimisationOutcome,
  OptimisationRun,
} from "./types";

/** The longest sentence a record keeps (`OptimisationRecordSchema`'s binding and reasons). */
const MAX_SENTENCE = 500;
/** The most binding constraints a record keeps; a run against many cohorts' caps can bind thousands. */
const MAX_BINDING = 1000;

/**
 * Writes an optimisation's plan as a new scenario: a copy of the scenario it
 * optimised, with the chosen plan applied the way a user's own edits would be
 * (a dropped communication left out of it; timing, personalisation, costs and
 * response rate set as its overrides), and the record of how it was made. The
 * optimised scenario, the base plan and every other scenario stay as they were.
 * Refused, with the reason, when the run found no plan or the roadmap has no
 * room for another scenario.
 */
export function writeOptimisedScenario(
  document: Roadmap,
  run: OptimisationRun,
  { now, settings = document.optimiser }: { now: Date; settings?: OptimiserSettings },
): Result<{ roadmap: Roadmap; scenarioId: string }, string> {
  const { model, outcome } = run;
  if (outcome.status === "infeasible") {
    return err("The optimiser found no plan that keeps to every constraint, so there is no optimised scenario to add.");
  }
  if (!Number.isFinite(outcome.gap)) {
    return err("The optimiser stopped before it found any plan, so there is no optimised scenario to add.");
  }
  const added = addScenario(document, {
    name: freeScenarioName(document, optimisedScenarioName(model.objective, model.budget, document.currency)),
    copyOf: run.scenarioId,
  });
  if (!added.ok) return added;
  const { scenarioId } = added.value;
  const viewed = resolveScenario(added.value.roadmap, scenarioId);
  const optimised = editInScenario(
    added.value.roadmap,
    scenarioId,
    viewed,
    choiceAsRoadmap(viewed, model, outcome.choice),
  );
  const from = resolveScenario(document, run.scenarioId);
  const record = optimisationRecord(document, run, outcome.status, from, { now, settings });
  return ok({
    roadmap: {
      ...optimised,
      scenarios: optimised.scenarios.map((scenario) =>
        scenario.id === scenarioId
          ? { ...scenario, notes: summary(record, from.currency), optimisation: record }
          : scenario,
      ),
    },
    scenarioId,
  });
}

function optimisationRecord(
  document: Roadmap,
  run: OptimisationRun,
  status: OptimisationRecord["status"],
  from: Roadmap,
  { now, settings }: { now: Date; settings: OptimiserSettings },
): OptimisationRecord {
  const { model, outcome, frontier } = run;
  const plan = planFigures(model);
  return {
    createdAt: now.toISOString(),
    fromScenarioId: run.scenarioId,
    fromScenarioName: scenarioChoices(document).find((choice) => choice.id === run.scenarioId)?.name ?? run.scenarioId,
    // What this run was asked: the file's settings with the budget and objective it was actually built with.
    settings: structuredClone({ ...settings, objective: model.objective, budget: model.budget }),
    status,
    gap: Math.min(outcome.gap, RECORD_MAX_GAP),
    objective: outcome.objective,
    cost: outcome.cost,
    value: outcome.value,
    planCost: plan.cost,
    planValue: plan.value,
    frontier: frontier ? [...frontier.points] : [],
    planOnFrontier: frontier
      ? { net: frontier.plan.net, onFrontier: frontier.plan.onFrontier, shortfall: frontier.plan.shortfall }
      : null,
    marginalBudget: frontier?.marginalBudget ?? null,
    marginalContact: frontier?.marginalContact ?? null,
    binding: bindingSentences(outcome.binding, from),
    reasons: explainDecisions(run, from),
  };
}

/** `OptimisationRecordSchema`'s largest gap. */
const RECORD_MAX_GAP = 1e6;

/** Cost and value of the optimised scenario's own plan, undiscounted, as the model counts them. */
export function planFigures(model: OptimisationModel): { cost: number; value: number } {
  let cost = 0;
  let value = 0;
  for (const index of model.planOptionIndices) {
    const option = model.options[index];
    if (!option) continue;
    cost += option.cost;
    value += option.value;
  }
  return { cost, value };
}

/** The constraints that bind, in words, each once: many cohorts can hit the same cap in the same words. */
export function bindingSentences(binding: readonly ConstraintRef[], roadmap: Roadmap): string[] {
  const sentences = [...new Set(binding.map((ref) => sentence(describeConstraint(ref, roadmap))))];
  if (sentences.length <= MAX_BINDING) return sentences;
  return [...sentences.slice(0, MAX_BINDING - 1), `and ${sentences.length - MAX_BINDING + 1} more`];
}

/** The record's one-line note: what the optimised plan brings against the plan it came from. */
function summary(record: OptimisationRecord, currency: string): string {
  const money = wholeMoney(currency);
  return `Optimised from “${record.fromScenarioName}”: ${money(record.value)} of value for ${money(record.cost)}, against ${money(record.planValue)} for ${money(record.planCost)}.`;
}

/**
 * Why the optimiser dropped or changed each communication, by id, in a short
 * sentence: what it brings per unit of money against the rest of the plan,
 * the cap, budget, lock or alternative that going back to it would break.
 * Communications the plan keeps as they were have no entry.
 */
export function explainDecisions(run: OptimisationRun, roadmap: Roadmap): Record<string, string> {
  const { model, outcome } = run;
  const inPlan = new Set(model.planOptionIndices);
  const context: ReasonContext = {
    model,
    outcome,
    roadmap,
    words: moneyWords(roadmap.currency),
    activity: rowActivity(model, outcome.choice),
    columns: columnEntries(model),
    planReturns: model.planOptionIndices
      .map((index) => model.options[index])
      .filter((option): option is OptimisationOption => option !== undefined && option.cost > 0)
      .map(returnPerCost),
  };
  const reasons: Record<string, string> = {};
  model.candidates.forEach((candidate, i) => {
    const currentIndex = candidate.optionIndices[0] ?? -1;
    const current = model.options[currentIndex];
    const chosenIndex = outcome.choice[i] ?? -1;
    const chosen = model.options[chosenIndex];
    if (!current || chosenIndex === currentIndex) return;
    let reason: string | undefined;
    if (!inPlan.has(currentIndex)) {
      // Not sent by the plan, so only adding it is a decision.
      if (chosen) reason = `added: brings ${returnText(chosen, context.words)} per ${context.words.unit} it costs`;
    } else if (chosen) {
      reason = whyChanged(currentIndex, chosenIndex, context);
    } else {
      reason = whyDropped(candidate.lock, currentIndex, context);
    }
    if (reason !== undefined) reasons[candidate.communicationId] = sentence(reason);
  });
  return reasons;
}

interface ReasonContext {
  readonly model: OptimisationModel;
  readonly outcome: OptimisationOutcome;
  readonly roadmap: Roadmap;
  readonly words: MoneyWords;
  /** Each row's left-hand side in the chosen plan. */
  readonly activity: Float64Array;
  /** The rows each option appears in, with its coefficient there. */
  readonly columns: readonly (readonly [number, number][])[];
  /** Value per unit of cost of each option of the plan that costs something. */
  readonly planReturns: readonly number[];
}

function whyDropped(lock: OptimisationCandidate["lock"], currentIndex: number, context: ReasonContext): string {
  if (lock === "out") return "dropped: locked out in the optimiser's settings";
  const { model, roadmap, words } = context;
  const current = model.options[currentIndex] as OptimisationOption;
  const blocking = blockingRows(currentIndex, -1, context);
  const parts: string[] = [];
  const group = blocking.find((row) => row.constraint.kind === "exclusiveGroup");
  const alternative = group && keptIn(group, context);
  if (alternative) {
    parts.push(
      returnPerCost(alternative.option) > returnPerCost(current)
        ? `alternative to ${alternative.name}, which brings more per ${words.unit}`
        : `alternative to ${alternative.name}, which is kept`,
    );
  }
  if (current.cost > 0) {
    parts.push(
      current.value > 0
        ? `brings ${returnText(current, words)} per ${words.unit} it costs${rankText(current, context)}`
        : `brings no value of its own for what it costs${rankText(current, context)}`,
    );
  }
  const cap = blocking.find((row) => row.constraint.kind === "contactCap");
  if (cap) parts.push(`hit ${capText(cap.constraint, roadmap)}`);
  const budget = blocking.find((row) => isBudget(row.constraint));
  if (budget) {
    parts.push(`no room left in ${describeConstraint(budget.constraint, roadmap)}`);
  }
  if (parts.length === 0) parts.push("the plan is worth more without it");
  return `dropped: ${parts.join("; ")}`;
}

function whyChanged(currentIndex: number, chosenIndex: number, context: ReasonContext): string {
  const { model, roadmap, words } = context;
  const current = model.options[currentIndex] as OptimisationOption;
  const chosen = model.options[chosenIndex] as OptimisationOption;
  const changes: string[] = [];
  if (current.everyMonths !== null && chosen.everyMonths !== null && current.everyMonths !== chosen.everyMonths) {
    changes.push(`${everyText(chosen.everyMonths)} instead of ${everyText(current.everyMonths)}`);
  }
  if (current.personalisation !== chosen.personalisation) {
    changes.push(`${levelText(chosen)} instead of ${levelText(current)}`);
  }
  if (changes.length === 0) changes.push("sent another way");
  const blocking = blockingRows(currentIndex, chosenIndex, context);
  const why: string[] = [];
  const cap = blocking.find((row) => row.constraint.kind === "contactCap");
  if (cap) why.push(`hit ${capText(cap.constraint, roadmap)}`);
  const budget = blocking.find((row) => isBudget(row.constraint));
  if (budget) why.push(`to keep within ${describeConstraint(budget.constraint, roadmap)}`);
  if (chosen.cost > 0 && current.cost > 0 && returnPerCost(chosen) >= returnPerCost(current)) {
    why.push(`${returnText(chosen, words)} back per ${words.unit} instead of ${returnText(current, words)}`);
  } else if (chosen.value > current.value) {
    why.push(
      `brings ${words.whole(chosen.value - current.value)} more for ${words.whole(chosen.cost - current.cost)} more`,
    );
  } else if (chosen.cost < current.cost) {
    why.push(
      `costs ${words.whole(current.cost - chosen.cost)} less for ${words.whole(current.value - chosen.value)} less value`,
    );
  }
  return why.length === 0 ? changes.join(", ") : `${changes.join(", ")}: ${why.join("; ")}`;
}

/**
 * The rows that sending `back` instead of `chosen` (-1: nothing) would break
 * in the chosen plan: what stands between the optimised plan and the old option.
 */
function blockingRows(back: number, chosen: number, { model, activity, columns }: ReasonContext): ConstraintRow[] {
  const change = new Map<number, number>();
  for (const [row, coefficient] of columns[back] ?? []) change.set(row, (change.get(row) ?? 0) + coefficient);
  for (const [row, coefficient] of chosen >= 0 ? (columns[chosen] ?? []) : []) {
    change.set(row, (change.get(row) ?? 0) - coefficient);
  }
  const broken: ConstraintRow[] = [];
  for (const [index, delta] of change) {
    const row = model.rows[index];
    if (!row) continue;
    if (outsideRow(row, (activity[index] as number) + delta)) broken.push(row);
  }
  return broken;
}

/** The communication the chosen plan keeps in a group of alternatives. */
function keptIn(
  group: ConstraintRow,
  { model, outcome }: ReasonContext,
): { name: string; option: OptimisationOption } | undefined {
  for (const [i, candidate] of model.candidates.entries()) {
    const chosenIndex = outcome.choice[i] ?? -1;
    const option = model.options[chosenIndex];
    if (option && group.indices.includes(chosenIndex)) return { name: candidate.name, option };
  }
  return undefined;
}

function isBudget(ref: ConstraintRef): boolean {
  return ref.kind === "budget" || ref.kind === "yearBudget" || ref.kind === "ownerBudget";
}

/** "the contact cap of 4 a month for SMB customers in Onboarding", "the Email cap of 2 a month for …". */
function capText(ref: ConstraintRef, roadmap: Roadmap): string {
  if (ref.kind !== "contactCap") return describeConstraint(ref, roadmap);
  const whose =
    ref.capOf === "roadmap"
      ? "the contact cap"
      : `the ${roadmap.channels.find((channel) => channel.id === ref.capOf)?.name ?? "channel's"} cap`;
  const segment = roadmap.segments.find((s) => s.id === ref.segmentId)?.name;
  const phase = roadmap.phases.find((p) => p.id === ref.phaseId)?.name ?? "its phase";
  return `${whose} of ${ref.cap} a month for ${segment ? `${segment} customers` : "customers"} in ${phase}`;
}

/** Undiscounted value per unit of cost; what a person weighs a send by. */
function returnPerCost(option: OptimisationOption): number {
  return option.cost > 0 ? option.value / option.cost : Number.POSITIVE_INFINITY;
}

function returnText(option: OptimisationOption, words: MoneyWords): string {
  return words.cents(returnPerCost(option));
}

/** ", the lowest of the plan" or ", among the lowest" when few sends of the plan bring less per unit of cost. */
function rankText(option: OptimisationOption, { planReturns }: ReasonContext): string {
  const ratio = returnPerCost(option);
  const below = planReturns.filter((other) => other < ratio).length;
  if (planReturns.length < 2) return "";
  if (below === 0) return ", the lowest of the plan";
  return below < planReturns.length / 3 ? ", among the lowest of the plan" : "";
}

function everyText(everyMonths: number): string {
  return formatTimingText({ kind: "recurring", everyMonths });
}

function levelText(option: OptimisationOption): string {
  return PERSONALISATION_LABELS[option.personalisation].toLowerCase();
}

/** A sentence a record can hold. */
function sentence(text: string): string {
  return text.length <= MAX_SENTENCE ? text : `${text.slice(0, MAX_SENTENCE - 1)}…`;
}

/** Money as the reasons write it: "€0.40" for returns, "€12,400" for amounts, and the unit ("€", "CHF"). */
interface MoneyWords {
  cents(value: number): string;
  whole(value: number): string;
  unit: string;
}

function moneyWords(currency: string): MoneyWords {
  const cents = new Intl.NumberFormat("en", {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const unit = cents.formatToParts(1).find((part) => part.type === "currency")?.value ?? currency;
  return { cents: (value) => cents.format(value), whole: wholeMoney(currency), unit };
}

function wholeMoney(currency: string): (value: number) => string {
  const format = new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 });
  return (value) => format.format(value);
}

/** What `roadmap optimise --json` prints: the plan chosen, by communication id. */
export interface OptimisationJson {
  status: OptimisationOutcome["status"];
  objective: number;
  value: number;
  cost: number;
  roi: number | null;
  /** Null when no plan was found (no finite gap). */
  gap: number | null;
  chosen: { communication: string; frequency: number | null; personalisation: OptimisationOption["personalisation"] }[];
  dropped: string[];
  binding: string[];
}

/** The run's plan for scripts: each kept communication's option, the dropped ones and the binding constraints in words. */
export function optimisationJson(run: OptimisationRun, roadmap: Roadmap): OptimisationJson {
  const { model, outcome } = run;
  const chosen: OptimisationJson["chosen"] = [];
  const dropped: string[] = [];
  model.candidates.forEach((candidate, i) => {
    const option = model.options[outcome.choice[i] ?? -1];
    if (option) {
      chosen.push({
        communication: candidate.communicationId,
        frequency: option.everyMonths,
        personalisation: option.personalisation,
      });
    } else {
      dropped.push(candidate.communicationId);
    }
  });
  return {
    status: outcome.status,
    objective: outcome.objective,
    value: outcome.value,
    cost: outcome.cost,
    roi: outcome.roi,
    gap: Number.isFinite(outcome.gap) ? outcome.gap : null,
    chosen,
    dropped,
    binding: bindingSentences(outcome.binding, roadmap),
  };
}
