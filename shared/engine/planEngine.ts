import { type CommunicationCosts, communicationCosts } from "../model/costs";
import { lifecycleOrder } from "../model/presentationWalk";
import type { Channel, Communication, Roadmap } from "../model/schema";
import { type Budget, type BudgetInputs, createBudgetRollUp } from "./budget";
import { type PlanCalendar, planCalendar } from "./calendar";
import {
  type CommunicationDiagnosisContext,
  communicationDiagnosisContext,
  diagnoseCommunication,
  diagnoseFlow,
  diagnoseSurvey,
  type PlanDiagnostic,
  type SurveyDiagnostic,
} from "./diagnostics";
import { type CustomerFlow, type FlowInputs, sameElements, sameFlowInputs, simulateCustomerFlow } from "./flow";
import { type CustomerLifetimeValue, customerLifetimeValue } from "./lifetimeValue";
import { type ContactPressure, measureContactPressure } from "./pressure";
import { type CommunicationSchedule, type FlowIndex, indexFlow, scheduleCommunication } from "./schedule";

/** How many of the costliest communications a plan lists. */
export const COSTLIEST_COMMUNICATIONS = 10;

/** Customers over the horizon, all phases together. */
export interface CustomerCounts {
  readonly atStart: number;
  readonly arrivals: number;
  readonly churned: number;
  /** Still in some phase at the end of the horizon. */
  readonly atEnd: number;
}

/** Customer counts of the whole plan and of each segment (in document order). */
export interface CustomerTotals extends CustomerCounts {
  readonly bySegment: readonly (CustomerCounts & { readonly segmentId: string })[];
}

/** One phase over the horizon, all segments together: what a page per phase in the report shows. */
export interface PhaseSummary {
  readonly phaseId: string;
  readonly customersAtStart: number;
  readonly customersAtEnd: number;
  /** Customers at the start of a month, averaged over the months of the horizon. */
  readonly averageCustomers: number;
  /** Customers entering over the horizon, moved in or newly arrived. */
  readonly entries: number;
  readonly churned: number;
  readonly totalCost: number;
  readonly totalValue: number;
  readonly averageMonthlyCost: number;
}

/** Everything the plan computes from one roadmap document. Shared between runs: read it, never change it. */
export interface PlanResult {
  readonly calendar: PlanCalendar;
  readonly flow: CustomerFlow;
  readonly customers: CustomerTotals;
  /** One per communication, in document order (retired ones too, with nothing sent). */
  readonly communications: readonly CommunicationSchedule[];
  /** The costliest communications over the horizon, most expensive first; ties in document order. */
  readonly costliestCommunications: readonly CommunicationSchedule[];
  readonly budget: Budget;
  /** One per phase, in document order. */
  readonly phases: readonly PhaseSummary[];
  readonly lifetimeValue: CustomerLifetimeValue;
  readonly pressure: ContactPressure;
  readonly diagnostics: readonly PlanDiagnostic[];
}

/** How often each part of the plan was computed rather than reused: for tests and benchmarks. */
export interface PlanEngineStats {
  runs: number;
  flowSimulations: number;
  communicationSchedules: number;
  budgetRollUps: number;
  pressureMeasurements: number;
  lifetimeValueCalculations: number;
}

/** Plans roadmap after roadmap, reusing whatever an edit left unchanged. */
export interface PlanEngine {
  run(roadmap: Roadmap): PlanResult;
  readonly stats: Readonly<PlanEngineStats>;
}

interface FlowState {
  readonly inputs: FlowInputs;
  readonly flow: CustomerFlow;
  readonly index: FlowIndex;
  readonly diagnostics: readonly PlanDiagnostic[];
  readonly customers: CustomerTotals;
  readonly phaseCustomers: readonly PhaseCustomers[];
}

type PhaseCustomers = Pick<
  PhaseSummary,
  "phaseId" | "customersAtStart" | "customersAtEnd" | "averageCustomers" | "entries" | "churned"
>;

interface ScheduledCommunication {
  readonly schedule: CommunicationSchedule;
  /** The costs it was scheduled with: its channel's may have changed since. */
  readonly costs: CommunicationCosts;
  /** Everything about the communication that decides where and when it fires, and who sends it. */
  readonly pressureKey: string;
  /** What is doubtful about it, with the diagnosis context it was worked out in. */
  diagnosis?: { readonly context: CommunicationDiagnosisContext; readonly diagnostics: readonly PlanDiagnostic[] };
}

interface RollUp {
  readonly flow: CustomerFlow;
  readonly inputs: BudgetInputs;
  readonly calendar: PlanCalendar;
  readonly schedules: readonly CommunicationSchedule[];
  readonly budget: Budget;
  readonly phases: readonly PhaseSummary[];
  readonly costliest: readonly CommunicationSchedule[];
}

/**
 * A planning engine that remembers its last run. Edits of a roadmap are
 * immutable and share every object they leave alone (model/edits.ts), so the
 * engine compares the new document with the last one part by part:
 * - the customer flow is simulated again only when phases' customers,
 *   arrivals or churn, the transitions, the segments or the horizon changed;
 * - a communication is scheduled again only when its object or the costs it
 *   pays changed (its channel's defaults, when it follows them), or the flow did;
 * - the budget is summed again from the schedules, in document order, so an
 *   edited roadmap gives the same bits as the same roadmap planned afresh;
 * - contact pressure and lifetime values are kept while what they read is unchanged.
 * Only the last run is remembered, so an undo history does not keep old plans alive.
 */
export function createPlanEngine(): PlanEngine {
  const stats: PlanEngineStats = {
    runs: 0,
    flowSimulations: 0,
    communicationSchedules: 0,
    budgetRollUps: 0,
    pressureMeasurements: 0,
    lifetimeValueCalculations: 0,
  };
  let calendarMemo: { startMonth: string; horizonMonths: number; calendar: PlanCalendar } | undefined;
  let flowState: FlowState | undefined;
  let scheduled = new Map<Communication, ScheduledCommunication>();
  let lastCommunications: readonly Communication[] | undefined;
  let lastChannels: readonly Channel[] | undefined;
  let lastSchedules: readonly CommunicationSchedule[] = [];
  let lastPressureKeys: readonly string[] = [];
  let pressureMemo:
    | {
        flow: CustomerFlow;
        contactCap: number;
        channelCaps: readonly (number | null)[];
        keys: readonly string[];
        pressure: ContactPressure;
      }
    | undefined;
  let lifetimeMemo:
    | {
        flow: CustomerFlow;
        annualValues: readonly number[];
        annualDiscountRate: number;
        lifetimeValue: CustomerLifetimeValue;
      }
    | undefined;
  let rollUpMemo: RollUp | undefined;
  let diagnosisContext:
    | { segments: Roadmap["segments"]; flow: CustomerFlow; context: CommunicationDiagnosisContext }
    | undefined;
  let surveyMemo:
    | {
        survey: Roadmap["survey"];
        segments: Roadmap["segments"];
        pressure: ContactPressure;
        phaseOrder: string;
        diagnostics: readonly SurveyDiagnostic[];
      }
    | undefined;
  const budgetRollUp = createBudgetRollUp();

  function calendarOf(roadmap: Roadmap): PlanCalendar {
    if (calendarMemo?.startMonth !== roadmap.startMonth || calendarMemo.horizonMonths !== roadmap.horizonMonths) {
      calendarMemo = {
        startMonth: roadmap.startMonth,
        horizonMonths: roadmap.horizonMonths,
        calendar: planCalendar(roadmap.startMonth, roadmap.horizonMonths),
      };
    }
    return calendarMemo.calendar;
  }

  function flowOf(roadmap: Roadmap): FlowState {
    if (flowState && sameFlowInputs(flowState.inputs, roadmap)) return flowState;
    stats.flowSimulations++;
    const flow = simulateCustomerFlow(roadmap);
    flowState = {
      inputs: {
        horizonMonths: roadmap.horizonMonths,
        phases: roadmap.phases,
        transitions: roadmap.transitions,
        segments: roadmap.segments,
      },
      flow,
      index: indexFlow(flow),
      diagnostics: diagnoseFlow(flow),
      customers: countCustomers(flow),
      phaseCustomers: countPhaseCustomers(flow),
    };
    scheduled = new Map();
    lastCommunications = undefined;
    return flowState;
  }

  function schedulesOf(roadmap: Roadmap, state: FlowState): void {
    const { communications, channels } = roadmap;
    if (communications === lastCommunications && channels === lastChannels) return;
    const channelById = new Map(channels.map((channel) => [channel.id, channel]));
    const next = new Map<Communication, ScheduledCommunication>();
    const schedules: CommunicationSchedule[] = [];
    const pressureKeys: string[] = [];
    // The channels' costs can only have moved what an unchanged communication pays if the channels changed.
    const channelsChanged = channels !== lastChannels;
    for (const communication of communications) {
      const channel = channelById.get(communication.channelId);
      let entry = next.get(communication) ?? scheduled.get(communication);
      if (!entry || (channelsChanged && !chargesTheSame(entry.costs, communication, channel))) {
        const costs = communicationCosts(communication, channel);
        stats.communicationSchedules++;
        entry = {
          schedule: scheduleCommunication(state.flow, communication, { costs, index: state.index }),
          costs,
          pressureKey: pressureKeyOf(communication),
        };
      }
      next.set(communication, entry);
      schedules.push(entry.schedule);
      pressureKeys.push(entry.pressureKey);
    }
    scheduled = next;
    lastCommunications = communications;
    lastChannels = channels;
    // Keep the previous arrays when nothing changed, so the memos below can compare by identity.
    if (!sameElements(lastSchedules, schedules, () => false)) lastSchedules = schedules;
    if (!sameElements(lastPressureKeys, pressureKeys, (a, b) => a === b)) lastPressureKeys = pressureKeys;
  }

  function pressureOf(roadmap: Roadmap, flow: CustomerFlow): ContactPressure {
    const channelCaps = roadmap.channels.map((channel) => channel.contactCap);
    if (
      pressureMemo?.flow !== flow ||
      pressureMemo.contactCap !== roadmap.contactCap ||
      !sameElements(pressureMemo.channelCaps, channelCaps, Object.is) ||
      pressureMemo.keys !== lastPressureKeys
    ) {
      stats.pressureMeasurements++;
      pressureMemo = {
        flow,
        contactCap: roadmap.contactCap,
        channelCaps,
        keys: lastPressureKeys,
        pressure: measureContactPressure(
          flow,
          roadmap.communications,
          lastSchedules,
          roadmap.contactCap,
          roadmap.channels,
        ),
      };
    }
    return pressureMemo.pressure;
  }

  function lifetimeValueFor(roadmap: Roadmap, flow: CustomerFlow): CustomerLifetimeValue {
    const annualValues = roadmap.segments.map((segment) => segment.annualValue);
    if (
      lifetimeMemo?.flow !== flow ||
      lifetimeMemo.annualDiscountRate !== roadmap.annualDiscountRate ||
      !sameElements(lifetimeMemo.annualValues, annualValues, Object.is)
    ) {
      stats.lifetimeValueCalculations++;
      lifetimeMemo = {
        flow,
        annualValues,
        annualDiscountRate: roadmap.annualDiscountRate,
        lifetimeValue: customerLifetimeValue(flow, roadmap),
      };
    }
    return lifetimeMemo.lifetimeValue;
  }

  function rollUpOf(roadmap: Roadmap, calendar: PlanCalendar, state: FlowState): RollUp {
    if (
      rollUpMemo &&
      rollUpMemo.flow === state.flow &&
      rollUpMemo.schedules === lastSchedules &&
      rollUpMemo.calendar === calendar &&
      sameBudgetKeys(rollUpMemo.inputs, roadmap)
    ) {
      return rollUpMemo;
    }
    stats.budgetRollUps++;
    const budget = budgetRollUp.rollUp(roadmap, lastSchedules, calendar);
    const phaseBudget = budget.byDimension.phase;
    const T = calendar.months.length;
    rollUpMemo = {
      flow: state.flow,
      inputs: {
        phases: roadmap.phases,
        stages: roadmap.stages,
        channels: roadmap.channels,
        owners: roadmap.owners,
        segments: roadmap.segments,
        communications: roadmap.communications,
      },
      calendar,
      schedules: lastSchedules,
      budget,
      phases: state.phaseCustomers.map((customers, p) => {
        // Phase rows line up with phases unless an id repeats, which the schema forbids.
        const row = phaseBudget.keys[p] === customers.phaseId ? p : phaseBudget.keys.indexOf(customers.phaseId);
        const totalCost = phaseBudget.totalCost[row] ?? 0;
        return {
          phaseId: customers.phaseId,
          customersAtStart: customers.customersAtStart,
          customersAtEnd: customers.customersAtEnd,
          averageCustomers: customers.averageCustomers,
          entries: customers.entries,
          churned: customers.churned,
          totalCost,
          totalValue: phaseBudget.totalValue[row] ?? 0,
          averageMonthlyCost: T === 0 ? 0 : totalCost / T,
        };
      }),
      costliest: costliest(lastSchedules, COSTLIEST_COMMUNICATIONS),
    };
    return rollUpMemo;
  }

  /** Each communication is diagnosed once per schedule, unless the segments (or the flow's) change. */
  function communicationDiagnostics(roadmap: Roadmap, flow: CustomerFlow): readonly PlanDiagnostic[] {
    if (diagnosisContext?.segments !== roadmap.segments || diagnosisContext.flow !== flow) {
      diagnosisContext = {
        segments: roadmap.segments,
        flow,
        context: communicationDiagnosisContext(flow, roadmap.segments),
      };
    }
    const { context } = diagnosisContext;
    return roadmap.communications.flatMap((communication) => {
      // schedulesOf has just given every communication of the document its entry.
      const entry = scheduled.get(communication) as ScheduledCommunication;
      if (entry.diagnosis?.context !== context) {
        entry.diagnosis = { context, diagnostics: diagnoseCommunication(communication, entry.schedule, context) };
      }
      return entry.diagnosis.diagnostics;
    });
  }

  /** Worked out again only when the answers, the segments, the phases' lifecycle order or the contact pressure change. */
  function surveyDiagnostics(roadmap: Roadmap, pressure: ContactPressure): readonly SurveyDiagnostic[] {
    if (roadmap.survey.waves.length === 0) return [];
    const phaseOrder = `${roadmap.phases.map((phase) => phase.id).join("\u0000")}\u0001${lifecycleOrder(roadmap).join("\u0000")}`;
    if (
      surveyMemo?.survey !== roadmap.survey ||
      surveyMemo.segments !== roadmap.segments ||
      surveyMemo.pressure !== pressure ||
      surveyMemo.phaseOrder !== phaseOrder
    ) {
      surveyMemo = {
        survey: roadmap.survey,
        segments: roadmap.segments,
        pressure,
        phaseOrder,
        diagnostics: diagnoseSurvey(roadmap, pressure),
      };
    }
    return surveyMemo.diagnostics;
  }

  return {
    stats,
    run(roadmap) {
      stats.runs++;
      const calendar = calendarOf(roadmap);
      const state = flowOf(roadmap);
      schedulesOf(roadmap, state);
      const rollUp = rollUpOf(roadmap, calendar, state);
      const pressure = pressureOf(roadmap, state.flow);
      return {
        calendar,
        flow: state.flow,
        customers: state.customers,
        communications: lastSchedules,
        costliestCommunications: rollUp.costliest,
        budget: rollUp.budget,
        phases: rollUp.phases,
        lifetimeValue: lifetimeValueFor(roadmap, state.flow),
        pressure,
        diagnostics: [
          ...state.diagnostics,
          ...communicationDiagnostics(roadmap, state.flow),
          ...surveyDiagnostics(roadmap, pressure),
        ],
      };
    },
  };
}

/** Plans one roadmap with a fresh engine; for one-off uses such as an export. */
export function planRoadmap(roadmap: Roadmap): PlanResult {
  return createPlanEngine().run(roadmap);
}

/** Whether the budget's breakdowns would have the same keys (phases with their stages, stages, channels, owners). */
function sameBudgetKeys(previous: BudgetInputs, next: BudgetInputs): boolean {
  const sameId = (a: { id: string }, b: { id: string }) => a.id === b.id;
  return (
    sameElements(previous.phases, next.phases, (a, b) => a.id === b.id && a.stageId === b.stageId) &&
    sameElements(previous.stages, next.stages, sameId) &&
    sameElements(previous.channels, next.channels, sameId) &&
    sameElements(previous.owners, next.owners, sameId) &&
    sameElements(previous.segments, next.segments, sameId)
  );
}

/** Whether a communication still pays what it was scheduled with: its own costs, or its channel's unchanged ones. */
function chargesTheSame(
  costs: CommunicationCosts,
  communication: Communication,
  channel: Pick<Channel, "fixedCost" | "costPerContact"> | undefined,
): boolean {
  return (
    Object.is(costs.fixedCost, communication.fixedCost ?? channel?.fixedCost ?? 0) &&
    Object.is(costs.costPerContact, communication.costPerContact ?? channel?.costPerContact ?? 0)
  );
}

function pressureKeyOf(communication: Communication): string {
  const { timing, audience } = communication;
  const when =
    timing.kind === "onEntry"
      ? `onEntry:${timing.offsetMonths}`
      : timing.kind === "recurring"
        ? `recurring:${timing.everyMonths}`
        : `oneOff:${timing.month}`;
  // The exact share, not just whether it is above 0: a share small enough can round a reach down to nothing.
  return [
    communication.id,
    communication.phaseId,
    communication.ownerId,
    communication.channelId,
    communication.status === "retired" ? "retired" : "active",
    when,
    String(audience.share),
    audience.segmentIds.join("\u0001"),
  ].join("\u0000");
}

/** The `count` costliest schedules, most expensive first, ties in document order; free ones left out. */
function costliest(schedules: readonly CommunicationSchedule[], count: number): CommunicationSchedule[] {
  const top: CommunicationSchedule[] = [];
  for (const schedule of schedules) {
    if (schedule.totalCost <= 0) continue;
    if (top.length === count && schedule.totalCost <= (top.at(-1)?.totalCost ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1] as CommunicationSchedule).totalCost < schedule.totalCost) at--;
    top.splice(at, 0, schedule);
    if (top.length > count) top.pop();
  }
  return top;
}

function countCustomers(flow: CustomerFlow): CustomerTotals {
  const P = flow.phaseIds.length;
  const T = flow.months;
  const bySegment = flow.segmentIds.map((segmentId, s) => {
    const start = s * (T + 1) * P;
    const end = (s * (T + 1) + T) * P;
    const months = s * T * P;
    let atStart = 0;
    let atEnd = 0;
    let arrivals = 0;
    let churned = 0;
    for (let p = 0; p < P; p++) {
      atStart += flow.population[start + p] as number;
      atEnd += flow.population[end + p] as number;
    }
    for (let i = months; i < months + T * P; i++) {
      arrivals += flow.arrivals[i] as number;
      churned += flow.churned[i] as number;
    }
    return { segmentId, atStart, arrivals, churned, atEnd };
  });
  const total = (pick: (counts: CustomerCounts) => number) => bySegment.reduce((sum, counts) => sum + pick(counts), 0);
  return {
    atStart: total((counts) => counts.atStart),
    arrivals: total((counts) => counts.arrivals),
    churned: total((counts) => counts.churned),
    atEnd: total((counts) => counts.atEnd),
    bySegment,
  };
}

function countPhaseCustomers(flow: CustomerFlow): PhaseCustomers[] {
  const S = flow.segmentIds.length;
  const P = flow.phaseIds.length;
  const T = flow.months;
  return flow.phaseIds.map((phaseId, p) => {
    let customersAtStart = 0;
    let customersAtEnd = 0;
    let monthStarts = 0;
    let entries = 0;
    let churned = 0;
    for (let s = 0; s < S; s++) {
      customersAtStart += flow.population[s * (T + 1) * P + p] as number;
      customersAtEnd += flow.population[(s * (T + 1) + T) * P + p] as number;
      for (let t = 0; t < T; t++) {
        monthStarts += flow.population[(s * (T + 1) + t) * P + p] as number;
        entries += flow.entries[(s * T + t) * P + p] as number;
        churned += flow.churned[(s * T + t) * P + p] as number;
      }
    }
    return {
      phaseId,
      customersAtStart,
      customersAtEnd,
      averageCustomers: T === 0 ? 0 : monthStarts / T,
      entries,
      churned,
    };
  });
}
