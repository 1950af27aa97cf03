import { simulateCustomerFlow } from "../engine/flow";
import { indexFlow } from "../engine/schedule";
import { findScenario, resolveScenario } from "../model/scenarios";
import {
  BASE_SCENARIO_ID,
  type Communication,
  type OptimiserSettings,
  type PurposeCoverage,
  type Roadmap,
} from "../model/schema";
import { err, ok, type Result } from "../result";
import { contactCapRows } from "./contactCapRows";
import { monthlyDiscountFactors, type ScheduledCandidate, scheduleCandidate, withSetting } from "./optimisationOptions";
import type {
  ConstraintRef,
  ConstraintRow,
  OptimisationCandidate,
  OptimisationModel,
  OptimisationOption,
} from "./types";

/** What a run changes of the settings without changing them: a frontier point's budget, one more allowed contact. */
export interface ModelOverrides {
  /** Replaces the settings' budget (null: none, or with "value", what the scenario costs now). */
  readonly budget?: number | null;
  /** Raises every contact cap (the roadmap's and each channel's) by this many sends a month. */
  readonly extraContacts?: number;
}

/** Rows hold when they are off by no more than this share of their bound (at least this much in absolute terms). */
const ROW_TOLERANCE = 1e-7;

/**
 * The mixed-integer programme of the campaign optimiser for one scenario:
 * one 0/1 column per option of each of its communications that is not
 * retired, and the rows the settings ask for. The customer flow does not
 * depend on what is sent, so it is simulated once and every option is
 * scheduled on it exactly as the plan engine would schedule the communication
 * with that option's settings; each option's cost, value and contacts are
 * then fixed numbers, and every constraint is linear.
 */
export function buildOptimisationModel(
  document: Roadmap,
  scenarioId: string,
  settings: OptimiserSettings,
  overrides: ModelOverrides = {},
): Result<OptimisationModel, string> {
  if (scenarioId !== BASE_SCENARIO_ID && !findScenario(document, scenarioId)) {
    return err(`There is no scenario with the id "${scenarioId}" to optimise.`);
  }
  const viewed = resolveScenario(document, scenarioId);
  const flow = simulateCustomerFlow(viewed);
  const index = indexFlow(flow);
  const channels = new Map(viewed.channels.map((channel) => [channel.id, channel]));
  const discount = monthlyDiscountFactors(flow.months, viewed.annualDiscountRate);
  const scheduled: ScheduledCandidate[] = viewed.communications
    .filter((communication) => communication.status !== "retired")
    .map((communication) => {
      return scheduleCandidate(
        flow,
        index,
        communication,
        channels.get(communication.channelId),
        settings.communications[communication.id],
        settings.objective,
        discount,
      );
    });
  if (scheduled.length === 0) {
    return err("The scenario has no communications to optimise: every one is retired or left out.");
  }

  const options: OptimisationOption[] = [];
  const candidates: OptimisationCandidate[] = scheduled.map(({ communication, options: own }) => {
    const first = options.length;
    options.push(...own);
    return {
      communicationId: communication.id,
      name: communication.name,
      optionIndices: own.map((_, k) => first + k),
      lock: settings.communications[communication.id]?.lock ?? "free",
    };
  });
  const planOptionIndices = candidates.map((candidate) => candidate.optionIndices[0] as number);
  const planCost = planOptionIndices.reduce((sum, i) => sum + (options[i] as OptimisationOption).cost, 0);
  const asked = overrides.budget === undefined ? settings.budget : overrides.budget;
  if (asked === null && settings.objective === "value" && planCost <= 0) {
    return err(
      "Maximising value needs a budget: the scenario costs nothing now, so there is no budget to keep to. Set a budget.",
    );
  }
  const budget = asked ?? (settings.objective === "value" ? planCost : null);

  const communications = scheduled.map(({ communication }) => communication);
  const rows: ConstraintRow[] = [
    ...(budget === null ? [] : [budgetRow(options, budget)]),
    ...settings.yearBudgets.map(({ year, budget: limit }) =>
      sumRow(
        { kind: "yearBudget", year, budget: limit },
        -Infinity,
        limit,
        options,
        (option) => option.costByYear[year] ?? 0,
      ),
    ),
    ...settings.ownerBudgets.map(({ ownerId, budget: limit }) => {
      const owned = new Set(communications.filter((c) => c.ownerId === ownerId).map((c) => c.id));
      return sumRow({ kind: "ownerBudget", ownerId, budget: limit }, -Infinity, limit, options, (option) =>
        owned.has(option.communicationId) ? option.cost : 0,
      );
    }),
    ...candidates.map((candidate) => {
      const { lock } = candidate;
      return countRow(
        { kind: "oneOption", communicationId: candidate.communicationId, lock },
        lock === "in" ? 1 : -Infinity,
        lock === "out" ? 0 : 1,
        candidate.optionIndices,
      );
    }),
    ...settings.purposeCoverage.flatMap((rule) => purposeCoverageRows(rule, viewed, communications, candidates)),
    ...settings.exclusiveGroups.flatMap((group) => {
      const members = new Set(group.communicationIds);
      const inGroup = candidates.filter((candidate) => members.has(candidate.communicationId));
      // One member alone is already held to one option by its own row.
      if (inGroup.length < 2) return [];
      return [
        countRow(
          { kind: "exclusiveGroup", groupId: group.id },
          -Infinity,
          1,
          inGroup.flatMap((candidate) => candidate.optionIndices),
        ),
      ];
    }),
    ...(settings.respectContactCaps
      ? contactCapRows(flow, viewed, scheduled, candidates, overrides.extraContacts ?? 0)
      : []),
  ];

  return ok({ objective: settings.objective, scenarioId, options, candidates, rows, budget, planOptionIndices });
}

/** What a choice of one option (or none, -1) per candidate brings, costs and which rows it breaks. */
export interface ChoiceEvaluation {
  readonly objective: number;
  readonly value: number;
  readonly cost: number;
  readonly discountedValue: number;
  readonly discountedCost: number;
  readonly violated: readonly ConstraintRef[];
}

export function evaluateChoice(model: OptimisationModel, choice: readonly number[]): ChoiceEvaluation {
  const chosen = new Uint8Array(model.options.length);
  let objective = 0;
  let value = 0;
  let cost = 0;
  let discountedValue = 0;
  let discountedCost = 0;
  for (const i of choice) {
    const option = model.options[i];
    if (option === undefined) continue;
    chosen[i] = 1;
    objective += option.objective;
    value += option.value;
    cost += option.cost;
    discountedValue += option.discountedValue;
    discountedCost += option.discountedCost;
  }
  const violated = model.rows
    .filter((row) => {
      let sum = 0;
      for (let k = 0; k < row.indices.length; k++) {
        if (chosen[row.indices[k] as number] === 1) sum += row.values[k] as number;
      }
      return sum < row.lower - slack(row.lower) || sum > row.upper + slack(row.upper);
    })
    .map((row) => row.constraint);
  return { objective, value, cost, discountedValue, discountedCost, violated };
}

/**
 * The scenario's roadmap as the choice would have it: each communication kept
 * set to its chosen option, the ones left out removed. Planned by the engine,
 * it gives the model's cost, value and contact pressure.
 */
export function choiceAsRoadmap(viewed: Roadmap, model: OptimisationModel, choice: readonly number[]): Roadmap {
  const chosen = new Map(
    model.candidates.map((candidate, c) => [candidate.communicationId, model.options[choice[c] ?? -1]]),
  );
  return {
    ...viewed,
    communications: viewed.communications.flatMap((communication) => {
      if (!chosen.has(communication.id)) return [communication];
      const option = chosen.get(communication.id);
      return option === undefined ? [] : [withSetting(communication, option)];
    }),
  };
}

/** The model with another total budget (null: none), every other row as it was. */
export function withBudget(model: OptimisationModel, budget: number | null): OptimisationModel {
  const others = model.rows.filter((row) => row.constraint.kind !== "budget");
  return {
    ...model,
    budget,
    rows: budget === null ? others : [budgetRow(model.options, budget), ...others],
  };
}

/**
 * At least one communication of the rule's purposes in each of its phases
 * (each phase that has one, when it names none). A named phase without any
 * such communication still gets its row, which then cannot hold: the run
 * explains the conflict rather than quietly ignoring the rule.
 */
function purposeCoverageRows(
  rule: PurposeCoverage,
  viewed: Roadmap,
  communications: readonly Communication[],
  candidates: readonly OptimisationCandidate[],
): ConstraintRow[] {
  const purposes = new Set<string>(rule.purposes);
  const byPhase = new Map<string, number[]>();
  communications.forEach((communication, c) => {
    if (!purposes.has(communication.purpose)) return;
    const indices = byPhase.get(communication.phaseId) ?? [];
    indices.push(...(candidates[c] as OptimisationCandidate).optionIndices);
    byPhase.set(communication.phaseId, indices);
  });
  const phaseIds =
    rule.phaseIds.length > 0
      ? new Set(rule.phaseIds)
      : viewed.phases.map((phase) => phase.id).filter((phaseId) => byPhase.has(phaseId));
  return [...phaseIds].map((phaseId) =>
    countRow({ kind: "purposeCoverage", ruleId: rule.id, phaseId }, 1, Infinity, byPhase.get(phaseId) ?? []),
  );
}

function budgetRow(options: readonly OptimisationOption[], budget: number): ConstraintRow {
  return sumRow({ kind: "budget", budget }, -Infinity, budget, options, (option) => option.cost);
}

/** A row over every option with a non-zero coefficient. */
function sumRow(
  constraint: ConstraintRef,
  lower: number,
  upper: number,
  options: readonly OptimisationOption[],
  coefficient: (option: OptimisationOption) => number,
): ConstraintRow {
  const indices: number[] = [];
  const values: number[] = [];
  options.forEach((option, i) => {
    const value = coefficient(option);
    if (value !== 0) {
      indices.push(i);
      values.push(value);
    }
  });
  return { constraint, lower, upper, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** A row counting chosen options: each of `indices` weighs 1. */
export function countRow(
  constraint: ConstraintRef,
  lower: number,
  upper: number,
  indices: readonly number[],
): ConstraintRow {
  return {
    constraint,
    lower,
    upper,
    indices: Int32Array.from(indices),
    values: new Float64Array(indices.length).fill(1),
  };
}

function slack(bound: number): number {
  return Number.isFinite(bound) ? ROW_TOLERANCE * Math.max(1, Math.abs(bound)) : 0;
}
