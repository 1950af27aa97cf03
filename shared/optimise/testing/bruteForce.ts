import { budgetRow } from "../../engine/budget";
import { createPlanEngine, type PlanEngine, type PlanResult, planRoadmap } from "../../engine/planEngine";
import { resolveScenario } from "../../model/scenarios";
import type { OptimiserSettings, Roadmap } from "../../model/schema";
import { choiceAsRoadmap, evaluateChoice } from "../optimisationModel";
import type { OptimisationModel } from "../types";
import type { OptimiserInstance } from "./smallInstances";

/**
 * What the plan engine says of one choice of the optimiser, judged from the
 * roadmap the choice makes and never from the model's rows: whether it keeps
 * every rule of the settings, and what it costs and brings.
 */
export interface Judgement {
  /** The rules it breaks, in words, for a test's message; empty when it keeps them all. */
  readonly broken: readonly string[];
  /** Whether it keeps the total budget (one of `broken` when not): a frontier sets that budget itself. */
  readonly withinBudget: boolean;
  /** The model's objective: discounted value − discounted cost ("net") or discounted value ("value"). */
  readonly objective: number;
  readonly value: number;
  readonly cost: number;
  readonly discountedValue: number;
  readonly discountedCost: number;
}

/** The best choice found by trying them all; null when none keeps every rule. */
export interface BruteForceResult {
  readonly best: { readonly objective: number; readonly choice: readonly number[] } | null;
  /** Choices the plan engine planned (those that kept the locks and the alternatives). */
  readonly planned: number;
  /**
   * The first few planned choices the model's own rows (`evaluateChoice`) judge otherwise than the plan
   * engine: what each breaks by the engine and by the rows. Empty when the rows say what the engine says.
   */
  readonly disagreements: readonly { choice: readonly number[]; engine: readonly string[]; rows: readonly string[] }[];
}

/** Disagreements listed at most, enough to see the pattern. */
const DISAGREEMENTS_SHOWN = 3;

/** A budget is kept when the plan costs at most this much more, a rounding of sums in another order. */
const tolerance = (limit: number) => 1e-7 * Math.max(1, Math.abs(limit));

/** Judges choices, and roadmaps, of one optimiser instance with the plan engine. */
export interface ChoiceJudge {
  /** Judges the roadmap `choiceAsRoadmap` makes of a choice (each candidate's option index, or -1). */
  judge(choice: readonly number[], engine?: PlanEngine): Judgement;
  /** Judges any roadmap of the instance's scenario: the plan itself, or an optimised scenario as written. */
  judgeRoadmap(roadmap: Roadmap, engine?: PlanEngine): Judgement;
  /** Whether a choice keeps the locks and the alternatives: what can be told without planning. */
  keepsStructure(choice: readonly number[]): boolean;
}

/**
 * A judge of the instance's choices. Every rule is read from the instance's
 * settings and the roadmap: the total budget (with the "value" objective and
 * no budget, what the scenario costs now) from the plan's total cost, year
 * budgets from its month-by-month cost, owner budgets from its owner
 * breakdown, contact caps from its contact pressure (no collision), locks,
 * purpose coverage and alternatives from the communications it keeps.
 */
export function choiceJudge(instance: OptimiserInstance, model: OptimisationModel): ChoiceJudge {
  const { settings } = instance;
  const viewed = resolveScenario(instance.document, instance.scenarioId);
  const sent = viewed.communications.filter((c) => c.status !== "retired");
  const budget = settings.budget ?? (settings.objective === "value" ? planRoadmap(viewed).budget.totalCost : null);
  const lockedIn = sent.filter((c) => settings.communications[c.id]?.lock === "in").map((c) => c.id);
  const lockedOut = sent.filter((c) => settings.communications[c.id]?.lock === "out").map((c) => c.id);
  const coverage = settings.purposeCoverage.map((rule) => {
    const purposes = new Set<string>(rule.purposes);
    const phaseIds =
      rule.phaseIds.length > 0
        ? rule.phaseIds
        : [...new Set(sent.filter((c) => purposes.has(c.purpose)).map((c) => c.phaseId))];
    return { id: rule.id, purposes, phaseIds };
  });
  const candidateIds = model.candidates.map((candidate) => candidate.communicationId);

  /** What the scenario sends that the choice keeps: every candidate it does not leave out, and the rest. */
  const keptIds = (choice: readonly number[]) => {
    const kept = new Set(sent.map((c) => c.id));
    choice.forEach((option, i) => {
      if (option < 0) kept.delete(candidateIds[i] as string);
    });
    return kept;
  };

  const structuralBreaks = (kept: ReadonlySet<string>): string[] => {
    const broken: string[] = [];
    for (const id of lockedIn) if (!kept.has(id)) broken.push(`${id} is locked in but left out`);
    for (const id of lockedOut) if (kept.has(id)) broken.push(`${id} is locked out but sent`);
    for (const group of settings.exclusiveGroups) {
      const together = group.communicationIds.filter((id) => kept.has(id));
      if (together.length > 1) broken.push(`alternatives ${group.id} are sent together: ${together.join(", ")}`);
    }
    return broken;
  };

  const judgeRoadmap = (roadmap: Roadmap, engine = createPlanEngine()): Judgement => {
    const plan = engine.run(roadmap);
    const live = roadmap.communications.filter((c) => c.status !== "retired");
    const broken = structuralBreaks(new Set(live.map((c) => c.id)));
    for (const rule of coverage) {
      for (const phaseId of rule.phaseIds) {
        if (!live.some((c) => c.phaseId === phaseId && rule.purposes.has(c.purpose))) {
          broken.push(`coverage ${rule.id} finds nothing of ${[...rule.purposes].join("/")} in ${phaseId}`);
        }
      }
    }
    const withinBudget = budget === null || !over(plan.budget.totalCost, budget);
    if (!withinBudget) broken.push(`costs ${plan.budget.totalCost}, over the budget of ${budget}`);
    broken.push(...budgetBreaks(plan, instance.settings));
    if (settings.respectContactCaps) {
      for (const collision of plan.pressure.collisions.slice(0, 3)) {
        broken.push(
          `${collision.count} sends over the ${collision.capOf} cap of ${collision.cap} in ${collision.segmentId}/${collision.phaseId}, month ${collision.month}`,
        );
      }
    }
    const { discountedValue, discountedCost } = discounted(plan, roadmap.annualDiscountRate);
    return {
      broken,
      withinBudget,
      objective: settings.objective === "net" ? discountedValue - discountedCost : discountedValue,
      value: plan.budget.totalValue,
      cost: plan.budget.totalCost,
      discountedValue,
      discountedCost,
    };
  };

  return {
    judgeRoadmap,
    judge: (choice, engine) => {
      if (choice.length !== candidateIds.length) {
        throw new Error(`a choice of ${choice.length} options for ${candidateIds.length} candidates`);
      }
      return judgeRoadmap(choiceAsRoadmap(viewed, model, choice), engine);
    },
    keepsStructure: (choice) => structuralBreaks(keptIds(choice)).length === 0,
  };
}

/**
 * Tries every choice of the model's candidates (each left out or sent in one
 * of its options), plans each that keeps the locks and alternatives with the
 * plan engine, and keeps the best that keeps every rule; on the way, notes
 * where the model's rows judge a choice otherwise. Meant for at most a few
 * thousand choices.
 */
export function bruteForce(instance: OptimiserInstance, model: OptimisationModel): BruteForceResult {
  let best: BruteForceResult["best"] = null;
  const disagreements: BruteForceResult["disagreements"][number][] = [];
  const planned = enumerate(instance, model, (choice, judgement) => {
    const rows = evaluateChoice(model, choice).violated.map((row) => row.kind);
    if ((rows.length === 0) !== (judgement.broken.length === 0) && disagreements.length < DISAGREEMENTS_SHOWN) {
      disagreements.push({ choice, engine: judgement.broken, rows });
    }
    if (judgement.broken.length > 0) return;
    if (best === null || judgement.objective > best.objective) best = { objective: judgement.objective, choice };
  });
  return { best, planned, disagreements };
}

/** The best plan within one budget of a frontier: its objective and undiscounted value and cost. */
export interface BestWithin {
  readonly objective: number;
  readonly value: number;
  readonly cost: number;
}

/**
 * The best plan within each of `budgets` in place of the settings' total
 * budget, every other rule kept: what each point of the frontier should be
 * (null where no plan keeps within it), from one enumeration.
 */
export function bruteForceFrontier(
  instance: OptimiserInstance,
  model: OptimisationModel,
  budgets: readonly number[],
): (BestWithin | null)[] {
  const best: (BestWithin | null)[] = budgets.map(() => null);
  enumerate(instance, model, (_, judgement) => {
    // Any total budget is the frontier's to set: the plan only has to keep every other rule.
    if (judgement.broken.length > (judgement.withinBudget ? 0 : 1)) return;
    budgets.forEach((budget, k) => {
      const known = best[k];
      if (judgement.cost > budget + tolerance(budget)) return;
      if (known === null || known === undefined || judgement.objective > known.objective) best[k] = judgement;
    });
  });
  return best;
}

/** Plans every choice that keeps the locks and alternatives, in a fixed order; how many it planned. */
function enumerate(
  instance: OptimiserInstance,
  model: OptimisationModel,
  visit: (choice: readonly number[], judgement: Judgement) => void,
): number {
  const { judge, keepsStructure } = choiceJudge(instance, model);
  const ways = model.candidates.map((candidate) => [-1, ...candidate.optionIndices]);
  const total = ways.reduce((product, options) => product * options.length, 1);
  const engine = createPlanEngine();
  let planned = 0;
  for (let n = 0; n < total; n++) {
    let rest = n;
    const choice = ways.map((options) => {
      const option = options[rest % options.length] as number;
      rest = Math.floor(rest / options.length);
      return option;
    });
    if (!keepsStructure(choice)) continue;
    planned++;
    visit(choice, judge(choice, engine));
  }
  return planned;
}

/** Spent above a limit by more than a rounding of sums in another order. */
function over(spent: number, limit: number): boolean {
  return spent > limit + tolerance(limit);
}

/** The year and owner budgets the plan breaks. */
function budgetBreaks(plan: PlanResult, settings: OptimiserSettings): string[] {
  const broken: string[] = [];
  const monthly = budgetRow(plan.budget.overall.byMonth, "total")?.cost ?? new Float64Array(0);
  for (const { year, budget: limit } of settings.yearBudgets) {
    const spent = monthly.subarray(year * 12, year * 12 + 12).reduce((sum, cost) => sum + cost, 0);
    if (over(spent, limit)) broken.push(`costs ${spent} in year ${year}, over its budget of ${limit}`);
  }
  const owners = plan.budget.byDimension.owner;
  for (const { ownerId, budget: limit } of settings.ownerBudgets) {
    const k = owners.keys.indexOf(ownerId);
    const spent = k < 0 ? 0 : (owners.totalCost[k] as number);
    if (over(spent, limit)) broken.push(`${ownerId} spends ${spent}, over their budget of ${limit}`);
  }
  return broken;
}

/** The plan's value and cost, each month's discounted to the plan's start. */
function discounted(plan: PlanResult, annualDiscountRate: number): { discountedValue: number; discountedCost: number } {
  let discountedValue = 0;
  let discountedCost = 0;
  for (const schedule of plan.communications) {
    for (let t = 0; t < schedule.cost.length; t++) {
      const factor = discountFactor(annualDiscountRate, t);
      discountedValue += (schedule.value[t] as number) * factor;
      discountedCost += (schedule.cost[t] as number) * factor;
    }
  }
  return { discountedValue, discountedCost };
}

/**
 * What one unit of money in month `t` of the horizon is worth at the plan's
 * start: the roadmap's yearly rate compounded monthly, as the lifetime value
 * discounts (`customerLifetimeValue`), the first month undiscounted.
 */
export function discountFactor(annualDiscountRate: number, t: number): number {
  return (1 + annualDiscountRate) ** (-t / 12);
}
